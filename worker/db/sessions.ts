import type { SessionInfo } from '../../shared/schemas/auth';
import type { SessionUser } from '../env';
import { JURISDICTION_OF_USER } from './units';

const DAY = 86_400_000;
/** Sliding expiry is written at most this often per session, not on every request. */
const TOUCH_EVERY = 3_600_000;

export async function createSession(
  db: D1Database,
  s: { id: string; userId: string; method: string; client: string | null; now: Date; days: number },
): Promise<void> {
  const now = s.now.toISOString();
  await db
    .prepare('INSERT INTO sessions (id, user_id, method, client, created_at, last_seen_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6)')
    .bind(s.id, s.userId, s.method, s.client, now, new Date(s.now.getTime() + s.days * DAY).toISOString())
    .run();
}

type Row = { user_id: string; role: SessionUser['role']; unit_id: string | null; status: string; last_seen_at: string; expires_at: string };

/**
 * The session and its user as they are now, in one round trip; for office staff also the units
 * of their jurisdiction. Null when the session is unknown, ended or expired, or its user is gone.
 */
export async function readSession(
  db: D1Database,
  id: string,
  now: Date,
  days: number,
): Promise<{ user: SessionUser; status: string } | null> {
  const [found, scope] = await db.batch<Row | { id: string }>([
    db
      .prepare(
        `SELECT s.user_id, s.last_seen_at, s.expires_at, u.role, u.unit_id, u.status
         FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ?1`,
      )
      .bind(id),
    db.prepare(`${JURISDICTION_OF_USER('(SELECT user_id FROM sessions WHERE id = ?1)')}`).bind(id),
  ]);
  const row = found!.results[0] as Row | undefined;
  if (!row || row.expires_at <= now.toISOString()) return null;
  if (now.getTime() - Date.parse(row.last_seen_at) > TOUCH_EVERY) {
    await db
      .prepare('UPDATE sessions SET last_seen_at = ?2, expires_at = ?3 WHERE id = ?1')
      .bind(id, now.toISOString(), new Date(now.getTime() + days * DAY).toISOString())
      .run();
  }
  const units =
    row.role === 'office' ? (scope!.results as { id: string }[]).map((r) => r.id) : row.unit_id ? [row.unit_id] : [];
  return { status: row.status, user: { id: row.user_id, role: row.role, unitId: row.unit_id, sessionId: id, units } };
}

export async function listSessions(db: D1Database, userId: string, currentId: string, now: Date): Promise<SessionInfo[]> {
  const { results } = await db
    .prepare(
      `SELECT id, method, client, created_at, last_seen_at FROM sessions
       WHERE user_id = ?1 AND expires_at > ?2 ORDER BY last_seen_at DESC`,
    )
    .bind(userId, now.toISOString())
    .all<{ id: string; method: string; client: string | null; created_at: string; last_seen_at: string }>();
  // The id in the list is a short handle, not the hash a token maps to.
  return results.map((r) => ({
    id: r.id.slice(0, 16),
    method: r.method,
    client: r.client,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    current: r.id === currentId,
  }));
}

export function endSessionStatement(db: D1Database, id: string) {
  return db.prepare('DELETE FROM sessions WHERE id = ?1').bind(id);
}

export function endAllSessionsStatement(db: D1Database, userId: string) {
  return db.prepare('DELETE FROM sessions WHERE user_id = ?1').bind(userId);
}

export function pruneSessionsStatement(db: D1Database, now: Date) {
  return db.prepare('DELETE FROM sessions WHERE expires_at <= ?1').bind(now.toISOString());
}
