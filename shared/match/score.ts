import { unigrams } from './tokens';

// How alike two texts are, from character statistics. Paraphrases of one question reorder
// words and swap function words, so order-free character overlap beats BM25's word view;
// BM25 still carries how rare the shared words are in the whole base.

export type Profile = { chars: Map<string, number>; length: number };

const counts = (tokens: string[]) => {
  const m = new Map<string, number>();
  for (const t of tokens) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
};

/** `canonical` is normalized text with synonyms rewritten. */
export function profile(canonical: string): Profile {
  return { chars: counts(unigrams(canonical)), length: canonical.replaceAll(' ', '').length };
}

type Weight = (token: string) => number;

/** Jaccard of two multisets: shared count over total count. */
function jaccard(a: Map<string, number>, b: Map<string, number>): number {
  let shared = 0;
  let total = 0;
  for (const [t, x] of a) {
    const y = b.get(t) ?? 0;
    shared += Math.min(x, y);
    total += Math.max(x, y);
  }
  for (const [t, y] of b) if (!a.has(t)) total += y;
  return total > 0 ? shared / total : 0;
}

/** Share of a's weight that b has. */
function coverage(a: Map<string, number>, b: Map<string, number>, w: Weight): number {
  let hit = 0;
  let total = 0;
  for (const [t, x] of a) {
    hit += Math.min(x, b.get(t) ?? 0) * w(t);
    total += x * w(t);
  }
  return total > 0 ? hit / total : 0;
}

// Weights chosen on LCQMC with two-fold cross-validation (weights fitted on either half do
// as well on the other, within noise). Plain character overlap carries most; how much of the
// question's rare characters a phrasing covers, and a similar length, break the ties between
// near-duplicate entries; BM25 adds how rare the shared words are.
const WEIGHTS = { bm25: 0.2, chars: 1, cover: 1.2, length: 0.6 } as const;
const WEIGHT_SUM = Object.values(WEIGHTS).reduce((a, b) => a + b, 0);

/**
 * Below this share of the question's rarity-weighted characters, a phrasing is about something
 * else: 「明天下雨吗」 shares one 天 with 「陪产假有多少天」. Such a phrasing is no answer at all, and
 * an honest "nothing found" beats a wrong suggestion. On LCQMC no right answer covers less.
 */
export const MIN_COVERAGE = 0.25;

/** Share of the question's rarity-weighted characters that the phrasing has. */
export const covered = (q: Profile, c: Profile, idf: Weight): number => coverage(q.chars, c.chars, idf);

/**
 * Similarity in [0, 1]. `bm25` is the phrasing's BM25 relative to the best candidate (0..1);
 * `idf` weighs each character of the question by its rarity in the base.
 */
export function similarity(q: Profile, c: Profile, bm25: number, idf: Weight): number {
  const s =
    WEIGHTS.bm25 * bm25 +
    WEIGHTS.chars * jaccard(q.chars, c.chars) +
    WEIGHTS.cover * coverage(q.chars, c.chars, idf) +
    WEIGHTS.length * (Math.min(q.length, c.length) / Math.max(q.length, c.length, 1));
  return s / WEIGHT_SUM;
}
