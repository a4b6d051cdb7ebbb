import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { LIMITS, retryText, type LimitName } from '../rules/limits';
import { ApiError } from './errors';

/**
 * The one limiter: D1 counters per key and fixed window, bumped atomically, read as a sliding
 * window (the previous window counts in proportion to how much of it still lies within the last
 * `seconds`), so a burst across a window's edge is no way round a limit. (Cloudflare's Rate
 * Limiting binding works under wrangler dev, but only counts per 10 or 60 seconds and cannot say
 * when to retry; code sending needs hours.)
 */
export async function hit(db: D1Database, name: LimitName, subject: string, now = Date.now()): Promise<{ ok: boolean; retryAfter: number }> {
  const { max, seconds } = LIMITS[name];
  const nowSec = now / 1000;
  const windowStart = Math.floor(nowSec / seconds) * seconds;
  const key = `${name}:${subject}`;
  const [current, previous] = await db.batch<{ count: number }>([
    db
      .prepare(
        `INSERT INTO rate_counters (key, window_start, count) VALUES (?1, ?2, 1)
         ON CONFLICT (key, window_start) DO UPDATE SET count = count + 1 RETURNING count`,
      )
      .bind(key, windowStart),
    db.prepare('SELECT count FROM rate_counters WHERE key = ?1 AND window_start = ?2').bind(key, windowStart - seconds),
  ]);
  const count = current!.results[0]?.count ?? 0;
  const before = previous!.results[0]?.count ?? 0;
  const left = 1 - (nowSec - windowStart) / seconds; // the share of the previous window still in view
  const ok = before * left + count <= max;
  // When the previous window has faded enough for one more, or else when this one ends.
  const fade = before > 0 && count <= max ? Math.ceil(seconds * (left - (max - count) / before)) : windowStart + seconds - nowSec;
  return { ok, retryAfter: Math.max(1, Math.ceil(fade)) };
}

/** The caller's address as Cloudflare saw it; null when there is none (a test calling the worker directly). */
export function address(c: Context<AppEnv>): string | null {
  return c.req.header('CF-Connecting-IP') ?? null;
}

/** Counts one more; over the limit it is a 429 saying when to try again. A missing subject is not counted. */
export async function limit(c: Context<AppEnv>, name: LimitName, subject: string | null): Promise<void> {
  if (subject === null) return;
  const r = await hit(c.env.DB, name, subject);
  if (!r.ok) throw new ApiError('rate_limited', `操作太频繁，请${retryText(r.retryAfter)}再试`, undefined, r.retryAfter);
}

export function pruneCountersStatement(db: D1Database, now: Date) {
  // The longest window is an hour; a day back is plenty for the previous one to be read.
  return db.prepare('DELETE FROM rate_counters WHERE window_start < ?1').bind(Math.floor(now.getTime() / 1000) - 86_400);
}
