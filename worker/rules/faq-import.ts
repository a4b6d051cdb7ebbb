import Papa from 'papaparse';
import { CSV_HEADER, type Topic } from '../../shared/constants';
import { faqImportRow, type FaqImportRow, type ImportRowError } from '../../shared/schemas/faq';

const CSV_FIELDS: Record<(typeof CSV_HEADER)[number], string> = {
  类目: 'topic',
  问题: 'question',
  答案: 'answer',
  相似问法: 'similar',
  关键字: 'keywords',
  发文单位: 'unitId',
};

const splitList = (s: string, separators: RegExp) =>
  s.split(separators).map((x) => x.trim()).filter(Boolean);

/**
 * CSV rows become the same objects as JSON rows. Several 相似问法 in one cell are separated by
 * line breaks, ；or |; keywords also by commas or 、. 发文单位 holds the unit's name or id.
 */
export function parseCsv(text: string): { rows: Record<string, unknown>[]; errors: ImportRowError[] } {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim(),
  });
  const headers = parsed.meta.fields ?? [];
  const missing = (['问题', '答案'] as const).filter((h) => !headers.includes(h));
  if (missing.length) {
    return { rows: [], errors: [{ row: 0, message: `表头缺少：${missing.join('、')}（应为 ${CSV_HEADER.join(',')}）` }] };
  }
  const errors: ImportRowError[] = parsed.errors.map((e) => ({ row: (e.row ?? -1) + 1, message: `CSV 格式错误：${e.message}` }));
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
  return { rows, errors };
}

export type ImportContext = {
  /** The caller may write into these units only; `null` means any existing unit (office). */
  allowedUnits: Set<string> | null;
  /** Both a unit's id and its name lead to its id. */
  knownUnits: Map<string, string>;
  defaultUnitId: string;
  defaultTopic?: Topic;
};

export type ReadyRow = Omit<FaqImportRow, 'unitId' | 'topic'> & { unitId: string; topic: Topic };

/** Validates every row and reports every problem; nothing is written unless all rows pass. */
export function checkImportRows(rows: unknown[], ctx: ImportContext): { ready: ReadyRow[]; errors: ImportRowError[] } {
  const ready: ReadyRow[] = [];
  const errors: ImportRowError[] = [];
  rows.forEach((raw, i) => {
    const row = i + 1;
    const parsed = faqImportRow.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        errors.push({ row, field: issue.path.map(String).join('.') || undefined, message: issue.message });
      }
      return;
    }
    const value = parsed.data;
    const unitId = value.unitId ? ctx.knownUnits.get(value.unitId) : ctx.defaultUnitId;
    if (!unitId) {
      errors.push({ row, field: 'unitId', message: `单位不存在：${value.unitId}` });
      return;
    }
    if (ctx.allowedUnits && !ctx.allowedUnits.has(unitId)) {
      errors.push({ row, field: 'unitId', message: '只能导入本单位的条目' });
      return;
    }
    const topic = value.topic ?? ctx.defaultTopic;
    if (!topic) {
      errors.push({ row, field: 'topic', message: '缺少类目（可在请求中用 defaultTopic 指定默认类目）' });
      return;
    }
    ready.push({ ...value, unitId, topic });
  });
  return { ready, errors };
}
