import type { Me } from '../../shared/schemas/auth';
import type { SessionUser } from '../env';

type UserRow = { id: string; role: Me['role']; unit_id: string | null; unit_name: string | null; name: string | null };

export async function upsertUser(db: D1Database, user: SessionUser & { name: string | null }, now: string) {
  await db
    .prepare(
      `INSERT INTO users (id, role, unit_id, name, created_at) VALUES (?1, ?2, ?3, ?4, ?5)
       ON CONFLICT (id) DO UPDATE SET role = excluded.role, unit_id = excluded.unit_id, name = excluded.name`,
    )
    .bind(user.id, user.role, user.unitId, user.name, now)
    .run();
}

export async function getAnswerer(db: D1Database, id: string) {
  return db
    .prepare("SELECT id, name, unit_id FROM users WHERE id = ?1 AND role = 'answerer'")
    .bind(id)
    .first<{ id: string; name: string | null; unit_id: string }>();
}

export async function getMe(db: D1Database, id: string): Promise<Me | null> {
  const row = await db
    .prepare(
      `SELECT u.id, u.role, u.unit_id, n.name AS unit_name, u.name
       FROM users u LEFT JOIN units n ON n.id = u.unit_id WHERE u.id = ?1`,
    )
    .bind(id)
    .first<UserRow>();
  return row && { id: row.id, role: row.role, unitId: row.unit_id, unitName: row.unit_name, name: row.name };
}
