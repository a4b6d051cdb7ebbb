import { Hono } from 'hono';
import { z } from 'zod';
import { mobilePhone } from '../../shared/schemas/auth';
import type { AppEnv } from '../env';
import { devOnly } from '../lib/dev';
import { devTexts } from '../lib/sms';
import { validate } from '../lib/validate';
import { seedDemo } from '../seed/seed';

export const smsQuery = z.object({ phone: mobilePhone });

export const devRoutes = new Hono<AppEnv>()
  /** Loads the demo district; running it again changes nothing. */
  .post('/dev/seed', devOnly, async (c) => c.json(await seedDemo(c.env.DB, new Date().toISOString())))

  /** The texts the development SMS sender printed to one phone, newest last (local tools and tests read codes here). */
  .get('/dev/sms', devOnly, validate('query', smsQuery), (c) => {
    const { phone } = c.req.valid('query');
    return c.json({ items: devTexts.filter((t) => t.phone === phone).map((t) => t.text) });
  });
