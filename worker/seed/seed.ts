import { insertStatements } from '../db/faq';
import { indexStatements } from '../db/search';
import { devUserId } from '../lib/dev';
import { DEMO_DISTRICT, DEMO_ENTRIES, DEMO_UNITS } from './demo-data';
import { seedDemoPolicies } from './demo-policies';
import { DEMO_ANSWERERS, DEMO_ROUTES } from './demo-staff';

/**
 * Idempotent: units, answerers and entries have fixed ids, and rows already present are left
 * alone (an answerer without any profile only gets the demo one). Answerers get the ids dev
 * sign-in gives the same role, unit and name.
 */
export async function seedDemo(db: D1Database, now: string): Promise<{ units: number; entries: number; answerers: number; policies: number }> {
  const ids = DEMO_ENTRIES.map((e) => `faq_demo_${e.key.replace(/[^a-z0-9]/g, '')}`);
  const { results } = await db
    .prepare('SELECT id FROM faq_entries WHERE id IN (SELECT value FROM json_each(?1))')
    .bind(JSON.stringify(ids))
    .all<{ id: string }>();
  const present = new Set(results.map((r) => r.id));
  const entries = DEMO_ENTRIES.map((e, i) => ({
    ...e,
    id: ids[i]!,
    validFrom: null,
    validUntil: e.validUntil ?? null,
    createdBy: 'seed',
    now,
  })).filter((e) => !present.has(e.id));
  await db.batch([
    // The district the migrations create is renamed once; an office's later rename stays.
    db.prepare("UPDATE units SET name = ?1 WHERE id = 'u_district' AND name = '本区'").bind(DEMO_DISTRICT),
    ...DEMO_UNITS.map((u) =>
      db
        .prepare("INSERT OR IGNORE INTO units (id, name, kind, parent_id, sort) VALUES (?1, ?2, ?3, 'u_district', ?4)")
        .bind(u.id, u.name, u.kind, u.sort),
    ),
    ...insertStatements(db, entries),
    ...entries.map((e) => db.prepare('UPDATE faq_entries SET views = ?2 WHERE id = ?1').bind(e.id, e.views)),
    ...indexStatements(db, entries),
    // An answerer seeded before profiles existed gets one; a profile someone has filled in stays.
    ...(await Promise.all(
      DEMO_ANSWERERS.map(async (a) =>
        db
          .prepare(
            `INSERT INTO users (id, role, unit_id, name, created_at, title, work_phone, office_hours, topics, intro)
             VALUES (?1, 'answerer', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
             ON CONFLICT (id) DO UPDATE SET title = excluded.title, work_phone = excluded.work_phone,
               office_hours = excluded.office_hours, topics = excluded.topics, intro = excluded.intro
             WHERE users.title IS NULL AND users.work_phone IS NULL AND users.office_hours IS NULL
               AND users.topics = '[]' AND users.intro IS NULL`,
          )
          .bind(
            await devUserId('answerer', a.unitId, a.name),
            a.unitId, a.name, now, a.title, a.workPhone, a.officeHours, JSON.stringify(a.topics), a.intro,
          ),
      ),
    )),
    ...Object.entries(DEMO_ROUTES).map(([topic, unitId]) =>
      db.prepare('INSERT OR IGNORE INTO topic_routes (topic, unit_id, updated_at) VALUES (?1, ?2, ?3)').bind(topic, unitId, now),
    ),
  ]);
  const { policies } = await seedDemoPolicies(db, now);
  return { units: DEMO_UNITS.length, entries: entries.length, answerers: DEMO_ANSWERERS.length, policies };
}
