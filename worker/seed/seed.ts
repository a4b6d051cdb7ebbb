import { insertStatements } from '../db/faq';
import { indexStatements } from '../db/search';
import { DEMO_ENTRIES, DEMO_UNITS } from './demo-data';

/** Idempotent: units and entries have fixed ids, and entries already present are left alone. */
export async function seedDemo(db: D1Database, now: string): Promise<{ units: number; entries: number }> {
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
    validUntil: null,
    createdBy: 'seed',
    now,
  })).filter((e) => !present.has(e.id));
  await db.batch([
    ...DEMO_UNITS.map((u) =>
      db.prepare('INSERT OR IGNORE INTO units (id, name, kind, sort) VALUES (?1, ?2, ?3, ?4)').bind(u.id, u.name, u.kind, u.sort),
    ),
    ...insertStatements(db, entries),
    ...entries.map((e) => db.prepare('UPDATE faq_entries SET views = ?2 WHERE id = ?1').bind(e.id, e.views)),
    ...indexStatements(db, entries),
  ]);
  return { units: DEMO_UNITS.length, entries: entries.length };
}
