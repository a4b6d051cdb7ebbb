import { Hono } from 'hono';
import type { AppEnv } from '../env';

export const healthRoutes = new Hono<AppEnv>().get('/health', async (c) => {
  // "Can serve" means the database answers and is migrated.
  await c.env.DB.prepare('SELECT 1 FROM units LIMIT 1').first();
  return c.json({ ok: true });
});
