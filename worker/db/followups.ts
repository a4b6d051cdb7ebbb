import type { Rating } from '../../shared/inquiry/states';
import type { FollowupCall, FollowupItem, FollowupStatus } from '../../shared/schemas/followup';
import { dayNumber, shanghaiDay } from '../../shared/calendar';

export type FollowupRow = {
  id: number;
  inquiry_id: string;
  ticket: string;
  question: string;
  unit_id: string | null;
  unit_name: string | null;
  rating: Rating;
  status: FollowupStatus;
  created_at: string;
  calls: number;
  outcome: 'closed' | 'reopened' | null;
  closed_at: string | null;
  closed_by_name: string | null;
  note: string | null;
};

const SELECT = `SELECT f.id, f.inquiry_id, i.ticket, i.question, i.unit_id, u.name AS unit_name, f.rating, f.status, f.created_at,
    (SELECT COUNT(*) FROM followup_calls c WHERE c.followup_id = f.id) AS calls, f.outcome, f.closed_at, b.name AS closed_by_name, f.note
  FROM followups f JOIN inquiries i ON i.id = f.inquiry_id LEFT JOIN units u ON u.id = i.unit_id LEFT JOIN users b ON b.id = f.closed_by`;

/** The queue is the office's whole jurisdiction: a 回访 waits for whoever of the office takes it, however recently they joined. */
const IN_UNITS = 'i.unit_id IN (SELECT value FROM json_each(?1))';

export async function listFollowups(
  db: D1Database,
  f: { unitIds: readonly string[]; status: FollowupStatus; limit: number; offset: number },
): Promise<{ rows: FollowupRow[]; total: number; counts: Record<FollowupStatus, number> }> {
  // Open ones longest-waiting first; finished ones most recent first.
  const order = f.status === 'open' ? 'f.created_at ASC, f.id' : 'f.closed_at DESC, f.id DESC';
  const units = JSON.stringify(f.unitIds);
  const [rows, counts] = await db.batch<FollowupRow | { open: number; done: number }>([
    db.prepare(`${SELECT} WHERE ${IN_UNITS} AND f.status = ?2 ORDER BY ${order} LIMIT ?3 OFFSET ?4`).bind(units, f.status, f.limit, f.offset),
    db
      .prepare(
        `SELECT COALESCE(SUM(f.status = 'open'), 0) AS open, COALESCE(SUM(f.status = 'done'), 0) AS done
         FROM followups f JOIN inquiries i ON i.id = f.inquiry_id WHERE ${IN_UNITS}`,
      )
      .bind(units),
  ]);
  const c = counts!.results[0] as { open: number; done: number };
  return { rows: rows!.results as FollowupRow[], total: f.status === 'open' ? c.open : c.done, counts: { open: c.open, done: c.done } };
}

export async function getFollowup(db: D1Database, id: number): Promise<FollowupRow | null> {
  return db.prepare(`${SELECT} WHERE f.id = ?1`).bind(id).first<FollowupRow>();
}

export async function listCalls(db: D1Database, followupId: number): Promise<FollowupCall[]> {
  const { results } = await db
    .prepare(
      `SELECT c.id, c.at, u.name AS by_name, c.reached, c.outcome FROM followup_calls c LEFT JOIN users u ON u.id = c.by_id
       WHERE c.followup_id = ?1 ORDER BY c.id`,
    )
    .bind(followupId)
    .all<{ id: number; at: string; by_name: string | null; reached: number; outcome: string }>();
  return results.map((r) => ({ id: r.id, at: r.at, byName: r.by_name, reached: r.reached === 1, outcome: r.outcome }));
}

export function followupItem(r: FollowupRow, now: Date): FollowupItem {
  return {
    id: r.id,
    inquiryId: r.inquiry_id,
    ticket: r.ticket,
    question: r.question,
    unitId: r.unit_id,
    unitName: r.unit_name,
    rating: r.rating,
    status: r.status,
    createdAt: r.created_at,
    waitingDays: Math.max(0, dayNumber(shanghaiDay(now)) - dayNumber(shanghaiDay(new Date(r.created_at)))),
    calls: r.calls,
    outcome: r.outcome,
    closedAt: r.closed_at,
  };
}

/** How many 回访 wait in an office's jurisdiction (for 我的). */
export async function countOpenFollowups(db: D1Database, unitIds: readonly string[]): Promise<number> {
  const row = await db
    .prepare(`SELECT COUNT(*) AS n FROM followups f JOIN inquiries i ON i.id = f.inquiry_id WHERE ${IN_UNITS} AND f.status = 'open'`)
    .bind(JSON.stringify(unitIds))
    .first<{ n: number }>();
  return row?.n ?? 0;
}

// ---- writes: statements run inside an inquiry's guarded change (db/inquiries applyChange), so
// they take effect only while the inquiry still has the version the caller read.

const INQUIRY_AT = 'EXISTS (SELECT 1 FROM inquiries WHERE id = ?2 AND version = ?3)';

export function callStatement(
  db: D1Database,
  c: { followupId: number; inquiryId: string; version: number; at: string; byId: string; reached: boolean; outcome: string },
) {
  return db
    .prepare(`INSERT INTO followup_calls (followup_id, at, by_id, reached, outcome) SELECT ?1, ?4, ?5, ?6, ?7 WHERE ${INQUIRY_AT}`)
    .bind(c.followupId, c.inquiryId, c.version, c.at, c.byId, c.reached ? 1 : 0, c.outcome);
}

export function finishStatement(
  db: D1Database,
  f: { followupId: number; inquiryId: string; version: number; at: string; byId: string; outcome: 'closed' | 'reopened'; note: string },
) {
  return db
    .prepare(
      `UPDATE followups SET status = 'done', closed_at = ?4, closed_by = ?5, outcome = ?6, note = ?7
       WHERE id = ?1 AND status = 'open' AND ${INQUIRY_AT}`,
    )
    .bind(f.followupId, f.inquiryId, f.version, f.at, f.byId, f.outcome, f.note);
}

/**
 * A 不满意 rating opens the inquiry's 回访; rated low again after it was reopened or asked about,
 * the same 回访 opens again for the new rating (one per inquiry).
 */
export function openFollowupStatement(db: D1Database, f: { inquiryId: string; version: number; rating: Rating; at: string }) {
  return db
    .prepare(
      `INSERT INTO followups (inquiry_id, rating, created_at)
       SELECT ?1, ?3, ?4 WHERE EXISTS (SELECT 1 FROM inquiries WHERE id = ?1 AND version = ?2)
       ON CONFLICT (inquiry_id) DO UPDATE SET rating = excluded.rating, status = 'open', closed_at = NULL, closed_by = NULL,
         outcome = NULL, note = NULL`,
    )
    .bind(f.inquiryId, f.version, f.rating, f.at);
}
