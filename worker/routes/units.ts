import { Hono } from 'hono';
import { listUnits } from '../db/units';
import type { AppEnv } from '../env';

export const unitRoutes = new Hono<AppEnv>().get('/units', async (c) => c.json({ items: await listUnits(c.env.DB) }));
