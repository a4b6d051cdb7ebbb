import type { SynonymGroup } from '@shared/schemas/faq';
import { api } from './api';

export function listSynonyms() {
  return api.get<{ items: SynonymGroup[] }>('/api/synonyms');
}

export function createSynonymGroup(terms: string[]) {
  return api.post<SynonymGroup>('/api/synonyms', { terms });
}

export function updateSynonymGroup(id: number, terms: string[]) {
  return api.put<SynonymGroup>(`/api/synonyms/${id}`, { terms });
}

export function deleteSynonymGroup(id: number) {
  return api.delete(`/api/synonyms/${id}`);
}
