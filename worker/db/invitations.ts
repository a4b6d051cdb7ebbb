import type { Invitation } from '../../shared/schemas/auth';

/** An invitation works once, for this many days. */
export const INVITATION_DAYS = 7;

type Row = {
  id: string;
  unit_id: string;
  unit_name: string;
  role: Invitation['role'];
  name: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  revoked_at: string | null;
};

const SELECT = `SELECT v.id, v.unit_id, n.name AS unit_name, v.role, v.name, v.created_at, v.expires_at, v.used_at, v.revoked_at
  FROM invitations v JOIN units n ON n.id = v.unit_id`;

export function toInvitation(r: Row, now: Date): Invitation {
  const status = r.used_at ? 'used' : r.revoked_at ? 'revoked' : r.expires_at <= now.toISOString() ? 'expired' : 'open';
  return { id: r.id, unitId: r.unit_id, unitName: r.unit_name, role: r.role, name: r.name, createdAt: r.created_at, expiresAt: r.expires_at, status };
}

export async function insertInvitation(
  db: D1Database,
  v: { id: string; codeHash: string; unitId: string; role: Invitation['role']; name: string | null; createdBy: string | null; now: Date },
): Promise<Invitation> {
  const expires = new Date(v.now.getTime() + INVITATION_DAYS * 86_400_000).toISOString();
  await db
    .prepare('INSERT INTO invitations (id, code_hash, unit_id, role, name, created_by, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)')
    .bind(v.id, v.codeHash, v.unitId, v.role, v.name, v.createdBy, v.now.toISOString(), expires)
    .run();
  return toInvitation((await db.prepare(`${SELECT} WHERE v.id = ?1`).bind(v.id).first<Row>())!, v.now);
}

export async function listInvitations(db: D1Database, unitIds: readonly string[], now: Date): Promise<Invitation[]> {
  const { results } = await db
    .prepare(`${SELECT} WHERE v.unit_id IN (SELECT value FROM json_each(?1)) ORDER BY v.created_at DESC LIMIT 100`)
    .bind(JSON.stringify(unitIds))
    .all<Row>();
  return results.map((r) => toInvitation(r, now));
}

export async function getInvitation(db: D1Database, id: string, now: Date): Promise<Invitation | null> {
  const r = await db.prepare(`${SELECT} WHERE v.id = ?1`).bind(id).first<Row>();
  return r && toInvitation(r, now);
}

export async function invitationByCode(db: D1Database, codeHash: string, now: Date): Promise<Invitation | null> {
  const r = await db.prepare(`${SELECT} WHERE v.code_hash = ?1`).bind(codeHash).first<Row>();
  return r && toInvitation(r, now);
}

/**
 * Uses the invitation and gives the user its role and unit in one batch. The guarded UPDATE
 * comes first: if another redemption won, the user's row is left as it was.
 */
export async function redeemInvitation(db: D1Database, id: string, userId: string, name: string | null, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const [used] = await db.batch([
    db
      .prepare('UPDATE invitations SET used_at = ?3, used_by = ?2 WHERE id = ?1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ?3')
      .bind(id, userId, at),
    db
      .prepare(
        `UPDATE users SET role = v.role, unit_id = v.unit_id, name = COALESCE(users.name, v.name, ?3)
         FROM (SELECT role, unit_id, name FROM invitations WHERE id = ?1 AND used_by = ?2 AND used_at = ?4) AS v
         WHERE users.id = ?2`,
      )
      .bind(id, userId, name, at),
  ]);
  return used!.meta.changes === 1;
}

export async function revokeInvitation(db: D1Database, id: string, now: Date): Promise<boolean> {
  const r = await db
    .prepare('UPDATE invitations SET revoked_at = ?2 WHERE id = ?1 AND used_at IS NULL AND revoked_at IS NULL')
    .bind(id, now.toISOString())
    .run();
  return r.meta.changes === 1;
}
