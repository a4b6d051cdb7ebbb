import { Hono, type Context } from 'hono';
import { addDays, shanghaiDay, shanghaiStartOfDay, type YearSchedules } from '../../shared/calendar';
import { AWAITING_REPLY, OPEN } from '../../shared/inquiry/states';
import { idParam } from '../../shared/schemas/common';
import {
  idempotencyKey,
  INBOX_FILTERS,
  inquiryCreateInput,
  inquiryListQuery,
  resolvedInput,
  type InquiryListFilter,
  type InboxPage,
  type InboxTab,
  type InquiryCreateOutput,
  type InquiryView,
} from '../../shared/schemas/inquiry';
import { loadOverrides } from '../db/calendar';
import { getEntry, isPublicOn } from '../db/faq';
import {
  countByTab,
  getByIdempotencyKey,
  getInquiry,
  insertInquiry,
  leastBusyAnswerer,
  listEvents,
  listInquiries,
  topicRoute,
  whoHandles,
  type Actor,
  type InquiryRow,
  type ListFilter,
  type Narrow,
  type NewEvent,
  type Scope,
  type TabFilter,
} from '../db/inquiries';
import { logMiss } from '../db/kb-gaps';
import { searchFaq } from '../db/search';
import { getActiveUnit, getUnit, subtreeOf } from '../db/units';
import { getAnswerer } from '../db/users';
import type { AppEnv, PartnerPrincipal, SessionUser } from '../env';
import { currentUser, signedIn, signedInOrPartner } from '../lib/auth';
import { ApiError, forbidden, notFound, unknownUnit, validationError } from '../lib/errors';
import { newId } from '../lib/ids';
import { address, limit } from '../lib/limit';
import { validate } from '../lib/validate';
import { deliverSoon } from '../jobs/deliver';
import { dueSoonCutoff, replyDeadline } from '../rules/deadline';
import { canSee, channelRefusal } from '../rules/inquiry-access';
import { messages } from '../rules/inquiry-messages';
import { inquiryView } from '../rules/inquiry-view';
import { ticketNumber } from '../rules/ticket';
import { sameSubmission } from '../rules/inquiry-retry';

/** Where a new question goes: the resident's chosen answerer or unit wins over the topic table. */
async function route(db: D1Database, input: { answererId?: string; unitId?: string; topic?: string }) {
  if (input.answererId) {
    const a = await getAnswerer(db, input.answererId);
    if (!a) throw new ApiError('validation', '所选政策解答员不存在', [{ path: 'answererId', message: '政策解答员不存在' }]);
    if (input.unitId && input.unitId !== a.unit_id) {
      throw new ApiError('validation', '所选政策解答员不属于所选单位', [{ path: 'answererId', message: '不是所选单位的政策解答员' }]);
    }
    return { unit: await getUnit(db, a.unit_id), answerer: { id: a.id, name: a.name } };
  }
  if (input.unitId && !(await getActiveUnit(db, input.unitId))) {
    throw unknownUnit(input.unitId);
  }
  const unitId = input.unitId ?? (input.topic ? await topicRoute(db, input.topic) : null);
  const unit = unitId ? await getActiveUnit(db, unitId) : null;
  return { unit, answerer: unit ? await leastBusyAnswerer(db, unit.id) : null };
}

async function viewWithEvents(db: D1Database, row: InquiryRow, user: SessionUser, now: Date, overrides: YearSchedules) {
  const events = await listEvents(db, row.id, user.role === 'resident');
  return inquiryView(row, user, now, overrides, events);
}

/** Whose inquiries a list holds: a resident's own; a unit's for its staff; the district's for the office. */
function scopeOf(user: SessionUser): Scope {
  if (user.role === 'resident') return { residentId: user.id };
  return user.role === 'office' ? { unitIds: user.units } : { unitId: user.unitId! };
}

/** What each 工作台 tab holds; its list and its count both read this. */
function inboxTabs(now: Date, overrides: YearSchedules): Record<InboxTab, TabFilter> {
  const nowIso = now.toISOString();
  return {
    pending: { statuses: OPEN },
    due_soon: { statuses: AWAITING_REPLY, dueAfter: nowIso, dueBefore: dueSoonCutoff(now, overrides) },
    overdue: { statuses: AWAITING_REPLY, dueBefore: nowIso },
    answered: { statuses: ['answered', 'closed'] },
  };
}

/**
 * A staff list's filters as SQL conditions. `unitId` is a unit within the caller's reach and
 * everything under it (the office), or the caller's own unit; the period is of the day received,
 * or of the reply or the rating when the list is of those (as 统计 counts them).
 */
async function narrowOf(db: D1Database, user: SessionUser, f: InquiryListFilter, now: Date): Promise<Narrow> {
  const narrow: Narrow = {};
  if (f.unitId !== undefined) {
    if (user.role !== 'office') {
      if (f.unitId !== user.unitId) throw forbidden('只能查看本单位的咨询');
    } else {
      if (!user.units.includes(f.unitId)) throw forbidden('只能查看本辖区的咨询');
      const below = await subtreeOf(db, f.unitId);
      narrow.underUnits = below.filter((id) => user.units.includes(id));
    }
  }
  if (f.from !== undefined || f.to !== undefined) {
    narrow.period = {
      column: f.replied ? 'replied_at' : f.rated ? 'rated_at' : 'received_at',
      from: f.from && shanghaiStartOfDay(f.from).toISOString(),
      before: f.to && shanghaiStartOfDay(addDays(f.to, 1)).toISOString(),
    };
  } else if (f.replied) narrow.period = { column: 'replied_at' };
  if (f.status) narrow.status = f.status;
  if (f.channel) narrow.channel = f.channel;
  if (f.rated) narrow.rating = f.rated;
  if (f.overdue) narrow.overdueAt = now.toISOString();
  return narrow;
}

const TAB_ORDER: Record<InboxTab, ListFilter['order']> = { pending: 'due', due_soon: 'due', overdue: 'due', answered: 'replied' };

async function createInquiry(
  db: D1Database,
  user: Actor,
  input: InquiryCreateOutput,
  key: string | null,
  now: Date,
  overrides: YearSchedules,
): Promise<{ row: InquiryRow; created: boolean }> {
  const onBehalf = input.channel !== 'miniprogram';
  const { unit, answerer } = await route(db, input);
  const due = replyDeadline({ receivedAt: now.toISOString(), simple: false, stoppedDays: 0 }, overrides);
  const id = newId('inq');
  const events: NewEvent[] = [
    { type: 'submitted', public: true, actor: user, data: { channel: input.channel, dueAt: due.dueAt } },
  ];
  if (unit) {
    events.push({
      type: answerer ? 'assigned' : 'routed',
      public: true,
      actor: null,
      data: { unitId: unit.id, unitName: unit.name, answererName: answerer?.name ?? null },
    });
  }
  const notify = await whoHandles(db, unit?.id ?? null, answerer?.id ?? null);
  const insert = (ticket: string) =>
    insertInquiry(
      db,
      {
        id,
        residentId: onBehalf ? null : user.id,
        channel: input.channel,
        question: input.question,
        topic: input.topic ?? null,
        unitId: unit?.id ?? null,
        answererId: answerer?.id ?? null,
        status: answerer ? 'assigned' : 'submitted',
        receivedAt: now.toISOString(),
        dueAt: due.dueAt,
        dueProvisional: due.provisional,
        contactName: input.contactName ?? null,
        contactPhone: input.contactPhone ?? null,
        consentPublish: input.consentPublish,
        createdBy: user.id,
        idempotencyKey: key,
        ticket,
      },
      events,
      notify.map((u) => messages.assigned(u, { id }, 1)),
    );
  for (let attempt = 0; attempt < 5; attempt++) {
    await insert(ticketNumber(now));
    // With a key, a copy that arrived at the same moment may have won: read whichever row stands.
    const row = key ? await getByIdempotencyKey(db, user.id, key) : await getInquiry(db, id);
    if (row) return { row, created: row.id === id };
    // No row: the ticket number was taken that day; draw another.
  }
  throw new ApiError('internal', '咨询保存失败');
}

/** What a partner sees of an inquiry it logged: what a resident would (public events, no one's names); it gave the contact details itself. */
const PARTNER_VIEWER: SessionUser = { id: '', role: 'resident', unitId: null, sessionId: '', units: [] };

/**
 * A partner system logs a question on a resident's behalf: attributed to its key (the ledger's
 * actor, and `created_by`, so its Idempotency-Keys and reads are its own), within the
 * jurisdiction of the office that made the key. Its calls are limited per key by the session middleware.
 */
async function createForPartner(c: Context<AppEnv>, partner: PartnerPrincipal, given: InquiryCreateOutput, key: string | null) {
  // A partner is never a resident in the app: without a channel it is the hotline it runs.
  const input = { ...given, channel: given.channel === 'miniprogram' ? ('hotline' as const) : given.channel };
  if (!input.contactPhone && !input.contactName) {
    throw new ApiError('validation', '代为登记时请填写居民的姓名或电话', [{ path: 'contactPhone', message: '请填写联系方式' }]);
  }
  const db = c.env.DB;
  const answererUnit = input.answererId ? (await getAnswerer(db, input.answererId))?.unit_id : undefined;
  for (const unitId of [input.unitId, answererUnit]) {
    if (unitId && !partner.units.includes(unitId)) throw forbidden('只能登记到本辖区的单位');
  }
  const now = new Date();
  const overrides = await loadOverrides(db);
  const earlier = key ? await getByIdempotencyKey(db, partner.id, key) : null;
  const actor = { id: partner.id, role: 'partner' as const };
  const { row, created } = earlier ? { row: earlier, created: false } : await createInquiry(db, actor, input, key, now, overrides);
  if (!created && !sameSubmission(row, input)) throw new ApiError('conflict', '这个 Idempotency-Key 已用于另一条咨询，请为新的咨询换一个');
  deliverSoon(c);
  return c.json(inquiryView(row, PARTNER_VIEWER, now, overrides, await listEvents(db, row.id, true)), created ? 201 : 200);
}

export const inquiryRoutes = new Hono<AppEnv>()
  .post('/inquiries', signedInOrPartner, validate('json', inquiryCreateInput), async (c) => {
    const input = c.req.valid('json');
    const rawKey = c.req.header('Idempotency-Key');
    const keyCheck = rawKey === undefined ? null : idempotencyKey.safeParse(rawKey);
    if (keyCheck && !keyCheck.success) throw validationError(keyCheck.error, 'Idempotency-Key 格式不正确');
    const key = keyCheck?.data ?? null;
    const partner = c.get('partner');
    if (partner) return createForPartner(c, partner, input, key);
    const user = currentUser(c);

    const refused = channelRefusal(user, input.channel);
    if (refused) throw forbidden(refused);
    const onBehalf = input.channel !== 'miniprogram';
    if (onBehalf && !input.contactPhone && !input.contactName) {
      throw new ApiError('validation', '代为登记时请填写居民的姓名或电话', [{ path: 'contactPhone', message: '请填写联系方式' }]);
    }

    const db = c.env.DB;
    const now = new Date();
    const overrides = await loadOverrides(db);
    const earlier = key ? await getByIdempotencyKey(db, user.id, key) : null;
    // A retry of a question already saved is not another question.
    if (!earlier) {
      await limit(c, user.role === 'resident' ? 'inquiry.resident' : 'inquiry.staff', user.id);
      await limit(c, 'inquiry.address', address(c));
    }
    // A retried submission answers with the inquiry its first copy created.
    const { row, created } = earlier ? { row: earlier, created: false } : await createInquiry(db, user, input, key, now, overrides);
    // The same key with other words is not a retry: refuse it rather than answer with another question.
    if (!created && !sameSubmission(row, input)) throw new ApiError('conflict', '这个 Idempotency-Key 已用于另一条咨询，请为新的咨询换一个');
    deliverSoon(c);
    if (created && input.fromSearch) logMiss(c, { text: row.question, reason: 'inquiry', unitId: row.unit_id, inquiryId: row.id });
    const matches = await searchFaq(db, row.question, { limit: 3, today: shanghaiDay(now) });
    return c.json({ ...(await viewWithEvents(db, row, user, now, overrides)), matches }, created ? 201 : 200);
  })

  .get('/inquiries', signedIn, validate('query', inquiryListQuery), async (c) => {
    const user = currentUser(c);
    const { tab, limit, offset, ...filter } = c.req.valid('query');
    const filtered = INBOX_FILTERS.some((k) => filter[k] !== undefined);
    const db = c.env.DB;
    const now = new Date();
    const overrides = await loadOverrides(db);
    const scope = scopeOf(user);
    if (user.role === 'resident') {
      if (filtered) throw forbidden('筛选只供工作人员使用');
      const { rows, total } = await listInquiries(db, { ...scope, order: 'received', limit, offset });
      return c.json({ items: rows.map((r) => inquiryView(r, user, now, overrides)), total });
    }
    const tabs = inboxTabs(now, overrides);
    const narrow = await narrowOf(db, user, filter, now);
    // A figure's list holds every state unless a tab is asked for too; the inbox opens on 待答复.
    const shown = tab ?? (filtered ? null : 'pending');
    const order: ListFilter['order'] = shown ? TAB_ORDER[shown] : filter.overdue ? 'due' : filter.replied ? 'replied' : 'received';
    const [{ rows, total }, counts] = await Promise.all([
      listInquiries(db, { ...scope, ...narrow, ...(shown ? tabs[shown] : {}), order, limit, offset }),
      countByTab(db, { ...scope, ...narrow }, tabs),
    ]);
    const items: InquiryView[] = rows.map((r) => inquiryView(r, user, now, overrides));
    return c.json({ items, total, counts } satisfies InboxPage);
  })

  .get('/inquiries/:id', signedInOrPartner, validate('param', idParam), async (c) => {
    const row = await getInquiry(c.env.DB, c.req.valid('param').id);
    const partner = c.get('partner');
    // A key reads only what it logged itself.
    if (partner) {
      if (!row || row.created_by !== partner.id) throw notFound('咨询');
      const now = new Date();
      return c.json(inquiryView(row, PARTNER_VIEWER, now, await loadOverrides(c.env.DB), await listEvents(c.env.DB, row.id, true)));
    }
    const user = currentUser(c);
    if (!row || !canSee(user, row)) throw notFound('咨询');
    return c.json(await viewWithEvents(c.env.DB, row, user, new Date(), await loadOverrides(c.env.DB)));
  })

  /** "这解决了我的问题": counted at once as resolved by the knowledge base, no inquiry for staff. */
  .post('/kb-resolutions', validate('json', resolvedInput), async (c) => {
    const { question, entryId, channel } = c.req.valid('json');
    const user = c.get('user');
    const refused = channelRefusal(user, channel);
    if (refused) throw forbidden(refused);
    await limit(c, 'resolution.address', address(c));
    const entry = await getEntry(c.env.DB, entryId);
    // The same rule as every public route: published and valid today.
    if (!entry || !isPublicOn(entry, shanghaiDay(new Date()))) throw notFound('条目');
    await c.env.DB.prepare('INSERT INTO kb_resolutions (question, entry_id, user_id, channel, at) VALUES (?1, ?2, ?3, ?4, ?5)')
      .bind(question, entryId, user?.id ?? null, channel, new Date().toISOString())
      .run();
    return c.json({ resolved: true }, 201);
  });
