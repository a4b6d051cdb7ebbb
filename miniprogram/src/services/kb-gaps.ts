import type { KbGapsAnswer, KbGapsQuery } from '@shared/schemas/kb-gaps';
import { api } from './api';

/** 高频问题: questions of a period the knowledge base did not answer, grouped, largest first. */
export const listKbGaps = (query: KbGapsQuery) => api.get<KbGapsAnswer>('/api/kb-gaps', { query });
