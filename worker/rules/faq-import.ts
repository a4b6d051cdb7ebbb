import Papa from 'papaparse';
import { CSV_HEADER, FAQ_LIMITS as L, TOPICS, type FaqStatus, type Topic } from '../../shared/constants';
import { IMPORT_TEMPLATE_ROWS } from '../../shared/faq/import-template';
import { normalize } from '../../shared/match/normalize';
import {
  faqImportRow,
  IMPORT_PREVIEW_ROWS,
  type DuplicateChoice,
  type FaqImportRow,
  type ImportDuplicate,
  type ImportIssue,
  type ImportPreviewRow,
  type ImportRowError,
} from '../../shared/schemas/faq';

type Field = 'topic' | 'question' | 'answer' | 'similar' | 'keywords' | 'unitId';

const CSV_FIELDS: Record<(typeof CSV_HEADER)[number], Field> = {
  类目: 'topic',
  问题: 'question',
  答案: 'answer',
  相似问法: 'similar',
  关键字: 'keywords',
  发文单位: 'unitId',
};
const CSV_COLUMNS = Object.fromEntries(Object.entries(CSV_FIELDS).map(([header, field]) => [field, header])) as Record<Field, string>;

/** The rows of a request, and how its columns are named (CSV headers, or the JSON fields). */
export type ImportSource = {
  rows: unknown[];
  /** Problems of the file as a whole (row 0) or of a row's CSV syntax. */
  errors: ImportRowError[];
  /** A column's name as the file writes it; JSON rows name their fields themselves. */
  columns: Partial<Record<Field, string>>;
  /** Columns the file lacks: reported once on the header instead of as a blank cell on every row. */
  absent: Set<Field>;
};

const splitList = (s: string, separators: RegExp) =>
  s.split(separators).map((x) => x.trim()).filter(Boolean);

const CSV_SYNTAX: Record<string, string> = {
  TooFewFields: '这一行的列数少于表头',
  TooManyFields: '这一行的列数多于表头',
  MissingQuotes: '引号不成对',
  InvalidQuotes: '引号不成对',
  UndetectableDelimiter: '认不出列之间的分隔符（应为英文逗号）',
};

/**
 * CSV rows become the same objects as JSON rows. Several 相似问法 in one cell are separated by
 * line breaks, ；or |; keywords also by commas or 、. 发文单位 holds the unit's name or id.
 */
export function parseCsv(text: string, o: { defaultTopic?: Topic } = {}): ImportSource {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim(),
  });
  const headers = parsed.meta.fields ?? [];
  const absent = new Set((Object.keys(CSV_FIELDS) as (keyof typeof CSV_FIELDS)[]).filter((h) => !headers.includes(h)).map((h) => CSV_FIELDS[h]));
  const errors: ImportRowError[] = [];
  // Without a 类目 column every row needs the request's default topic.
  const required = (['问题', '答案', ...(o.defaultTopic ? [] : (['类目'] as const))] as const).filter((h) => absent.has(CSV_FIELDS[h]));
  if (required.length) {
    errors.push({
      row: 0,
      message: `表头缺少：${required.join('、')}`,
      column: required.join('、'),
      value: shown(headers.join(',')),
      expected: `第一行为表头：${CSV_HEADER.join(',')}`,
    });
  }
  for (const e of parsed.errors) {
    const row = (e.row ?? -1) + 1;
    const message = CSV_SYNTAX[e.code] ?? `CSV 格式错误：${e.message}`;
    errors.push({
      row,
      message,
      value: row > 0 ? shown(Object.values(parsed.data[row - 1] ?? {}).flat().join(',')) : undefined,
      expected: `每行 ${headers.length} 列，与表头一致；一格里有逗号、引号或换行时，整格用英文双引号括起来`,
    });
  }
  const rows = parsed.data.map((raw) => {
    const row: Record<string, unknown> = {};
    for (const [header, field] of Object.entries(CSV_FIELDS)) {
      const value = raw[header]?.trim();
      if (!value) continue;
      if (field === 'similar') row.similar = splitList(value, /[\n；;|]/);
      else if (field === 'keywords') row.keywords = splitList(value, /[\n；;|,，、\s]/);
      else row[field] = value;
    }
    return row;
  });
  return { rows, errors, columns: CSV_COLUMNS, absent };
}

/** A value as an error shows it: lists joined as the cell writes them, long text cut with its length. */
export function shown(value: unknown): string {
  const text =
    value === undefined || value === null
      ? ''
      : Array.isArray(value)
        ? value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join('；')
        : typeof value === 'string'
          ? value
          : JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 30)}…（共 ${text.length} 字）` : text;
}

const EXPECTED: Record<Exclude<Field, 'unitId'>, string> = {
  question: `必填，不超过 ${L.question} 字`,
  answer: `必填，不超过 ${L.answer} 字`,
  topic: `${TOPICS.join('、')} 之一`,
  similar: `最多 ${L.similar} 个，每个不超过 ${L.question} 字，用「；」隔开`,
  keywords: `最多 ${L.keywords} 个，每个不超过 ${L.keyword} 字`,
};
const JSON_FIELDS = Object.keys(faqImportRow.shape).join('、');

export type ImportContext = {
  /** The caller may write into these units only: an editor their own, an office its district's. */
  allowedUnits: Set<string>;
  /** Both a unit's id and its name lead to its id. */
  knownUnits: Map<string, string>;
  unitNames: Map<string, string>;
  defaultUnitId: string;
  defaultTopic?: Topic;
};

export type ReadyRow = Omit<FaqImportRow, 'unitId' | 'topic'> & { row: number; unitId: string; topic: Topic };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const at = (raw: unknown, path: PropertyKey[]) =>
  path.reduce<unknown>((v, key) => (isRecord(v) || Array.isArray(v) ? (v as Record<PropertyKey, unknown>)[key] : undefined), raw);

const EXAMPLE_QUESTIONS = new Set(IMPORT_TEMPLATE_ROWS.map((r) => normalize(r.问题)));

/**
 * Validates every row and reports every problem of every row at once: a row's schema, its unit
 * and its topic are checked independently, so fixing one never uncovers the next. Nothing is
 * written unless all rows pass.
 */
export function checkImportRows(
  source: Pick<ImportSource, 'rows' | 'columns' | 'absent'>,
  ctx: ImportContext,
): { ready: ReadyRow[]; errors: ImportRowError[]; preview: ImportPreviewRow[] } {
  const ready: ReadyRow[] = [];
  const errors: ImportRowError[] = [];
  const preview: ImportPreviewRow[] = [];
  const column = (field: string) => source.columns[field as Field] ?? field;
  const ownUnit = ctx.unitNames.get(ctx.defaultUnitId) ?? ctx.defaultUnitId;
  const unitExpected =
    ctx.allowedUnits.size <= 1
      ? `本单位（${ownUnit}），或留空`
      : `已有单位的名称或编号，如「${[...ctx.unitNames.values()].find((n) => n !== ownUnit) ?? ownUnit}」；留空归入${ownUnit}`;

  source.rows.forEach((raw, i) => {
    const row = i + 1;
    const rowErrors: ImportRowError[] = [];
    const parsed = faqImportRow.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const [top] = issue.path;
        if (source.absent.has(top as Field)) continue;
        if (issue.code === 'unrecognized_keys') {
          rowErrors.push({
            row,
            message: `不认识的字段：${issue.keys.join('、')}`,
            column: issue.keys.join('、'),
            value: shown(issue.keys.map((k) => at(raw, [k]))),
            expected: `只能有：${JSON_FIELDS}`,
          });
          continue;
        }
        const field = issue.path.map(String).join('.') || undefined;
        const element = issue.path.length > 1 && (top === 'similar' || top === 'keywords');
        rowErrors.push({
          row,
          field,
          message: issue.message,
          column: top === undefined ? undefined : column(String(top)),
          value: shown(at(raw, issue.path)),
          expected:
            top === undefined
              ? `一个含 ${JSON_FIELDS} 的对象`
              : element
                ? `每个不超过 ${top === 'similar' ? L.question : L.keyword} 字`
                : EXPECTED[top as keyof typeof EXPECTED],
        });
      }
    }
    const record = isRecord(raw) ? raw : {};

    // The unit is looked up whatever else is wrong with the row.
    const rawUnit = typeof record.unitId === 'string' ? record.unitId.trim() : undefined;
    let unitId: string | undefined = ctx.defaultUnitId;
    if (rawUnit) {
      unitId = ctx.knownUnits.get(rawUnit);
      if (!unitId) {
        rowErrors.push({ row, field: 'unitId', message: `单位不存在：${rawUnit}`, column: column('unitId'), value: shown(rawUnit), expected: unitExpected });
      } else if (!ctx.allowedUnits.has(unitId)) {
        rowErrors.push({ row, field: 'unitId', message: '只能导入本单位的条目', column: column('unitId'), value: shown(rawUnit), expected: unitExpected });
        unitId = undefined;
      }
    }

    const topic = parsed.success ? (parsed.data.topic ?? ctx.defaultTopic) : undefined;
    if (isRecord(raw) && record.topic === undefined && !ctx.defaultTopic && !source.absent.has('topic')) {
      rowErrors.push({
        row,
        field: 'topic',
        message: '缺少类目（可在请求中用 defaultTopic 指定默认类目）',
        column: column('topic'),
        value: '',
        expected: EXPECTED.topic,
      });
    }

    const question = typeof record.question === 'string' ? record.question.trim() : '';
    if (question && EXAMPLE_QUESTIONS.has(normalize(question))) {
      rowErrors.push({
        row,
        field: 'question',
        message: '这是模板里的示例行：请改成要导入的问答，或删除这一行',
        column: column('question'),
        value: shown(question),
        expected: '本单位要导入的问题',
      });
    }

    if (row <= IMPORT_PREVIEW_ROWS) {
      const similar = record.similar;
      preview.push({
        row,
        question: typeof record.question === 'string' ? record.question.trim() : '',
        topic: topic ?? (typeof record.topic === 'string' ? record.topic : ''),
        unit: unitId ? (ctx.unitNames.get(unitId) ?? unitId) : (rawUnit ?? ''),
        similar: Array.isArray(similar) ? similar.length : 0,
      });
    }

    errors.push(...rowErrors);
    if (!rowErrors.length && parsed.success && unitId && topic) ready.push({ ...parsed.data, row, unitId, topic });
  });
  return { ready, errors, preview };
}

export type ExistingQuestion = {
  id: string;
  question: string;
  status: FaqStatus;
  unitId: string;
  unitName: string;
  updatedAt: string;
};

/** Which of the existing entries is named when several ask the same: one the caller may edit, published, newest. */
function better(a: ImportDuplicate['entry'] & { updatedAt: string }, b: typeof a) {
  if (a.editable !== b.editable) return a.editable ? a : b;
  if (a.status !== b.status) return a.status === 'published' ? a : b;
  return a.updatedAt >= b.updatedAt ? a : b;
}

/**
 * Rows asking what an existing entry already asks, or what an earlier row of the file asks, in
 * the matcher's normalized form (width, punctuation, particles, question words).
 */
export function findDuplicates(
  rows: unknown[],
  existing: ExistingQuestion[],
  canEdit: (unitId: string) => boolean,
): ImportDuplicate[] {
  const known = new Map<string, NonNullable<ImportDuplicate['entry']> & { updatedAt: string }>();
  for (const e of existing) {
    const key = normalize(e.question);
    if (!key) continue;
    const candidate = { id: e.id, question: e.question, status: e.status, unitId: e.unitId, unitName: e.unitName, editable: canEdit(e.unitId), updatedAt: e.updatedAt };
    const held = known.get(key);
    known.set(key, held ? better(held, candidate) : candidate);
  }
  const firstRow = new Map<string, number>();
  const duplicates: ImportDuplicate[] = [];
  rows.forEach((raw, i) => {
    const row = i + 1;
    const question = isRecord(raw) && typeof raw.question === 'string' ? raw.question.trim() : '';
    const key = normalize(question);
    if (!key) return;
    const match = known.get(key);
    const sameAsRow = firstRow.get(key);
    if (sameAsRow === undefined) firstRow.set(key, row);
    if (!match && sameAsRow === undefined) return;
    const dup: ImportDuplicate = { row, question };
    if (match) {
      const { updatedAt: _, ...entry } = match;
      dup.entry = entry;
    }
    if (sameAsRow !== undefined) dup.sameAsRow = sameAsRow;
    duplicates.push(dup);
  });
  return duplicates;
}

/**
 * Applies the caller's choices to the duplicates (sets each one's `action`). A row repeating an
 * earlier row is left out under 「更新」: the earlier row already creates or updates the entry.
 * Updating another unit's entry is refused as an error of that row.
 */
export function applyChoices(
  duplicates: ImportDuplicate[],
  choices: { all?: DuplicateChoice; rows?: Record<string, DuplicateChoice> },
  columns: ImportSource['columns'],
): ImportRowError[] {
  const errors: ImportRowError[] = [];
  for (const dup of duplicates) {
    const choice = choices.rows?.[String(dup.row)] ?? choices.all;
    delete dup.action;
    if (!choice) continue;
    if (choice !== 'update') dup.action = choice;
    else if (dup.sameAsRow !== undefined) dup.action = 'skip';
    else if (dup.entry?.editable) dup.action = 'update';
    else {
      errors.push({
        row: dup.row,
        field: 'question',
        message: `不能更新其他单位的条目（${dup.entry?.unitName ?? ''}）`,
        column: columns.question ?? 'question',
        value: shown(dup.question),
        expected: '对这一行选择跳过或仍然导入',
      });
    }
  }
  return errors;
}

const STATUS_WORDS: Record<FaqStatus, string> = { draft: '草稿', published: '已发布', retired: '已下线' };

/** What a duplicate is a duplicate of, in words. */
export function duplicateMessage(dup: ImportDuplicate): string {
  if (dup.entry) return `与已有条目「${dup.entry.question}」重复（${dup.entry.unitName}，${STATUS_WORDS[dup.entry.status]}）`;
  return `与第 ${dup.sameAsRow} 行的问题重复`;
}

/** The issues of a refused import: the one error shape's path and message, with the row's details. */
export function rowIssues(errors: ImportRowError[], unresolved: ImportDuplicate[], columns: ImportSource['columns']): ImportIssue[] {
  const issues: (ImportIssue & { order: number })[] = errors.map(({ field, message, ...rest }, order) => ({
    path: `entries.${rest.row}${field ? `.${field}` : ''}`,
    message: rest.row > 0 ? `第 ${rest.row} 行：${message}` : message,
    ...rest,
    order,
  }));
  for (const dup of unresolved) {
    issues.push({
      path: `entries.${dup.row}.question`,
      message: `第 ${dup.row} 行：${duplicateMessage(dup)}`,
      row: dup.row,
      column: columns.question ?? 'question',
      value: shown(dup.question),
      expected: '选择跳过（skip）、更新已有条目（update）或仍然导入（import）',
      ...(dup.entry ? { entryId: dup.entry.id } : {}),
      ...(dup.sameAsRow !== undefined ? { sameAsRow: dup.sameAsRow } : {}),
      order: issues.length,
    });
  }
  return issues.sort((a, b) => a.row - b.row || a.order - b.order).map(({ order: _, ...issue }) => issue);
}

/** The rows' errors in row order (the file's own problems first), each row's in the order found. */
export function byRow(errors: ImportRowError[]): ImportRowError[] {
  return errors.map((e, order) => ({ e, order })).sort((a, b) => a.e.row - b.e.row || a.order - b.order).map(({ e }) => e);
}
