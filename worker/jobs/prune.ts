import { pruneMissesStatement } from '../db/kb-gaps';
import { prunePhoneCodesStatement } from '../db/phone-codes';
import { pruneSessionsStatement } from '../db/sessions';
import type { Env } from '../env';
import { pruneCountersStatement } from '../lib/limit';

/** Expired sessions, dead sign-in codes, old limiter windows and search misses past a year: nothing reads them any more. */
export async function pruneExpired(env: Env, now: Date): Promise<void> {
  await env.DB.batch([pruneSessionsStatement(env.DB, now), prunePhoneCodesStatement(env.DB, now), pruneCountersStatement(env.DB, now), pruneMissesStatement(env.DB, now)]);
}
