import { z } from 'zod';
import { text } from './common';

/** What a partner key may do: log inquiries on a resident's behalf, read the ones it logged, search the knowledge base. */
export const PARTNER_SCOPES = ['inquiries:create', 'inquiries:read', 'kb:search'] as const;
export type PartnerScope = (typeof PARTNER_SCOPES)[number];

/** The bearer credential a partner sends: `zck_` and 32 random bytes in base64url. */
export const PARTNER_KEY = /^zck_[A-Za-z0-9_-]{43}$/;

function parseUrl(s: string): URL | null {
  try {
    return new URL(s);
  } catch {
    return null;
  }
}

/**
 * A webhook address: https, or plain http to this machine (the worker allows that only in a
 * development environment; the route checks which one it runs in).
 */
export const webhookUrl = z
  .string()
  .trim()
  .max(500, '地址不能超过 500 个字符')
  .pipe(z.url({ protocol: /^https?$/, error: '请填写 https:// 开头的完整地址' }))
  .refine((s) => {
    const u = parseUrl(s);
    return !!u && (u.protocol === 'https:' || ['127.0.0.1', 'localhost'].includes(u.hostname));
  }, '回调地址须为 https://（本机调试可用 http://127.0.0.1）')
  .refine((s) => {
    const u = parseUrl(s);
    return !!u && !u.username && !u.password;
  }, '地址中不能含用户名或密码');

export const partnerKeyInput = z
  .object({
    name: text(40, '名称'),
    scopes: z
      .array(z.enum(PARTNER_SCOPES))
      .min(1, '请至少选择一项权限')
      .max(PARTNER_SCOPES.length)
      .refine((s) => new Set(s).size === s.length, '权限不能重复'),
    webhookUrl: webhookUrl.optional(),
  })
  .strict();
export type PartnerKeyInput = z.input<typeof partnerKeyInput>;

export const deliveryListQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) });

export type PartnerKey = {
  id: string;
  name: string;
  /** The key's first characters, to tell keys apart; the key itself is never shown again. */
  prefix: string;
  scopes: PartnerScope[];
  webhookUrl: string | null;
  unitId: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};
/** The one answer that carries the key and the signing secret: shown once. */
export type NewPartnerKey = PartnerKey & { key: string; webhookSecret: string | null };

export type WebhookAttempt = { at: string; statusCode: number | null; error: string | null; durationMs: number };
export type WebhookDelivery = {
  id: number;
  event: string;
  inquiryId: string;
  ticket: string;
  status: string;
  at: string;
  state: 'pending' | 'retrying' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  tries: WebhookAttempt[];
};

/** What a webhook POSTs: an inquiry the key logged changed. */
export type WebhookPayload = {
  event: string;
  inquiryId: string;
  ticket: string;
  status: string;
  at: string;
  data: Record<string, unknown>;
};
