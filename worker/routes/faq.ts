import { Hono } from 'hono';
import { TOPICS } from '../../shared/constants';
import { idParam } from '../../shared/schemas/common';
import { faqFeedbackInput, faqListQuery, faqSearchQuery, type FaqManaged, type FaqPublic } from '../../shared/schemas/faq';
import { countView, getEntry, isPublicOn, listPublic, recordFeedback, topicCounts } from '../db/faq';
import { logMiss } from '../db/kb-gaps';
import { basisOf } from '../db/policies';
import { searchFaq } from '../db/search';
import type { AppEnv } from '../env';
import { ApiError, notFound } from '../lib/errors';
import { shanghaiDay } from '../../shared/calendar/days';
import { address, hit, limit } from '../lib/limit';
import { semanticOf } from '../lib/semantic';
import { validate } from '../lib/validate';

const toPublic = ({ keywords, status, validFrom, createdAt, ...pub }: FaqManaged): FaqPublic => pub;

async function visibleEntry(db: D1Database, id: string): Promise<FaqManaged> {
  const entry = await getEntry(db, id);
  if (!entry || !isPublicOn(entry, shanghaiDay(new Date()))) throw notFound('条目');
  return entry;
}

/** What residents and anonymous visitors see: published entries valid today (Asia/Shanghai). */
export const faqRoutes = new Hono<AppEnv>()
  .get('/topics', async (c) => {
    const counts = new Map((await topicCounts(c.env.DB, shanghaiDay(new Date()))).map((r) => [r.topic, r.count]));
    return c.json({ items: TOPICS.map((topic) => ({ topic, count: counts.get(topic) ?? 0 })) });
  })

  .get('/faq/search', validate('query', faqSearchQuery), async (c) => {
    const { q, limit, topic, submitted } = c.req.valid('query');
    const items = await searchFaq(c.env.DB, q, { limit, topic, today: shanghaiDay(new Date()), semantic: semanticOf(c.env) });
    if (submitted && !items[0]?.confident) logMiss(c, { text: q, reason: 'no_answer', nearEntryId: items[0]?.id });
    return c.json({ items });
  })

  .get('/faq', validate('query', faqListQuery), async (c) => {
    const query = c.req.valid('query');
    return c.json(await listPublic(c.env.DB, { ...query, today: shanghaiDay(new Date()) }));
  })

  .get('/faq/:id', validate('param', idParam), async (c) => {
    const { id } = c.req.valid('param');
    const entry = await visibleEntry(c.env.DB, id);
    // Past the limit the entry is still shown, only not counted towards 热门.
    const ip = address(c);
    const counted = ip === null || (await hit(c.env.DB, 'view.address', ip)).ok;
    if (counted) await countView(c.env.DB, id);
    // 文件依据 and, until an editor reviews a change to one of them, the notice that the answer may be out of date.
    const { basis, basisNotice } = await basisOf(c.env.DB, id, true);
    return c.json({ ...toPublic({ ...entry, views: entry.views + (counted ? 1 : 0) }), basis, basisNotice });
  })

  /** 有帮助 / 没帮助: one vote per person (a visitor without an account: per address) per entry. */
  .post('/faq/:id/feedback', validate('param', idParam), validate('json', faqFeedbackInput), async (c) => {
    const user = c.get('user');
    const ip = address(c);
    const voter = user?.id ?? (ip ? `addr:${ip}` : null);
    if (!voter) throw new ApiError('unauthorized', '请先登录');
    const { id } = c.req.valid('param');
    await visibleEntry(c.env.DB, id);
    await limit(c, 'feedback.user', voter);
    const { helpful, query } = c.req.valid('json');
    const counts = await recordFeedback(c.env.DB, id, voter, helpful, new Date().toISOString());
    if (!helpful && query) logMiss(c, { text: query, reason: 'unhelpful', entryId: id });
    return c.json(counts);
  });
