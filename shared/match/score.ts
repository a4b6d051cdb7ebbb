import { meets, quantities, thresholds, type Quantity, type Threshold } from './numbers';
import type { Rewrite } from './synonyms';
import { bigrams, unigrams } from './tokens';

// How alike two texts are, from character statistics. Paraphrases of one question reorder
// words and swap function words, so order-free character overlap beats BM25's word view;
// BM25 still carries how rare the shared words are in the whole base.

export type Profile = {
  chars: Map<string, number>;
  pairs: Set<string>;
  length: number;
  quantities: Quantity[];
  thresholds: Threshold[];
};

const counts = (tokens: string[]) => {
  const m = new Map<string, number>();
  for (const t of tokens) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
};

const letters = (text: string) => text.replaceAll(' ', '').length;

/**
 * `canonical` is normalized text with synonyms rewritten (`rewrites`). A rewritten mention
 * weighs as many characters as it was typed with: 兼职 read as 非全日制从业人员 is still two
 * characters' worth of the text, not eight, so a colloquial word does not outweigh the rest of
 * the question. A one-character word (娃 for 子女) weighs as a two-character one: it is a word.
 */
export function profile(canonical: string, rewrites: readonly Rewrite[] = []): Profile {
  const chars = counts(unigrams(canonical));
  let length = letters(canonical);
  for (const { form, preferred } of rewrites) {
    // Tokens for the weights (12345热线 is 12345, 热, 线), characters for the length.
    const units = unigrams(preferred);
    const ratio = Math.max(unigrams(form).length, Math.min(2, units.length)) / units.length;
    for (const c of units) {
      const n = chars.get(c);
      // A token the text's own letters or digits ran into (app + 12345…) counts as that run.
      if (n !== undefined) chars.set(c, n - 1 + ratio);
    }
    length += Math.max(letters(form), Math.min(2, letters(preferred))) - letters(preferred);
  }
  return {
    chars,
    pairs: new Set(bigrams(canonical)),
    length,
    quantities: quantities(canonical),
    thresholds: thresholds(canonical),
  };
}

export type Weight = (token: string) => number;

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

const DIGITS = /^\d+(?:\.\d+)?$/u;

/**
 * A number of the question that the phrasing states as a condition the number meets: 81 (岁)
 * in 「我爸81了」 is met by 80周岁及以上, as if the phrasing said 81.
 */
function metNumber(q: Profile, c: Profile, token: string): boolean {
  if (!DIGITS.test(token) || !c.thresholds.length) return false;
  const value = Number(token);
  return q.quantities.some((x) => x.value === value && c.thresholds.some((t) => meets(x, t)));
}

/** Share of a's weight that b has. */
function coverage(q: Profile, c: Profile, w: Weight): number {
  let hit = 0;
  let total = 0;
  for (const [t, x] of q.chars) {
    const y = c.chars.get(t) ?? (metNumber(q, c, t) ? x : 0);
    hit += Math.min(x, y) * w(t);
    total += x * w(t);
  }
  return total > 0 ? hit / total : 0;
}

/** Share of the question's rarity-weighted character pairs (and numbers) that the text has. */
export function pairCoverage(q: Profile, c: Profile, w: Weight): number {
  let hit = 0;
  let total = 0;
  for (const t of q.pairs) {
    const weight = w(t);
    total += weight;
    if (c.pairs.has(t) || c.chars.has(t) || metNumber(q, c, t)) hit += weight;
  }
  return total > 0 ? hit / total : 0;
}

/** Share of the question's rarity-weighted characters that the phrasing has. */
export const covered = (q: Profile, c: Profile, idf: Weight): number => coverage(q, c, idf);

/** How the features of a phrasing add up; shared/match/weights.ts holds the chosen values. */
export type SimilarityWeights = { bm25: number; chars: number; cover: number; length: number };

/**
 * Similarity in [0, 1]. `bm25` is the phrasing's BM25 relative to the best candidate (0..1);
 * `idf` weighs each character of the question by its rarity in the base.
 */
export function similarity(q: Profile, c: Profile, bm25: number, idf: Weight, w: SimilarityWeights): number {
  const s =
    w.bm25 * bm25 +
    w.chars * jaccard(q.chars, c.chars) +
    w.cover * coverage(q, c, idf) +
    w.length * (Math.min(q.length, c.length) / Math.max(q.length, c.length, 1));
  return s / (w.bm25 + w.chars + w.cover + w.length);
}
