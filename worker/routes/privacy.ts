import { Hono } from 'hono';
import { accountDeleteInput, retentionInput, type AccountDeleted } from '../../shared/schemas/privacy';
import { accountFootprint, deleteAccountStatements, getRetention, setRetentionStatement } from '../db/privacy';
import type { AppEnv } from '../env';
import { currentUser, requireRole } from '../lib/auth';
import { validate } from '../lib/validate';

/** 个人信息保护法: how long contact details are kept, and a resident deleting their own account. */
export const privacyRoutes = new Hono<AppEnv>()
  .get('/settings/retention', requireRole('office'), async (c) => c.json(await getRetention(c.env.DB)))

  .put('/settings/retention', requireRole('office'), validate('json', retentionInput), async (c) => {
    const user = currentUser(c);
    await setRetentionStatement(c.env.DB, c.req.valid('json').months, user.id, new Date().toISOString()).run();
    return c.json(await getRetention(c.env.DB));
  })

  /** Staff accounts are disabled by their unit or the office instead: their work stays theirs in the ledger. */
  .delete('/me', requireRole('resident'), validate('json', accountDeleteInput), async (c) => {
    const user = currentUser(c);
    const db = c.env.DB;
    const footprint = await accountFootprint(db, user.id);
    await db.batch(deleteAccountStatements(db, user.id, new Date().toISOString()));
    return c.json({ deleted: true, ...footprint } satisfies AccountDeleted);
  });
