import type { Context } from 'hono';
import { PARTNER_KEY } from '../../shared/schemas/partner';
import { readPartnerKey } from '../db/partner-keys';
import type { AppEnv, PartnerPrincipal } from '../env';
import { partnerRefusal } from '../rules/partner-scopes';
import { ApiError, forbidden } from './errors';
import { sha256Hex } from './hash';
import { limit } from './limit';

export function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A new partner key (`zck_` + 32 random bytes) with its hash and the prefix the list shows. */
export async function newPartnerKey(): Promise<{ key: string; hash: string; prefix: string }> {
  const key = `zck_${base64url(crypto.getRandomValues(new Uint8Array(32)))}`;
  return { key, hash: await sha256Hex(key), prefix: key.slice(0, 10) };
}

/** A webhook signing secret: shown once with the key, kept so the worker can sign. */
export const newWebhookSecret = () => `whsec_${base64url(crypto.getRandomValues(new Uint8Array(32)))}`;

/**
 * The partner behind a `zck_` key: unknown or revoked keys are a 401 at once; a call outside the
 * key's scopes a 403; every call counts against the key's limit.
 */
export async function partnerOf(c: Context<AppEnv>, key: string): Promise<PartnerPrincipal> {
  if (!PARTNER_KEY.test(key)) throw new ApiError('unauthorized', '对接密钥无效');
  const partner = await readPartnerKey(c.env.DB, await sha256Hex(key), new Date());
  if (!partner) throw new ApiError('unauthorized', '对接密钥无效或已吊销');
  const refused = partnerRefusal(partner.scopes, c.req.method, c.req.path);
  if (refused) throw forbidden(refused);
  await limit(c, 'partner.key', partner.id);
  return partner;
}

/** `sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>`, as the X-Zc-Signature header carries it. */
export async function webhookSignature(secret: string, timestamp: string, body: string): Promise<string> {
  const enc = new TextEncoder();
  const hmacKey = await crypto.subtle.importKey('raw', enc.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = await crypto.subtle.sign('HMAC', hmacKey, enc.encode(`${timestamp}.${body}`));
  return `sha256=${[...new Uint8Array(mac)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}
