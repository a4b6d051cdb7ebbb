/**
 * Personal data in a resident's question or a reply, found and masked before it is published
 * (咨询公开, or a knowledge-base entry made from a reply: DESIGN §3 "Privacy and safety").
 * Every mask keeps the text's length, so a span found is at the same place in the original and
 * in the masked text, and the editor can be shown both.
 */

export const REDACT_KINDS = ['id', 'mobile', 'landline', 'address', 'name'] as const;
export type RedactKind = (typeof REDACT_KINDS)[number];

export const REDACT_LABELS: Record<RedactKind, string> = {
  id: '身份证号',
  mobile: '手机号',
  landline: '固定电话',
  address: '地址',
  name: '姓名',
};

/** What was found: where (UTF-16 offsets, end exclusive), what kind, and what it said. */
export type RedactSpan = { kind: RedactKind; start: number; end: number; original: string };

// Half- and full-width digits (a phone keyboard may give either).
const D = '[0-9\\uFF10-\\uFF19]';
const SEP = '[ \\-\\u2014\\u2013\\uFF0D]?';
const HAN = '[\\u4E00-\\u9FFF]';

/**
 * An 18-digit resident ID (its last character may be X), a 15-digit old one, or any longer run of
 * digits (a bank card, or two numbers written together): spaces or dashes allowed between the digits.
 */
const ID = new RegExp(`(?<![0-9\\uFF10-\\uFF19Xx])${D}(?:${SEP}[0-9\\uFF10-\\uFF19Xx\\uFF38]){14,}(?![0-9\\uFF10-\\uFF19Xx])`, 'g');
/** A mainland mobile number, with or without +86, spaces or dashes anywhere between its digits. */
const MOBILE = new RegExp(`(?<!${D})(?:(?:\\+|\\uFF0B)?86${SEP})?[1\\uFF11]${SEP}[3-9\\uFF13-\\uFF19](?:${SEP}${D}){9}(?!${D})`, 'g');
/** A landline with its area code (010-12345678, 0571 8765 4321, (021)12345678), an extension allowed. */
const LANDLINE = new RegExp(`(?<!${D})(?:[(（]0${D}{2,3}[)）]|0${D}{2,3})${SEP}${D}{3,4}${SEP}${D}{4}(?:(?:转|-|ext\\.?)${D}{1,5})?(?!${D})`, 'g');
/** A landline number without area code, only where it says it is one: 电话 88886666. */
const LOCAL_LANDLINE = new RegExp(`(?<=(?:电话|座机|手机|联系方式|号码)[是为:：\\s]{0,3})${D}{7,8}(?!${D})`, 'g');
/** Addresses that are easy to tell: 幸福路12号(3栋)(2单元)(501室), 阳光小区3栋2单元501室, 5号楼302室. */
const ADDRESS = new RegExp(
  [
    `${HAN}{1,8}(?:路|街|大道|大街|巷|弄|胡同)${D}+号(?:${D}+(?:栋|幢|号楼|座))?(?:${D}+单元)?(?:${D}+(?:室|号|户))?`,
    `${HAN}{1,8}(?:小区|花园|公寓|新村|家园|苑|社区|村)${D}+(?:栋|幢|号楼|座|组)(?:${D}+单元)?(?:${D}+(?:室|号|户))?`,
    `${D}+(?:栋|幢|号楼)${D}+单元(?:${D}+(?:室|号|户))?`,
    `${D}+(?:栋|幢|号楼)${D}+(?:室|户)`,
  ].join('|'),
  'g',
);
/** A name the text gives itself: 我叫张三, 姓名：李四, 联系人王五. */
const SELF_NAMED = new RegExp(`(?<=(?:我叫|本人叫|姓名[是为:：\\s]{0,2}|联系人[是为:：\\s]{0,2}))${HAN}{2,3}(?=[，,。.；;、\\s]|$)`, 'g');

const HONORIFICS = '先生|女士|小姐|老师|师傅|阿姨|大爷|大妈|同志';
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Digits (and the X of an ID) become *, separators stay: the shape of what was there, none of its content. */
const maskDigits = (s: string) => s.replace(/[0-9\uFF10-\uFF19Xx\uFF38]/g, '*');
/** 张三 → 张某, 欧阳娜娜 → 欧某某某: the length kept. */
const maskName = (s: string) => [...s].map((ch, k) => (k === 0 ? ch : '某')).join('');

const MASK: Record<RedactKind, (s: string) => string> = {
  id: maskDigits,
  mobile: maskDigits,
  landline: maskDigits,
  address: maskDigits,
  name: maskName,
};

function patterns(names: readonly string[]): [RedactKind, RegExp][] {
  const known = [...new Set(names.map((n) => n.trim()).filter((n) => [...n].length >= 2))].sort((a, b) => b.length - a.length);
  const list: [RedactKind, RegExp][] = [
    // IDs first: an ID's digits would otherwise read as a phone number followed by more digits.
    ['id', ID],
    ['mobile', MOBILE],
    ['landline', LANDLINE],
    ['landline', LOCAL_LANDLINE],
    ['address', ADDRESS],
  ];
  if (known.length) {
    // The reply speaks to them by surname: 张先生, 李女士.
    const surnames = [...new Set(known.map((n) => [...n][0]!))];
    list.push(['name', new RegExp(`${known.map(escapeRegExp).join('|')}|(?:${surnames.map(escapeRegExp).join('|')})(?:${HONORIFICS})`, 'g')]);
  }
  list.push(['name', SELF_NAMED]);
  return list;
}

/**
 * Masks every phone number, ID number, address and name found; `names` are the ones known to be
 * the resident's (the inquiry's contact name). Spans are in the order of the text.
 */
export function redact(text: string, options: { names?: readonly string[] } = {}): { text: string; spans: RedactSpan[] } {
  let out = text;
  const spans: RedactSpan[] = [];
  for (const [kind, re] of patterns(options.names ?? [])) {
    re.lastIndex = 0;
    out = out.replace(re, (match: string, ...rest: unknown[]) => {
      const start = rest.find((r) => typeof r === 'number') as number;
      // Already masked (a name inside an address): once is enough.
      if (spans.some((s) => start < s.end && start + match.length > s.start)) return match;
      spans.push({ kind, start, end: start + match.length, original: text.slice(start, start + match.length) });
      return MASK[kind](match);
    });
  }
  spans.sort((a, b) => a.start - b.start);
  return { text: out, spans };
}

/** What must never be published: phone numbers and ID numbers still in the text. */
export function blockedPersonalData(text: string): RedactSpan[] {
  return redact(text).spans.filter((s) => s.kind === 'id' || s.kind === 'mobile' || s.kind === 'landline');
}
