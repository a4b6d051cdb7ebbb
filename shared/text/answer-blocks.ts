// An answer's plain text as the blocks it is written in: paragraphs, numbered steps and bullet
// lists, each made of runs of text and phone numbers. Structure is only what the text itself
// marks: line breaks, an indent after a sentence (offices paste 「。　　二、」 from documents),
// and list markers (1. 1、 （1） (1) ① 一、 （一） 第一步 • ■ …). Nothing is rewritten: every
// run is a slice of the text, and what lies between the slices is whitespace.
//
// No lookbehind in the patterns (see phones.ts): what precedes a marker is checked in code.
import { findPhones, type PhoneSpan } from './phones';

export type Run = { kind: 'text'; text: string } | { kind: 'phone'; text: string; number: string };
/** `marker` is the list marker as written (「1.」「（一）」「第一步，」「■」). */
export type ListItem = { marker: string; runs: Run[] };
export type AnswerBlock =
  | { kind: 'paragraph'; runs: Run[] }
  | { kind: 'steps'; items: ListItem[] }
  | { kind: 'bullets'; items: ListItem[] };

type Range = [number, number];
type Marker = { family: string; ordered: boolean; value: number; start: number; markerEnd: number; contentStart: number };
type Chain = Marker[];
type Built =
  | { kind: 'paragraph'; range: Range }
  | { kind: 'list'; ordered: boolean; family: string; last: number; items: { marker: Range; content: Range }[] };

const SPACE = /\s/;
const SENTENCE_END = '。！？!?';
// A wide gap after one of these is where a pasted document's line or paragraph ended.
const CLAUSE_END = '。！？!?；;';
// A marker in the middle of a segment starts an item only after a clause ends or a gap.
const MARKER_BOUNDARY = '。；;：:！？!?';

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 … 九十九; NaN for anything else. */
function chineseNumber(s: string): number {
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || (!m[2] && (!m[1] || m[3]))) return NaN;
  if (!m[2]) return CN_DIGITS[m[1]!]!;
  return (m[1] ? CN_DIGITS[m[1]]! : 1) * 10 + (m[3] ? CN_DIGITS[m[3]]! : 0);
}

type Shape = { family: string; ordered: boolean; re: RegExp; value: (m: RegExpExecArray) => number; midText: boolean };

const SHAPES: Shape[] = [
  // 第一步 / 第1步, with the comma or colon that follows it
  { family: 'step', ordered: true, re: /第([一二三四五六七八九十]{1,3}|\d{1,2})步[，,：:、]?/y, value: (m) => num(m[1]!), midText: true },
  // （1） (1) and 1） 1)
  { family: 'paren', ordered: true, re: /[（(]\s*(\d{1,2})\s*[)）]/y, value: (m) => Number(m[1]), midText: true },
  { family: 'paren', ordered: true, re: /(\d{1,2})[)）]/y, value: (m) => Number(m[1]), midText: true },
  // （一）
  { family: 'cnParen', ordered: true, re: /[（(]\s*([一二三四五六七八九十]{1,3})\s*[)）]/y, value: (m) => chineseNumber(m[1]!), midText: true },
  // 1. 1． 1、 but not 1.5
  { family: 'arabic', ordered: true, re: /(\d{1,2})\s*[.．、](?![0-9])/y, value: (m) => Number(m[1]), midText: true },
  // 一、
  { family: 'cn', ordered: true, re: /([一二三四五六七八九十]{1,3})[、.．]/y, value: (m) => chineseNumber(m[1]!), midText: true },
  // ① … ⑳
  { family: 'circled', ordered: true, re: /([\u2460-\u2473])/y, value: (m) => m[1]!.charCodeAt(0) - 0x245f, midText: true },
  // bullets; · and - are also a middle dot and a hyphen inside text, so they count only where a line begins
  { family: 'bullet', ordered: false, re: /[•▪●■◆◇○►▶★☆]/y, value: () => 0, midText: true },
  { family: 'bullet-dot', ordered: false, re: /[·・]/y, value: () => 0, midText: false },
  { family: 'bullet-dash', ordered: false, re: /[-*](?=\s)/y, value: () => 0, midText: false },
];

function num(s: string): number {
  return /^\d+$/.test(s) ? Number(s) : chineseNumber(s);
}

/** The marker at `i`, if one starts there and has something after it before `end`. */
function markerAt(text: string, i: number, end: number, atStart: boolean): Marker | null {
  for (const shape of SHAPES) {
    if (!atStart && !shape.midText) continue;
    shape.re.lastIndex = i;
    const m = shape.re.exec(text);
    if (!m) continue;
    const value = shape.value(m);
    if (shape.ordered && !(value >= 1)) continue;
    const markerEnd = i + m[0].length;
    let contentStart = markerEnd;
    while (contentStart < end && SPACE.test(text[contentStart]!)) contentStart++;
    if (contentStart >= end) continue;
    // 「1.」 followed by a space and a digit is a number broken by a space, not a list.
    if (shape.family === 'arabic' && /[0-9]/.test(text[contentStart]!)) continue;
    const family = shape.family === 'bullet' ? `bullet${m[0]}` : shape.family;
    return { family, ordered: shape.ordered, value, start: i, markerEnd, contentStart };
  }
  return null;
}

/** Markers in [s, e): at the start, or after a clause end or whitespace, in text order. */
function markersIn(text: string, s: number, e: number): Marker[] {
  const out: Marker[] = [];
  for (let i = s; i < e; i++) {
    const atStart = i === s;
    const prev = text[i - 1] ?? ' ';
    if (!atStart && !SPACE.test(prev) && !MARKER_BOUNDARY.includes(prev)) continue;
    const m = markerAt(text, i, e, atStart);
    if (m) out.push(m);
  }
  return out;
}

/**
 * The outermost list in a segment: the first marker that starts a run of its own family
 * (1, 2, 3 … or the same bullet). At the segment's start one item is enough (a line that starts
 * with a marker); further in, it takes two, or a 1 whose 2 begins the next segment. A second 1
 * of the family ends the list there (`until`): a new list starts.
 */
function chainIn(
  markers: Marker[],
  segment: Range,
  nextStarts: (family: string, value: number) => boolean,
): { chain: Chain; until: number } | null {
  for (let k = 0; k < markers.length; k++) {
    const first = markers[k]!;
    const atStart = first.start === segment[0];
    if (!atStart && first.ordered && first.value !== 1) continue;
    const chain: Chain = [first];
    let until = segment[1];
    for (let j = k + 1; j < markers.length; j++) {
      const m = markers[j]!;
      const last = chain[chain.length - 1]!;
      if (m.family !== first.family || m.start < last.contentStart) continue;
      if (m.ordered && m.value === 1) {
        until = m.start;
        break;
      }
      if (!m.ordered || m.value === last.value + 1) chain.push(m);
    }
    if (atStart || chain.length >= 2 || (first.ordered && nextStarts(first.family, 2))) return { chain, until };
  }
  return null;
}

const trimRange = (text: string, s: number, e: number): Range => {
  while (s < e && SPACE.test(text[s]!)) s++;
  while (e > s && SPACE.test(text[e - 1]!)) e--;
  return [s, e];
};

/** Lines, and within a line the breaks an indent after a sentence marks. Whitespace is left out. */
function segmentsOf(text: string): Range[] {
  const out: Range[] = [];
  const push = (s: number, e: number) => {
    const [a, b] = trimRange(text, s, e);
    if (a < b) out.push([a, b]);
  };
  const lines = /\r\n|\r|\n/g;
  let lineStart = 0;
  const eachLine = (ls: number, le: number) => {
    const gaps = /\s+/g;
    gaps.lastIndex = ls;
    let from = ls;
    for (let g = gaps.exec(text); g && g.index < le; g = gaps.exec(text)) {
      const gapEnd = Math.min(g.index + g[0].length, le);
      const gap = text.slice(g.index, gapEnd);
      const afterSentence = CLAUSE_END.includes(text[g.index - 1] || ' ') && (gap.length >= 2 || gap.includes('\u3000'));
      // Two ideographic spaces are a paragraph's indent, whatever ends the text before them.
      if (g.index > from && (afterSentence || gap.includes('\u3000\u3000'))) {
        push(from, g.index);
        from = gapEnd;
      }
    }
    push(from, le);
  };
  for (let m = lines.exec(text); m; m = lines.exec(text)) {
    eachLine(lineStart, m.index);
    lineStart = m.index + m[0].length;
  }
  eachLine(lineStart, text.length);
  return out;
}

/**
 * Where the last item of an inline list ends when a closing sentence follows it: 「（1）身份证；
 * （2）户口簿。办理地点：…」. Only in a list of clauses (no other item holds a sentence end):
 * where each item is a sentence, a second sentence in the last one is still part of it.
 */
function lastItemEnd(text: string, items: Range[]): number | null {
  const sentenceEnd = (r: Range) => {
    for (let i = r[0]; i < r[1]; i++) if (SENTENCE_END.includes(text[i]!)) return i + 1;
    return null;
  };
  if (items.length < 2 || items.slice(0, -1).some((r) => sentenceEnd(r) !== null)) return null;
  const last = items[items.length - 1]!;
  const end = sentenceEnd(last);
  return end !== null && trimRange(text, end, last[1])[0] < last[1] ? end : null;
}

function buildSegment(text: string, seg: Range, nextStarts: (family: string, value: number) => boolean, out: Built[]) {
  const [s, e] = seg;
  const found = chainIn(markersIn(text, s, e), seg, nextStarts);
  if (!found) {
    out.push({ kind: 'paragraph', range: [s, e] });
    return;
  }
  const { chain, until } = found;
  const first = chain[0]!;
  if (first.start > s) out.push({ kind: 'paragraph', range: trimRange(text, s, first.start) });
  const contents: Range[] = chain.map((m, k) => trimRange(text, m.contentStart, chain[k + 1]?.start ?? until));
  let tail: Range | null = until < e ? [until, e] : null;
  if (!tail && chain.length >= 2) {
    const end = lastItemEnd(text, contents);
    if (end !== null) {
      const last = contents[contents.length - 1]!;
      tail = trimRange(text, end, last[1]);
      contents[contents.length - 1] = [last[0], end];
    }
  }
  const items = chain.map((m, k) => ({ marker: [m.start, m.markerEnd] as Range, content: contents[k]! }));
  const prev = out[out.length - 1];
  const continues =
    prev?.kind === 'list' && prev.family === first.family && (!first.ordered || first.value === prev.last + 1);
  if (continues) {
    prev.items.push(...items);
    prev.last = chain[chain.length - 1]!.value;
  } else {
    out.push({ kind: 'list', ordered: first.ordered, family: first.family, last: chain[chain.length - 1]!.value, items });
  }
  if (tail) buildSegment(text, tail, nextStarts, out);
}

function runsOf(text: string, phones: PhoneSpan[], [s, e]: Range): Run[] {
  const runs: Run[] = [];
  let at = s;
  for (const p of phones) {
    if (p.start < s || p.end > e) continue;
    if (p.start > at) runs.push({ kind: 'text', text: text.slice(at, p.start) });
    runs.push({ kind: 'phone', text: text.slice(p.start, p.end), number: p.number });
    at = p.end;
  }
  if (at < e) runs.push({ kind: 'text', text: text.slice(at, e) });
  return runs;
}

/** The blocks of an answer, in order; [] for empty text. */
export function answerBlocks(text: string): AnswerBlock[] {
  const segments = segmentsOf(text);
  const built: Built[] = [];
  segments.forEach((seg, k) => {
    const next = segments[k + 1];
    const nextStarts = (family: string, value: number) => {
      if (!next) return false;
      const m = markerAt(text, next[0], next[1], true);
      return m !== null && m.family === family && m.value === value;
    };
    buildSegment(text, seg, nextStarts, built);
  });
  const phones = findPhones(text);
  return built.map((b): AnswerBlock => {
    if (b.kind === 'paragraph') return { kind: 'paragraph', runs: runsOf(text, phones, b.range) };
    const items = b.items.map((i) => ({ marker: text.slice(i.marker[0], i.marker[1]), runs: runsOf(text, phones, i.content) }));
    return b.ordered ? { kind: 'steps', items } : { kind: 'bullets', items };
  });
}
