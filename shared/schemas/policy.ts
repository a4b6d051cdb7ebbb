import { z } from 'zod';
import { TOPICS, type Topic } from '../constants';
import { POLICY_TYPES, type PolicyType } from '../policy/constants';
import { INTERPRETATION_FORMS, VALIDITIES, type InterpretationForm, type Validity } from '../policy/rules';
import { isoDate, pageQuery, text } from './common';

export const policySection = z.object({
  /** 0: text before the first heading; 1–5: 一、/（一）/1./（1）/一是 (shared/policy/sections.ts). */
  level: z.number().int().min(0).max(5),
  /** The heading with its marker as printed (（一）围绕优化营商环境，做好信息公开); empty at level 0. */
  heading: z.string().max(200),
  /** The section's own paragraphs, one per line. */
  text: z.string(),
});
export type PolicySection = z.infer<typeof policySection>;

/** A table as rows of cells; the first row is its header. A cell's lines are separated by \n. */
export const policyTable = z.object({ rows: z.array(z.array(z.string())) });
export type PolicyTable = z.infer<typeof policyTable>;

/** What the importer read from a document, for the editor to review before anything is saved. */
export const policyDraft = z.object({
  title: z.string().max(300),
  /** 发文字号 in its printed form (shared/policy/doc-number.ts); null when the document has none. */
  docNumber: z.string().max(60).nullable(),
  /** 发文机关 as printed; null when the document does not name it. */
  issuer: z.string().max(100).nullable(),
  /** 成文日期, or the 印发日期 when only that is printed. */
  signedDate: isoDate.nullable(),
  type: z.enum(POLICY_TYPES),
  /** 主送机关, one per body named. */
  recipients: z.array(z.string()),
  sections: z.array(policySection),
  tables: z.array(policyTable),
  /** 附件 names, as the 附件说明 lists them. */
  attachments: z.array(z.string()),
  /** The notice that issued the document (关于印发《…》的通知), when the document came wrapped in one. */
  preface: z.object({ title: z.string(), text: z.string() }).optional(),
});
export type PolicyDraft = z.infer<typeof policyDraft>;

// ---- policies as saved (issue 11's contract) ------------------------------------------------

const L = { sections: 2000, sectionText: 50_000, tables: 100, rows: 1000, cells: 30, cell: 5000, paragraphs: 200, paragraph: 10_000 } as const;

const idRef = z.string().regex(/^[a-z0-9_]{1,40}$/, '编号格式不正确');
const topic = z.enum(TOPICS, { message: `类目应为：${TOPICS.join('、')}` });
const savedSection = policySection.extend({ text: z.string().max(L.sectionText, `每节正文不能超过 ${L.sectionText} 字`) });
const savedTable = z.object({ rows: z.array(z.array(z.string().max(L.cell)).max(L.cells)).max(L.rows) }).strict();
const optionalDate = isoDate.nullable().optional();

const policyFields = {
  title: text(300, '标题'),
  docNumber: z.string().trim().max(60, '文号不能超过 60 字').nullable().optional(),
  /** 发文机关 as printed. */
  issuer: z.string().trim().max(100, '发文机关不能超过 100 字').nullable().optional(),
  signedDate: optionalDate,
  publishedDate: optionalDate,
  effectiveDate: optionalDate,
  /** The last day the policy holds (its 有效期); after it the cron marks it 已失效. */
  endDate: optionalDate,
  type: z.enum(POLICY_TYPES, { message: `文件类型应为：${POLICY_TYPES.join('、')}` }),
  topics: z.array(topic).max(TOPICS.length).default([]),
  recipients: z.array(z.string().trim().min(1).max(100)).max(100).default([]),
  sections: z.array(savedSection).max(L.sections).default([]),
  tables: z.array(savedTable).max(L.tables).default([]),
  attachments: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
  preface: z.object({ title: z.string().max(300), text: z.string().max(L.sectionText) }).strict().nullable().optional(),
  /** The issuing unit (ours); defaults to the caller's. */
  unitId: idRef.optional(),
};

const dateOrder = (v: { effectiveDate?: string | null; endDate?: string | null; signedDate?: string | null }) =>
  !v.endDate || ((!v.effectiveDate || v.effectiveDate <= v.endDate) && (!v.signedDate || v.signedDate <= v.endDate));
const dateOrderIssue = { message: '失效日期不能早于成文日期或施行日期', path: ['endDate'] };

export const policyCreateInput = z.object(policyFields).strict().refine(dateOrder, dateOrderIssue);
export type PolicyCreateInput = z.input<typeof policyCreateInput>;

const { unitId: _unit, ...editable } = policyFields;
// Without their defaults: a field left out of an edit keeps its value instead of becoming [].
const optionalField = (v: z.ZodType) => (v instanceof z.ZodDefault ? (v.unwrap() as z.ZodType) : v).optional();
export const policyUpdateInput = z
  .object({
    ...(Object.fromEntries(Object.entries(editable).map(([k, v]) => [k, optionalField(v)])) as {
      [K in keyof typeof editable]: z.ZodOptional<(typeof editable)[K]>;
    }),
    /** The `updatedAt` the editor started from: if the policy was saved since, the edit is refused (409). */
    baseUpdatedAt: z.string().datetime({ message: 'baseUpdatedAt 应为文件的 updatedAt' }).optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).some((k) => k !== 'baseUpdatedAt'), '没有要修改的字段');
export type PolicyUpdateInput = z.input<typeof policyUpdateInput>;

const phone = z.string().trim().regex(/^[0-9+\-() ]{5,25}$/, '联系电话格式不正确');

export const interpretationInput = z
  .object({
    form: z.enum(INTERPRETATION_FORMS, { message: `解读形式应为：${INTERPRETATION_FORMS.join('、')}` }),
    title: text(300, '解读标题'),
    body: z.array(text(L.paragraph, '段落')).max(L.paragraphs).default([]),
    /** An image of this policy uploaded with purpose=media (图解). */
    imageId: idRef.optional(),
    videoUrl: z.url({ protocol: /^https$/, message: '视频链接应为 https 地址' }).max(500).optional(),
    /** The interpreting unit; defaults to the policy's. */
    unitId: idRef.optional(),
    interpreterName: z.string().trim().min(1).max(40).optional(),
    interpreterTitle: z.string().trim().min(1).max(60).optional(),
    contactPhone: phone.optional(),
    /** Only for a policy already published; otherwise it is published with its policy. */
    publish: z.boolean().default(false),
  })
  .strict()
  .refine((v) => v.body.length > 0 || v.imageId || v.videoUrl, { message: '解读需有正文、图片或视频', path: ['body'] });
export type InterpretationInput = z.input<typeof interpretationInput>;

export const policyPublishInput = z
  .object({ exemption: z.object({ reason: text(500, '免于解读的理由') }).strict().optional() })
  .strict();

export const policyValidityInput = z
  .object({
    validity: z.enum(VALIDITIES, { message: `有效性应为：${VALIDITIES.join('、')}` }),
    reason: text(500, '变更理由'),
    /** The document that amended or replaced it. */
    replacedBy: idRef.optional(),
  })
  .strict();

const year = z.coerce.number().int().min(1949).max(2100);
export const policyListQuery = pageQuery.extend({
  topic: topic.optional(),
  unitId: idRef.optional(),
  type: z.enum(POLICY_TYPES).optional(),
  validity: z.enum(VALIDITIES).optional(),
  year: year.optional(),
  q: z.string().trim().min(1).max(100, '搜索内容不能超过 100 字').optional(),
});
export const policyManageQuery = policyListQuery.extend({ status: z.enum(['draft', 'published']).optional() });

export const searchQuery = z.object({
  q: z.string().trim().min(1, '请输入要查询的问题').max(100, '问题不能超过 100 字'),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  /** `1`: the resident submitted this search (not a suggestion while typing); one without an answer is logged for 高频问题. */
  submitted: z.enum(['1'], { message: 'submitted 只能为 1' }).optional(),
});

export const faqBasisInput = z.object({ policyIds: z.array(idRef).max(20, '文件依据最多 20 个') }).strict();

export const subscriptionInput = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('topic'), value: topic }).strict(),
    z.object({ kind: z.literal('unit'), value: idRef }).strict(),
  ], { message: 'kind 应为 topic 或 unit' });

export const attachmentParam = z.object({ id: idRef, attachmentId: idRef });
export const attachmentQuery = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  purpose: z.enum(['attachment', 'media']).default('attachment'),
});

// ---- what the API answers ---------------------------------------------------------------------

export type PolicyRef = { id: string; title: string; docNumber: string | null; validity: Validity };
export type ValidityEvent = {
  from: Validity;
  to: Validity;
  reason: string;
  replacedBy: PolicyRef | null;
  amendedBy: PolicyRef | null;
  at: string;
  actor: { id: string; role: string } | null;
};
export type PolicyAttachment = { id: string; name: string; size: number; contentType: string; purpose: 'attachment' | 'media'; url: string };
export type Interpretation = {
  id: string;
  policyId: string;
  form: InterpretationForm;
  title: string;
  body: string[];
  image: PolicyAttachment | null;
  videoUrl: string | null;
  unitId: string;
  unitName: string;
  interpreterName: string | null;
  interpreterTitle: string | null;
  contactPhone: string | null;
  status: 'draft' | 'published';
  publishedAt: string | null;
};
export type PolicySummary = PolicyRef & {
  type: PolicyType;
  unitId: string;
  unitName: string;
  issuer: string | null;
  signedDate: string | null;
  publishedDate: string | null;
  topics: Topic[];
  status: 'draft' | 'published';
  updatedAt: string;
};
export type Policy = PolicySummary & {
  effectiveDate: string | null;
  endDate: string | null;
  recipients: string[];
  sections: PolicySection[];
  tables: PolicyTable[];
  preface: { title: string; text: string } | null;
  attachmentNames: string[];
  attachments: PolicyAttachment[];
  interpretations: Interpretation[];
  exemption: { reason: string; at: string } | null;
  publishedAt: string | null;
  /** Validity history, oldest first; `replaces`: the policies this one amended or replaced. */
  history: ValidityEvent[];
  replaces: (PolicyRef & { relation: '修改' | '废止' })[];
  /** Published entries resting on it (their 文件依据), most viewed first. */
  relatedEntries: { id: string; question: string; topic: Topic }[];
  createdAt: string;
};
export type PolicySearchHit = PolicyRef & { type: PolicyType; unitName: string; score: number; matched?: string };
/** An entry's 文件依据, with the notice residents read while an editor has not reviewed a change. */
export type FaqBasis = { basis: PolicyRef[]; basisNotice: string | null };
