// Partner keys (对接密钥) for a district's 12345 platform and their webhooks: the office's screen.
import type { NewPartnerKey, PartnerKey, PartnerKeyInput, PartnerScope, WebhookDelivery } from '@shared/schemas/partner';
import { api, request } from './api';
const id = encodeURIComponent;

/** The key and the signing secret come once, in the answer that creates them. */
export const createPartnerKey = (input: PartnerKeyInput) => api.post<NewPartnerKey>('/api/partner-keys', input);
export const listPartnerKeys = () => api.get<{ items: PartnerKey[] }>('/api/partner-keys');
export const revokePartnerKey = (keyId: string) => request<PartnerKey>('DELETE', `/api/partner-keys/${id(keyId)}`);
export const listDeliveries = (keyId: string) => api.get<{ items: WebhookDelivery[] }>(`/api/partner-keys/${id(keyId)}/deliveries`, { query: { limit: 10 } });

// The labels the screen shows; the schema module (and zod) stays out of the page.
export const SCOPES: PartnerScope[] = ['inquiries:create', 'inquiries:read', 'kb:search'];
export const SCOPE_LABELS: Record<PartnerScope, string> = {
  'inquiries:create': '代居民登记咨询',
  'inquiries:read': '查询所登记咨询的进度',
  'kb:search': '检索问答库',
};
export const EVENT_LABELS: Record<string, string> = {
  replied: '已答复',
  transferred: '已转办',
  assigned: '已分派',
  clarification_requested: '请补充',
  supplemented: '已补充',
  rated: '已评价',
  withdrawn: '已撤回',
  reopened: '重新办理',
  closed: '已办结',
};
