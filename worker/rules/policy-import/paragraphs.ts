import { headingOf, type Heading } from '../../../shared/policy/sections';
import type { PolicySection } from '../../../shared/schemas/policy';
import { dateLine, printedLine } from './dates';

/** 附注: （此件主动公开）, （此件公开发布）, （联系人：…）. */
export const isNote = (line: string) => /^[（(](此件|本件|联系人|联系电话|此文)[^）)]*[）)]$/.test(line);
/** 附件说明: 附件：1．… */
export const attachmentNote = (line: string) => /^附\s*件\s*[:：]\s*(.*)$/.exec(line)?.[1];
/** The 附件 itself begins: a line of only 附件 or 附件1. */
export const isAttachmentStart = (line: string) => /^附\s*件\s*\d{0,2}$/.test(line);
export const isCopyTo = (line: string) => /^(抄送|抄报|分送|发送)[:：]/.test(line);

/** GB/T 9704's elements after the body: they end a paragraph and never join one. */
export function isClosing(line: string): boolean {
  return (
    !!dateLine(line) || !!printedLine(line) || isNote(line) || attachmentNote(line) !== undefined ||
    isAttachmentStart(line) || isCopyTo(line)
  );
}

const TERMINAL = /([。！？；：…!?;:]|[。！？][”’」』]|[）)\]】〕}])$/;
const SENTENCE_END = /[。！？]/;

/**
 * Lines into paragraphs. A paragraph broken by a page break or a line wrap (专家学 / 者、企业家)
 * ends without a full stop; a paragraph of a government document always ends with one, a
 * heading on its own line has none and is never joined to what follows.
 */
export function joinParagraphs(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const prev = out.at(-1);
    const heading = prev === undefined ? null : headingOf(prev);
    const joins =
      prev !== undefined &&
      !TERMINAL.test(prev) &&
      !(heading && !SENTENCE_END.test(prev)) &&
      !headingOf(line) &&
      !isClosing(prev) &&
      !isClosing(line);
    if (joins) out[out.length - 1] = prev + (/[A-Za-z0-9]$/.test(prev) && /^[A-Za-z0-9]/.test(line) ? ' ' : '') + line;
    else out.push(line);
  }
  return out;
}

const HEADING_SENTENCE = 40;

/** A heading paragraph: its heading (marker and first sentence) and the text after it. */
function splitHeading(h: Heading): { heading: string; text: string } {
  if (h.article) return { heading: h.marker, text: h.rest };
  const stop = h.rest.search(/[。：:]/);
  if (stop < 0) return h.rest.length <= HEADING_SENTENCE * 1.5 ? { heading: h.marker + h.rest, text: '' } : { heading: h.marker, text: h.rest };
  if (stop > HEADING_SENTENCE) return { heading: h.marker, text: h.rest };
  return { heading: h.marker + h.rest.slice(0, stop), text: h.rest.slice(stop + 1).trim() };
}

/** Paragraphs into sections: each heading opens one; text before the first heading is level 0. */
export function toSections(paragraphs: string[]): PolicySection[] {
  const sections: PolicySection[] = [];
  const texts: string[][] = [];
  for (const p of paragraphs) {
    const h = headingOf(p);
    if (h) {
      const { heading, text } = splitHeading(h);
      sections.push({ level: h.level, heading: heading.slice(0, 200), text: '' });
      texts.push(text ? [text] : []);
    } else {
      if (!sections.length) {
        sections.push({ level: 0, heading: '', text: '' });
        texts.push([]);
      }
      texts.at(-1)!.push(p);
    }
  }
  return sections.map((s, i) => ({ ...s, text: texts[i]!.join('\n') }));
}

const BYLINE = /^(.{2,8}主持|(来源|作者|记者|通讯员|编辑|撰稿)[:：].*)$/;
const DATELINE = /^((\d{4}年)?\d{1,2}月\d{1,2}日(上午|下午|晚上?|晚)?[，,])/;

/**
 * Where a web page's other articles begin after the document (区政府第11次常务会议召开 /
 * 伊文斌主持 / 7月16日，…): a short title line with no punctuation, then a byline or a lead
 * starting with a date. Only looked for once the document's own headings have begun.
 */
export function relatedArticlesStart(lines: string[]): number {
  const first = lines.findIndex((l) => headingOf(l));
  if (first < 0) return lines.length;
  for (let i = first + 1; i < lines.length - 1; i++) {
    const l = lines[i]!;
    if (l.length > 30 || /[。，；：！？,;:、]/.test(l) || headingOf(l) || isClosing(l)) continue;
    const next = lines.slice(i + 1, i + 3);
    if (next.some((n) => BYLINE.test(n)) || DATELINE.test(next[0] ?? '')) return i;
  }
  return lines.length;
}
