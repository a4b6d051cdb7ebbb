import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { devOnly } from '../lib/dev';
import { seedDemo } from '../seed/seed';

export const devRoutes = new Hono<AppEnv>()
  /** Loads the demo district; running it again changes nothing. */
  .post('/dev/seed', devOnly, async (c) => c.json(await seedDemo(c.env.DB, new Date().toISOString())));
