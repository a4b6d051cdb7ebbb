import { Hono } from 'hono';
import { z } from 'zod';
import { TOPICS } from '../../shared/constants';
import { listUnits } from '../db/units';
import type { AppEnv } from '../env';
import { currentUser, requireRole } from '../lib/auth';
import { ApiError } from '../lib/errors';
import { validate } from '../lib/validate';

export const routesInput = z
  .object({
    routes: z
      .array(z.object({ topic: z.enum(TOPICS), unitId: z.string().min(1).max(40) }).strict())
      .min(1, '请至少设置一个类别的承办单位')
      .max(TOPICS.length),
  })
  .strict();

/** The topic → unit table that routes a question when the resident does not choose a unit. */
export const routingRoutes = new Hono<AppEnv>()
  .get('/routing', async (c) => {
    const { results } = await c.env.DB.prepare(
      'SELECT r.topic, r.unit_id AS unitId, u.name AS unitName FROM topic_routes r JOIN units u ON u.id = r.unit_id ORDER BY r.topic',
    ).all<{ topic: string; unitId: string; unitName: string }>();
    return c.json({ items: results });
  })
  .put('/routing', requireRole('office'), validate('json', routesInput), async (c) => {
    const { routes } = c.req.valid('json');
    const user = currentUser(c);
    // An office routes questions to the units it oversees (active ones: a retired unit takes no new questions).
    const units = new Set((await listUnits(c.env.DB)).map((u) => u.id).filter((id) => user.units.includes(id)));
    const issues = routes.flatMap((r, i) =>
      units.has(r.unitId) ? [] : [{ path: `routes.${i}.unitId`, message: `不是本辖区在用的单位：${r.unitId}` }],
    );
    if (issues.length) throw new ApiError('validation', '路由表中有不存在或不属本辖区的单位', issues);
    const now = new Date().toISOString();
    await c.env.DB.batch(
      routes.map((r) =>
        c.env.DB.prepare(
          `INSERT INTO topic_routes (topic, unit_id, updated_at) VALUES (?1, ?2, ?3)
           ON CONFLICT (topic) DO UPDATE SET unit_id = excluded.unit_id, updated_at = excluded.updated_at`,
        ).bind(r.topic, r.unitId, now),
      ),
    );
    return c.json({ updated: routes.length });
  });
