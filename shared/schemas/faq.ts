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
    topic: faqFields.topic.optional(),
    similar: z.array(phrase).max(L.similar).default([]),
    keywords: z.array(keyword).max(L.keywords).default([]),
    unitId: faqFields.unitId,
  })
  .strict();
export type FaqImportRow = z.infer<typeof faqImportRow>;

export const faqImportJson = z
  .object({
    // Rows are validated one by one so the answer can list every bad row.
    entries: z.array(z.unknown()).min(1, '没有要导入的条目').max(L.importRows, `一次最多导入 ${L.importRows} 条`),
    publish: z.boolean().default(false),
    dryRun: z.boolean().default(false),
    defaultTopic: z.enum(TOPICS).optional(),
  })
  .strict();

export const faqImportQuery = z.object({
  publish: z.enum(['true', 'false']).optional(),
  dryRun: z.enum(['true', 'false']).optional(),
  defaultTopic: z.enum(TOPICS).optional(),
});

export type ImportRowError = { row: number; field?: string; message: string };
export type ImportResult = {
  dryRun: boolean;
  imported: number;
  ids?: string[];
  errors: ImportRowError[];
};

export const faqSearchQuery = z.object({
  q: z.string().trim().min(1, '请输入要查询的问题').max(L.searchQuery, `问题不能超过 ${L.searchQuery} 字`),
  limit: z.coerce.number().int().min(1).max(L.searchLimit).default(10),
  topic: z.enum(TOPICS).optional(),
});

export const faqListQuery = pageQuery.extend({
  topic: z.enum(TOPICS).optional(),
  sort: z.enum(['views', 'updated']).default('views'),
});

export const faqManageQuery = pageQuery.extend({
  status: z.enum(FAQ_STATUSES).optional(),
  unitId: z.string().min(1).max(40).optional(),
  q: z.string().trim().max(50).optional(),
});

export const faqFeedbackInput = z.object({ helpful: z.boolean() }).strict();

export type SearchItem = {
  id: string;
  question: string;
  answer: string;
  score: number;
  topic: string;
  matched?: string;
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
