import { sha256Hex } from '../lib/hash';

/** A code works for 5 minutes, once, and dies after 5 wrong tries. */
export const CODE_MINUTES = 5;
export const CODE_TRIES = 5;

const hashOf = (phone: string, code: string) => sha256Hex(`${phone}:${code}`);

/** Stores a new code for `phone`; an earlier unused one stops working. */
export async function saveCode(db: D1Database, phone: string, code: string, now: Date): Promise<void> {
  const at = now.toISOString();
  await db.batch([
    db.prepare('UPDATE phone_codes SET used_at = ?2 WHERE phone = ?1 AND used_at IS NULL').bind(phone, at),
    db
      .prepare('INSERT INTO phone_codes (phone, code_hash, created_at, expires_at) VALUES (?1, ?2, ?3, ?4)')
      .bind(phone, await hashOf(phone, code), at, new Date(now.getTime() + CODE_MINUTES * 60_000).toISOString()),
  ]);
}

export type CodeCheck = { ok: true } | { ok: false; reason: 'none' | 'wrong'; triesLeft: number };

/**
 * Each check first spends one try atomically, so even many guesses sent at once get 5 in all;
 * a right code is then used up in a guarded write (a second request with it finds nothing).
 */
export async function checkCode(db: D1Database, phone: string, code: string, now: Date): Promise<CodeCheck> {
  const at = now.toISOString();
  const row = await db
    .prepare(
      `UPDATE phone_codes SET attempts = attempts + 1
       WHERE id = (SELECT id FROM phone_codes WHERE phone = ?1 AND used_at IS NULL AND expires_at > ?2 ORDER BY id DESC LIMIT 1)
         AND attempts < ?3
       RETURNING id, code_hash, attempts`,
    )
    .bind(phone, at, CODE_TRIES)
    .first<{ id: number; code_hash: string; attempts: number }>();
  if (!row) return { ok: false, reason: 'none', triesLeft: 0 };
  if (row.code_hash !== (await hashOf(phone, code))) return { ok: false, reason: 'wrong', triesLeft: CODE_TRIES - row.attempts };
  const used = await db
    .prepare('UPDATE phone_codes SET used_at = ?2 WHERE id = ?1 AND used_at IS NULL').bind(row.id, at).run();
  return used.meta.changes === 1 ? { ok: true } : { ok: false, reason: 'none', triesLeft: 0 };
}

export function prunePhoneCodesStatement(db: D1Database, now: Date) {
  return db.prepare('DELETE FROM phone_codes WHERE expires_at <= ?1').bind(new Date(now.getTime() - 86_400_000).toISOString());
}
