import { Hono } from 'hono';
import { grantInput, noticeIdParam, noticeListQuery, type Notice, type NoticePage } from '../../shared/schemas/notification';
import { listNotifications, markNotificationRead } from '../db/notifications';
import type { AppEnv } from '../env';
import { currentUser, requireRole, signedIn } from '../lib/auth';
import { notFound } from '../lib/errors';
import { limit } from '../lib/limit';
import { validate } from '../lib/validate';
import { canSee } from '../rules/inquiry-access';

/** 消息: each user's in-app notifications, and the WeChat subscribe grants they give. */
export const notificationRoutes = new Hono<AppEnv>()
  .get('/notifications', signedIn, validate('query', noticeListQuery), async (c) => {
    const user = currentUser(c);
    const { rows, unread } = await listNotifications(c.env.DB, user.id, c.req.valid('query'));
    const items = rows.map(
      (r): Notice => ({
        id: r.id,
        inquiryId: r.inquiry_id,
        link: r.link,
        // The same rule as opening the inquiry: a resident's own; staff only while it is their unit's.
        question: r.inquiry && canSee(user, r.inquiry) ? r.inquiry.question : null,
        kind: r.kind,
        title: r.title,
        body: r.body,
        createdAt: r.created_at,
        read: r.read_at !== null,
      }),
    );
    return c.json({ items, unread } satisfies NoticePage);
  })

  .post('/notifications/:id/read', signedIn, validate('param', noticeIdParam), async (c) => {
    if (!(await markNotificationRead(c.env.DB, currentUser(c).id, c.req.valid('param').id, new Date().toISOString()))) {
      throw notFound('消息');
    }
    return c.json({ read: true });
  })

  /** After wx.requestSubscribeMessage says "accept": one more message of that template may be sent. */
  .post('/wechat/grants', requireRole('resident', 'answerer', 'editor', 'office'), validate('json', grantInput), async (c) => {
    const { templateId } = c.req.valid('json');
    await limit(c, 'grant.user', currentUser(c).id);
    await c.env.DB.prepare(
      `INSERT INTO wechat_grants (user_id, template_id, remaining) VALUES (?1, ?2, 1)
       ON CONFLICT (user_id, template_id) DO UPDATE SET remaining = remaining + 1`,
    )
      .bind(currentUser(c).id, templateId)
      .run();
    return c.json({ granted: true }, 201);
  });
