import type { Context } from 'hono';
import type { MissReason } from '../../shared/schemas/kb-gaps';
import type { AppEnv } from '../env';
import { missText } from '../rules/kb-gaps';

/** What is logged of a question the knowledge base did not answer: its words, never who asked. */
export type Miss = {
  text: string;
  reason: MissReason;
  /** The unit, when routing tells it. */
  unitId?: string | null;
  /** An entry the question reached: its unit stands in when routing tells none. */
  nearEntryId?: string | null;
  /** The entry marked 没帮助. */
  entryId?: string | null;
  inquiryId?: string | null;
};

const INSERT = `INSERT INTO search_misses (text, reason, at, unit_id, entry_id, inquiry_id)
  VALUES (?1, ?2, ?3, coalesce(?4, (SELECT unit_id FROM faq_entries WHERE id = ?5)), ?6, ?7)`;

/**
 * One INSERT, after the response when the runtime allows: a search never waits for it and never
 * fails because of it. Empty and one-character questions are not logged.
 */
export function logMiss(c: Context<AppEnv>, miss: Miss): void {
  const text = missText(miss.text);
  if (!text) return;
  const run = c.env.DB.prepare(INSERT)
    .bind(text, miss.reason, new Date().toISOString(), miss.unitId ?? null, miss.nearEntryId ?? miss.entryId ?? null, miss.entryId ?? null, miss.inquiryId ?? null)
    .run()
    .catch((err: unknown) => console.error('search miss', err));
  try {
    c.executionCtx.waitUntil(run);
  } catch {
    // No execution context: the promise runs on its own and its failure is already caught.
  }
}

export type MissRow = {
  text: string;
  reason: MissReason;
  at: string;
  /** The inquiry's unit now (it may have been transferred), else the one logged. */
  unit_id: string | null;
  entry_id: string | null;
  inquiry_id: string | null;
  ticket: string | null;
  reply: string | null;
  rating: string | null;
  replied_at: string | null;
  topic: string | null;
};

/**
 * The newest misses of a period, at most `limit`, of every unit: whose question a group is
 * depends on all its misses (an inquiry's unit outweighs a search's guess), so the caller's
 * scope applies to the groups, not to the rows. The period's index range drives, and a busy
 * deployment's period stays one bounded read.
 */
export async function readMisses(db: D1Database, p: { start: string; end: string; limit: number }): Promise<MissRow[]> {
  const { results } = await db
    .prepare(
      `SELECT m.text, m.reason, m.at, coalesce(i.unit_id, m.unit_id) AS unit_id, m.entry_id, m.inquiry_id,
         i.ticket, CASE WHEN i.status IN ('answered', 'closed') THEN i.reply END AS reply, i.rating, i.replied_at, i.topic
       FROM search_misses m LEFT JOIN inquiries i ON i.id = m.inquiry_id
       WHERE m.at >= ?1 AND m.at < ?2
       ORDER BY m.at DESC LIMIT ?3`,
    )
    .bind(p.start, p.end, p.limit)
    .all<MissRow>();
  return results;
}

export async function unitNames(db: D1Database, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const { results } = await db
    .prepare('SELECT id, name FROM units WHERE id IN (SELECT value FROM json_each(?1))')
    .bind(JSON.stringify(ids))
    .all<{ id: string; name: string }>();
  return new Map(results.map((r) => [r.id, r.name]));
}

/** Misses are kept a year. */
export const MISS_RETENTION_DAYS = 365;

export function pruneMissesStatement(db: D1Database, now: Date): D1PreparedStatement {
  const cutoff = new Date(now.getTime() - MISS_RETENTION_DAYS * 86_400_000).toISOString();
  return db.prepare('DELETE FROM search_misses WHERE at < ?1').bind(cutoff);
}
