import type { Ranked } from './rank';

/** An entry the semantic stage found near the question: the cosine of its nearest phrasing. */
export type Neighbour = { id: string; cosine: number };

export type FuseWeights = {
  /** Reciprocal rank fusion's constant: each list adds 1 / (k + rank). 60 is the usual choice, not tuned here. */
  k: number;
  /** Below this cosine a neighbour is about something else and is left out. */
  minCosine: number;
  /** A first result this close in meaning is a confident answer even if no word of it matched. */
  confidentCosine: number;
};

// bge-m3's cosines run from about 0.3 for unrelated Chinese sentences to above 0.8 for
// paraphrases. These thresholds are conservative defaults: measure them where the service
// exists (`npm run bench:match -- --remote`) before trusting the semantic stage's confidence.
export const FUSE_WEIGHTS: FuseWeights = { k: 60, minCosine: 0.55, confidentCosine: 0.82 };

/**
 * The lexical ranking and the semantic neighbours as one list, best first. The words decide when
 * they are sure: a confident lexical answer stays first, with the neighbours the words missed
 * after the lexical results as related. Otherwise the two lists are merged by reciprocal rank
 * fusion (an entry high in both beats one high in only one), and the first result is a confident
 * answer only if it is the nearest in meaning and close enough. Without neighbours the lexical
 * ranking is returned unchanged.
 */
export function fuse(lexical: readonly Ranked[], neighbours: readonly Neighbour[], w: FuseWeights = FUSE_WEIGHTS): Ranked[] {
  const near = neighbours.filter((n) => n.cosine >= w.minCosine).sort((a, b) => b.cosine - a.cosine);
  if (!near.length) return [...lexical];
  if (lexical[0]?.confident) {
    const seen = new Set(lexical.map((r) => r.id));
    const last = lexical.at(-1)!.score;
    return [...lexical, ...near.filter((n) => !seen.has(n.id)).map((n, i) => ({ id: n.id, score: last / (2 + i), confident: false }))];
  }
  const byId = new Map<string, { lexical?: Ranked; lexRank?: number; cosine?: number; vecRank?: number }>();
  lexical.forEach((r, i) => byId.set(r.id, { lexical: r, lexRank: i + 1 }));
  near.forEach((n, i) => {
    const seen = byId.get(n.id);
    if (seen?.vecRank !== undefined) return;
    byId.set(n.id, { ...seen, cosine: n.cosine, vecRank: i + 1 });
  });
  // Scaled so that an entry first in both lists scores 1.
  const top = 2 / (w.k + 1);
  const fused = [...byId].map(([id, f]) => ({
    id,
    f,
    score: ((f.lexRank ? 1 / (w.k + f.lexRank) : 0) + (f.vecRank ? 1 / (w.k + f.vecRank) : 0)) / top,
  }));
  fused.sort((a, b) => b.score - a.score || (a.f.lexRank ?? Infinity) - (b.f.lexRank ?? Infinity));
  return fused.map(({ id, f, score }, i) => {
    const confident = i === 0 && f.vecRank === 1 && (f.cosine ?? 0) >= w.confidentCosine;
    const matched = f.lexical?.matched;
    return matched ? { id, score, matched, confident } : { id, score, confident };
  });
}
