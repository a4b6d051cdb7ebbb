import type { FaqStatus } from '../../shared/constants';
import { validity } from '../../shared/faq/validity';
import type { FaqManaged, FaqSummary } from '../../shared/schemas/faq';
import { chunkJson } from '../lib/json-chunks';

type FaqRow = {
  id: string;
  question: string;
  answer: string;
  similar: string;
  keywords: string;
  topic: string;
  unit_id: string;
  unit_name: string;
  status: FaqStatus;
  valid_from: string | null;
  valid_until: string | null;
  views: number;
  helpful: number;
  unhelpful: number;
  created_at: string;
  updated_at: string;
  review_flagged_at?: string | null;
  review_reason?: string | null;
  review_policy_id?: string | null;
};

export type NewEntry = {
  id: string;
  question: string;
  answer: string;
  similar: string[];
  keywords: string[];
  topic: string;
  unitId: string;
  status: FaqStatus;
  validFrom: string | null;
  validUntil: string | null;
  createdBy: string;
  now: string;
};

/** Published and valid on `today` — what residents and anonymous visitors may see. */
export const PUBLIC_ON = `e.status = 'published'
  AND (e.valid_from IS NULL OR e.valid_from <= ?1)
  AND (e.valid_until IS NULL OR e.valid_until >= ?1)`;

const SELECT_ENTRY = `SELECT e.*, u.name AS unit_name FROM faq_entries e JOIN units u ON u.id = e.unit_id`;

function toEntry(r: FaqRow): FaqManaged {
  return {
    id: r.id,
    question: r.question,
    answer: r.answer,
    similar: JSON.parse(r.similar) as string[],
    keywords: JSON.parse(r.keywords) as string[],
    topic: r.topic,
    unitId: r.unit_id,
    unitName: r.unit_name,
    status: r.status,
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    views: r.views,
    helpful: r.helpful,
    unhelpful: r.unhelpful,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    ...(r.review_flagged_at
      ? { review: { flaggedAt: r.review_flagged_at, reason: r.review_reason ?? '', policyId: r.review_policy_id ?? null } }
      : {}),
  };
}

export async function getEntry(db: D1Database, id: string): Promise<FaqManaged | null> {
  const row = await db.prepare(`${SELECT_ENTRY} WHERE e.id = ?1`).bind(id).first<FaqRow>();
  return row ? toEntry(row) : null;
}

/** The rule of PUBLIC_ON for one entry already read. */
export function isPublicOn(entry: Pick<FaqManaged, 'status' | 'validFrom' | 'validUntil'>, today: string) {
  return entry.status === 'published' && validity(entry, today) === 'current';
}

export async function listPublic(
  db: D1Database,
  o: { today: string; topic?: string; sort: 'views' | 'updated'; limit: number; offset: number },
): Promise<{ items: FaqSummary[]; total: number }> {
  const topic = o.topic ? 'AND e.topic = ?2' : 'AND ?2 IS NULL';
  const order = o.sort === 'views' ? 'e.views DESC, e.updated_at DESC' : 'e.updated_at DESC';
  const [rows, count] = await db.batch<FaqSummaryRow | { total: number }>([
    db
      .prepare(
        `SELECT e.id, e.question, e.topic, e.views, e.updated_at, u.name AS unit_name
         FROM faq_entries e JOIN units u ON u.id = e.unit_id
         WHERE ${PUBLIC_ON} ${topic} ORDER BY ${order} LIMIT ?3 OFFSET ?4`,
      )
      .bind(o.today, o.topic ?? null, o.limit, o.offset),
    db
      .prepare(`SELECT COUNT(*) AS total FROM faq_entries e WHERE ${PUBLIC_ON} ${topic}`)
      .bind(o.today, o.topic ?? null),
  ]);
  return {
    items: (rows!.results as FaqSummaryRow[]).map((r) => ({
      id: r.id,
      question: r.question,
      topic: r.topic,
      views: r.views,
      unitName: r.unit_name,
      updatedAt: r.updated_at,
    })),
    total: (count!.results[0] as { total: number }).total,
  };
}
type FaqSummaryRow = { id: string; question: string; topic: string; views: number; unit_name: string; updated_at: string };

export async function topicCounts(db: D1Database, today: string) {
  const { results } = await db
    .prepare(`SELECT e.topic, COUNT(*) AS count FROM faq_entries e WHERE ${PUBLIC_ON} GROUP BY e.topic`)
    .bind(today)
    .all<{ topic: string; count: number }>();
  return results;
}

export async function listManaged(
  db: D1Database,
  o: { unitIds: readonly string[]; status?: FaqStatus; q?: string; flagged?: boolean; limit: number; offset: number },
): Promise<{ items: FaqManaged[]; total: number }> {
  const where = `WHERE e.unit_id IN (SELECT value FROM json_each(?1)) AND (?2 IS NULL OR e.status = ?2)
    AND (?3 IS NULL OR instr(e.question, ?3) > 0 OR instr(e.answer, ?3) > 0)
    AND (?4 = 0 OR e.review_flagged_at IS NOT NULL)`;
  const args = [JSON.stringify(o.unitIds), o.status ?? null, o.q || null, o.flagged ? 1 : 0];
  const [rows, count] = await db.batch<FaqRow | { total: number }>([
    db
      .prepare(`${SELECT_ENTRY} ${where} ORDER BY e.updated_at DESC, e.id LIMIT ?5 OFFSET ?6`)
      .bind(...args, o.limit, o.offset),
    db.prepare(`SELECT COUNT(*) AS total FROM faq_entries e ${where}`).bind(...args),
  ]);
  return {
    items: (rows!.results as FaqRow[]).map(toEntry),
    total: (count!.results[0] as { total: number }).total,
  };
}

/** Inserts in bulk through json_each (see chunkJson), so 20,000 entries take a few statements. */
export function insertStatements(db: D1Database, entries: NewEntry[]): D1PreparedStatement[] {
  const rows = entries.map((e) => ({ ...e, similar: JSON.stringify(e.similar), keywords: JSON.stringify(e.keywords) }));
  return chunkJson(rows).map((json) =>
    db
      .prepare(
        `INSERT INTO faq_entries (id, question, answer, similar, keywords, topic, unit_id, status,
           valid_from, valid_until, created_by, created_at, updated_at)
         SELECT value->>'id', value->>'question', value->>'answer', value->>'similar', value->>'keywords',
           value->>'topic', value->>'unitId', value->>'status', value->>'validFrom', value->>'validUntil',
           value->>'createdBy', value->>'now', value->>'now'
         FROM json_each(?1)`,
      )
      .bind(json),
  );
}

export type EntryChanges = Partial<{
  question: string;
  answer: string;
  topic: string;
  similar: string[];
  keywords: string[];
  validFrom: string | null;
  validUntil: string | null;
  status: FaqStatus;
}>;

const COLUMNS: Record<keyof EntryChanges, string> = {
  question: 'question',
  answer: 'answer',
  topic: 'topic',
  similar: 'similar',
  keywords: 'keywords',
  validFrom: 'valid_from',
  validUntil: 'valid_until',
  status: 'status',
};

/**
 * The UPDATE of an entry. With `guard`, it applies only if the entry still has the `updated_at`
 * the editor started from, and stamps the entry with the request's own `revision`, which the
 * index statements of the same batch check (a timestamp alone can be shared by two requests).
 */
export function updateStatement(db: D1Database, id: string, changes: EntryChanges, now: string, guard?: { base: string; revision: string }) {
  const keys = (Object.keys(changes) as (keyof EntryChanges)[]).filter((k) => changes[k] !== undefined);
  const sets = keys.map((k, i) => `${COLUMNS[k]} = ?${i + 3}`);
  const values = keys.map((k) => {
    const v = changes[k];
    return Array.isArray(v) ? JSON.stringify(v) : v;
  });
  const n = keys.length + 3;
  const stamp = guard ? [`revision = ?${n + 1}`] : [];
  const where = guard ? ` AND updated_at = ?${n}` : '';
  return db
    .prepare(`UPDATE faq_entries SET ${[...sets, 'updated_at = ?2', ...stamp].join(', ')} WHERE id = ?1${where}`)
    .bind(id, now, ...values, ...(guard ? [guard.base, guard.revision] : []));
}

export async function countView(db: D1Database, id: string) {
  await db.prepare('UPDATE faq_entries SET views = views + 1 WHERE id = ?1').bind(id).run();
}

/** One vote per voter and entry (a later vote replaces the earlier one); counts are recomputed. */
export async function recordFeedback(db: D1Database, id: string, voter: string, helpful: boolean, now: string) {
  const [, , counts] = await db.batch<{ helpful: number; unhelpful: number }>([
    db
      .prepare(
        `INSERT INTO faq_feedback (entry_id, voter, helpful, created_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (entry_id, voter) DO UPDATE SET helpful = excluded.helpful, created_at = excluded.created_at`,
      )
      .bind(id, voter, helpful ? 1 : 0, now),
    db
      .prepare(
        `UPDATE faq_entries SET
           helpful = (SELECT COUNT(*) FROM faq_feedback WHERE entry_id = ?1 AND helpful = 1),
           unhelpful = (SELECT COUNT(*) FROM faq_feedback WHERE entry_id = ?1 AND helpful = 0)
         WHERE id = ?1`,
      )
      .bind(id),
    db.prepare('SELECT helpful, unhelpful FROM faq_entries WHERE id = ?1').bind(id),
  ]);
  return counts!.results[0]!;
}

/**
 * The questions of draft and published entries the caller may see, for the import's duplicate
 * check: every one of the units they manage (`units` null: every unit), and the public ones of others.
 */
export async function questionsFor(db: D1Database, units: readonly string[] | null, today: string) {
  const { results } = await db
    .prepare(
      `SELECT e.id, e.question, e.status, e.unit_id, u.name AS unit_name, e.updated_at
       FROM faq_entries e JOIN units u ON u.id = e.unit_id
       WHERE e.status IN ('draft', 'published')
         AND (?2 IS NULL OR e.unit_id IN (SELECT value FROM json_each(?2)) OR (${PUBLIC_ON}))`,
    )
    .bind(today, units ? JSON.stringify(units) : null)
    .all<{ id: string; question: string; status: FaqStatus; unit_id: string; unit_name: string; updated_at: string }>();
  return results.map((r) => ({
    id: r.id,
    question: r.question,
    status: r.status,
    unitId: r.unit_id,
    unitName: r.unit_name,
    updatedAt: r.updated_at,
  }));
}

export async function getEntries(db: D1Database, ids: string[]): Promise<FaqManaged[]> {
  if (!ids.length) return [];
  const { results } = await db
    .prepare(`${SELECT_ENTRY} WHERE e.id IN (SELECT value FROM json_each(?1))`)
    .bind(JSON.stringify(ids))
    .all<FaqRow>();
  return results.map(toEntry);
}

export type ImportedChanges = { id: string; question: string; answer: string; topic: string; similar: string[]; keywords: string[] };

/** Rewrites existing entries from imported rows in bulk (one statement per chunk, not per entry); reindex them with indexStatements. */
export function updateManyStatements(db: D1Database, entries: ImportedChanges[], now: string): D1PreparedStatement[] {
  const rows = entries.map((e) => ({ ...e, similar: JSON.stringify(e.similar), keywords: JSON.stringify(e.keywords) }));
  return chunkJson(rows).map((json) =>
    db
      .prepare(
        `UPDATE faq_entries SET question = j.value->>'question', answer = j.value->>'answer', topic = j.value->>'topic',
           similar = j.value->>'similar', keywords = j.value->>'keywords', updated_at = ?2
         FROM json_each(?1) AS j WHERE faq_entries.id = j.value->>'id'`,
      )
      .bind(json, now),
  );
}

/**
 * Statements that fail, and so roll back the whole batch they open, unless every entry is still
 * as it was saved at `updatedAt`: a batch that writes over entries read earlier writes nothing
 * if one of them was edited in between.
 */
export function unchangedStatements(db: D1Database, entries: { id: string; updatedAt: string }[]): D1PreparedStatement[] {
  return chunkJson(entries.map((e) => ({ id: e.id, at: e.updatedAt }))).map((json) =>
    db
      .prepare(
        // json() of text that is not JSON raises an error; it depends on n, so it runs only then.
        `SELECT CASE WHEN n = json_array_length(?1) THEN n ELSE json('changed ' || n) END
         FROM (SELECT COUNT(*) AS n FROM json_each(?1) AS j JOIN faq_entries e ON e.id = j.value->>'id' AND e.updated_at = j.value->>'at')`,
      )
      .bind(json),
  );
}
