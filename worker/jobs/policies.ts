import { shanghaiDay } from '../../shared/calendar/days';
import { expiredPolicies, validityStatements } from '../db/policies';
import type { Env } from '../env';

/**
 * 有效期届满: a published policy in force whose end date has passed becomes 已失效, with its event,
 * and the entries resting on it are flagged 需复核 (validityStatements). A policy already changed
 * is left alone, so running this again changes nothing and notifies nobody twice.
 */
export async function expirePolicies(env: Env, now: Date): Promise<number> {
  const db = env.DB;
  let changed = 0;
  for (const p of await expiredPolicies(db, shanghaiDay(now))) {
    const [first] = await db.batch(
      validityStatements(db, {
        policyId: p.id,
        title: p.title,
        from: '现行有效',
        to: '已失效',
        reason: `有效期至 ${p.end_date}，已届满`,
        byPolicy: null,
        actor: null,
        now: now.toISOString(),
      }),
    );
    changed += first?.meta.changes ?? 0;
  }
  return changed;
}

/** Items published this long ago or less are matched against subscriptions; older ones were seen by earlier runs. */
const WINDOW_MS = 3 * 86_400_000;

const SUBSCRIBED = (topics: string, unit: string) => `
  JOIN policy_subscriptions s ON (s.kind = 'unit' AND s.value = ${unit})
    OR (s.kind = 'topic' AND s.value IN (SELECT value FROM json_each(${topics})))
  JOIN users u ON u.id = s.user_id AND u.status = 'active'`;

/**
 * 政策主动推送: one outbox row per subscriber and published item (a policy, an interpretation
 * published after its policy, a knowledge-base entry) in a topic or unit they follow, published
 * after they subscribed. The row's dedupe key is the sent-once record: a person following both the
 * topic and the unit, or a job run twice, still gets one notice.
 */
export function subscriptionStatements(db: D1Database, now: Date): D1PreparedStatement[] {
  const nowIso = now.toISOString();
  const since = new Date(now.getTime() - WINDOW_MS).toISOString();
  const insert = `INSERT OR IGNORE INTO outbox (dedupe_key, user_id, inquiry_id, kind, title, body, created_at, next_attempt_at, link)`;
  return [
    db
      .prepare(
        `${insert}
         SELECT 'sub:policy:' || p.id || ':' || s.user_id, s.user_id, NULL, 'subscription', '您关注的领域有新政策', p.title, ?1, ?1,
           'pages/policy/index?id=' || p.id
         FROM policies p ${SUBSCRIBED('p.topics', 'p.unit_id')}
         WHERE p.status = 'published' AND p.published_at >= ?2 AND p.published_at >= s.created_at`,
      )
      .bind(nowIso, since),
    db
      .prepare(
        `${insert}
         SELECT 'sub:interpretation:' || i.id || ':' || s.user_id, s.user_id, NULL, 'subscription', '您关注的政策有新解读',
           i.title || '（' || p.title || '）', ?1, ?1, 'pages/policy/index?id=' || p.id
         FROM interpretations i JOIN policies p ON p.id = i.policy_id ${SUBSCRIBED('p.topics', 'p.unit_id')}
         WHERE i.status = 'published' AND i.published_at >= ?2 AND i.published_at > p.published_at AND i.published_at >= s.created_at`,
      )
      .bind(nowIso, since),
    db
      .prepare(
        `${insert}
         SELECT 'sub:faq:' || e.id || ':' || s.user_id, s.user_id, NULL, 'subscription', '您关注的领域有新问答', e.question, ?1, ?1,
           'pages/entry/index?id=' || e.id
         FROM faq_entries e ${SUBSCRIBED("json_array(e.topic)", 'e.unit_id')}
         WHERE e.status = 'published' AND e.published_at >= ?2 AND e.published_at >= s.created_at`,
      )
      .bind(nowIso, since),
  ];
}

/** The cron's part: expiries first (they flag entries and notify editors), then subscription notices. */
export async function runPolicyJobs(env: Env, now: Date): Promise<void> {
  await expirePolicies(env, now);
  await env.DB.batch(subscriptionStatements(env.DB, now));
}
