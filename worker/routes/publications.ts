import { Hono } from 'hono';
import { shanghaiDay } from '../../shared/calendar';
import { TOPICS, type Topic } from '../../shared/constants';
import { blockedPersonalData, redact, REDACT_LABELS } from '../../shared/redact';
import { idParam } from '../../shared/schemas/common';
import {
  PUBLICATION_PAGE_SIZE,
  publicationInput,
  publicationListQuery,
  type PublicAnswer,
  type PublicAnswerPage,
  type PublicationDraft,
  type PublicationResult,
} from '../../shared/schemas/publication';
import { insertStatements } from '../db/faq';
import { getInquiry, type InquiryRow } from '../db/inquiries';
import { indexStatements } from '../db/search';
import { embedSoon } from '../jobs/embed';
import { getActiveUnit } from '../db/units';
import type { AppEnv, SessionUser } from '../env';
import { currentUser, requireRole } from '../lib/auth';
import { ApiError, notFound } from '../lib/errors';
import { newId } from '../lib/ids';
import { validate } from '../lib/validate';
import { canHandle } from '../rules/inquiry-access';

/** An answered inquiry the caller may publish: its unit's editors, or the office over it. */
async function publishable(db: D1Database, user: SessionUser, id: string): Promise<InquiryRow & { reply: string }> {
  const row = await getInquiry(db, id);
  if (!row || !canHandle(user, row)) throw notFound('咨询');
  if (!(row.status === 'answered' || row.status === 'closed') || !row.reply) throw new ApiError('conflict', '只有已答复的咨询可以公开');
  if (!row.consent_publish) throw new ApiError('conflict', '居民没有同意公开这条咨询，不能公开');
  return row as InquiryRow & { reply: string };
}

/** Where an inquiry has been published: its 咨询公开 row, and the entry made from it (a ledger event). */
async function publishedTo(db: D1Database, inquiryId: string): Promise<PublicationDraft['publishedTo']> {
  const [list, faq] = await db.batch<{ id: string }>([
    db.prepare('SELECT id FROM publications WHERE inquiry_id = ?1').bind(inquiryId),
    db.prepare("SELECT json_extract(data, '$.id') AS id FROM inquiry_events WHERE inquiry_id = ?1 AND type = 'published' AND json_extract(data, '$.target') = 'faq' ORDER BY id LIMIT 1").bind(inquiryId),
  ]);
  return { list: list!.results[0]?.id ?? null, faq: faq!.results[0]?.id ?? null };
}

const publishedEvent = (db: D1Database, user: SessionUser, inquiryId: string, data: Record<string, unknown>, now: string, guard: string, guardArg: string) =>
  db
    .prepare(
      `INSERT INTO inquiry_events (inquiry_id, at, actor_id, actor_role, type, public, data)
       SELECT ?1, ?2, ?3, ?4, 'published', 0, ?5 WHERE ${guard}`,
    )
    .bind(inquiryId, now, user.id, user.role, JSON.stringify(data), guardArg);

type PublicRow = { id: string; question: string; answer: string; topic: Topic | null; unit_name: string | null; published_day: string };
const toPublic = (r: PublicRow): PublicAnswer => ({
  id: r.id,
  question: r.question,
  answer: r.answer,
  topic: r.topic,
  unitName: r.unit_name,
  publishedDay: r.published_day,
});
const PUBLIC_SELECT = `SELECT p.id, p.question, p.answer, p.topic, u.name AS unit_name, p.published_day
  FROM publications p LEFT JOIN units u ON u.id = p.unit_id`;

const managers = requireRole('editor', 'office');

/** 咨询公开: an answered inquiry, with the resident's consent and their personal data masked, published for everyone. */
export const publicationRoutes = new Hono<AppEnv>()
  .get('/inquiries/:id/publication', managers, validate('param', idParam), async (c) => {
    const db = c.env.DB;
    const row = await publishable(db, currentUser(c), c.req.valid('param').id);
    const names = row.contact_name ? [row.contact_name] : [];
    const draft: PublicationDraft = {
      inquiryId: row.id,
      question: redact(row.question, { names }),
      answer: redact(row.reply, { names }),
      topic: TOPICS.includes(row.topic as Topic) ? (row.topic as Topic) : null,
      unitName: row.unit_name,
      publishedTo: await publishedTo(db, row.id),
    };
    return c.json(draft);
  })

  .post('/inquiries/:id/publication', managers, validate('param', idParam), validate('json', publicationInput), async (c) => {
    const user = currentUser(c);
    const db = c.env.DB;
    const input = c.req.valid('json');
    const row = await publishable(db, user, c.req.valid('param').id);
    // What the editor sends is checked again: nothing with a phone or ID number is published, whatever the screen showed.
    const left = [
      ...blockedPersonalData(input.question).map((s) => ({ path: 'question', message: `问题中仍有${REDACT_LABELS[s.kind]}` })),
      ...blockedPersonalData(input.answer).map((s) => ({ path: 'answer', message: `答复中仍有${REDACT_LABELS[s.kind]}` })),
    ];
    if (left.length) throw new ApiError('unprocessable', '待公开的内容中仍有电话或身份证号，请隐去后再发布', left);
    const now = new Date().toISOString();
    const topic = input.topic ?? (TOPICS.includes(row.topic as Topic) ? (row.topic as Topic) : undefined);
    const already = await publishedTo(db, row.id);

    if (input.target === 'list') {
      if (already.list) throw new ApiError('conflict', '这条咨询已发布到咨询公开');
      const id = newId('pub');
      const [insert] = await db.batch([
        db
          .prepare(
            `INSERT OR IGNORE INTO publications (id, inquiry_id, question, answer, topic, unit_id, published_day, published_by, published_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)`,
          )
          .bind(id, row.id, input.question, input.answer, topic ?? null, row.unit_id, shanghaiDay(new Date(now)), user.id, now),
        publishedEvent(db, user, row.id, { target: 'list', id }, now, 'EXISTS (SELECT 1 FROM publications WHERE id = ?6)', id),
      ]);
      // A copy sent at the same moment won: the inquiry is published once.
      if (!insert?.meta.changes) throw new ApiError('conflict', '这条咨询已发布到咨询公开');
      return c.json({ target: 'list', id } satisfies PublicationResult, 201);
    }

    if (already.faq) throw new ApiError('conflict', '这条咨询已写入问答库');
    if (!topic) throw new ApiError('validation', '请选择问答库的类目', [{ path: 'topic', message: '请选择类目' }]);
    const unit = row.unit_id ? await getActiveUnit(db, row.unit_id) : null;
    if (!unit) throw new ApiError('conflict', '这条咨询的责任单位已撤销，不能写入问答库');
    // The entry is made as POST /api/faq makes one: a draft unless the editor publishes it.
    const entry = {
      id: newId('faq'),
      question: input.question,
      answer: input.answer,
      similar: [],
      keywords: [],
      topic,
      unitId: unit.id,
      status: input.publish ? ('published' as const) : ('draft' as const),
      validFrom: null,
      validUntil: null,
      createdBy: user.id,
      now,
    };
    await db.batch([
      ...insertStatements(db, [entry]),
      ...indexStatements(db, [entry]),
      publishedEvent(db, user, row.id, { target: 'faq', id: entry.id }, now, 'EXISTS (SELECT 1 FROM faq_entries WHERE id = ?6)', entry.id),
    ]);
    embedSoon(c);
    return c.json({ target: 'faq', id: entry.id } satisfies PublicationResult, 201);
  })

  .get('/publications', validate('query', publicationListQuery), async (c) => {
    const { topic, page } = c.req.valid('query');
    const where = topic ? 'WHERE p.topic = ?1' : 'WHERE ?1 IS NULL';
    const [rows, count] = await c.env.DB.batch<PublicRow | { total: number }>([
      c.env.DB.prepare(`${PUBLIC_SELECT} ${where} ORDER BY p.published_at DESC, p.id LIMIT ?2 OFFSET ?3`).bind(
        topic ?? null,
        PUBLICATION_PAGE_SIZE,
        (page - 1) * PUBLICATION_PAGE_SIZE,
      ),
      c.env.DB.prepare(`SELECT COUNT(*) AS total FROM publications p ${where}`).bind(topic ?? null),
    ]);
    const answer: PublicAnswerPage = {
      items: (rows!.results as PublicRow[]).map(toPublic),
      total: (count!.results[0] as { total: number }).total,
      page,
      pageSize: PUBLICATION_PAGE_SIZE,
    };
    return c.json(answer);
  })

  .get('/publications/:id', validate('param', idParam), async (c) => {
    const row = await c.env.DB.prepare(`${PUBLIC_SELECT} WHERE p.id = ?1`).bind(c.req.valid('param').id).first<PublicRow>();
    if (!row) throw notFound('公开的咨询');
    return c.json(toPublic(row));
  });
