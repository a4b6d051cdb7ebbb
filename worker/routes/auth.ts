import { Hono } from 'hono';
import { devLoginInput } from '../../shared/schemas/auth';
import { getUnit } from '../db/units';
import { getMe, upsertUser } from '../db/users';
import type { AppEnv } from '../env';
import { currentUser, issueToken, signedIn } from '../lib/auth';
import { notFound, unknownUnit } from '../lib/errors';
import { devOnly, devUserId } from '../lib/dev';
import { validate } from '../lib/validate';

export const authRoutes = new Hono<AppEnv>()
  /** Local development only: a session for any role, so every screen can be tried. */
  .post('/auth/dev', devOnly, validate('json', devLoginInput), async (c) => {
    const { role, unitId, name } = c.req.valid('json');
    const unit = role === 'resident' ? null : await getUnit(c.env.DB, unitId!);
    if (role !== 'resident' && !unit) {
      throw unknownUnit(unitId!);
    }
    const id = await devUserId(role, unit?.id ?? null, name ?? null);
    const user = { id, role, unitId: unit?.id ?? null };
    await upsertUser(c.env.DB, { ...user, name: name ?? null }, new Date().toISOString());
    return c.json({ token: await issueToken(c, user), user: await getMe(c.env.DB, id) });
  })

  .get('/me', signedIn, async (c) => {
    const me = await getMe(c.env.DB, currentUser(c).id);
    if (!me) throw notFound('用户');
    return c.json(me);
  });
