import type { YearSchedules } from '../../shared/calendar';
import { OPEN } from '../../shared/inquiry/states';
import type { InquiryRow } from '../db/inquiries';
import { replyDeadline } from '../rules/deadline';

type Open = Pick<
  InquiryRow,
  'id' | 'ticket' | 'unit_id' | 'received_at' | 'reopened_at' | 'simple' | 'stopped_days' | 'due_at' | 'due_provisional' | 'version'
>;

/** One open inquiry whose deadline the calendar change moves. */
export type DueChange = { id: string; ticket: string; unitId: string | null; from: string; to: string; provisional: boolean };

/**
 * After the calendar changed: the statements that move every open inquiry whose deadline
 * changed, each with a ledger event saying from when to when. `changes` lists them (earliest
 * deadline first) for a preview that writes nothing.
 */
export async function recomputeDueStatements(
  db: D1Database,
  overrides: YearSchedules,
  now: string,
  actor: { id: string; role: string },
): Promise<{ statements: D1PreparedStatement[]; changed: number; changes: DueChange[] }> {
  const { results } = await db
    .prepare(
      `SELECT id, ticket, unit_id, received_at, reopened_at, simple, stopped_days, due_at, due_provisional, version FROM inquiries
       WHERE status IN (SELECT value FROM json_each(?1)) ORDER BY due_at, id`,
    )
    .bind(JSON.stringify(OPEN))
    .all<Open>();
  const statements: D1PreparedStatement[] = [];
  const changes: DueChange[] = [];
  for (const i of results) {
    const due = replyDeadline(
      { receivedAt: i.received_at, simple: i.simple === 1, stoppedDays: i.stopped_days, reopenedAt: i.reopened_at },
      overrides,
    );
    const provisional = due.provisional ? 1 : 0;
    if (due.dueAt === i.due_at && provisional === i.due_provisional) continue;
    changes.push({ id: i.id, ticket: i.ticket, unitId: i.unit_id, from: i.due_at, to: due.dueAt, provisional: due.provisional });
    statements.push(
      db
        .prepare(
          `INSERT INTO inquiry_events (inquiry_id, at, actor_id, actor_role, type, public, data)
           VALUES (?1, ?2, ?3, ?4, 'due_changed', 1, ?5)`,
        )
        .bind(i.id, now, actor.id, actor.role, JSON.stringify({ from: i.due_at, to: due.dueAt, provisional: due.provisional, reason: 'calendar' })),
      db
        .prepare('UPDATE inquiries SET due_at = ?2, due_provisional = ?3, version = version + 1 WHERE id = ?1')
        .bind(i.id, due.dueAt, provisional),
    );
  }
  return { statements, changed: changes.length, changes };
}
