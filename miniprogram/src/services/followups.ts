// 回访 (the office's follow-ups on a 不满意 rating) and the resident's 追问. Types only from the
// schemas: 我的 shows the open count, and must not bring zod into the main package.
import type { FollowupDetail, FollowupPage, FollowupStatus } from '@shared/schemas/followup';
import type { InquiryView } from '@shared/schemas/inquiry';
import { api } from './api';
import { withSession } from './session';

const path = (id: number, action?: string) => `/api/followups/${id}${action ? `/${action}` : ''}`;

export const listFollowups = (status: FollowupStatus, offset: number, limit: number) =>
  api.get<FollowupPage>('/api/followups', { query: { status, offset, limit } });
export const getFollowup = (id: number) => api.get<FollowupDetail>(path(id));
export const recordCall = (id: number, reached: boolean, outcome: string) => api.post<FollowupDetail>(path(id, 'calls'), { reached, outcome });
export const closeFollowup = (id: number, note: string) => api.post<FollowupDetail>(path(id, 'close'), { note });
export const reopenFollowup = (id: number, reason: string) => api.post<FollowupDetail>(path(id, 'reopen'), { reason });

/** How many 回访 wait for the office (for 我的). */
export const openFollowupCount = () => listFollowups('open', 0, 1).then((p) => p.counts.open);

/** The resident's one follow-up question on the reply. */
export const askFollowupQuestion = (inquiryId: string, question: string) =>
  withSession(() => api.post<InquiryView>(`/api/inquiries/${encodeURIComponent(inquiryId)}/followup-question`, { question }));
