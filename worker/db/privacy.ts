import { RETENTION, type Retention } from '../../shared/schemas/privacy';

const KEY = 'retention_months';

// Finished: nothing more will be asked of the resident, so their contact details serve no purpose.
const FINISHED = "('answered', 'closed', 'withdrawn')";
const OPEN = "('submitted', 'assigned', 'awaiting_resident')";
const HOLDS_CONTACT = 'contact_erased_at IS NULL AND (contact_name IS NOT NULL OR contact_phone IS NOT NULL)';

export async function getRetention(db: D1Database): Promise<Retention> {
  const row = await db.prepare('SELECT value, updated_by, updated_at FROM settings WHERE key = ?1').bind(KEY).first<{ value: string; updated_by: string | null; updated_at: string }>();
  return { months: row ? Number(row.value) : RETENTION.defaultMonths, updatedAt: row?.updated_at ?? null, updatedBy: row?.updated_by ?? null };
}

export function setRetentionStatement(db: D1Database, months: number, by: string, now: string) {
  return db
    .prepare(
      `INSERT INTO settings (key, value, updated_by, updated_at) VALUES (?1, ?2, ?3, ?4)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    )
    .bind(KEY, String(months), by, now);
}

/** `months` before `now`, as the calendar counts months (3 years before 2029-02-28 is 2026-02-28). */
export function retentionCutoff(now: Date, months: number): string {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString();
}

/**
 * Erases the contact details of finished inquiries whose last event is older than the cutoff, each
 * with a ledger event saying so; the question, its dates, units and every other event stay. One
 * batch: the events are written for exactly the rows the update cleared.
 */
export function eraseExpiredStatements(db: D1Database, cutoff: string, months: number, now: string): D1PreparedStatement[] {
  const due = `status IN ${FINISHED} AND ${HOLDS_CONTACT}
    AND (SELECT MAX(at) FROM inquiry_events e WHERE e.inquiry_id = inquiries.id) < ?1`;
  // The update goes first: the erasure's own event is newer than any cutoff and would hide its row.
  return [
    db.prepare(`UPDATE inquiries SET contact_name = NULL, contact_phone = NULL, contact_erased_at = ?2, version = version + 1 WHERE ${due}`).bind(cutoff, now),
    db
      .prepare(
        `INSERT INTO inquiry_events (inquiry_id, at, actor_id, actor_role, type, public, data)
         SELECT id, ?1, NULL, NULL, 'contact_erased', 0, json_object('reason', 'retention', 'months', CAST(?2 AS INTEGER)) FROM inquiries
         WHERE contact_erased_at = ?1 AND NOT EXISTS (SELECT 1 FROM inquiry_events e WHERE e.inquiry_id = inquiries.id AND e.type = 'contact_erased')`,
      )
      .bind(now, months),
  ];
}

/**
 * A resident deletes their account: open questions are withdrawn, the contact details of every
 * question are erased (each with its event, naming the person as actor), and what identifies them
 * goes (name, phone, WeChat identity, sessions, subscriptions, grants, notices). Their questions
 * stay, anonymised, as facts of the ledger. One batch, so it happens entirely or not at all.
 */
export function deleteAccountStatements(db: D1Database, userId: string, now: string): D1PreparedStatement[] {
  const mine = 'resident_id = ?1';
  return [
    db
      .prepare(
        `INSERT INTO inquiry_events (inquiry_id, at, actor_id, actor_role, type, public, data)
         SELECT id, ?2, ?1, 'resident', 'withdrawn', 1, json_object('reason', 'account_deleted') FROM inquiries WHERE ${mine} AND status IN ${OPEN}`,
      )
      .bind(userId, now),
    db.prepare(`UPDATE inquiries SET status = 'withdrawn', paused_at = NULL, version = version + 1 WHERE ${mine} AND status IN ${OPEN}`).bind(userId),
    db
      .prepare(
        `INSERT INTO inquiry_events (inquiry_id, at, actor_id, actor_role, type, public, data)
         SELECT id, ?2, ?1, 'resident', 'contact_erased', 0, json_object('reason', 'account_deleted') FROM inquiries WHERE ${mine} AND ${HOLDS_CONTACT}`,
      )
      .bind(userId, now),
    db
      .prepare(`UPDATE inquiries SET contact_name = NULL, contact_phone = NULL, contact_erased_at = ?2, version = version + 1 WHERE ${mine} AND ${HOLDS_CONTACT}`)
      .bind(userId, now),
    db.prepare('DELETE FROM notifications WHERE user_id = ?1').bind(userId),
    db.prepare('DELETE FROM outbox WHERE user_id = ?1').bind(userId),
    db.prepare('DELETE FROM wechat_grants WHERE user_id = ?1').bind(userId),
    db.prepare('DELETE FROM policy_subscriptions WHERE user_id = ?1').bind(userId),
    db.prepare('DELETE FROM phone_codes WHERE phone = (SELECT phone FROM users WHERE id = ?1)').bind(userId),
    db.prepare('DELETE FROM sessions WHERE user_id = ?1').bind(userId),
    db
      .prepare(
        `UPDATE users SET name = NULL, phone = NULL, openid = NULL, status = 'disabled', disabled_at = ?2, deleted_at = ?2
         WHERE id = ?1 AND role = 'resident'`,
      )
      .bind(userId, now),
  ];
}

/** How many open questions and how many contact details an account deletion will touch. */
export async function accountFootprint(db: D1Database, userId: string) {
  return (await db
    .prepare(
      `SELECT (SELECT count(*) FROM inquiries WHERE resident_id = ?1 AND status IN ${OPEN}) AS withdrawn,
              (SELECT count(*) FROM inquiries WHERE resident_id = ?1 AND ${HOLDS_CONTACT}) AS erased`,
    )
    .bind(userId)
    .first<{ withdrawn: number; erased: number }>())!;
}
