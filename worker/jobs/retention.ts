import { eraseExpiredStatements, getRetention, retentionCutoff } from '../db/privacy';
import type { Env } from '../env';

/** The cron: contact details of inquiries finished longer ago than the office's period are erased. */
export async function eraseExpiredContacts(env: Env, now: Date): Promise<{ erased: number }> {
  const { months } = await getRetention(env.DB);
  const results = await env.DB.batch(eraseExpiredStatements(env.DB, retentionCutoff(now, months), months, now.toISOString()));
  return { erased: results[0]?.meta.changes ?? 0 };
}
