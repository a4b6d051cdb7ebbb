import { normalizeNumbers } from './numbers';
import { normalizeQuestionWords } from './question-words';

// Everything that is not a letter or a digit separates clauses. FTS5's unicode61 tokenizer
// treats exactly these (plus private-use characters, which we drop too) as token characters,
// so normalized text can never smuggle a separator or FTS syntax into a token.
const SEPARATORS = /[^\p{L}\p{N}]+/gu;

// Sentence-final particles (语气词) change the tone, not the question.
const PARTICLES = /[呢吗嘛啊呀哦哈啦哇呐吖噢]+$/u;
// 吧 and 么 are particles too, except where they end a word: 酒吧, 网吧; 什么, 怎么, 这么 ….
const WORD_FINAL_PARTICLE = /(?<![酒网贴水氧])吧$|(?<![什怎那这多要为])么$/u;

// Openers and closers that residents type but that carry no meaning for matching.
const POLITE = /^(?:请问一下|请问|你好|您好|麻烦问一下|我想问一下|我想问问|想问一下|问一下|我想咨询一下|我想咨询|咨询一下|请教一下|请教)+|(?:谢谢你们|谢谢大家|谢谢您|谢谢了|谢谢|多谢)+$/u;

/** One clause, cleaned: particles and courtesy phrases removed, question words unified. */
function cleanClause(clause: string): string {
  let c = clause;
  for (let prev = ''; prev !== c; ) {
    prev = c;
    c = c.replace(PARTICLES, '').replace(WORD_FINAL_PARTICLE, '').replace(POLITE, '');
  }
  return normalizeQuestionWords(c);
}

/**
 * The form every comparison works on: NFKC (full-width letters, digits and punctuation become
 * half-width), lower case, numbers in digits (shared/match/numbers.ts), clauses separated by
 * single spaces, each clause cleaned.
 * Returns '' for text that is only punctuation, particles or courtesy.
 */
export function normalize(text: string): string {
  return normalizeNumbers(text.normalize('NFKC').toLowerCase())
    .split(SEPARATORS)
    .map(cleanClause)
    .filter((c) => c.length > 0)
    .join(' ');
}

/** The text as typed (NFKC, lower case, separators as spaces): what 「in the question's own words」 compares. */
export function typedForm(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(SEPARATORS, ' ').trim();
}
