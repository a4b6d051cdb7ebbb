import { normalize } from './normalize';
import type { QueryPlan, TermStats } from './query';
import { covered, MIN_COVERAGE, profile, similarity } from './score';
import { canonicalize, type SynonymTable } from './synonyms';

/** Which phrasing of an entry an index row holds: its question, a similar phrasing, its keywords. */
export type PhrasingKind = 'q' | 's' | 'k';
export type Candidate = { id: string; kind: PhrasingKind; text: string; bm25: number };
/** `matched` is the similar phrasing (相似问法) that matched best, if it was not the question. */
export type Ranked = { id: string; score: number; matched?: string };

// Keywords are a bag of words, not a question: matching them is weaker evidence.
const KIND_FACTOR = { q: 1, s: 1, k: 0.8 } as const;

/** Entries best first; an entry scores as its best-matching phrasing; unrelated phrasings are left out. */
export function rank(plan: QueryPlan, candidates: readonly Candidate[], synonyms: SynonymTable, stats: TermStats): Ranked[] {
  const q = profile(plan.canonical);
  const topBm25 = Math.max(...candidates.map((c) => c.bm25), 1e-9);
  // BM25's idf; a character the base has never seen weighs like the rarest.
  const idf = (t: string) => Math.log(1 + stats.rows / ((stats.df.get(t) ?? 0) + 0.5));
  const best = new Map<string, Ranked>();
  for (const c of candidates) {
    const p = profile(canonicalize(synonyms, normalize(c.text)));
    if (covered(q, p, idf) < MIN_COVERAGE) continue;
    const score = KIND_FACTOR[c.kind] * similarity(q, p, c.bm25 / topBm25, idf);
    const seen = best.get(c.id);
    if (!seen || score > seen.score) best.set(c.id, c.kind === 's' ? { id: c.id, score, matched: c.text } : { id: c.id, score });
  }
  return [...best.values()].sort((a, b) => b.score - a.score);
}
