import { normalize, typedForm } from './normalize';
import { isStopChar } from './stopwords';
import { alternativeForms, canonicalForm, type Rewrite, type SynonymTable } from './synonyms';
import { bigrams, indexTerms } from './tokens';

export type QueryPlan = {
  /** The question as typed (shared/match/normalize.ts typedForm): between texts that fit alike, the one in the resident's own words goes first. */
  typed: string;
  /** Normalized, synonyms rewritten to their preferred form: what the reranker compares. */
  canonical: string;
  /** The synonyms rewritten into `canonical`: each weighs as typed (shared/match/score.ts profile). */
  rewrites: Rewrite[];
  /**
   * Distinct tokens of the question as typed (the index holds each phrasing's own words), then
   * those of its canonical form: the reranker weighs the preferred forms by their counts too.
   */
  terms: string[];
  /** Token sequences of the other forms of every synonym the question mentions. */
  phrases: string[][];
};

/** Null when nothing is left to search for (only punctuation, particles, stop characters). */
export function planQuery(text: string, synonyms: SynonymTable): QueryPlan | null {
  const normalized = normalize(text);
  if (![...normalized].some((c) => c !== ' ' && !isStopChar(c))) return null;
  const { text: canonical, rewrites } = canonicalForm(synonyms, normalized);
  return {
    typed: typedForm(text),
    canonical,
    rewrites,
    terms: [...new Set([...indexTerms(normalized), ...indexTerms(canonical)])],
    phrases: alternativeForms(synonyms, normalized).map(bigrams),
  };
}

/** How many phrasings contain each term, and how many phrasings there are. */
export type TermStats = { df: ReadonlyMap<string, number>; rows: number };

// An OR over terms that occur in a large share of the base costs time (FTS5 scores every row
// that has any of them) and barely changes the order: the search sends only the rarest
// terms, none more common than commonDf (worker/db/search.ts applies this rule in SQL). The
// reranker still sees the whole question. Past 20,000 phrasings a term held by a thousand of
// them is common whatever its share: FTS5 would score every one of those rows to find nothing
// the question's rarer terms do not (at 50,000 entries: a quarter of the statement's time).
export const MAX_TERMS = 12;
const COMMON_SHARE = 0.05;
const MIN_COMMON_DF = 50;
const MAX_COMMON_DF = 1000;

export const commonDf = (rows: number): number => Math.min(MAX_COMMON_DF, Math.max(MIN_COMMON_DF, Math.floor(rows * COMMON_SHARE)));
