import type { Channel, Rating } from '@shared/inquiry/states';
import { REPLY_DAYS } from '@shared/inquiry/states';
import type { DueAnswer } from '@shared/schemas/calendar';
import type { SearchItem } from '@shared/schemas/faq';
import type { InboxFilter, InboxPage, InboxTab, InquiryCreateInput, InquiryView } from '@shared/schemas/inquiry';
import { api } from './api';
import type { Page } from './faq';
import { withSession } from './session';

export type InquiryCreated = InquiryView & { matches: SearchItem[] };

/** A named policy answerer (政策解答员): public by rule. */
export type Answerer = { id: string; name: string; unitId: string; unitName: string };

export function listAnswerers(unitId?: string) {
  return api.get<{ items: Answerer[] }>('/api/answerers', { query: { unitId }, auth: false });
}

const path = (id: string, action?: string) => `/api/inquiries/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;

/** When a question asked now would be due: the app shows it before the resident submits. */
export function expectedReply(days: number = REPLY_DAYS.normal) {
  return api.get<DueAnswer>('/api/calendar/due', { query: { from: new Date().toISOString(), days }, auth: false });
}

/**
 * Submits a question. `key` is made once per form fill and sent again on every retry, so a
 * double tap or a retry after a timeout answers with the inquiry the first attempt created.
 */
export function createInquiry(input: InquiryCreateInput, key: string) {
  return withSession(() => api.post<InquiryCreated>('/api/inquiries', input, { headers: { 'Idempotency-Key': key } }));
}

/** "这解决了我的问题": recorded as answered by the knowledge base; no inquiry is created. */
export function resolvedByEntry(question: string, entryId: string, channel?: Channel) {
  return api.post<{ resolved: true }>('/api/kb-resolutions', { question, entryId, ...(channel ? { channel } : {}) });
}

/** The resident's own questions, newest first (in H5 not signed in: SignInNeeded, and the screen asks for a phone code). */
export function listMine(offset: number, limit: number): Promise<Page<InquiryView>> {
  return withSession(() => api.get<Page<InquiryView>>('/api/inquiries', { query: { offset, limit } }));
}

/**
 * A staff member's inbox tab (their unit's inquiries; the office sees all), by due date, with every tab's count.
 * With a figure's filter (统计) and no tab: every inquiry the figure counts.
 */
export function listInbox(tab: InboxTab | null, offset: number, limit: number, filter: InboxFilter = {}) {
  return api.get<InboxPage>('/api/inquiries', { query: { ...filter, tab: tab ?? undefined, offset, limit } });
}

export function getInquiry(id: string) {
  return withSession(() => api.get<InquiryView>(path(id)));
}

// Resident actions.
export const supplement = (id: string, message: string) => withSession(() => api.post<InquiryView>(path(id, 'supplement'), { message }));
export const withdraw = (id: string) => withSession(() => api.post<InquiryView>(path(id, 'withdraw')));
export const rate = (id: string, rating: Rating, comment?: string) =>
  withSession(() => api.post<InquiryView>(path(id, 'rate'), comment ? { rating, comment } : { rating }));

// Staff actions.
export const reply = (id: string, text: string) => api.post<InquiryView>(path(id, 'reply'), { reply: text });
export const clarify = (id: string, message: string) => api.post<InquiryView>(path(id, 'clarify'), { message });
export const transfer = (id: string, unitId: string, reason: string) => api.post<InquiryView>(path(id, 'transfer'), { unitId, reason });
export const classify = (id: string, simple: boolean) => api.post<InquiryView>(path(id, 'classify'), { simple });
/** Editors and the office hand a waiting inquiry to a named answerer of the unit. */
export const assign = (id: string, answererId: string) => api.post<InquiryView>(path(id, 'assign'), { answererId });
