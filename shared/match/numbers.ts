// Residents write numbers in words (八十, 两万, 百分之五十), answers in digits (80周岁, 20000元,
// 50%). Both sides are rewritten to digits, so 八十 and 80 are one token; and an age or an amount
// in a question can meet a threshold an answer states (八十一岁 meets 80周岁及以上).

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 俩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNIT: Record<string, number> = { 万: 10_000, 亿: 100_000_000 };

/** The value of a run of Chinese numerals (一百二十 → 120, 两万 → 20000, 十五 → 15), or null. */
export function chineseNumber(run: string): number | null {
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of run) {
    if (ch in DIGIT) {
      digit = DIGIT[ch]!;
    } else if (ch in SMALL_UNIT) {
      section += (digit ?? 1) * SMALL_UNIT[ch]!;
      digit = null;
    } else if (ch in BIG_UNIT) {
      total = (total + section + (digit ?? 0)) * BIG_UNIT[ch]!;
      if (total === 0) return null;
      section = 0;
      digit = null;
    } else {
      return null;
    }
  }
  return total + section + (digit ?? 0);
}

// A run of numerals counts as a number when it has a multiplier (二十, 一百二十, 两万) or a
// measure word follows it (三天, 六年, 四个月): then 一 in 统一 or 三 in 三代人 stays a word.
const NUMERALS = '零〇一二两俩三四五六七八九十百千万亿';
const MEASURE = '岁周年个月天日元块次级倍名人家套项平份节层号分';
const RUN = new RegExp(`[${NUMERALS}]+(?=([${MEASURE}])?)`, 'gu');
const HAS_MULTIPLIER = /[十百千万亿]/u;
// Words whose numerals are not a count: 万一, 一万个不 …, 十分 (very), 千万 (by all means).
const NOT_NUMBERS = /^(?:万一|十分|千万|万|千|百|亿)$/u;

const ARABIC_WITH_UNIT = /(\d+(?:\.\d+)?)([万亿])/gu;
const PERCENT_WORDS = /百分之(\d+(?:\.\d+)?)/gu;
const PERCENT_SIGN = /(\d+(?:\.\d+)?)\s*[%％]/gu;

const fmt = (n: number) => String(Math.round(n * 100) / 100);

/**
 * Numbers in words and with 万/亿 become digits; a percentage is written 百分之N either way
 * (the % sign would be lost with the other punctuation). Runs before punctuation is dropped.
 */
export function normalizeNumbers(text: string): string {
  return text
    .replace(PERCENT_SIGN, '百分之$1')
    .replace(RUN, (run, measure: string | undefined, offset: number, whole: string) => {
      if (NOT_NUMBERS.test(run)) return run;
      // 第一 and 一 before a measure are ordinals or counts alike; 一 before other words stays (一直, 一样).
      if (!HAS_MULTIPLIER.test(run) && !measure) return run;
      // 一 in 统一, 唯一, 之一: the word before makes it a word, not a count.
      if (run === '一' && /[统唯之万]$/u.test(whole.slice(0, offset))) return run;
      const value = chineseNumber(run);
      return value === null ? run : fmt(value);
    })
    .replace(ARABIC_WITH_UNIT, (_, n: string, unit: string) => fmt(Number(n) * BIG_UNIT[unit]!))
    .replace(PERCENT_WORDS, '百分之$1');
}

/** What a number measures, so 80 years of age meets an age and not a sum of money. */
type Measure = 'age' | 'month' | 'year' | 'day' | 'money' | 'area' | 'percent';
export type Quantity = { value: number; measure: Measure };
export type Threshold = Quantity & { op: '>=' | '<=' | '<' | '>' };

const MEASURES: [RegExp, Measure][] = [
  [/^(?:周岁|岁)/u, 'age'],
  [/^个?月/u, 'month'],
  [/^年/u, 'year'],
  [/^(?:天|日)/u, 'day'],
  [/^(?:元|块)/u, 'money'],
  [/^(?:平方米|平米|平)/u, 'area'],
];

const QUANTITY = /(百分之)?(\d+(?:\.\d+)?)(周岁|岁|个月|月|年|天|日|元|块|平方米|平米|平)?/gu;

function measureOf(unit: string | undefined, percent: boolean): Measure | null {
  if (percent) return 'percent';
  if (!unit) return null;
  for (const [re, m] of MEASURES) if (re.test(unit)) return m;
  return null;
}

// 「我爸今年八十了」: a bare number a person has reached is an age.
const BARE_AGE = /(?:今年|已经|都)\d+(?:多)?了?$|^\d+(?:多)?了/u;
const MAX_AGE = 120;

/** Numbers with what they measure, in normalized text. */
export function quantities(normalized: string): Quantity[] {
  const out: Quantity[] = [];
  for (const m of normalized.matchAll(QUANTITY)) {
    const value = Number(m[2]);
    const measure = measureOf(m[3], Boolean(m[1]));
    if (measure) out.push({ value, measure });
    else if (value <= MAX_AGE && (BARE_AGE.test(normalized.slice(Math.max(0, m.index - 2), m.index + m[0].length)) || BARE_AGE.test(normalized.slice(m.index, m.index + m[0].length + 2)))) {
      out.push({ value, measure: 'age' });
    }
  }
  return out;
}

// How answers state who qualifies: 80周岁及以上, 年满60周岁, 不满3周岁, 3周岁以下, 超过6个月, 满1年.
const BEFORE = /(年满|满|超过|不满|未满|不足|低于|高于|不低于|不超过)$/u;
const AFTER = /^(?:及|或)?(以上|以下|以内|之内|内)/u;

/** Conditions on a number in normalized text, such as 80周岁及以上 (age >= 80). */
export function thresholds(normalized: string): Threshold[] {
  const out: Threshold[] = [];
  for (const m of normalized.matchAll(QUANTITY)) {
    const measure = measureOf(m[3], Boolean(m[1]));
    if (!measure) continue;
    const value = Number(m[2]);
    const before = BEFORE.exec(normalized.slice(Math.max(0, m.index - 3), m.index))?.[1];
    const after = AFTER.exec(normalized.slice(m.index + m[0].length))?.[1];
    const inclusive = /^及|^或/u.test(normalized.slice(m.index + m[0].length));
    let op: Threshold['op'] | null = null;
    if (before === '不满' || before === '未满' || before === '不足' || before === '低于') op = '<';
    else if (before === '超过' || before === '高于') op = '>';
    else if (before === '不超过') op = '<=';
    else if (before === '年满' || before === '满' || before === '不低于') op = '>=';
    if (after === '以上') op = inclusive || op === '>=' || op === null ? '>=' : op;
    else if (after) op = op === '<' ? '<' : '<=';
    if (op) out.push({ value, measure, op });
  }
  return out;
}

/** True when the quantity satisfies the threshold (same measure, condition met). */
export function meets(q: Quantity, t: Threshold): boolean {
  if (q.measure !== t.measure) return false;
  switch (t.op) {
    case '>=': return q.value >= t.value;
    case '>': return q.value > t.value;
    case '<=': return q.value <= t.value;
    case '<': return q.value < t.value;
  }
}
