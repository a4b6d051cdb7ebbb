import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { LIMITS, retryText, type LimitName } from '../rules/limits';
import { ApiError } from './errors';

/**
 * The one limiter: a D1 counter per key and fixed window, bumped atomically. (Cloudflare's Rate
 * Limiting binding works under wrangler dev, but only counts per 10 or 60 seconds and cannot
 * say when to retry; code sending needs hours.)
 */
export async function hit(db: D1Database, name: LimitName, subject: string, now = Date.now()): Promise<{ ok: boolean; retryAfter: number }> {
  const { max, seconds } = LIMITS[name];
  const nowSec = Math.floor(now / 1000);
  const windowStart = nowSec - (nowSec % seconds);
  const row = await db
    .prepare(
      `INSERT INTO rate_counters (key, window_start, count) VALUES (?1, ?2, 1)
       ON CONFLICT (key, window_start) DO UPDATE SET count = count + 1 RETURNING count`,
    )
    .bind(`${name}:${subject}`, windowStart)
    .first<{ count: number }>();
  return { ok: (row?.count ?? 0) <= max, retryAfter: Math.max(1, windowStart + seconds - nowSec) };
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
  return db.prepare('DELETE FROM rate_counters WHERE window_start < ?1').bind(Math.floor(now.getTime() / 1000) - 86_400);
}
