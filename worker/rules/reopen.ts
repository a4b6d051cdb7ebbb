import type { YearSchedules } from '../../shared/calendar';
import { leastBusyAnswerer, whoHandles, type InquiryChanges, type InquiryRow } from '../db/inquiries';
import { getAnswerer } from '../db/users';
import { replyDeadline } from './deadline';

/**
 * An answered inquiry goes back to its unit (reopened after a 回访, or a 追问): to the answerer
 * who replied if they still answer for the unit, else the unit's least busy answerer, else the
 * unit's pool. It is due 5 working days from now, a fresh clock (no days stopped, not simple).
 */
export async function sendBack(db: D1Database, row: InquiryRow, now: Date, overrides: YearSchedules) {
  const current = row.answerer_id ? await getAnswerer(db, row.answerer_id) : null;
  const answerer =
    current && current.unit_id === row.unit_id
      ? { id: current.id, name: current.name }
      : row.unit_id
        ? await leastBusyAnswerer(db, row.unit_id)
        : null;
  const at = now.toISOString();
  const due = replyDeadline({ receivedAt: row.received_at, simple: false, stoppedDays: 0, reopenedAt: at }, overrides);
  const changes: InquiryChanges = {
    status: answerer ? 'assigned' : 'submitted',
    answerer_id: answerer?.id ?? null,
    reopened_at: at,
    due_at: due.dueAt,
    due_provisional: due.provisional ? 1 : 0,
    stopped_days: 0,
    simple: 0,
    paused_at: null,
  };
  return { changes, dueAt: due.dueAt, answerer, notify: await whoHandles(db, row.unit_id, answerer?.id ?? null) };
}
