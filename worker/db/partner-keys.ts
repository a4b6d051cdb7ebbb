import type { PartnerKey, PartnerScope, WebhookDelivery } from '../../shared/schemas/partner';
import type { PartnerPrincipal } from '../env';

type KeyRow = {
  id: string;
  name: string;
  unit_id: string;
  prefix: string;
  scopes: string;
  webhook_url: string | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
};

const toKey = (r: KeyRow): PartnerKey => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  scopes: JSON.parse(r.scopes) as PartnerScope[],
  webhookUrl: r.webhook_url,
  unitId: r.unit_id,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

const COLUMNS = 'id, name, unit_id, prefix, scopes, webhook_url, created_at, last_used_at, revoked_at';

export async function insertPartnerKey(
  db: D1Database,
  k: { id: string; name: string; unitId: string; keyHash: string; prefix: string; scopes: PartnerScope[]; webhookUrl: string | null; webhookSecret: string | null; createdBy: string; now: string },
): Promise<PartnerKey> {
  const row = await db
    .prepare(
      `INSERT INTO partner_keys (id, name, unit_id, key_hash, prefix, scopes, webhook_url, webhook_secret, created_by, created_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) RETURNING ${COLUMNS}`,
    )
    .bind(k.id, k.name, k.unitId, k.keyHash, k.prefix, JSON.stringify(k.scopes), k.webhookUrl, k.webhookSecret, k.createdBy, k.now)
    .first<KeyRow>();
  return toKey(row!);
}

/** Keys made for the units of `units` (an office's jurisdiction), newest first. */
export async function listPartnerKeys(db: D1Database, units: readonly string[]): Promise<PartnerKey[]> {
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM partner_keys WHERE unit_id IN (SELECT value FROM json_each(?1)) ORDER BY created_at DESC, id`)
    .bind(JSON.stringify(units))
    .all<KeyRow>();
  return results.map(toKey);
}

export async function getPartnerKey(db: D1Database, id: string): Promise<PartnerKey | null> {
  const row = await db.prepare(`SELECT ${COLUMNS} FROM partner_keys WHERE id = ?1`).bind(id).first<KeyRow>();
  return row ? toKey(row) : null;
}

export async function revokePartnerKey(db: D1Database, id: string, now: string): Promise<PartnerKey | null> {
  const row = await db
    .prepare(`UPDATE partner_keys SET revoked_at = COALESCE(revoked_at, ?2) WHERE id = ?1 RETURNING ${COLUMNS}`)
    .bind(id, now)
    .first<KeyRow>();
  return row ? toKey(row) : null;
}

/** `last_used_at` is written at most this often per key, not on every call. */
const TOUCH_EVERY = 60_000;

/** The live key with this hash and the units it acts on (the district or city of the office that made it, and all below); null when unknown or revoked. */
export async function readPartnerKey(db: D1Database, keyHash: string, now: Date): Promise<PartnerPrincipal | null> {
  const [found, scope] = await db.batch<KeyRow | { id: string }>([
    db.prepare(`SELECT ${COLUMNS} FROM partner_keys WHERE key_hash = ?1`).bind(keyHash),
    db
      .prepare(
        `WITH RECURSIVE down(id) AS (
           SELECT CASE WHEN n.kind = 'office' AND n.parent_id IS NOT NULL THEN n.parent_id ELSE n.id END
             FROM partner_keys k JOIN units n ON n.id = k.unit_id WHERE k.key_hash = ?1
           UNION SELECT c.id FROM units c JOIN down d ON c.parent_id = d.id)
         SELECT id FROM down`,
      )
      .bind(keyHash),
  ]);
  const row = found!.results[0] as KeyRow | undefined;
  if (!row || row.revoked_at) return null;
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > TOUCH_EVERY) {
    await db.prepare('UPDATE partner_keys SET last_used_at = ?2 WHERE id = ?1').bind(row.id, now.toISOString()).run();
  }
  return { id: row.id, name: row.name, scopes: JSON.parse(row.scopes) as PartnerScope[], units: (scope!.results as { id: string }[]).map((r) => r.id) };
}

type DeliveryRow = {
  id: number;
  event: string;
  inquiry_id: string;
  ticket: string;
  status: string;
  at: string;
  state: WebhookDelivery['state'];
  attempts: number;
  next_attempt_at: string;
  delivered_at: string | null;
  last_error: string | null;
  tries: string;
};

/** A key's latest webhooks, each with its attempts (oldest attempt first). */
export async function listDeliveries(db: D1Database, keyId: string, limit: number): Promise<WebhookDelivery[]> {
  const { results } = await db
    .prepare(
      `SELECT d.id, d.event, d.inquiry_id, d.ticket, d.status, d.at, d.state, d.attempts, d.next_attempt_at, d.delivered_at, d.last_error,
         (SELECT json_group_array(json_object('at', a.at, 'statusCode', a.status_code, 'error', a.error, 'durationMs', a.duration_ms))
            FROM (SELECT * FROM webhook_attempts WHERE delivery_id = d.id ORDER BY id) a) AS tries
       FROM webhook_deliveries d WHERE d.key_id = ?1 ORDER BY d.id DESC LIMIT ?2`,
    )
    .bind(keyId, limit)
    .all<DeliveryRow>();
  return results.map((r) => ({
    id: r.id,
    event: r.event,
    inquiryId: r.inquiry_id,
    ticket: r.ticket,
    status: r.status,
    at: r.at,
    state: r.state,
    attempts: r.attempts,
    nextAttemptAt: r.delivered_at ? null : r.next_attempt_at,
    lastError: r.last_error,
    tries: JSON.parse(r.tries) as WebhookDelivery['tries'],
  }));
}
