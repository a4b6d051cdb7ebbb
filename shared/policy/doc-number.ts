/**
 * 发文字号 (文号) as GB/T 9704-2012 prints it: 机关代字, the year in 六角括号 〔〕, the serial
 * number without 第 and without leading zeros, then 号 — 东府办发〔2021〕22号.
 *
 * People type it every other way: 东府办发[2021]22号, 东府办发(2021)22号, 东府办发（2021）22号,
 * 东府办发2021年22号, 东府办发﹝2021﹞第022号, with full-width digits or stray spaces. Every such
 * form normalizes to the printed one, so a 文号 is found however it is typed.
 */

export type DocNumber = { agency: string; year: number; serial: number };

const OPEN = '〔\\[［(（【﹝〖{｛<＜';
const CLOSE = '〕\\]］)）】﹞〗}｝>＞';

const PATTERN = new RegExp(
  // 机关代字: Chinese characters, sometimes with a letter or digit (粤人社规, 京政办发); never a bracket.
  `^([\\u3400-\\u9fffA-Za-z][\\u3400-\\u9fffA-Za-z0-9]{0,19}?)` +
    `(?:[${OPEN}]((?:19|20)\\d{2})[${CLOSE}]|((?:19|20)\\d{2})年?)` +
    `第?0*(\\d{1,5})号$`,
);

/** Full-width digits and letters to ASCII, spaces and zero-width characters out. */
function compact(s: string): string {
  return s
    .replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u200b-\u200d\ufeff]+/g, '');
}

/** The parts of a 文号, or null when the text is not one. */
export function parseDocNumber(input: string): DocNumber | null {
  const m = PATTERN.exec(compact(input));
  if (!m) return null;
  const serial = Number(m[4]);
  if (!serial) return null;
  return { agency: m[1]!, year: Number(m[2] ?? m[3]), serial };
}

export function formatDocNumber({ agency, year, serial }: DocNumber): string {
  return `${agency}〔${year}〕${serial}号`;
}

/** The printed form of a 文号 typed any way, or null when the text is not a 文号. */
export function normalizeDocNumber(input: string): string | null {
  const parsed = parseDocNumber(input);
  return parsed && formatDocNumber(parsed);
}

// A 文号 inside other text: the year in any bracket, or followed by 年, then the serial and 号,
// right after the 机关代字 (a Han character or a letter), so a date such as 2021年5月 is left alone.
const IN_TEXT = new RegExp(
  `(?<=[\\u3400-\\u9fffA-Za-z])\\s*(?:[${OPEN}]\\s*((?:19|20)\\d{2})\\s*[${CLOSE}]|((?:19|20)\\d{2})\\s*年)\\s*第?\\s*0*(\\d{1,5})\\s*号`,
  'gu',
);

/**
 * Text with every 文号 in it rewritten to the printed form (东府办发2021年22号 → 东府办发〔2021〕22号),
 * so the search sees one form however a resident typed it. Full-width digits are read as digits.
 */
export function canonicalDocNumbers(text: string): string {
  const digits = text.replace(/[\uff10-\uff19]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  return digits.replace(IN_TEXT, (_m, bracketed: string | undefined, dated: string | undefined, serial: string) =>
    Number(serial) ? `〔${bracketed ?? dated}〕${Number(serial)}号` : _m,
  );
}
