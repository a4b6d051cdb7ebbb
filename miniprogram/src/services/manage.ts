import type { FaqStatus } from '@shared/constants';
import type { Unit } from '@shared/schemas/auth';
import type { DuplicateChoice, FaqCreateInput, FaqManaged, FaqUpdateInput, ImportResult } from '@shared/schemas/faq';
import { api } from './api';
import type { Page } from './faq';

export function listUnits() {
  return api.get<{ items: Unit[] }>('/api/units', { auth: false });
}

/** `flagged`: only entries flagged 需复核 (a policy they rest on changed). */
export function listManaged(query: { status?: FaqStatus; q?: string; unitId?: string; flagged?: boolean; limit?: number; offset?: number }) {
  const { flagged, ...rest } = query;
  return api.get<Page<FaqManaged>>('/api/manage/faq', { query: { ...rest, flagged: flagged ? 1 : undefined } });
}

export function getManaged(id: string) {
  return api.get<FaqManaged>(`/api/manage/faq/${encodeURIComponent(id)}`);
}

export function createFaq(input: FaqCreateInput) {
  return api.post<FaqManaged>('/api/faq', input);
}

export function updateFaq(id: string, input: FaqUpdateInput) {
  return api.patch<FaqManaged>(`/api/faq/${encodeURIComponent(id)}`, input);
}

export function setFaqStatus(id: string, status: FaqStatus) {
  return api.post<FaqManaged>(`/api/faq/${encodeURIComponent(id)}/status`, { status });
}

/**
 * Bulk import of a CSV as the office keeps it; `dryRun` checks every row and writes nothing.
 * `duplicates` says what to do with questions already asked; `choices` overrides it per row.
 */
export function importCsv(
  csv: string,
  options: { dryRun: boolean; publish: boolean; duplicates?: DuplicateChoice; choices?: Record<number, DuplicateChoice> },
) {
  const choices = Object.entries(options.choices ?? {}).map(([row, choice]) => `${row}:${choice}`);
  return api.post<ImportResult>('/api/faq/import', csv, {
    query: {
      dryRun: String(options.dryRun),
      publish: String(options.publish),
      duplicates: options.duplicates,
      choices: choices.join(','),
    },
    contentType: 'text/csv',
  });
}

export const STATUS_LABELS: Record<FaqStatus, string> = {
  draft: '草稿',
  published: '已发布',
  retired: '已下线',
};
