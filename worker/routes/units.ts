import { Hono } from 'hono';
import { z } from 'zod';
import { listUnits } from '../db/units';
import type { AppEnv } from '../env';
import { validate } from '../lib/validate';

const answererQuery = z.object({ unitId: z.string().min(1).max(40).optional() });

export const unitRoutes = new Hono<AppEnv>()
  .get('/units', async (c) => c.json({ items: await listUnits(c.env.DB) }))

  /** The named policy answerers (政策解答员) are public by rule; residents may ask one directly. */
  .get('/answerers', validate('query', answererQuery), async (c) => {
    const { results } = await c.env.DB.prepare(
      `SELECT u.id, u.name, u.unit_id AS unitId, n.name AS unitName FROM users u JOIN units n ON n.id = u.unit_id
       WHERE u.role = 'answerer' AND u.name IS NOT NULL AND (?1 IS NULL OR u.unit_id = ?1) ORDER BY n.sort, u.name`,
    )
      .bind(c.req.valid('query').unitId ?? null)
      .all<{ id: string; name: string; unitId: string; unitName: string }>();
    return c.json({ items: results });
  });
