import { z } from 'zod';
import type { Rating } from '../inquiry/states';
import type { InquiryView } from './inquiry';
import { pageQuery, text } from './common';

export const FOLLOWUP_STATUSES = ['open', 'done'] as const;
export type FollowupStatus = (typeof FOLLOWUP_STATUSES)[number];

export const followupListQuery = pageQuery.extend({ status: z.enum(FOLLOWUP_STATUSES).default('open') });
export const followupIdParam = z.object({ id: z.coerce.number().int().positive().max(2 ** 53 - 1) });

export const followupCallInput = z.object({ reached: z.boolean(), outcome: text(500, '回访情况') }).strict();
export const followupCloseInput = z.object({ note: text(500, '回访结论') }).strict();
export const followupReopenInput = z.object({ reason: text(500, '退回理由') }).strict();
/** The resident's one 追问 on an answered inquiry. */
export const followupQuestionInput = z.object({ question: text(1000, '追问内容') }).strict();

/** A 回访 in the office's list. */
export type FollowupItem = {
  id: number;
  inquiryId: string;
  ticket: string;
  question: string;
  unitId: string | null;
  unitName: string | null;
  rating: Rating;
  status: FollowupStatus;
  createdAt: string;
  /** Calendar days since it opened (Asia/Shanghai), for the longest-waiting first. */
  waitingDays: number;
  calls: number;
  outcome: 'closed' | 'reopened' | null;
  closedAt: string | null;
};

export type FollowupCall = { id: number; at: string; byName: string | null; reached: boolean; outcome: string };

/** One 回访 with its inquiry (the office sees the resident's contact), the calls made, and how it ended. */
export type FollowupDetail = FollowupItem & {
  note: string | null;
  closedByName: string | null;
  callLog: FollowupCall[];
  inquiry: InquiryView;
};

export type FollowupPage = { items: FollowupItem[]; total: number; counts: Record<FollowupStatus, number> };
