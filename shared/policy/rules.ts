import type { PolicyType } from './constants';

/** 有效性, as the seeds' normative-document lists print it. */
export const VALIDITIES = ['现行有效', '已修改', '已废止', '已失效'] as const;
export type Validity = (typeof VALIDITIES)[number];

/** An entry resting on a policy in one of these states may no longer be right (需复核). */
export const STALE_VALIDITIES: readonly Validity[] = ['已修改', '已废止', '已失效'];
export const isStale = (v: Validity) => STALE_VALIDITIES.includes(v);

/** What residents read on an entry whose 文件依据 changed, until an editor reviews it. */
export const basisNotice = (v: Validity) => `依据文件${v}，答复可能已过时`;

export const INTERPRETATION_FORMS = ['文字解读', '图解', '视频', '问答', '专家解读', '负责人解读', '新闻发布会'] as const;
export type InterpretationForm = (typeof INTERPRETATION_FORMS)[number];

/** 三同步 (000 §(十一), 001 §(五), 003 §(五)): these types are published together with an interpretation. */
export const NEEDS_INTERPRETATION: readonly PolicyType[] = ['行政规范性文件', '政策性文件', '规划'];
export const needsInterpretation = (t: PolicyType) => NEEDS_INTERPRETATION.includes(t);

/** The seeds' floor for the interpretation rate (解读率不低于 90%). */
export const INTERPRETATION_RATE_FLOOR = 0.9;

/**
 * Why a policy cannot be published now, or null. `interpretations` counts those that will be
 * published in the same step (drafts of this policy) or already are.
 */
export function publishBlocker(p: { type: PolicyType; interpretations: number; exemption: boolean }): string | null {
  if (!needsInterpretation(p.type) || p.interpretations > 0 || p.exemption) return null;
  return `${p.type}须与政策解读同步发布：请先添加至少一篇解读，或登记免于解读的理由（exemption.reason）`;
}

/** Attachments (附件) and an interpretation's images, stored in R2. */
export const POLICY_ATTACHMENT_LIMITS = { bytes: 20 * 1024 * 1024 } as const;
export const ATTACHMENT_TYPES: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (.docx)',
  'application/msword': 'Word (.doc)',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel (.xlsx)',
  'application/vnd.ms-excel': 'Excel (.xls)',
  'application/ofd': 'OFD',
  'text/plain': '文本',
  'image/png': 'PNG 图片',
  'image/jpeg': 'JPEG 图片',
};
export const MEDIA_TYPES = ['image/png', 'image/jpeg'];
