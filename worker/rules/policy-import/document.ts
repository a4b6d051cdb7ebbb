import { normalizeDocNumber } from '../../../shared/policy/doc-number';
import { headingOf } from '../../../shared/policy/sections';
import type { PolicyDraft } from '../../../shared/schemas/policy';
import { dateLine, printedLine } from './dates';
import {
  attachmentNote,
  isAttachmentStart,
  isClosing,
  isCopyTo,
  isNote,
  joinParagraphs,
  relatedArticlesStart,
  toSections,
} from './paragraphs';
import { normalizeTable, type Block } from './tables';
import { guessType } from './type';

/*
 * A Chinese official document as GB/T 9704-2012 lays it out:
 *   版头  份号, 密级, 紧急程度, 发文机关标志 (…文件), 发文字号, 签发人
 *   主体  标题, 主送机关 (…：), 正文, 附件说明 (附件：…), 发文机关署名, 成文日期, 附注 (（此件主动公开）)
 *   附件  附件 / 附件1, its title and content
 *   版记  抄送机关, 印发机关和印发日期 (…办公室  2021年7月9日印发)
 * A notice that issues a document (关于印发《…》的通知) is followed by that document, directly or as
 * its 附件: the draft is the document, with the notice as its preface.
 */

const GENRE =
  /(通知|通报|意见|决定|命令|公告|通告|报告|请示|批复|函|纪要|办法|规定|细则|规则|规程|条例|方案|要点|规划|计划|纲要|措施|指引|指南|标准|清单|目录|分工|安排|制度|章程|决议|公报|说明|守则|要求)$/;
const TRAILING_NOTE = /[（(][^（）()]{1,16}[）)]$/; // （试行） （2021-2030年） （征求意见稿）
const ORG =
  /^[\u3400-\u9fff（）()·、]{2,40}(办公室|办公厅|人民政府|政府|委员会|委|局|厅|部|署|办|中心|院|会|处|所|站|队|公司|集团|管委会|办事处|领导小组|小组|指挥部|银行|协会|学校|大学|社|馆)$/;
const NOTICE = /关于(印发|转发|发布|公布|下发)(.+?)的?通知$/;

const compact = (s: string) => s.replace(/[\s《》〈〉“”"]/g, '');
const endsWithGenre = (title: string) => GENRE.test(title.replace(TRAILING_NOTE, ''));
const isOrg = (line: string) => ORG.test(line) && !headingOf(line);

/** A 文号 line, also as a website's metadata (文号：…) or beside the 签发人. */
function docNumberOf(line: string): string | null {
  const bare = line.replace(/^(发文字号|文号|发文号)[:：]/, '').split(/签发人/)[0]!;
  return normalizeDocNumber(bare);
}

const isHeaderNoise = (line: string) =>
  /^(\d{6}|[（(]?\d{6}[）)]?)$/.test(line) || /^(绝密|机密|秘密)(★.*)?$/.test(line) || /^(特急|加急|特提|平急)$/.test(line) ||
  /^签发人[:：]/.test(line);

/** A title's first line: no sentence, not a heading, not the 主送机关. */
const firstTitleLike = (line: string) =>
  line.length <= 80 && !/[。；;]/.test(line) && !/[:：]$/.test(line) && !headingOf(line) && !isClosing(line);

/** A line that can continue a title: short, no sentence in it, not another element. */
const titleLike = (line: string) =>
  line.length <= 40 && !/[。；;：:]/.test(line) && !headingOf(line) && !isClosing(line) && !docNumberOf(line);

type Lines = { text: string; at: number }[];

/** The run of lines from `from` up to the next table, each with its place among the blocks. */
function linesFrom(items: Block[], from: number): Lines {
  const lines: Lines = [];
  for (let j = from; j < items.length; j++) {
    const item = items[j]!;
    if (item.kind !== 'line') break;
    lines.push({ text: item.text, at: j });
  }
  return lines;
}

/** The block index after the first `count` (at least one) lines of a run. */
const after = (lines: Lines, count: number) => lines[count - 1]!.at + 1;

/** Title lines from `at`: joined until the title names its genre (…的通知), at most four lines. */
function readTitle(lines: Lines, at: number): { title: string; next: number } {
  let title = lines[at]!.text;
  let next = at + 1;
  while (next < lines.length && next - at < 4 && !endsWithGenre(title) && titleLike(lines[next]!.text)) {
    title += lines[next]!.text;
    next++;
  }
  return { title, next };
}

/** 主送机关 split into its bodies, keeping 各街办（镇、处） whole. */
export function splitRecipients(line: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of line.replace(/[:：]$/, '')) {
    if ('（(《'.includes(ch)) depth++;
    if ('）)》'.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && '，、,；;'.includes(ch)) {
      if (current.trim()) out.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

/** 主送机关 at `at`: one line ending with a colon, or two when the list wraps. */
function readRecipients(lines: Lines, at: number): { recipients: string[]; line: string; next: number } | null {
  const isList = (s: string) => /[:：]$/.test(s) && s.length <= 200 && !/[。！？]/.test(s) && !headingOf(s);
  const one = lines[at]?.text;
  if (one && isList(one)) return { recipients: splitRecipients(one), line: one, next: at + 1 };
  const two = one !== undefined && lines[at + 1] ? one + lines[at + 1]!.text : undefined;
  if (two && !/[。：:]$/.test(one!) && isList(two) && /[、，,]/.test(two)) return { recipients: splitRecipients(two), line: two, next: at + 2 };
  return null;
}

/** The body of one document or notice and the elements that close it. */
type Part = {
  body: string[];
  tables: string[][][];
  attachments: string[];
  signatures: string[];
  signedDate: string | null;
  printedDate: string | null;
  printedBy: string | null;
  /** 附注 such as （此件为行政规范性文件）. */
  notes: string[];
  /** The lines as printed after the title, for a notice kept as the preface. */
  printed: string[];
};

function readPart(items: Block[], from: number, to: number): Part {
  const part: Part = { body: [], tables: [], attachments: [], signatures: [], signedDate: null, printedDate: null, printedBy: null, notes: [], printed: [] };
  let listing = false;
  for (let i = from; i < to; i++) {
    const item = items[i]!;
    if (item.kind === 'table') {
      const rows = normalizeTable(item.rows);
      if (rows) part.tables.push(rows);
      listing = false;
      continue;
    }
    const line = item.text;
    part.printed.push(line);
    const note = attachmentNote(line);
    if (note !== undefined) {
      if (note) part.attachments.push(attachmentName(note));
      listing = true;
      continue;
    }
    if (listing && /^\d{1,2}\s*[.．、]/.test(line) && !dateLine(line)) {
      part.attachments.push(attachmentName(line));
      continue;
    }
    listing = false;
    const printed = printedLine(line);
    const date = dateLine(line);
    if (printed || date?.printed) {
      part.printedDate ??= (printed?.date ?? date!.date);
      const by = printed?.issuer ?? (isOrg(part.body.at(-1) ?? '') ? part.body.pop()! : null);
      part.printedBy ??= by;
      continue;
    }
    if (date) {
      // The 发文机关署名 stands right above the 成文日期 (several lines for a joint document).
      const names: string[] = [];
      while (part.body.length && names.length < 4 && isOrg(part.body.at(-1)!)) names.unshift(part.body.pop()!);
      part.signatures.push(...names);
      part.signedDate ??= date.date;
      continue;
    }
    if (isNote(line)) part.notes.push(line);
    else if (!isCopyTo(line) && !isAttachmentStart(line)) part.body.push(line);
  }
  part.body = part.body.slice(0, relatedArticlesStart(part.body));
  return part;
}

/** 1．重庆市…任务分工 → 重庆市…任务分工 */
const attachmentName = (s: string) => s.replace(/^\d{1,2}\s*[.．、]\s*/, '').replace(/[。；;]$/, '').trim();


/** Where the document a notice issues begins: its title repeated, or the 附件 that carries it. */
function issuedDocumentStart(items: Block[], from: number, issued: string): { at: number; viaAttachment: boolean } | null {
  const target = compact(issued);
  for (let i = from; i < items.length; i++) {
    const item = items[i]!;
    if (item.kind !== 'line') continue;
    const here = compact(item.text);
    const next = items[i + 1]?.kind === 'line' ? compact((items[i + 1] as { text: string }).text) : '';
    if (here === target || here.replace(TRAILING_NOTE, '') === target || (here && target.startsWith(here) && here + next === target)) {
      return { at: i, viaAttachment: false };
    }
  }
  for (let i = from; i < items.length; i++) {
    const item = items[i]!;
    if (item.kind === 'line' && isAttachmentStart(item.text) && items[i + 1]?.kind === 'line') return { at: i + 1, viaAttachment: true };
  }
  return null;
}

/** The document's header and title from `from`: 发文机关标志, 文号, then the title's lines. */
function readHead(items: Block[], from: number) {
  let mark: string | null = null;
  let docNumber: string | null = null;
  let i = from;
  for (; i < items.length; i++) {
    const item = items[i]!;
    if (item.kind !== 'line') break;
    const dn = docNumberOf(item.text);
    if (dn) docNumber ??= dn;
    else if (/文件$/.test(item.text) && item.text.length <= 40 && !mark) mark = item.text.replace(/文件$/, '');
    else if (!isHeaderNoise(item.text)) break;
  }
  const lines = linesFrom(items, i);
  if (!lines.length || !firstTitleLike(lines[0]!.text)) return { mark, docNumber, title: '', next: i };
  const { title, next } = readTitle(lines, 0);
  let at = after(lines, next);
  // Websites print the 文号 under the title.
  for (let k = next; k < lines.length && k < next + 2; k++) {
    const dn = docNumberOf(lines[k]!.text);
    if (!dn && !isHeaderNoise(lines[k]!.text)) break;
    docNumber ??= dn;
    at = after(lines, k + 1);
  }
  return { mark, docNumber, title, next: at };
}

/** Blocks of a document, however it came, into the draft the editor reviews. */
export function parseDocument(items: Block[]): PolicyDraft {
  const head = readHead(items, 0);
  let at = head.next;
  const lines = linesFrom(items, at);
  const rec = readRecipients(lines, 0);
  if (rec) at = after(lines, rec.next);

  const issued = NOTICE.exec(head.title)?.[2];
  const start = issued ? issuedDocumentStart(items, at, issued.replace(/[《》]/g, '')) : null;

  let notice: Part | null = null;
  let docTitle = head.title;
  let docFrom = at;
  if (start) {
    notice = readPart(items, at, start.at);
    if (isAttachmentStart(notice.printed.at(-1) ?? '')) notice.printed.pop();
    const docHead = readHead(items, start.at);
    docTitle = docHead.title || issued!.replace(/[《》]/g, '');
    docFrom = docHead.next;
    if (start.viaAttachment) {
      const name = compact(docTitle);
      notice.attachments = notice.attachments.filter((a) => compact(a) !== name && !name.includes(compact(a)));
    }
  }
  const doc = readPart(items, docFrom, items.length);
  const recipients = rec?.recipients ?? [];
  const titleIssuer = /^(.+?)关于/.exec(head.title)?.[1];

  const issuer =
    notice?.signatures[0] ?? doc.signatures[0] ?? head.mark ?? notice?.printedBy ?? doc.printedBy ??
    (titleIssuer && isOrg(titleIssuer) ? titleIssuer : null);
  const signedDate = notice?.signedDate ?? doc.signedDate ?? notice?.printedDate ?? doc.printedDate ?? null;
  const sections = toSections(joinParagraphs(doc.body));
  const draft: PolicyDraft = {
    title: docTitle.slice(0, 300),
    docNumber: head.docNumber,
    issuer,
    signedDate,
    type: guessType({ title: docTitle, docNumber: head.docNumber, text: [...doc.body, ...doc.notes, ...(notice?.notes ?? [])].join('\n') }),
    recipients,
    sections,
    tables: [...(notice?.tables ?? []), ...doc.tables].map((rows) => ({ rows })),
    attachments: [...(notice?.attachments ?? []), ...doc.attachments],
  };
  if (notice) {
    const printed = joinParagraphs([...(rec ? [rec.line] : []), ...notice.printed]);
    draft.preface = { title: head.title, text: printed.join('\n') };
  }
  return draft;
}
