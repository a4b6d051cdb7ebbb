import type { Topic } from '@shared/constants';
import type { FaqPublic, FaqSummary, SearchItem } from '@shared/schemas/faq';
import type { FaqBasis } from '@shared/schemas/policy';
import { api, type Cancel } from './api';
import { SIGNS_IN_BY_PHONE, withSession } from './session';
import { readToken } from './token';

export type TopicCount = { topic: Topic; count: number };
export type Page<T> = { items: T[]; total: number };
export type FeedbackCounts = { helpful: number; unhelpful: number };

export function searchFaq(q: string, limit: number, cancel?: Cancel) {
  return api.get<{ items: SearchItem[] }>('/api/faq/search', { query: { q, limit }, cancel });
}

export function listTopics() {
  return api.get<{ items: TopicCount[] }>('/api/topics');
}

export function listFaq(query: { topic?: string; sort?: 'views' | 'updated'; limit?: number; offset?: number }) {
  return api.get<Page<FaqSummary>>('/api/faq', { query });
}

/** An entry with its 文件依据 and, while a policy under it has changed unreviewed, the notice to show. */
export function getFaq(id: string) {
  return api.get<FaqPublic & FaqBasis>(`/api/faq/${encodeURIComponent(id)}`);
}

/**
 * 有帮助 / 没帮助: as the signed-in person (in WeChat, always), or in H5 as a visitor, counted once
 * per address. `query`: the search that reached the entry (没帮助 logs its words for 高频问题).
 */
export function sendFeedback(id: string, helpful: boolean, query?: string) {
  const send = () => api.post<FeedbackCounts>(`/api/faq/${encodeURIComponent(id)}/feedback`, { helpful, ...(query ? { query } : {}) });
  return SIGNS_IN_BY_PHONE && !readToken() ? send() : withSession(send);
}
