import { z } from 'zod';
import { POLICY_TYPES } from '../policy/constants';
import { isoDate } from './common';

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
