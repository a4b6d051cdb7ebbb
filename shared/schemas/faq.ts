import { z } from 'zod';
import { FAQ_LIMITS as L, FAQ_STATUSES, TOPICS } from '../constants';
import { normalize } from '../match/normalize';
import { isoDate, pageQuery, text } from './common';

const phrase = text(L.question, '相似问法');
const keyword = text(L.keyword, '关键字');

const faqFields = {
  question: text(L.question, '问题'),
  answer: text(L.answer, '答案'),
  topic: z.enum(TOPICS, { message: `类目应为：${TOPICS.join('、')}` }),
  similar: z.array(phrase).max(L.similar).default([]),
  keywords: z.array(keyword).max(L.keywords).default([]),
  unitId: z.string().min(1).max(40).optional(),
  validFrom: isoDate.nullable().optional(),
  validUntil: isoDate.nullable().optional(),
};

const validRange = (v: { validFrom?: string | null; validUntil?: string | null }) =>
  !v.validFrom || !v.validUntil || v.validFrom <= v.validUntil;
const rangeIssue = { message: '有效期结束日期不能早于开始日期', path: ['validUntil'] };

export const faqCreateInput = z
  .object({ ...faqFields, publish: z.boolean().default(false) })
  .strict()
  .refine(validRange, rangeIssue);
export type FaqCreateInput = z.input<typeof faqCreateInput>;

export const faqUpdateInput = z
  .object({
    question: faqFields.question.optional(),
    answer: faqFields.answer.optional(),
    topic: faqFields.topic.optional(),
    similar: z.array(phrase).max(L.similar).optional(),
    keywords: z.array(keyword).max(L.keywords).optional(),
    validFrom: faqFields.validFrom,
    validUntil: faqFields.validUntil,
    /** The `updatedAt` the editor started from: if the entry has been saved since, the edit is refused (409). */
    baseUpdatedAt: z.string().datetime({ message: 'baseUpdatedAt 应为条目的 updatedAt' }).optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).some((k) => k !== 'baseUpdatedAt'), '没有要修改的字段')
  .refine(validRange, rangeIssue);
export type FaqUpdateInput = z.input<typeof faqUpdateInput>;

export const faqStatusInput = z.object({ status: z.enum(FAQ_STATUSES) }).strict();

/** One row of a bulk import; a row without a topic takes the request's defaultTopic. */
export const faqImportRow = z
  .object({
    question: faqFields.question,
    answer: faqFields.answer,
    // The valid topics go with the error as what is expected; the message stays short.
    topic: z.enum(TOPICS, { message: `类目应为规定的 ${TOPICS.length} 个类目之一` }).optional(),
    similar: z.array(phrase).max(L.similar, `相似问法最多 ${L.similar} 个`).default([]),
    keywords: z.array(keyword).max(L.keywords, `关键字最多 ${L.keywords} 个`).default([]),
    // A unit's id or name; the import looks it up and names an unknown one.
    unitId: z.string({ message: '发文单位应为文字' }).max(200, '发文单位不能超过 200 字').optional(),
  })
  .strict();
export type FaqImportRow = z.infer<typeof faqImportRow>;

/**
 * What to do with an imported question that another entry, or an earlier row of the file, already
 * asks (equal once normalized as the matcher sees it): leave the row out, write it over the
 * existing entry, or import it as a new entry all the same.
 */
export const IMPORT_DUPLICATE_CHOICES = ['skip', 'update', 'import'] as const;
export type DuplicateChoice = (typeof IMPORT_DUPLICATE_CHOICES)[number];
const duplicateChoice = z.enum(IMPORT_DUPLICATE_CHOICES, {
  message: '重复问题的处理方式应为 skip（跳过）、update（更新已有条目）或 import（仍然导入）',
});

export const faqImportJson = z
  .object({
    // Rows are validated one by one so the answer can list every bad row.
    entries: z.array(z.unknown()).min(1, '没有要导入的条目').max(L.importRows, `一次最多导入 ${L.importRows} 条`),
    publish: z.boolean().default(false),
    dryRun: z.boolean().default(false),
    defaultTopic: z.enum(TOPICS).optional(),
    /** For every duplicate row; `choices` overrides it row by row ({ "3": "skip" }, rows counted from 1). */
    duplicates: duplicateChoice.optional(),
    choices: z.record(z.string().regex(/^[1-9]\d*$/, '行号应为从 1 起的整数'), duplicateChoice).optional(),
  })
  .strict();

const choiceWords = IMPORT_DUPLICATE_CHOICES.join('|');
const CHOICE_LIST = new RegExp(`^\\d+:(${choiceWords})(,\\d+:(${choiceWords}))*$`);

export const faqImportQuery = z.object({
  publish: z.enum(['true', 'false']).optional(),
  dryRun: z.enum(['true', 'false']).optional(),
  defaultTopic: z.enum(TOPICS).optional(),
  duplicates: duplicateChoice.optional(),
  /** Per-row choices for CSV: `3:skip,5:update`. */
  choices: z
    .string()
    .max(200_000)
    .regex(CHOICE_LIST, 'choices 应为「行号:处理方式」，用逗号隔开，如 3:skip,5:update')
    .transform((s) => Object.fromEntries(s.split(',').map((pair) => pair.split(':') as [string, DuplicateChoice])))
    .optional(),
});
export type FaqImportQuery = z.output<typeof faqImportQuery>;

/** How many parsed rows a dry run shows back, for the editor to see the file was read as meant. */
export const IMPORT_PREVIEW_ROWS = 20;

/**
 * One problem of one row (row 0: the file as a whole). `column` is the column as the file names
 * it (the CSV header, 答案, or the JSON field), `value` what the row holds there, shortened for
 * display, and `expected` what would be accepted.
 */
export type ImportRowError = {
  row: number;
  field?: string;
  message: string;
  column?: string;
  value?: string;
  expected?: string;
};

/** A row whose question an existing entry or an earlier row already asks. */
export type ImportDuplicate = {
  row: number;
  question: string;
  /** The existing entry (of a unit the caller may see) with the same question. */
  entry?: {
    id: string;
    question: string;
    status: (typeof FAQ_STATUSES)[number];
    unitId: string;
    unitName: string;
    /** The caller may update it (an entry of a unit they manage). */
    editable: boolean;
  };
  /** The earlier row of the same file with the same question. */
  sameAsRow?: number;
  /** What the request's choices do with the row; absent while nobody has chosen. */
  action?: DuplicateChoice;
};

/** A parsed row as the import reads it: `unit` is the unit's name once resolved. */
export type ImportPreviewRow = { row: number; question: string; topic: string; unit: string; similar: number };

export type ImportResult = {
  dryRun: boolean;
  /** Rows written (or, on a dry run, to be written) as new entries. */
  imported: number;
  updated: number;
  skipped: number;
  /** Rows in the request. */
  total: number;
  ids?: string[];
  updatedIds?: string[];
  errors: ImportRowError[];
  duplicates: ImportDuplicate[];
  /** The first IMPORT_PREVIEW_ROWS rows, on a dry run. */
  preview?: ImportPreviewRow[];
};

/** An issue of a refused import (400, 409): the one error shape's path and message, plus the row's details. */
export type ImportIssue = { path: string; message: string } & Omit<ImportRowError, 'message' | 'field'> & {
    entryId?: string;
    sameAsRow?: number;
  };

export const faqSearchQuery = z.object({
  q: z.string().trim().min(1, '请输入要查询的问题').max(L.searchQuery, `问题不能超过 ${L.searchQuery} 字`),
  limit: z.coerce.number().int().min(1).max(L.searchLimit).default(10),
  topic: z.enum(TOPICS).optional(),
  /** `1`: the resident submitted this search (not a suggestion while typing); one without an answer is logged for 高频问题. */
  submitted: z.enum(['1'], { message: 'submitted 只能为 1' }).optional(),
});

export const faqListQuery = pageQuery.extend({
  topic: z.enum(TOPICS).optional(),
  sort: z.enum(['views', 'updated']).default('views'),
});

export const faqManageQuery = pageQuery.extend({
  status: z.enum(FAQ_STATUSES).optional(),
  unitId: z.string().min(1).max(40).optional(),
  q: z.string().trim().max(50).optional(),
  /** Only entries flagged 需复核 (a policy they rest on changed). */
  flagged: z.enum(['1', 'true']).optional(),
});

export const faqFeedbackInput = z
  .object({
    helpful: z.boolean(),
    /** The search that reached the entry: 没帮助 logs it for 高频问题, without who asked. */
    query: z.string().trim().max(L.searchQuery, `问题不能超过 ${L.searchQuery} 字`).optional(),
  })
  .strict();

export type SearchItem = {
  id: string;
  question: string;
  answer: string;
  score: number;
  topic: string;
  matched?: string;
  /** The entry answers the question (the app shows it as the answer); else it is only related (相关问答). */
  confident: boolean;
};

export type FaqPublic = {
  id: string;
  question: string;
  answer: string;
  topic: string;
  similar: string[];
  unitId: string;
  unitName: string;
  updatedAt: string;
  /** The last day the answer holds (a policy with an end date), or null. */
  validUntil: string | null;
  views: number;
  helpful: number;
  unhelpful: number;
};

export type FaqSummary = Pick<FaqPublic, 'id' | 'question' | 'topic' | 'views' | 'unitName' | 'updatedAt'>;

export type FaqManaged = FaqPublic & {
  keywords: string[];
  status: (typeof FAQ_STATUSES)[number];
  validFrom: string | null;
  createdAt: string;
  /** 需复核: present while a policy the entry rests on has changed and no editor has reviewed it. */
  review?: { flaggedAt: string; reason: string; policyId: string | null };
};

// A term is compared as the matcher sees it (normalized): 「社保？」 is 「社保」, 「何时」 is 「什么时候」.
const synonymTerm = z
  .string()
  .trim()
  .min(1, '词语不能为空')
  .max(20, '每个词不能超过 20 字')
  .refine((t) => normalize(t).length > 0, '词语应含文字或数字');

export const synonymGroupInput = z
  .object({
    terms: z
      .array(synonymTerm)
      .min(2, '同义词组至少两个词')
      .max(20, '同义词组最多 20 个词')
      .refine((t) => new Set(t.map(normalize)).size === t.length, '同义词组内有重复的词'),
  })
  .strict();
export type SynonymGroup = { id: number; terms: string[]; updatedAt: string };
