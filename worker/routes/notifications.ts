import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../env';
import { currentUser, requireRole, signedIn } from '../lib/auth';
import { notFound } from '../lib/errors';
import { validate } from '../lib/validate';

const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(30),
  before: z.coerce.number().int().positive().optional(),
});
const numericId = z.object({ id: z.coerce.number().int().positive() });
const grantInput = z.object({ templateId: z.string().min(1).max(64), accepted: z.literal(true) }).strict();

type Row = { id: number; inquiry_id: string | null; kind: string; title: string; body: string; created_at: string; read_at: string | null };

/** 消息: each user's in-app notifications, and the WeChat subscribe grants they give. */
export const notificationRoutes = new Hono<AppEnv>()
  .get('/notifications', signedIn, validate('query', listQuery), async (c) => {
    const user = currentUser(c);
    const { limit, before } = c.req.valid('query');
    const [list, unread] = await c.env.DB.batch<Row | { n: number }>([
      c.env.DB.prepare(
        `SELECT id, inquiry_id, kind, title, body, created_at, read_at FROM notifications
         WHERE user_id = ?1 AND (?2 IS NULL OR id < ?2) ORDER BY id DESC LIMIT ?3`,
      ).bind(user.id, before ?? null, limit),
      c.env.DB.prepare('SELECT COUNT(*) AS n FROM notifications WHERE user_id = ?1 AND read_at IS NULL').bind(user.id),
    ]);
    const items = (list!.results as Row[]).map((r) => ({
      id: r.id,
      inquiryId: r.inquiry_id,
      kind: r.kind,
      title: r.title,
      body: r.body,
      createdAt: r.created_at,
      read: r.read_at !== null,
    }));
    return c.json({ items, unread: (unread!.results[0] as { n: number }).n });
  })

  .post('/notifications/:id/read', signedIn, validate('param', numericId), async (c) => {
    const r = await c.env.DB.prepare('UPDATE notifications SET read_at = COALESCE(read_at, ?3) WHERE id = ?1 AND user_id = ?2')
      .bind(c.req.valid('param').id, currentUser(c).id, new Date().toISOString())
      .run();
    if (!r.meta.changes) throw notFound('消息');
    return c.json({ read: true });
  })

  /** After wx.requestSubscribeMessage says "accept": one more message of that template may be sent. */
  .post('/wechat/grants', requireRole('resident', 'answerer', 'editor', 'office'), validate('json', grantInput), async (c) => {
    const { templateId } = c.req.valid('json');
    await c.env.DB.prepare(
      `INSERT INTO wechat_grants (user_id, template_id, remaining) VALUES (?1, ?2, 1)
       ON CONFLICT (user_id, template_id) DO UPDATE SET remaining = remaining + 1`,
    )
      .bind(currentUser(c).id, templateId)
      .run();
    return c.json({ granted: true }, 201);
  });
