import { Hono, type Context } from 'hono';
import { nextStatus } from '../../shared/inquiry/states';
import {
  followupCallInput,
  followupCloseInput,
  followupIdParam,
  followupListQuery,
  followupReopenInput,
  type FollowupDetail,
  type FollowupPage,
} from '../../shared/schemas/followup';
import { loadOverrides } from '../db/calendar';
import { callStatement, finishStatement, followupItem, getFollowup, listCalls, listFollowups, type FollowupRow } from '../db/followups';
import { applyChange, getInquiry, listEvents, type InquiryChanges, type InquiryRow, type NewEvent, type NewMessage } from '../db/inquiries';
import type { AppEnv, SessionUser } from '../env';
import { currentUser, requireRole } from '../lib/auth';
import { ApiError, notFound } from '../lib/errors';
import { validate } from '../lib/validate';
import { deliverSoon } from '../jobs/deliver';
import { messages } from '../rules/inquiry-messages';
import { inquiryView } from '../rules/inquiry-view';
import { sendBack } from '../rules/reopen';

const office = requireRole('office');

/** A 回访 of the caller's jurisdiction with its inquiry; another district's answers 404, as if it did not exist. */
async function load(c: Context<AppEnv>, id: number): Promise<{ f: FollowupRow; row: InquiryRow; user: SessionUser }> {
  const user = currentUser(c);
  const f = await getFollowup(c.env.DB, id);
  if (!f || f.unit_id === null || !user.units.includes(f.unit_id)) throw notFound('回访');
  const row = await getInquiry(c.env.DB, f.inquiry_id);
  if (!row) throw notFound('回访');
  return { f, row, user };
}

async function detail(c: Context<AppEnv>, id: number): Promise<FollowupDetail> {
  const { f, row, user } = await load(c, id);
  const db = c.env.DB;
  const now = new Date();
  const [callLog, events, overrides] = await Promise.all([listCalls(db, f.id), listEvents(db, row.id, false), loadOverrides(db)]);
  return { ...followupItem(f, now), note: f.note, closedByName: f.closed_by_name, callLog, inquiry: inquiryView(row, user, now, overrides, events) };
}

/**
 * One step of a 回访, written as a change of its inquiry: the ledger event, the 回访's own rows
 * and the version bump land together or not at all, so of two offices closing (or reopening) the
 * same 回访 at once, the second writes nothing and gets 409.
 */
async function step(
  c: Context<AppEnv>,
  id: number,
  build: (f: FollowupRow, row: InquiryRow, user: SessionUser, now: Date) => Promise<{ changes: InquiryChanges; events: NewEvent[]; messages?: NewMessage[]; extra: D1PreparedStatement[] }>,
) {
  const { f, row, user } = await load(c, id);
  if (f.status !== 'open') throw new ApiError('conflict', '该回访已结束');
  const now = new Date();
  const change = await build(f, row, user, now);
  const ok = await applyChange(c.env.DB, row, change.changes, change.events, change.messages ?? [], now.toISOString(), change.extra);
  if (!ok) throw new ApiError('conflict', '该回访刚被他人处理过，请刷新后再试');
  deliverSoon(c);
  return c.json(await detail(c, id));
}

export const followupRoutes = new Hono<AppEnv>()
  /** The office's 回访 queue: every one of its jurisdiction, whoever was in the office when it opened. */
  .get('/followups', office, validate('query', followupListQuery), async (c) => {
    const user = currentUser(c);
    const { status, limit, offset } = c.req.valid('query');
    const { rows, total, counts } = await listFollowups(c.env.DB, { unitIds: user.units, status, limit, offset });
    const now = new Date();
    return c.json({ items: rows.map((r) => followupItem(r, now)), total, counts } satisfies FollowupPage);
  })

  .get('/followups/:id', office, validate('param', followupIdParam), async (c) => c.json(await detail(c, c.req.valid('param').id)))

  .post('/followups/:id/calls', office, validate('param', followupIdParam), validate('json', followupCallInput), (c) =>
    step(c, c.req.valid('param').id, async (f, row, user, now) => {
      const { reached, outcome } = c.req.valid('json');
      return {
        changes: {},
        events: [{ type: 'followup_call', public: false, actor: user, data: { reached, outcome } }],
        extra: [callStatement(c.env.DB, { followupId: f.id, inquiryId: row.id, version: row.version, at: now.toISOString(), byId: user.id, reached, outcome })],
      };
    }),
  )

  .post('/followups/:id/close', office, validate('param', followupIdParam), validate('json', followupCloseInput), (c) =>
    step(c, c.req.valid('param').id, async (f, row, user, now) => {
      const { note } = c.req.valid('json');
      return {
        changes: {},
        events: [{ type: 'followup_closed', public: false, actor: user, data: { note } }],
        extra: [finishStatement(c.env.DB, { followupId: f.id, inquiryId: row.id, version: row.version, at: now.toISOString(), byId: user.id, outcome: 'closed', note })],
      };
    }),
  )

  /** 退回重办: the inquiry goes back to its unit, due 5 working days from now; the 回访 ends with the reason. */
  .post('/followups/:id/reopen', office, validate('param', followupIdParam), validate('json', followupReopenInput), (c) =>
    step(c, c.req.valid('param').id, async (f, row, user, now) => {
      const { reason } = c.req.valid('json');
      const next = nextStatus(row.status, 'reopen');
      if (!next.ok) throw new ApiError('conflict', `${next.message}（已在单位办理中）`);
      const back = await sendBack(c.env.DB, row, now, await loadOverrides(c.env.DB));
      return {
        changes: back.changes,
        events: [
          // The reason is the office's note to the unit; the resident sees that it is being answered again and by when.
          { type: 'followup_reopened', public: false, actor: user, data: { reason } },
          { type: 'reopened', public: true, actor: user, data: { dueAt: back.dueAt, unitName: row.unit_name, answererName: back.answerer?.name ?? null } },
        ],
        messages: back.notify.map((u) => messages.reopened(u, row, back.dueAt)),
        extra: [finishStatement(c.env.DB, { followupId: f.id, inquiryId: row.id, version: row.version, at: now.toISOString(), byId: user.id, outcome: 'reopened', note: reason })],
      };
    }),
  );

