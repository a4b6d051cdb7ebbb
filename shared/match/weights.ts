import type { SimilarityWeights } from './score';

/** Every number the ranking rests on, in one place, so the benchmark can cross-validate them. */
export type MatchWeights = SimilarityWeights & {
  /** Weight of a keywords row against a question or a similar phrasing (1). */
  keywords: number;
  /** How much the answer's coverage of the question adds to the best phrasing's similarity. */
  answer: number;
  /** Pseudo-sentences of the background counts blended with the base's own (shared/match/background.ts). */
  background: number;
  /** Twins within this score of each other are ordered by the words of the question they hold. */
  twinMargin: number;
  /** …and only when their best phrasings share at least this share of character pairs (they are twins). */
  twinOverlap: number;
  /**
   * Below this share of the question's rarity-weighted characters (pairs, for an answer), a
   * text is about something else: 「明天下雨吗」 shares one 天 with 「陪产假有多少天」, and an
   * honest "nothing found" beats a wrong suggestion.
   */
  minCover: number;
  /** An entry scoring less is left out: it shares a word or two with the question, nothing more. */
  minScore: number;
  /** A result whose score, plus `lead` times its lead over the next one, reaches `confident` is a confident answer. */
  confident: number;
  lead: number;
};

// Chosen by cross-validation (scripts/bench/tune.mjs): k folds of the resident questions and
// two halves of LCQMC's dev set, each fold's weights judged on the questions it did not see.
export const WEIGHTS: MatchWeights = {
  bm25: 0.2,
  chars: 1,
  cover: 1.2,
  length: 0.6,
  keywords: 0.8,
  answer: 1,
  background: 600,
  twinMargin: 0.03,
  twinOverlap: 0.5,
  minCover: 0.15,
  minScore: 0.15,
  confident: 0.39,
  lead: 3,
};
