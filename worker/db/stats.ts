import { CHANNELS, RATINGS, type Channel, type Rating } from '../../shared/inquiry/states';
import type { UnitKind } from '../../shared/constants';
import { emptyCounts, SATISFIED, type StatsCounts } from '../rules/stats';

/** Whose figures: these units, and (for an office over its whole jurisdiction) the questions not yet routed. */
export type StatsScope = { unitIds: readonly string[]; unrouted: boolean };

/** The period as instants [start, end), the overdue cut-off, today's Shanghai day, and the working-day index of the days replies span. */
export type StatsWindow = { start: string; end: string; overdueBefore: string; today: string; indexFrom: string; dayIndex: Record<string, number> };

type UnitKey = string | null;
type Row = { unit: UnitKey } & Record<string, number | string | null>;

// ?1 the scope's units (JSON), ?2 1 when unrouted questions count, ?3–?4 the period (figures of the period).
const IN_SCOPE = (col: string) => `(${col} IN (SELECT value FROM json_each(?1)) OR (?2 = 1 AND ${col} IS NULL))`;
const IN_PERIOD = (col: string) => `${col} >= ?3 AND ${col} < ?4`;

/**
 * Every count of the period per unit, each an aggregate over an indexed range: inquiries by
 * received_at, replied_at, rated_at and (open) due_at, the ledger's events by type and time. One batch, one
 * round trip; the rates are derived from the counts in worker/rules/stats.ts.
 */
export async function statsCounts(db: D1Database, scope: StatsScope, w: StatsWindow): Promise<Map<UnitKey, StatsCounts>> {
  const base = [JSON.stringify(scope.unitIds), scope.unrouted ? 1 : 0, w.start, w.end];
  const q = (sql: string, ...more: unknown[]) => db.prepare(sql).bind(...base, ...more);
  // Figures of the present moment take the scope only: ?3 onwards are their own.
  const scoped = (sql: string, ...more: unknown[]) => db.prepare(sql).bind(base[0], base[1], ...more);
  const events = (type: string) =>
    q(
      `SELECT i.unit_id AS unit, COUNT(*) AS n FROM inquiry_events e JOIN inquiries i ON i.id = e.inquiry_id
       WHERE e.type = '${type}' AND ${IN_PERIOD('e.at')} AND ${IN_SCOPE('i.unit_id')} GROUP BY 1`,
    );
  const results = await db.batch<Row>([
    q(
      `SELECT i.unit_id AS unit, i.channel, COUNT(*) AS n FROM inquiries i
       WHERE ${IN_PERIOD('i.received_at')} AND ${IN_SCOPE('i.unit_id')} GROUP BY 1, 2`,
    ),
    // Replies of the period by unit, working days used and whether on time (by the due date then in force).
    // Working days: the index's count from the day received (at the earliest the index's first day) to
    // the day replied, less the days the clock stood still. (The planner would read the unit's index
    // for the GROUP BY, all of it: the replies' index reads only the period.)
    q(
      `WITH wd(day, n) AS MATERIALIZED (SELECT key, value FROM json_each(?5))
       SELECT i.unit_id AS unit, MAX(r.n - s.n - i.stopped_days, 0) AS used, i.replied_at <= i.due_at AS on_time, COUNT(*) AS n
       FROM inquiries i INDEXED BY inquiries_replied
         JOIN wd s ON s.day = MAX(date(i.received_at, '+8 hours'), ?6) JOIN wd r ON r.day = date(i.replied_at, '+8 hours')
       WHERE ${IN_PERIOD('i.replied_at')} AND ${IN_SCOPE('i.unit_id')} GROUP BY 1, 2, 3`,
      JSON.stringify(w.dayIndex),
      w.indexFrom,
    ),
    // Owed a reply, deadline passed: the inbox's 超期 (a stopped clock is never overdue).
    scoped(
      `SELECT i.unit_id AS unit, COUNT(*) AS n FROM inquiries i
       WHERE i.status IN ('submitted', 'assigned') AND i.due_at < ?3 AND ${IN_SCOPE('i.unit_id')} GROUP BY 1`,
      w.overdueBefore,
    ),
    events('clarification_requested'),
    // A transfer counts against the unit that handed the question on.
    q(
      `SELECT json_extract(e.data, '$.fromUnitId') AS unit, COUNT(*) AS n FROM inquiry_events e
       WHERE e.type = 'transferred' AND ${IN_PERIOD('e.at')} AND ${IN_SCOPE("json_extract(e.data, '$.fromUnitId')")} GROUP BY 1`,
    ),
    q(
      `SELECT f.unit_id AS unit, COUNT(*) AS n FROM kb_resolutions k JOIN faq_entries f ON f.id = k.entry_id
       WHERE ${IN_PERIOD('k.at')} AND ${IN_SCOPE('f.unit_id')} GROUP BY 1`,
    ),
    q(
      `SELECT i.unit_id AS unit, i.rating, COUNT(*) AS n FROM inquiries i
       WHERE ${IN_PERIOD('i.rated_at')} AND i.rating IS NOT NULL AND ${IN_SCOPE('i.unit_id')} GROUP BY 1, 2`,
    ),
    q(
      `SELECT i.unit_id AS unit, COALESCE(SUM(f.status = 'open'), 0) AS open, COALESCE(SUM(f.status = 'done'), 0) AS done
       FROM followups f JOIN inquiries i ON i.id = f.inquiry_id
       WHERE ${IN_PERIOD('f.created_at')} AND ${IN_SCOPE('i.unit_id')} GROUP BY 1`,
    ),
    // Now, not in the period: what the knowledge base owes today.
    scoped(
      `SELECT f.unit_id AS unit,
         COALESCE(SUM(f.review_flagged_at IS NOT NULL AND f.status <> 'retired'), 0) AS flagged,
         COALESCE(SUM(f.status = 'published' AND f.valid_until IS NOT NULL AND f.valid_until < ?3), 0) AS expired
       FROM faq_entries f WHERE ${IN_SCOPE('f.unit_id')} GROUP BY 1`,
      w.today,
    ),
  ]);
  const [received, replies, overdue, clarifications, transfers, kb, ratings, followups, entries] = results.map((r) => r.results);

  const byUnit = new Map<UnitKey, StatsCounts>();
  const of = (unit: UnitKey) => {
    let c = byUnit.get(unit);
    if (!c) byUnit.set(unit, (c = emptyCounts()));
    return c;
  };
  const num = (v: unknown) => Number(v ?? 0);
  for (const r of received!) {
    if (!CHANNELS.includes(r.channel as Channel)) continue;
    const c = of(r.unit);
    c.received += num(r.n);
    c.byChannel[r.channel as Channel] += num(r.n);
  }
  for (const r of replies!) {
    const c = of(r.unit);
    const n = num(r.n);
    c.replied += n;
    if (num(r.on_time) === 1) c.repliedOnTime += n;
    c.days.set(num(r.used), (c.days.get(num(r.used)) ?? 0) + n);
  }
  for (const r of overdue!) of(r.unit).openOverdue = num(r.n);
  for (const r of clarifications!) of(r.unit).clarifications = num(r.n);
  for (const r of transfers!) of(r.unit).transfers = num(r.n);
  for (const r of kb!) of(r.unit).kbResolved = num(r.n);
  for (const r of ratings!) {
    if (!RATINGS.includes(r.rating as Rating)) continue;
    const c = of(r.unit);
    c.rated += num(r.n);
    c.satisfaction[r.rating as Rating] += num(r.n);
  }
  for (const r of followups!) Object.assign(of(r.unit), { followupsOpen: num(r.open), followupsClosed: num(r.done) });
  for (const r of entries!) Object.assign(of(r.unit), { entriesFlagged: num(r.flagged), entriesExpired: num(r.expired) });
  return byUnit;
}

export type StatsUnit = { id: string; name: string; kind: UnitKind; retired: boolean };

/** The units of the scope in the tree's order, retired ones too (their history still counts). */
export async function statsUnits(db: D1Database, unitIds: readonly string[]): Promise<StatsUnit[]> {
  const { results } = await db
    .prepare('SELECT id, name, kind, retired_at FROM units WHERE id IN (SELECT value FROM json_each(?1)) ORDER BY sort, name')
    .bind(JSON.stringify(unitIds))
    .all<{ id: string; name: string; kind: UnitKind; retired_at: string | null }>();
  return results.map((r) => ({ id: r.id, name: r.name, kind: r.kind, retired: r.retired_at !== null }));
}

/** Counts per week or month: each bucket's key is the week's Monday or the month, in Shanghai days. */
export type TrendCounts = { received: number; replied: number; repliedOnTime: number; kbResolved: number; rated: number; satisfied: number };

/**
 * The trend of a period: the same aggregates as statsCounts over the same indexed ranges, grouped
 * by the Shanghai week (from Monday: 'weekday 0' is the Sunday ending it) or month of each instant.
 */
export async function statsTrend(
  db: D1Database,
  scope: StatsScope,
  w: { start: string; end: string },
  interval: 'week' | 'month',
): Promise<Map<string, TrendCounts>> {
  const bucket = (col: string) =>
    interval === 'week' ? `date(${col}, '+8 hours', 'weekday 0', '-6 days')` : `strftime('%Y-%m', ${col}, '+8 hours')`;
  const q = (sql: string, ...more: unknown[]) => db.prepare(sql).bind(JSON.stringify(scope.unitIds), scope.unrouted ? 1 : 0, w.start, w.end, ...more);
  const results = await db.batch<{ bucket: string } & Record<string, number>>([
    q(`SELECT ${bucket('i.received_at')} AS bucket, COUNT(*) AS n FROM inquiries i
       WHERE ${IN_PERIOD('i.received_at')} AND ${IN_SCOPE('i.unit_id')} GROUP BY 1`),
    q(`SELECT ${bucket('i.replied_at')} AS bucket, COUNT(*) AS n, COALESCE(SUM(i.replied_at <= i.due_at), 0) AS on_time
       FROM inquiries i INDEXED BY inquiries_replied
       WHERE ${IN_PERIOD('i.replied_at')} AND ${IN_SCOPE('i.unit_id')} GROUP BY 1`),
    q(`SELECT ${bucket('k.at')} AS bucket, COUNT(*) AS n FROM kb_resolutions k JOIN faq_entries f ON f.id = k.entry_id
       WHERE ${IN_PERIOD('k.at')} AND ${IN_SCOPE('f.unit_id')} GROUP BY 1`),
    q(`SELECT ${bucket('i.rated_at')} AS bucket, COUNT(*) AS n, COALESCE(SUM(i.rating IN (SELECT value FROM json_each(?5))), 0) AS satisfied
       FROM inquiries i WHERE ${IN_PERIOD('i.rated_at')} AND i.rating IS NOT NULL AND ${IN_SCOPE('i.unit_id')} GROUP BY 1`, JSON.stringify(SATISFIED)),
  ]);
  const [received, replies, kb, ratings] = results.map((r) => r.results);
  const out = new Map<string, TrendCounts>();
  const of = (key: string) => {
    let c = out.get(key);
    if (!c) out.set(key, (c = { received: 0, replied: 0, repliedOnTime: 0, kbResolved: 0, rated: 0, satisfied: 0 }));
    return c;
  };
  const num = (v: unknown) => Number(v ?? 0);
  for (const r of received!) of(r.bucket).received = num(r.n);
  for (const r of replies!) Object.assign(of(r.bucket), { replied: num(r.n), repliedOnTime: num(r.on_time) });
  for (const r of kb!) of(r.bucket).kbResolved = num(r.n);
  for (const r of ratings!) Object.assign(of(r.bucket), { rated: num(r.n), satisfied: num(r.satisfied) });
  return out;
}
