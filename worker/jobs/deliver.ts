import type { Context } from 'hono';
import type { AppEnv, Env } from '../env';
import { smsSender } from '../lib/sms';
import { sendSubscribeMessage, wechatConfig } from '../lib/wechat';
import { deliverWebhooks } from './webhooks';

/** What reaches a resident outside the app by SMS when they signed in by phone (H5) rather than WeChat. */
const SMS_KINDS = new Set(['replied', 'clarify']);

type Pending = {
  id: number;
  next_attempt_at: string;
  user_id: string;
  inquiry_id: string | null;
  link: string | null;
  kind: string;
  title: string;
  body: string;
  attempts: number;
  wechat_status: string | null;
  openid: string | null;
  phone: string | null;
  role: string;
};

const BATCH = 50;
/** A claimed row is left alone by other runs for this long. */
export const LEASE_MS = 2 * 60_000;
export const MAX_ATTEMPTS = 6;
/** Minutes to wait before attempt n+1: 1, 2, 4, 8, 16 (partners' webhooks wait the same). */
export const backoffMs = (attempts: number) => 60_000 * 2 ** Math.min(attempts, 4);

/** The app page a notice opens: its own link (a policy, an entry), else its inquiry. */
const pageOf = (m: { link: string | null; inquiry_id: string | null }) => m.link ?? (m.inquiry_id ? `pages/inquiry/index?id=${m.inquiry_id}` : null);

/**
 * Delivers what the outbox holds: always as an in-app notification, and as a WeChat subscribe
 * message when the user has granted one for that kind (a resident signed in by phone gets an SMS
 * for a reply or a request for detail instead). Safe to run often and concurrently: each
 * row is claimed before it is sent, the in-app row is keyed by the outbox row, and a WeChat
 * grant is spent only on success.
 */
export async function deliverOutbox(env: Env, now: Date): Promise<{ delivered: number; retried: number }> {
  const db = env.DB;
  const nowIso = now.toISOString();
  const { results } = await db
    .prepare(
      `SELECT o.id, o.next_attempt_at, o.user_id, o.inquiry_id, o.link, o.kind, o.title, o.body, o.attempts, o.wechat_status, u.openid, u.phone, u.role
       FROM outbox o JOIN users u ON u.id = o.user_id
       WHERE o.delivered_at IS NULL AND o.next_attempt_at <= ?1 ORDER BY o.id LIMIT ?2`,
    )
    .bind(nowIso, BATCH)
    .all<Pending>();
  const wechat = wechatConfig(env);
  const sms = smsSender(env);
  /** The message outside the app, if any: a WeChat subscribe message where granted, else an SMS to a phone-verified resident. */
  const outside = async (m: Pending): Promise<{ send: () => Promise<void>; after: D1PreparedStatement[] } | null> => {
    if (m.wechat_status === 'sent') return null;
    const templateId = wechat?.templates[m.kind];
    if (wechat && templateId && m.openid) {
      const grant = await db
        .prepare('SELECT remaining FROM wechat_grants WHERE user_id = ?1 AND template_id = ?2 AND remaining > 0')
        .bind(m.user_id, templateId)
        .first<{ remaining: number }>();
      if (!grant) return null;
      return {
        send: () =>
          sendSubscribeMessage(
            wechat,
            {
              openid: m.openid!,
              templateId,
              page: pageOf(m) ?? 'pages/index/index',
              data: { thing1: { value: m.title.slice(0, 20) }, thing2: { value: m.body.slice(0, 20) } },
            },
            now.getTime(),
          ),
        after: [db.prepare('UPDATE wechat_grants SET remaining = remaining - 1 WHERE user_id = ?1 AND template_id = ?2 AND remaining > 0').bind(m.user_id, templateId)],
      };
    }
    if (sms && !m.openid && m.phone && m.role === 'resident' && SMS_KINDS.has(m.kind)) {
      const page = pageOf(m);
      const link = env.APP_URL && page ? `，查看：${env.APP_URL.replace(/\/+$/, '')}/${page}` : '，请打开政策咨询台查看';
      return { send: () => sms(m.phone!, `【政策咨询台】${m.title}${link}`), after: [] };
    }
    return null;
  };
  let delivered = 0;
  let retried = 0;
  for (const m of results) {
    // Claim the row first, so a cron run and a request's delivery never both send it.
    const claim = await db
      .prepare('UPDATE outbox SET next_attempt_at = ?3 WHERE id = ?1 AND next_attempt_at = ?2 AND delivered_at IS NULL')
      .bind(m.id, m.next_attempt_at, new Date(now.getTime() + LEASE_MS).toISOString())
      .run();
    if (claim.meta.changes !== 1) continue;
    const inApp = db
      .prepare(
        `INSERT OR IGNORE INTO notifications (outbox_id, user_id, inquiry_id, kind, title, body, created_at, link)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)`,
      )
      .bind(m.id, m.user_id, m.inquiry_id, m.kind, m.title, m.body, nowIso, m.link);
    const push = await outside(m);
    if (!push) {
      await db.batch([
        inApp,
        db.prepare("UPDATE outbox SET delivered_at = ?2, wechat_status = COALESCE(wechat_status, 'skipped') WHERE id = ?1").bind(m.id, nowIso),
      ]);
      delivered += 1;
      continue;
    }
    try {
      await push.send();
      await db.batch([
        inApp,
        ...push.after,
        db.prepare("UPDATE outbox SET delivered_at = ?2, wechat_status = 'sent', attempts = attempts + 1 WHERE id = ?1").bind(m.id, nowIso),
      ]);
      delivered += 1;
    } catch (err) {
      const attempts = m.attempts + 1;
      const giveUp = attempts >= MAX_ATTEMPTS;
      // The in-app notification goes out now either way; only the message outside the app is retried.
      await db.batch([
        inApp,
        db
          .prepare(
            `UPDATE outbox SET attempts = ?2, last_error = ?3, next_attempt_at = ?4,
               wechat_status = ?5, delivered_at = ?6 WHERE id = ?1`,
          )
          .bind(
            m.id,
            attempts,
            String(err instanceof Error ? err.message : err).slice(0, 500),
            new Date(now.getTime() + backoffMs(attempts)).toISOString(),
            giveUp ? 'failed' : 'retrying',
            giveUp ? nowIso : null,
          ),
      ]);
      if (giveUp) delivered += 1;
      else retried += 1;
    }
  }
  // Partners' webhooks go out in the same run; a partner's server failing never holds up a notice.
  await deliverWebhooks(env, now).catch((err) => console.error('webhooks', err));
  return { delivered, retried };
}

/** After a change, deliver its notifications without making the caller wait. */
export function deliverSoon(c: Context<AppEnv>) {
  const run = deliverOutbox(c.env, new Date()).catch((err) => console.error('deliver', err));
  try {
    c.executionCtx.waitUntil(run);
  } catch {
    // No execution context (called outside a request): the cron picks the rows up.
  }
}
