/**
 * 成文日期 and 印发日期 as documents print them: in Arabic numerals (GB/T 9704-2012 asks for
 * 2021年7月9日) or, in older and some party documents, in Chinese numerals (二〇二一年五月八日).
 */

const DIGITS: Record<string, number> = {
  〇: 0, 零: 0, '○': 0, Ｏ: 0, O: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CN_DIGIT = '〇零○ＯO一二三四五六七八九';
const NUMBER = `(\\d{1,4}|[${CN_DIGIT}十]{1,4})`;

/** 二〇二一 → 2021 (digit by digit); 十二 → 12, 二十 → 20, 三十一 → 31 (tens). */
function number(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (!s.includes('十')) return [...s].reduce<number | null>((n, ch) => (n === null || DIGITS[ch] === undefined ? null : n * 10 + DIGITS[ch]!), 0);
  const [tens, ones] = s.split('十') as [string, string];
  const t = tens ? DIGITS[tens] : 1;
  const o = ones ? DIGITS[ones] : 0;
  return t === undefined || o === undefined || tens.length > 1 || ones.length > 1 ? null : t * 10 + o;
}

const DATE = new RegExp(`${NUMBER}\\s*年\\s*${NUMBER}\\s*月\\s*${NUMBER}\\s*日`);

function iso(y: number, m: number, d: number): string | null {
  if (y < 1949 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The first date in the text as YYYY-MM-DD, or null. */
export function findDate(text: string): string | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const [y, mo, d] = [number(m[1]!), number(m[2]!), number(m[3]!)];
  return y === null || mo === null || d === null ? null : iso(y, mo, d);
}

const DATE_LINE = new RegExp(`^${DATE.source}(印发|发布|印|发|成文)?$`);

/** A line that is only a date (成文日期), or a date with 印发 (印发日期). */
export function dateLine(line: string): { date: string; printed: boolean } | null {
  const compact = line.replace(/\s+/g, '');
  const m = DATE_LINE.exec(compact);
  const date = m && findDate(compact);
  return date ? { date, printed: !!m[4] && m[4] !== '成文' } : null;
}

/** 印发机关和印发日期 on one line of the 版记: 南昌市人民政府办公室  2023年7月17日印发. */
export function printedLine(line: string): { issuer: string; date: string } | null {
  const m = new RegExp(`^(.{2,40}?)\\s*(${DATE.source})\\s*印发$`).exec(line.trim());
  const date = m && findDate(m[2]!);
  return m && date ? { issuer: m[1]!.trim(), date } : null;
}
