// Chinese has no spaces, and a word segmenter trained on news splits policy vocabulary
// (住房|公|积|金, 低|保, 社|保). Overlapping character bigrams do not depend on the segmenter:
// any shared two-character substring is a shared token, and a multi-character term becomes an
// exact phrase of bigrams. Segmenter words are kept as extra tokens because a whole-word match
// is worth more than the bigrams it spans.

const HAN_RUN = /\p{Script=Han}+|[^\p{Script=Han}\s]+/gu;
const HAN = /^\p{Script=Han}/u;
const LONG_HAN_WORD = /^\p{Script=Han}{3,}$/u;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Overlapping bigrams of Han runs; a lone Han character and a Latin/digit run stay whole. */
export function bigrams(normalized: string): string[] {
  const out: string[] = [];
  for (const run of normalized.match(HAN_RUN) ?? []) {
    if (!HAN.test(run) || run.length === 1) {
      out.push(run);
      continue;
    }
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  }
  return out;
}

/** Words as Intl.Segmenter sees them (only word-like segments). */
export function words(normalized: string): string[] {
  const out: string[] = [];
  for (const s of segmenter.segment(normalized)) if (s.isWordLike) out.push(s.segment);
  return out;
}

/** Characters of Han runs, and Latin/digit runs whole. */
export function unigrams(normalized: string): string[] {
  const out: string[] = [];
  for (const run of normalized.match(HAN_RUN) ?? []) {
    if (HAN.test(run)) out.push(...run);
    else out.push(run);
  }
  return out;
}

/**
 * The tokens stored for one phrasing (and looked up for a question): bigrams first and in
 * order, so a multi-character synonym can be searched as an exact phrase of bigrams; then
 * segmenter words of three or more Han characters (shorter ones are already bigrams or
 * characters); then single Han characters, so a rare one-character word still matches.
 */
export function indexTerms(normalized: string): string[] {
  const longWords = words(normalized).filter((w) => LONG_HAN_WORD.test(w));
  const chars = unigrams(normalized).filter((c) => HAN.test(c));
  return [...bigrams(normalized), ...longWords, ...chars];
}
