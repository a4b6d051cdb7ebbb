import type { InquiryStatus, Rating, Channel } from '../../shared/inquiry/states';
import type { InquiryEvent } from '../../shared/schemas/inquiry';
import type { SessionUser } from '../env';
import { WEBHOOK_EVENTS } from '../rules/partner-scopes';
import { officeStaffFor } from './units';

export type InquiryRow = {
  id: string;
  ticket: string;
  resident_id: string | null;
  channel: Channel;
  question: string;
  topic: string | null;
  unit_id: string | null;
  unit_name: string | null;
  answerer_id: string | null;
  answerer_name: string | null;
  status: InquiryStatus;
  simple: number;
  received_at: string;
  due_at: string;
  due_provisional: number;
  stopped_days: number;
  paused_at: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  consent_publish: number;
  reply: string | null;
  replied_at: string | null;
  replied_by: string | null;
  rating: Rating | null;
  version: number;
  created_by: string;
  /** When the office reopened it after a 回访, or the resident asked a 追问: the clock counts from here. */
  reopened_at: string | null;
  followup_question_at: string | null;
};

const SELECT = `SELECT i.*, u.name AS unit_name, a.name AS answerer_name
  FROM inquiries i LEFT JOIN units u ON u.id = i.unit_id LEFT JOIN users a ON a.id = i.answerer_id`;

export async function getInquiry(db: D1Database, id: string): Promise<InquiryRow | null> {
  return db.prepare(`${SELECT} WHERE i.id = ?1`).bind(id).first<InquiryRow>();
}

export async function getByIdempotencyKey(db: D1Database, createdBy: string, key: string) {
  return db.prepare(`${SELECT} WHERE i.created_by = ?1 AND i.idempotency_key = ?2`).bind(createdBy, key).first<InquiryRow>();
}

/** Whose inquiries: a resident's own, a unit's, or those of a set of units (with the ones not yet routed). */
export type Scope = { residentId?: string; unitId?: string; unitIds?: readonly string[] };
/** Which of them: by state and by due date (from `dueAfter`, before `dueBefore`). */
export type TabFilter = { statuses?: readonly InquiryStatus[]; dueAfter?: string; dueBefore?: string };

/**
 * What a figure of 统计 counts, on top of a tab: under these units; received (or replied, or
 * rated) in [from, before); in a state, by a channel, with a rating; owed a reply and past due at `overdueAt`.
 */
export type Narrow = {
  underUnits?: readonly string[];
  period?: { column: 'received_at' | 'replied_at' | 'rated_at'; from?: string; before?: string };
  status?: InquiryStatus;
  channel?: string;
  rating?: string;
  overdueAt?: string;
};

export type ListFilter = Scope &
  TabFilter &
  Narrow & {
    order: 'due' | 'received' | 'replied';
    limit: number;
    offset: number;
  };

const ORDER = { due: 'i.due_at ASC, i.id', received: 'i.received_at DESC, i.id', replied: 'i.replied_at DESC, i.id' };

/** The SQL condition on `i` for a filter, with its values in the order of its `?`s. */
function condition(f: Scope & TabFilter & Narrow): { sql: string; args: unknown[] } {
  const parts: string[] = [];
  const args: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    parts.push(sql);
    args.push(value);
  };
  if (f.residentId !== undefined) add('i.resident_id = ?', f.residentId);
  if (f.unitId !== undefined) add('i.unit_id = ?', f.unitId);
  if (f.unitIds !== undefined) add('(i.unit_id IS NULL OR i.unit_id IN (SELECT value FROM json_each(?)))', JSON.stringify(f.unitIds));
  if (f.statuses) add('i.status IN (SELECT value FROM json_each(?))', JSON.stringify(f.statuses));
  if (f.dueAfter !== undefined) add('i.due_at >= ?', f.dueAfter);
  if (f.dueBefore !== undefined) add('i.due_at < ?', f.dueBefore);
  if (f.underUnits !== undefined) add('i.unit_id IN (SELECT value FROM json_each(?))', JSON.stringify(f.underUnits));
  if (f.period) {
    const column = { received_at: 'i.received_at', replied_at: 'i.replied_at', rated_at: 'i.rated_at' }[f.period.column];
    parts.push(`${column} IS NOT NULL`);
    if (f.period.from !== undefined) add(`${column} >= ?`, f.period.from);
    if (f.period.before !== undefined) add(`${column} < ?`, f.period.before);
  }
  if (f.status !== undefined) add('i.status = ?', f.status);
  if (f.channel !== undefined) add('i.channel = ?', f.channel);
  if (f.rating !== undefined) add('i.rating = ?', f.rating);
  if (f.overdueAt !== undefined) add(`i.status IN ('submitted', 'assigned') AND i.due_at < ?`, f.overdueAt);
  return { sql: parts.length ? parts.join(' AND ') : '1', args };
}

export async function listInquiries(db: D1Database, f: ListFilter): Promise<{ rows: InquiryRow[]; total: number }> {
  const where = condition(f);
  const [rows, count] = await db.batch<InquiryRow | { total: number }>([
    db.prepare(`${SELECT} WHERE ${where.sql} ORDER BY ${ORDER[f.order]} LIMIT ? OFFSET ?`).bind(...where.args, f.limit, f.offset),
    db.prepare(`SELECT COUNT(*) AS total FROM inquiries i WHERE ${where.sql}`).bind(...where.args),
  ]);
  return { rows: rows!.results as InquiryRow[], total: (count!.results[0] as { total: number }).total };
}

/** How many inquiries of `scope` each tab holds, in one pass over them (the same conditions the list uses). */
export async function countByTab<T extends string>(db: D1Database, scope: Scope & Narrow, tabs: Record<T, TabFilter>): Promise<Record<T, number>> {
  const names = Object.keys(tabs) as T[];
  const cases = names.map((name) => condition(tabs[name]));
  const where = condition(scope);
  const row = await db
    .prepare(`SELECT ${cases.map((c, k) => `COUNT(CASE WHEN ${c.sql} THEN 1 END) AS c${k}`).join(', ')} FROM inquiries i WHERE ${where.sql}`)
    .bind(...cases.flatMap((c) => c.args), ...where.args)
    .first<Record<string, number>>();
  return Object.fromEntries(names.map((name, k) => [name, row?.[`c${k}`] ?? 0])) as Record<T, number>;
}

type EventRow = { id: number; at: string; type: string; actor_role: string | null; actor_name: string | null; public: number; data: string };

/** The ledger of one inquiry; staff (`publicOnly` false) also get the events residents do not see, and who did each. */
export async function listEvents(db: D1Database, inquiryId: string, publicOnly: boolean): Promise<InquiryEvent[]> {
  const { results } = await db
    .prepare(
      `SELECT e.id, e.at, e.type, e.actor_role, CASE WHEN ?2 = 0 AND e.actor_role <> 'resident' THEN COALESCE(u.name, k.name) END AS actor_name, e.public, e.data
       FROM inquiry_events e LEFT JOIN users u ON u.id = e.actor_id
         LEFT JOIN partner_keys k ON e.actor_role = 'partner' AND k.id = e.actor_id
       WHERE e.inquiry_id = ?1 AND (?2 = 0 OR e.public = 1) ORDER BY e.id`,
    )
    .bind(inquiryId, publicOnly ? 1 : 0)
    .all<EventRow>();
  return results.map((e) => ({
    id: e.id,
    at: e.at,
    type: e.type,
    actorRole: e.actor_role,
    ...(publicOnly ? {} : { actorName: e.actor_name }),
    data: JSON.parse(e.data),
  }));
}

/** The answerer of a unit with the fewest open inquiries (ties: the longest-standing account). */
export async function leastBusyAnswerer(db: D1Database, unitId: string): Promise<{ id: string; name: string | null } | null> {
  return db
    .prepare(
      `SELECT u.id, u.name FROM users u
       LEFT JOIN inquiries i ON i.answerer_id = u.id AND i.status IN ('submitted', 'assigned', 'awaiting_resident')
       WHERE u.role = 'answerer' AND u.unit_id = ?1 AND u.status = 'active'
       GROUP BY u.id ORDER BY COUNT(i.id), u.created_at, u.id LIMIT 1`,
    )
    .bind(unitId)
    .first<{ id: string; name: string | null }>();
}

export async function staffOf(db: D1Database, unitId: string, role: 'editor' | 'answerer'): Promise<string[]> {
  const { results } = await db
    .prepare("SELECT id FROM users WHERE role = ?2 AND unit_id = ?1 AND status = 'active' ORDER BY id")
    .bind(unitId, role)
    .all<{ id: string }>();
  return results.map((r) => r.id);
}

/** Who hears about an inquiry that needs a reply: its answerer, else the unit's editors, else the office over it. */
export async function whoHandles(db: D1Database, unitId: string | null, answererId: string | null): Promise<string[]> {
  if (answererId) return [answererId];
  const editors = unitId ? await staffOf(db, unitId, 'editor') : [];
  return editors.length ? editors : officeStaffFor(db, unitId);
}

export async function topicRoute(db: D1Database, topic: string): Promise<string | null> {
  const row = await db.prepare('SELECT unit_id FROM topic_routes WHERE topic = ?1').bind(topic).first<{ unit_id: string }>();
  return row?.unit_id ?? null;
}

// ---- writes -------------------------------------------------------------------------------

/** Who did it: a person (a SessionUser), or a partner key (`role` 'partner', `id` the key's). */
export type Actor = Pick<SessionUser, 'id'> & { role: SessionUser['role'] | 'partner' };
export type NewEvent = { type: string; public: boolean; actor: Actor | null; data?: Record<string, unknown> };
export type NewMessage = { key: string; userId: string; inquiryId: string; kind: string; title: string; body: string };

/** Rows written only while `guard` (an SQL condition on ?1 = inquiry id) holds. */
function guardedInserts(db: D1Database, inquiryId: string, guard: string, guardArgs: unknown[], events: NewEvent[], messages: NewMessage[], now: string) {
  const n = guardArgs.length;
  return [
    ...events.map((e) =>
      db
        .prepare(
          `INSERT INTO inquiry_events (inquiry_id, at, actor_id, actor_role, type, public, data)
           SELECT ?1, ?${n + 2}, ?${n + 3}, ?${n + 4}, ?${n + 5}, ?${n + 6}, ?${n + 7} WHERE ${guard}`,
        )
        .bind(inquiryId, ...guardArgs, now, e.actor?.id ?? null, e.actor?.role ?? null, e.type, e.public ? 1 : 0, JSON.stringify(e.data ?? {})),
    ),
    ...messages.map((m) =>
      db
        .prepare(
          `INSERT OR IGNORE INTO outbox (dedupe_key, user_id, inquiry_id, kind, title, body, created_at, next_attempt_at)
           SELECT ?${n + 2}, ?${n + 3}, ?1, ?${n + 4}, ?${n + 5}, ?${n + 6}, ?${n + 7}, ?${n + 7} WHERE ${guard}`,
        )
        .bind(inquiryId, ...guardArgs, m.key, m.userId, m.kind, m.title, m.body, now),
    ),
  ];
}

export type InquiryChanges = Partial<{
  status: InquiryStatus;
  unit_id: string | null;
  answerer_id: string | null;
  simple: number;
  due_at: string;
  due_provisional: number;
  stopped_days: number;
  paused_at: string | null;
  reply: string;
  replied_at: string;
  replied_by: string;
  rating: Rating;
  rated_at: string;
  reopened_at: string;
  followup_question_at: string;
}>;

/**
 * One atomic change: the ledger events and outbox rows are written only if the inquiry still
 * has the version the caller read, and the update bumps the version. Returns false when someone
 * else changed the inquiry first (the caller answers 409).
 */
export async function applyChange(
  db: D1Database,
  row: Pick<InquiryRow, 'id' | 'version'>,
  changes: InquiryChanges,
  events: NewEvent[],
  messages: NewMessage[],
  now: string,
  extra: D1PreparedStatement[] = [],
): Promise<boolean> {
  const guard = 'EXISTS (SELECT 1 FROM inquiries WHERE id = ?1 AND version = ?2)';
  const keys = Object.keys(changes) as (keyof InquiryChanges)[];
  const update = db
    .prepare(
      `UPDATE inquiries SET ${[...keys.map((k, i) => `${k} = ?${i + 3}`), 'version = version + 1'].join(', ')}
       WHERE id = ?1 AND version = ?2`,
    )
    .bind(row.id, row.version, ...keys.map((k) => changes[k] ?? null));
  const results = await db.batch([
    ...guardedInserts(db, row.id, guard, [row.version], events, messages, now),
    ...webhookInserts(db, row, changes, events, now),
    ...extra,
    update,
  ]);
  return (results.at(-1)?.meta.changes ?? 0) === 1;
}

/**
 * The webhooks of a change to an inquiry a partner key logged (when the key is live and has an
 * address): one row per event its partner hears about, written only while the version still holds.
 */
function webhookInserts(db: D1Database, row: Pick<InquiryRow, 'id' | 'version'>, changes: InquiryChanges, events: NewEvent[], now: string) {
  return events
    .filter((e) => e.public && (WEBHOOK_EVENTS as readonly string[]).includes(e.type))
    .map((e) =>
      db
        .prepare(
          `INSERT OR IGNORE INTO webhook_deliveries (dedupe_key, key_id, inquiry_id, event, ticket, status, data, at, next_attempt_at)
           SELECT 'wh:' || i.id || ':' || ?2 || ':' || ?3, k.id, i.id, ?3, i.ticket, COALESCE(?4, i.status), ?5, ?6, ?6
           FROM inquiries i JOIN partner_keys k ON k.id = i.created_by
           WHERE i.id = ?1 AND i.version = ?2 AND k.webhook_url IS NOT NULL AND k.revoked_at IS NULL`,
        )
        .bind(
          row.id,
          row.version,
          e.type,
          changes.status ?? null,
          // The partner relays the reply to the resident, so it travels with the event.
          JSON.stringify({ ...e.data, ...(e.type === 'replied' && changes.reply ? { reply: changes.reply } : {}) }),
          now,
        ),
    );
}

export type NewInquiry = {
  id: string;
  residentId: string | null;
  channel: Channel;
  question: string;
  topic: string | null;
  unitId: string | null;
  answererId: string | null;
  status: InquiryStatus;
  receivedAt: string;
  dueAt: string;
  dueProvisional: boolean;
  contactName: string | null;
  contactPhone: string | null;
  consentPublish: boolean;
  createdBy: string;
  idempotencyKey: string | null;
  ticket: string;
};

/**
 * Creates the inquiry with its events and notifications in one batch. With an idempotency key, a
 * copy that arrives second finds the first one's row and writes nothing; a ticket number already
 * taken writes nothing either (the caller finds no row and tries another number).
 */
export async function insertInquiry(db: D1Database, q: NewInquiry, events: NewEvent[], messages: NewMessage[]) {
  const notYet = 'NOT EXISTS (SELECT 1 FROM inquiries WHERE created_by = ?2 AND idempotency_key = ?3)';
  await db.batch([
    db
      .prepare(
        `INSERT OR IGNORE INTO inquiries (id, ticket, resident_id, channel, question, topic, unit_id, answerer_id, status,
           received_at, due_at, due_provisional, contact_name, contact_phone, consent_publish, created_by,
           idempotency_key, created_at)
         SELECT ?4, ?1, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?2, ?3, ?12 WHERE ${notYet}`,
      )
      .bind(
        q.ticket, q.createdBy, q.idempotencyKey, q.id, q.residentId, q.channel, q.question, q.topic, q.unitId,
        q.answererId, q.status, q.receivedAt, q.dueAt, q.dueProvisional ? 1 : 0, q.contactName, q.contactPhone,
        q.consentPublish ? 1 : 0,
      ),
    ...guardedInserts(db, q.id, 'EXISTS (SELECT 1 FROM inquiries WHERE id = ?1)', [], events, messages, q.receivedAt),
  ]);
}

/**
 * An answerer leaves (disabled, or moved to another unit or role): each of their open inquiries
 * goes back to its unit's pool with a ledger event, and the unit's editors hear of it. Run in the
 * same batch as the change to the person, before the statement that makes it.
 */
export function returnToPoolStatements(db: D1Database, answererId: string, actor: SessionUser, reason: string, now: string): D1PreparedStatement[] {
  const open = `i.answerer_id = ?1 AND i.status IN ('submitted', 'assigned', 'awaiting_resident')`;
  return [
    db
      .prepare(
        `INSERT INTO inquiry_events (inquiry_id, at, actor_id, actor_role, type, public, data)
         SELECT i.id, ?2, ?3, ?4, 'returned_to_pool', 0, json_object('answererName', a.name, 'reason', ?5)
         FROM inquiries i JOIN users a ON a.id = i.answerer_id WHERE ${open}`,
      )
      .bind(answererId, now, actor.id, actor.role, reason),
    db
      .prepare(
        `INSERT OR IGNORE INTO outbox (dedupe_key, user_id, inquiry_id, kind, title, body, created_at, next_attempt_at)
         SELECT 'pool:' || i.id || ':' || i.version || ':' || e.id, e.id, i.id, 'assigned', '咨询退回待分派', '原解答员已不再办理此咨询，请重新分派。', ?2, ?2
         FROM inquiries i JOIN users e ON e.unit_id = i.unit_id AND e.role = 'editor' AND e.status = 'active' AND e.id <> ?1
         WHERE ${open}`,
      )
      .bind(answererId, now),
    db
      .prepare(
        `UPDATE inquiries AS i SET answerer_id = NULL, status = CASE WHEN status = 'assigned' THEN 'submitted' ELSE status END,
           version = version + 1 WHERE ${open}`,
      )
      .bind(answererId),
  ];
}
