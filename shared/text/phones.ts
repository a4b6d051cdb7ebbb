// Phone numbers as they are written in Chinese government answers: mobiles, landlines with an
// area code in any of the ways offices type them (010-12345678, 0571-8888 8888, (0571)88888888,
// 0832－2078056, 010—59191471), 400 numbers, and short service numbers (12345, 12333, 95598 …)
// where the text calls them a number to ring. Nothing else that is made of digits may become a
// link: dates, amounts, years, percentages, counts, ID and account numbers, 文号, postcodes,
// standards and the digits inside web addresses.
//
// The patterns avoid lookbehind: the mini-program runs on iOS JavaScriptCore builds that reject
// it at parse time, so what comes before a match is checked in code.

/** One phone number in a text: `text.slice(start, end)` is the number exactly as written. */
export type PhoneSpan = {
  start: number;
  end: number;
  /** The digits to dial; a bare local number listed after a landline gets that landline's area code. */
  number: string;
};

const DASHES = '\\-－—–‐‑';
const DASH = new RegExp(`[${DASHES}]`);
const DIGIT = /[0-9]/;
const WORDISH = /[0-9A-Za-z_@]/;

// A local number: 7 or 8 digits, optionally split in two. Alone it never starts with 0 or 1;
// after an area code 1 is let through, as in the common placeholder 010-12345678.
const LOCAL = `[2-9]\\d{2,3}[ ${DASHES}]?\\d{4}`;
const AREA_LOCAL = `[1-9]\\d{2,3}[ ${DASHES}]?\\d{4}`;
// After an area code, a region's own short service line (0991—12388, 0891-95113).
const AREA_SERVICE = '1\\d{4}|9[56]\\d{3}';

type Kind = 'landline' | 'mobile' | 'business' | 'landlineDigits' | 'local' | 'service';
type Pattern = { kind: Kind; re: RegExp; cued: boolean };

// Tried in this order at each position; the first that fits wins.
const PATTERNS: Pattern[] = [
  { kind: 'landline', re: new RegExp(`[(（]0\\d{2,3}[)）] ?(?:${AREA_LOCAL}|${AREA_SERVICE})`, 'y'), cued: false },
  { kind: 'landline', re: new RegExp(`0\\d{2,3}(?:[${DASHES}]+ ?| )(?:${AREA_LOCAL}|${AREA_SERVICE})`, 'y'), cued: false },
  { kind: 'mobile', re: /1[3-9]\d(?:[ -]?\d{4}){2}/y, cued: false },
  { kind: 'business', re: /[48]00[ -]?\d{3}[ -]?\d{4}/y, cued: false },
  // Only where the text says it is a number to call: on their own these are too often something else.
  { kind: 'landlineDigits', re: /0[1-9]\d{8,10}/y, cued: true },
  { kind: 'local', re: new RegExp(LOCAL, 'y'), cued: true },
  { kind: 'service', re: /1[0-2]\d{3}|9[56]\d{3}|1(?:1[09]|2[02])/y, cued: true },
];

// Words after which digits are a number to ring: 咨询电话：, 拨打, 热线, 致电 ….
const CUE =
  /(?:电话号码|电话|热线|专线|拨打|拨|致电|来电|呼叫|咨询|手机号码|手机号|手机|座机|传真|客服|联系方式|联系)(?:[为是:：\s（(【\[]|或)*$/;
// Between two numbers of one list: 0832－2078056、2078056; 88497200、88499091; 电话或110.
const LIST_SEPARATOR = /^[ \u3000]*(?:[、，,/／;；]|或者|或|和|及)[ \u3000]*$/;
// What a count or an amount is counted in: 12945项, 20000元, 3600人次, 12345号.
const UNITS = '元块万亿千百年月日号天时分秒人次个件项家户套名岁周条台辆吨米克升度倍期批份例只页所位座栋层间张%％‰℃';
const UNIT = new RegExp(`^[${UNITS}]`);
// Words that name the number before them a hotline, as a cue does: 12345政务服务热线,
// 12333人社服务热线 (a count such as 12345人次 is not one, whatever follows it).
const HOTLINE_AFTER = new RegExp(`^[”"」』]?(?:人社|(?![${UNITS}]))[\u4e00-\u9fff]{0,8}?(?:热线|专线|服务电话|电话)`);
// An extension stays readable after the number; it is not dialled.
const EXTENSION = new RegExp(`(?:转|分机|[${DASHES}]) ?\\d{1,5}(?![0-9])`, 'y');

// Digits that must never become a link, wherever they stand.
const PROTECTED: RegExp[] = [
  // 文号: 〔2021〕22号, [2020]7号
  /[〔［[【(（]\s*(?:19|20)\d{2}\s*[〕］\]】)）]\s*第?\s*\d+\s*号/g,
  // dates and years: 2025年10月1日, 2025年, 2025-10-01, 2025/10/1, 2025.10
  /(?:19|20)\d{2}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?)?/g,
  /(?:19|20)\d{2}[-/.／](?:1[0-2]|0?[1-9])(?:[-/.／](?:3[01]|[12]\d|0?[1-9]))?(?![0-9])/g,
  /\d{1,2}\s*月\s*\d{1,2}\s*[日号]/g,
  // times: 8:30, 17：00
  /\d{1,2}[:：][0-5]\d(?:[:：][0-5]\d)?(?![0-9])/g,
  // amounts and percentages: 20000元, 1,500元, 1.5万元, ￥3600, 50%
  /(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*[万亿千百]?\s*[元块]/g,
  /[¥￥]\s*\d[\d,]*(?:\.\d+)?/g,
  /\d+(?:\.\d+)?\s*[%％‰]/g,
  // ID numbers, also written in groups
  /\d{6} ?(?:19|20)\d{2} ?\d{4} ?\d{3}[\dXx]/g,
  // labelled numbers that are not phones: QQ, accounts, cards, postcodes, codes, 文号
  /(?:(?:QQ|qq)(?:群|号码|号)?|账\s*号|帐\s*号|账户|帐户|卡\s*号|编\s*号|编\s*码|代\s*码|邮\s*编|邮政编码|身份证(?:号码|号)?|证件号码?|税\s*号|登记号|注册号|识别号|单号|文号)\s*[:：]?\s*[A-Za-z0-9][A-Za-z0-9-]*/g,
  // standards: GB 19083-2010, GB/T 32610-2016
  /(?:GB|YY|WS|DB)(?:\/T)?\s*\d+(?:[.-]\d+)*/g,
];
// Web and mail addresses: a run of address characters with a letter and a path, query or domain in it.
const ADDRESS = /[A-Za-z0-9_\-./:%?=&#~+@]+/g;

type Range = [number, number];

function protectedRanges(text: string): Range[] {
  const ranges: Range[] = [];
  for (const re of PROTECTED) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      // A pattern that starts in the middle of a longer number describes some other number.
      if (startsClean(text, m.index)) ranges.push([m.index, m.index + m[0].length]);
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  ADDRESS.lastIndex = 0;
  for (let m = ADDRESS.exec(text); m; m = ADDRESS.exec(text)) {
    const t = m[0];
    if (/[A-Za-z]/.test(t) && /[/@=]|\.[A-Za-z]/.test(t)) ranges.push([m.index, m.index + t.length]);
  }
  return ranges;
}

/** Not glued to a preceding number: 1,500 / 3.5 / 2020-12 continue the digits before them. */
function startsClean(text: string, start: number): boolean {
  const prev = text[start - 1] ?? '';
  if (DIGIT.test(prev)) return false;
  if ((prev === ',' || prev === '.' || DASH.test(prev)) && DIGIT.test(text[start - 2] ?? '')) return false;
  return true;
}

function before(text: string, start: number): boolean {
  const prev = text[start - 1];
  if (prev === undefined) return true;
  if (WORDISH.test(prev) || '¥￥$＄'.includes(prev)) return false;
  return startsClean(text, start);
}

/** `named`: the words after the number call it a hotline (12333人社服务热线: 人 is no count here). */
function after(text: string, end: number, kind: Kind, named: boolean): boolean {
  const next = text[end] ?? '';
  const then = text[end + 1] ?? '';
  if (WORDISH.test(next) || (UNIT.test(next) && !named)) return false;
  if ((next === '.' || next === ',') && DIGIT.test(then)) return false;
  if (DASH.test(next) && DIGIT.test(then)) return kind !== 'mobile' && kind !== 'service' && extensionEnd(text, end) > end;
  return true;
}

function extensionEnd(text: string, end: number): number {
  EXTENSION.lastIndex = end;
  const m = EXTENSION.exec(text);
  return m ? end + m[0].length : end;
}

const overlaps = (ranges: Range[], start: number, end: number) => ranges.some(([s, e]) => s < end && start < e);
const digitsOf = (s: string) => s.replace(/[^0-9]/g, '');

/** Every phone number in `text`, in order, never overlapping. */
export function findPhones(text: string): PhoneSpan[] {
  const found: PhoneSpan[] = [];
  const guarded = protectedRanges(text);
  let lastEnd = -1;
  let lastArea = '';
  for (let i = 0; i < text.length; ) {
    const c = text[i]!;
    if (!DIGIT.test(c) && c !== '(' && c !== '（') {
      i++;
      continue;
    }
    const listed = lastEnd >= 0 && LIST_SEPARATOR.test(text.slice(lastEnd, i));
    const cued = listed || CUE.test(text.slice(Math.max(0, i - 16), i));
    let hit: { end: number; kind: Kind } | null = null;
    if (before(text, i)) {
      for (const p of PATTERNS) {
        p.re.lastIndex = i;
        const m = p.re.exec(text);
        if (!m) continue;
        const end = i + m[0].length;
        const named = HOTLINE_AFTER.test(text.slice(end, end + 12));
        if (!after(text, end, p.kind, named) || overlaps(guarded, i, end)) continue;
        if (p.cued && !cued && !(p.kind === 'service' && named)) continue;
        hit = { end, kind: p.kind };
        break;
      }
    }
    if (!hit) {
      // Skip the rest of this number so its tail is not read as a number of its own.
      i++;
      if (DIGIT.test(c)) while (i < text.length && DIGIT.test(text[i]!)) i++;
      continue;
    }
    const written = text.slice(i, hit.end);
    let number = digitsOf(written);
    if (hit.kind === 'landline') lastArea = /^[(（]?(0\d{2,3})/.exec(written)?.[1] ?? '';
    else if (hit.kind === 'local' && listed) number = lastArea + number;
    else lastArea = '';
    found.push({ start: i, end: hit.end, number });
    const ends = hit.kind === 'mobile' || hit.kind === 'service' ? hit.end : extensionEnd(text, hit.end);
    lastEnd = ends;
    i = ends;
  }
  return found;
}
