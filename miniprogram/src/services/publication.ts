import type { Topic } from '@shared/constants';
import type { PublicAnswer, PublicAnswerPage, PublicationDraft, PublicationInput, PublicationResult } from '@shared/schemas/publication';
import { api } from './api';

const path = (id: string) => `/api/inquiries/${encodeURIComponent(id)}/publication`;

/** The masked copy of an answered, consented inquiry, with what was found in it. */
export function getPublicationDraft(inquiryId: string) {
  return api.get<PublicationDraft>(path(inquiryId));
}

export function publishAnswer(inquiryId: string, input: PublicationInput) {
  return api.post<PublicationResult>(path(inquiryId), input);
}

/** 咨询公开, for everyone. */
export function listPublicAnswers(page: number, topic?: Topic) {
  return api.get<PublicAnswerPage>('/api/publications', { query: { page, topic }, auth: false });
}

export function getPublicAnswer(id: string) {
  return api.get<PublicAnswer>(`/api/publications/${encodeURIComponent(id)}`, { auth: false });
}
