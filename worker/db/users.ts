import type { Answerer, Me, ProfileInput, StaffMember } from '../../shared/schemas/auth';
import { newId } from '../lib/ids';

type UserRow = { id: string; role: Me['role']; unit_id: string | null; unit_name: string | null; name: string | null; phone: string | null; status: string };

/** Development sign-in: the same role, unit and name are always the same account; its status stays as the office left it. */
export async function upsertUser(db: D1Database, user: { id: string; role: Me['role']; unitId: string | null; name: string | null }, now: string) {
  await db
    .prepare(
      `INSERT INTO users (id, role, unit_id, name, created_at) VALUES (?1, ?2, ?3, ?4, ?5)
       ON CONFLICT (id) DO UPDATE SET role = excluded.role, unit_id = excluded.unit_id, name = excluded.name`,
    )
    .bind(user.id, user.role, user.unitId, user.name, now)
    .run();
}

/** The resident (or staff member) who signs in with this identity; a new resident the first time. */
async function findOrCreate(db: D1Database, column: 'phone' | 'openid', value: string, now: string): Promise<{ id: string; status: string }> {
  await db
    .prepare(`INSERT INTO users (id, role, ${column}, created_at) VALUES (?1, 'resident', ?2, ?3) ON CONFLICT DO NOTHING`)
    .bind(newId('usr'), value, now)
    .run();
  return (await db.prepare(`SELECT id, status FROM users WHERE ${column} = ?1`).bind(value).first<{ id: string; status: string }>())!;
}

export const userByPhone = (db: D1Database, phone: string, now: string) => findOrCreate(db, 'phone', phone, now);
export const userByOpenid = (db: D1Database, openid: string, now: string) => findOrCreate(db, 'openid', openid, now);

export async function userStatus(db: D1Database, id: string) {
  return db.prepare('SELECT status FROM users WHERE id = ?1').bind(id).first<{ status: string }>();
}

/** An active answerer (a disabled one takes no new questions). */
export async function getAnswerer(db: D1Database, id: string) {
  return db
    .prepare("SELECT id, name, unit_id FROM users WHERE id = ?1 AND role = 'answerer' AND status = 'active'")
    .bind(id)
    .first<{ id: string; name: string | null; unit_id: string }>();
}

export const maskPhone = (p: string | null) => (p ? `${p.slice(0, 3)}****${p.slice(-4)}` : null);

export async function getMe(db: D1Database, id: string): Promise<Me | null> {
  const row = await db
    .prepare(
      `SELECT u.id, u.role, u.unit_id, n.name AS unit_name, u.name, u.phone, u.status
       FROM users u LEFT JOIN units n ON n.id = u.unit_id WHERE u.id = ?1`,
    )
    .bind(id)
    .first<UserRow>();
  return row && { id: row.id, role: row.role, unitId: row.unit_id, unitName: row.unit_name, name: row.name, phone: maskPhone(row.phone) };
}

/** The verified phone, for an SMS to the person themselves (never shown to anyone else). */
export async function phoneOf(db: D1Database, id: string): Promise<string | null> {
  return (await db.prepare('SELECT phone FROM users WHERE id = ?1').bind(id).first<{ phone: string | null }>())?.phone ?? null;
}

type ProfileRow = {
  id: string;
  name: string | null;
  title: string | null;
  unit_id: string;
  unit_name: string;
  work_phone: string | null;
  office_hours: string | null;
  topics: string;
  intro: string | null;
  role: StaffMember['role'];
  status: StaffMember['status'];
  open_inquiries: number;
};

const PROFILE = `SELECT u.id, u.name, u.title, u.unit_id, n.name AS unit_name, u.work_phone, u.office_hours, u.topics, u.intro, u.role, u.status,
    (SELECT COUNT(*) FROM inquiries i WHERE i.answerer_id = u.id AND i.status IN ('submitted', 'assigned', 'awaiting_resident')) AS open_inquiries
  FROM users u JOIN units n ON n.id = u.unit_id`;

const toAnswerer = (r: ProfileRow): Answerer => ({
  id: r.id,
  name: r.name ?? '',
  title: r.title,
  unitId: r.unit_id,
  unitName: r.unit_name,
  workPhone: r.work_phone,
  officeHours: r.office_hours,
  topics: JSON.parse(r.topics) as string[],
  intro: r.intro,
});

/** The public roster: active, named answerers of units still in service. */
export async function listAnswerers(db: D1Database, f: { unitId?: string; topic?: string }): Promise<Answerer[]> {
  const { results } = await db
    .prepare(
      `${PROFILE} WHERE u.role = 'answerer' AND u.status = 'active' AND u.name IS NOT NULL AND n.retired_at IS NULL
         AND (?1 IS NULL OR u.unit_id = ?1) AND (?2 IS NULL OR EXISTS (SELECT 1 FROM json_each(u.topics) WHERE value = ?2))
       ORDER BY n.sort, u.created_at, u.id`,
    )
    .bind(f.unitId ?? null, f.topic ?? null)
    .all<ProfileRow>();
  return results.map(toAnswerer);
}

/** Staff of these units, for the people who manage them (no personal phone, no WeChat identity). */
export async function listStaff(db: D1Database, unitIds: readonly string[]): Promise<StaffMember[]> {
  const { results } = await db
    .prepare(`${PROFILE} WHERE u.role <> 'resident' AND u.unit_id IN (SELECT value FROM json_each(?1)) ORDER BY n.sort, u.role, u.created_at, u.id`)
    .bind(JSON.stringify(unitIds))
    .all<ProfileRow>();
  return results.map((r) => ({ ...toAnswerer(r), role: r.role, status: r.status, openInquiries: r.open_inquiries }));
}

export async function getStaff(db: D1Database, id: string): Promise<StaffMember | null> {
  const r = await db.prepare(`${PROFILE} WHERE u.id = ?1 AND u.role <> 'resident'`).bind(id).first<ProfileRow>();
  return r && { ...toAnswerer(r), role: r.role, status: r.status, openInquiries: r.open_inquiries };
}

export async function updateProfile(db: D1Database, id: string, p: ProfileInput): Promise<void> {
  const set = (v: string | null | undefined) => (v === undefined ? 0 : 1);
  await db
    .prepare(
      `UPDATE users SET
         name = CASE WHEN ?2 THEN ?3 ELSE name END, title = CASE WHEN ?4 THEN ?5 ELSE title END,
         work_phone = CASE WHEN ?6 THEN ?7 ELSE work_phone END, office_hours = CASE WHEN ?8 THEN ?9 ELSE office_hours END,
         topics = COALESCE(?10, topics), intro = CASE WHEN ?11 THEN ?12 ELSE intro END
       WHERE id = ?1`,
    )
    .bind(
      id,
      set(p.name), p.name ?? null,
      set(p.title), p.title || null,
      set(p.workPhone), p.workPhone || null,
      set(p.officeHours), p.officeHours || null,
      p.topics ? JSON.stringify(p.topics) : null,
      set(p.intro), p.intro || null,
    )
    .run();
}
