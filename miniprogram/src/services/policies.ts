import type { Topic } from '@shared/constants';
import type { PolicyType } from '@shared/policy/constants';
import type { Validity } from '@shared/policy/rules';
import type { SearchItem } from '@shared/schemas/faq';
import type {
  FaqBasis,
  InterpretationInput,
  Policy,
  PolicyAttachment,
  PolicyCreateInput,
  PolicyDraft,
  PolicySearchHit,
  PolicySummary,
  PolicyUpdateInput,
} from '@shared/schemas/policy';
import { api, request, type Cancel } from './api';
import { apiBase } from './base';
import type { Page } from './faq';
import { withSession } from './session';

export type PolicyFilter = { topic?: Topic; unitId?: string; type?: PolicyType; validity?: Validity; year?: number; q?: string };

/** One search box for residents: entries that answer the question, then the policies behind them. */
/** `submitted`: the resident asked (not a suggestion while typing); the API logs it for 高频问题 when nothing answers it. */
export function searchAll(q: string, limit: number, cancel?: Cancel, submitted = false) {
  return api.get<{ faq: SearchItem[]; policies: PolicySearchHit[] }>('/api/search', { query: { q, limit, ...(submitted ? { submitted: '1' } : {}) }, cancel });
}

export function listPolicies(query: PolicyFilter & { limit?: number; offset?: number }) {
  return api.get<Page<PolicySummary>>('/api/policies', { query });
}

export function getPolicy(id: string) {
  return api.get<Policy>(`/api/policies/${encodeURIComponent(id)}`);
}

/** An attachment or an interpretation's image: its address on the API. */
export function fileUrl(path: string): string {
  return `${apiBase()}${path}`;
}

// ---- subscriptions (政策主动推送) ---------------------------------------------------------------

export type Subscription = { kind: 'topic' | 'unit'; value: string; createdAt: string };

export function listSubscriptions() {
  return withSession(() => api.get<{ items: Subscription[] }>('/api/policy-subscriptions'));
}

export function subscribe(kind: 'topic' | 'unit', value: string) {
  return withSession(() => api.post<unknown>('/api/policy-subscriptions', { kind, value }));
}

export function unsubscribe(kind: 'topic' | 'unit', value: string) {
  return withSession(() => request<unknown>('DELETE', '/api/policy-subscriptions', { body: { kind, value } }));
}

// ---- staff ------------------------------------------------------------------------------------

export function listManagedPolicies(query: PolicyFilter & { status?: 'draft' | 'published'; limit?: number; offset?: number }) {
  return api.get<Page<PolicySummary>>('/api/manage/policies', { query });
}

export function getManagedPolicy(id: string) {
  return api.get<Policy>(`/api/manage/policies/${encodeURIComponent(id)}`);
}

/** Pasted text, or a file's bytes (.docx, PDF, text): the worker reads the format from the bytes. */
export function importPolicy(body: string | ArrayBuffer) {
  return api.post<{ draft: PolicyDraft }>('/api/policies/import', body, {
    contentType: typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/octet-stream',
  });
}

export function createPolicy(input: PolicyCreateInput) {
  return api.post<Policy>('/api/policies', input);
}

export function updatePolicy(id: string, input: PolicyUpdateInput) {
  return api.patch<Policy>(`/api/policies/${encodeURIComponent(id)}`, input);
}

export function addInterpretation(policyId: string, input: InterpretationInput) {
  return api.post<unknown>(`/api/policies/${encodeURIComponent(policyId)}/interpretations`, input);
}

// The API takes a raw upload's type from its Content-Type; browsers give an .ofd none and WeChat
// gives no file a type, so it comes from the name (the types of ATTACHMENT_TYPES in shared/policy/rules).
const FILE_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ofd: 'application/ofd',
  txt: 'text/plain',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
};

/** A file's type by its extension; one the API does not take is sent as octet-stream and refused with the list. */
export function fileType(name: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  return FILE_TYPES[ext] ?? 'application/octet-stream';
}

/** A 附件, or an interpretation's image (purpose=media: PNG or JPEG), sent as the raw body. */
export function uploadAttachment(policyId: string, name: string, bytes: ArrayBuffer, type: string, purpose: 'attachment' | 'media' = 'attachment') {
  return api.post<PolicyAttachment>(`/api/policies/${encodeURIComponent(policyId)}/attachments`, bytes, { query: { name, purpose }, contentType: type });
}

export function publishPolicy(id: string, exemption?: { reason: string }) {
  return api.post<Policy>(`/api/policies/${encodeURIComponent(id)}/publish`, exemption ? { exemption } : {});
}

export function changeValidity(id: string, input: { validity: Validity; reason: string; replacedBy?: string }) {
  return api.post<Policy>(`/api/policies/${encodeURIComponent(id)}/validity`, input);
}

/** An entry's 文件依据 as its editors see it: the unit's drafts included, and the 需复核 flag. */
export type FaqBasisManaged = FaqBasis & { review: { flaggedAt: string; reason: string; policyId: string | null } | null };

export function getFaqBasis(entryId: string) {
  return api.get<FaqBasisManaged>(`/api/faq/${encodeURIComponent(entryId)}/basis`);
}

export function setFaqBasis(entryId: string, policyIds: string[]) {
  return api.put<FaqBasisManaged>(`/api/faq/${encodeURIComponent(entryId)}/basis`, { policyIds });
}

export function markReviewed(entryId: string) {
  return api.post<{ reviewed: boolean }>(`/api/faq/${encodeURIComponent(entryId)}/reviewed`);
}

/** The interpretation rate (解读率) of the office's jurisdiction, per unit, against the floor of 90%. */
export type InterpretationRate = {
  floor: number;
  overall: { needing: number; interpreted: number; exempted: number; rate: number | null; meetsFloor: boolean };
  units: { unitId: string; unitName: string; needing: number; interpreted: number; exempted: number; rate: number | null; meetsFloor: boolean }[];
};

export function interpretationRate() {
  return api.get<InterpretationRate>('/api/policies/interpretation-rate');
}
