import { isWorkingTime } from '../../shared/calendar';
import { AWAITING_REPLY } from '../../shared/inquiry/states';
import { loadOverrides } from '../db/calendar';
import { staffOf, whoHandles, type NewMessage } from '../db/inquiries';
import { officeStaffFor } from '../db/units';
import type { Env } from '../env';
import { dueSoonCutoff } from '../rules/deadline';
import { messages } from '../rules/inquiry-messages';

type Due = { id: string; ticket: string; due_at: string; unit_id: string | null; answerer_id: string | null };

/**
 * On working days in office hours: 临期 reminders to whoever owes the reply, and 超期
 * escalations to the answerer, the unit's editors and the office over the unit. Each goes out once per
 * deadline (the outbox key), however often the job runs.
 */
export async function runReminders(env: Env, now: Date): Promise<{ dueSoon: number; overdue: number; queued: number } | { skipped: 'outside office hours' }> {
  const db = env.DB;
  const overrides = await loadOverrides(db);
  if (!isWorkingTime(now, overrides)) return { skipped: 'outside office hours' };
  const nowIso = now.toISOString();
  const statuses = JSON.stringify(AWAITING_REPLY);
  const query = (where: string, ...args: string[]) =>
    db
      .prepare(
        `SELECT id, ticket, due_at, unit_id, answerer_id FROM inquiries
         WHERE status IN (SELECT value FROM json_each(?1)) AND ${where} ORDER BY due_at`,
      )
      .bind(statuses, ...args)
      .all<Due>();
  const [soon, late] = await Promise.all([
    query('due_at >= ?2 AND due_at <= ?3', nowIso, dueSoonCutoff(now, overrides)),
    query('due_at < ?2', nowIso),
  ]);
  const cache = new Map<string, Promise<string[]>>();
  const once = (key: string, load: () => Promise<string[]>) => {
    if (!cache.has(key)) cache.set(key, load());
    return cache.get(key)!;
  };
  const editorsOf = (unitId: string | null) => (unitId ? once(`e:${unitId}`, () => staffOf(db, unitId, 'editor')) : Promise.resolve([]));
  const officeOver = (unitId: string | null) => once(`o:${unitId ?? ''}`, () => officeStaffFor(db, unitId));
  const out: NewMessage[] = [];
  for (const i of soon.results) {
    out.push(...(await whoHandles(db, i.unit_id, i.answerer_id)).map((u) => messages.dueSoon(u, i)));
  }
  for (const i of late.results) {
    const people = new Set([...(i.answerer_id ? [i.answerer_id] : []), ...(await editorsOf(i.unit_id)), ...(await officeOver(i.unit_id))]);
    out.push(...[...people].map((u) => messages.overdue(u, i)));
  }
  let queued = 0;
  for (let i = 0; i < out.length; i += 50) {
    const results = await db.batch(
      out.slice(i, i + 50).map((m) =>
        db
          .prepare(
            `INSERT OR IGNORE INTO outbox (dedupe_key, user_id, inquiry_id, kind, title, body, created_at, next_attempt_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)`,
          )
          .bind(m.key, m.userId, m.inquiryId, m.kind, m.title, m.body, nowIso),
      ),
    );
    queued += results.reduce((n, r) => n + r.meta.changes, 0);
  }
  return { dueSoon: soon.results.length, overdue: late.results.length, queued };
}
