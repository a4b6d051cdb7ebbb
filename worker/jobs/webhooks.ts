import type { WebhookPayload } from '../../shared/schemas/partner';
import type { Env } from '../env';
import { webhookSignature } from '../lib/partner';
import { backoffMs, LEASE_MS, MAX_ATTEMPTS } from './deliver';

type Pending = {
  id: number;
  next_attempt_at: string;
  event: string;
  inquiry_id: string;
  ticket: string;
  status: string;
  data: string;
  at: string;
  attempts: number;
  webhook_url: string | null;
  webhook_secret: string | null;
  revoked_at: string | null;
};

const BATCH = 50;
/** A partner's server that has not answered by then counts as a failed attempt. */
const TIMEOUT_MS = 10_000;

/** The body a webhook carries; the same bytes are signed. */
export function webhookBody(d: Pick<Pending, 'event' | 'inquiry_id' | 'ticket' | 'status' | 'at' | 'data'>): string {
  const payload: WebhookPayload = { event: d.event, inquiryId: d.inquiry_id, ticket: d.ticket, status: d.status, at: d.at, data: JSON.parse(d.data) };
  return JSON.stringify(payload);
}

/**
 * POSTs the webhooks that are due to their partners' addresses, signed with each key's secret,
 * with the outbox's back-off between attempts; every attempt is recorded. Like the outbox, a
 * row is claimed before it is sent, so concurrent runs never both send it.
 */
export async function deliverWebhooks(env: Env, now: Date): Promise<{ delivered: number; retried: number; failed: number }> {
  const db = env.DB;
  const nowIso = now.toISOString();
  const { results } = await db
    .prepare(
      `SELECT d.id, d.next_attempt_at, d.event, d.inquiry_id, d.ticket, d.status, d.data, d.at, d.attempts, k.webhook_url, k.webhook_secret, k.revoked_at
       FROM webhook_deliveries d JOIN partner_keys k ON k.id = d.key_id
       WHERE d.delivered_at IS NULL AND d.next_attempt_at <= ?1 ORDER BY d.id LIMIT ?2`,
    )
    .bind(nowIso, BATCH)
    .all<Pending>();
  const counts = { delivered: 0, retried: 0, failed: 0 };
  for (const d of results) {
    const claim = await db
      .prepare('UPDATE webhook_deliveries SET next_attempt_at = ?3 WHERE id = ?1 AND next_attempt_at = ?2 AND delivered_at IS NULL')
      .bind(d.id, d.next_attempt_at, new Date(now.getTime() + LEASE_MS).toISOString())
      .run();
    if (claim.meta.changes !== 1) continue;
    if (d.revoked_at || !d.webhook_url || !d.webhook_secret) {
      await db
        .prepare("UPDATE webhook_deliveries SET state = 'failed', delivered_at = ?2, last_error = ?3 WHERE id = ?1")
        .bind(d.id, nowIso, d.revoked_at ? '密钥已吊销' : '未设置回调地址')
        .run();
      counts.failed += 1;
      continue;
    }
    const body = webhookBody(d);
    const timestamp = String(Math.floor(now.getTime() / 1000));
    const started = Date.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const res = await fetch(d.webhook_url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'User-Agent': 'zhengce-zixuntai-webhook/1',
          'X-Zc-Event': d.event,
          'X-Zc-Delivery': String(d.id),
          'X-Zc-Timestamp': timestamp,
          'X-Zc-Signature': await webhookSignature(d.webhook_secret, timestamp, body),
        },
        body,
        // A redirect is not an answer: the partner's address is the one registered.
        redirect: 'manual',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      statusCode = res.status;
      await res.body?.cancel();
      if (res.status < 200 || res.status >= 300) error = `HTTP ${res.status}`;
    } catch (err) {
      error = String(err instanceof Error ? err.message : err).slice(0, 300);
    }
    const attempts = d.attempts + 1;
    const state = error === null ? 'delivered' : attempts >= MAX_ATTEMPTS ? 'failed' : 'retrying';
    await db.batch([
      db
        .prepare('INSERT INTO webhook_attempts (delivery_id, at, status_code, error, duration_ms) VALUES (?1, ?2, ?3, ?4, ?5)')
        .bind(d.id, nowIso, statusCode, error, Math.max(0, Date.now() - started)),
      db
        .prepare('UPDATE webhook_deliveries SET attempts = ?2, state = ?3, last_error = ?4, next_attempt_at = ?5, delivered_at = ?6 WHERE id = ?1')
        .bind(
          d.id,
          attempts,
          state,
          error,
          state === 'retrying' ? new Date(now.getTime() + backoffMs(attempts)).toISOString() : d.next_attempt_at,
          state === 'retrying' ? null : nowIso,
        ),
    ]);
    counts[state === 'delivered' ? 'delivered' : state === 'failed' ? 'failed' : 'retried'] += 1;
  }
  return counts;
}
