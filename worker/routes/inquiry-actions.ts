import { Hono, type Context } from 'hono';
import { needsFollowup, nextStatus, type InquiryAction } from '../../shared/inquiry/states';
import { idParam } from '../../shared/schemas/common';
import { followupQuestionRefusal } from '../../shared/inquiry/followup';
import { followupQuestionInput } from '../../shared/schemas/followup';
import { assignInput, classifyInput, messageInput, rateInput, replyInput, transferInput } from '../../shared/schemas/inquiry';
import { loadOverrides } from '../db/calendar';
import {
  applyChange,
  getInquiry,
  leastBusyAnswerer,
  type InquiryChanges,
  type InquiryRow,
  type NewEvent,
  type NewMessage,
  whoHandles,
} from '../db/inquiries';
import { openFollowupStatement } from '../db/followups';
import { getActiveUnit, officeStaffFor } from '../db/units';
import { getAnswerer } from '../db/users';
import type { AppEnv, SessionUser } from '../env';
import { currentUser, requireRole } from '../lib/auth';
import { ApiError, forbidden, notFound, unknownUnit } from '../lib/errors';
import { validate } from '../lib/validate';
import { deliverSoon } from '../jobs/deliver';
import { replyDeadline, stoppedWorkingDays } from '../rules/deadline';
import { canHandle, canSee } from '../rules/inquiry-access';
import { messages } from '../rules/inquiry-messages';
import { inquiryView } from '../rules/inquiry-view';
import { sendBack } from '../rules/reopen';

type Change = {
  changes: InquiryChanges;
  events: NewEvent[];
  messages?: NewMessage[];
  extra?: (db: D1Database) => D1PreparedStatement[];
};

/**
 * Loads the inquiry, checks who may act and whether the state allows it, writes the change
 * with its ledger events atomically, and answers with the updated inquiry.
 */
async function act(
  c: Context<AppEnv>,
  id: string,
  action: InquiryAction,
  who: 'staff' | 'resident',
  build: (row: InquiryRow, user: SessionUser, now: Date) => Promise<Change> | Change,
) {
  const user = currentUser(c);
  const db = c.env.DB;
  const row = await getInquiry(db, id);
  if (!row || !canSee(user, row)) throw notFound('咨询');
  const allowed = who === 'staff' ? canHandle(user, row) : user.role === 'resident' && row.resident_id === user.id;
  if (!allowed) throw forbidden(who === 'staff' ? '只有承办单位的工作人员可以办理' : '只有提问的居民本人可以操作');
  const next = nextStatus(row.status, action);
  if (!next.ok) throw new ApiError('conflict', next.message);
  const now = new Date();
  const change = await build(row, user, now);
  const ok = await applyChange(
    db,
    row,
    { status: next.status, ...change.changes },
    change.events,
    change.messages ?? [],
    now.toISOString(),
    change.extra?.(db),
  );
  if (!ok) throw new ApiError('conflict', '该咨询刚被他人处理过，请刷新后再试');
  deliverSoon(c);
  const saved = (await getInquiry(db, id))!;
  return c.json(inquiryView(saved, user, now, await loadOverrides(db)));
}

const staff = requireRole('answerer', 'editor', 'office');
const resident = requireRole('resident');

export const inquiryActionRoutes = new Hono<AppEnv>()
  .post('/inquiries/:id/reply', staff, validate('param', idParam), validate('json', replyInput), (c) =>
    act(c, c.req.valid('param').id, 'reply', 'staff', (row, user, now) => ({
      changes: { reply: c.req.valid('json').reply, replied_at: now.toISOString(), replied_by: user.id },
      // The text goes in the ledger too: after a 追问 or a reopening the timeline holds both replies.
      events: [{ type: 'replied', public: true, actor: user, data: { onTime: now.toISOString() <= row.due_at, reply: c.req.valid('json').reply } }],
      messages: row.resident_id ? [messages.replied(row.resident_id, row)] : [],
    })),
  )

  .post('/inquiries/:id/clarify', staff, validate('param', idParam), validate('json', messageInput), (c) =>
    act(c, c.req.valid('param').id, 'clarify', 'staff', (row, user, now) => {
      // A question logged on a resident's behalf has no one in the app to answer the request.
      if (!row.resident_id) throw new ApiError('conflict', '该咨询由工作人员代为登记，请直接联系居民补充');
      return {
        changes: { paused_at: now.toISOString() },
        events: [{ type: 'clarification_requested', public: true, actor: user, data: { message: c.req.valid('json').message } }],
        messages: [messages.clarify(row.resident_id, row, row.version)],
      };
    }),
  )

  .post('/inquiries/:id/supplement', resident, validate('param', idParam), validate('json', messageInput), (c) =>
    act(c, c.req.valid('param').id, 'supplement', 'resident', async (row, user, now) => {
      const overrides = await loadOverrides(c.env.DB);
      const stopped = stoppedWorkingDays(row.paused_at ?? now.toISOString(), now, overrides);
      const stoppedDays = row.stopped_days + stopped;
      const due = replyDeadline({ receivedAt: row.received_at, simple: row.simple === 1, stoppedDays, reopenedAt: row.reopened_at }, overrides);
      const notify = await whoHandles(c.env.DB, row.unit_id, row.answerer_id);
      return {
        changes: {
          ...(row.answerer_id ? {} : { status: 'submitted' as const }),
          paused_at: null,
          stopped_days: stoppedDays,
          due_at: due.dueAt,
          due_provisional: due.provisional ? 1 : 0,
        },
        events: [
          {
            type: 'supplemented',
            public: true,
            actor: user,
            data: { message: c.req.valid('json').message, stoppedDays: stopped, dueAt: due.dueAt },
          },
        ],
        messages: notify.map((u) => messages.supplemented(u, row, row.version)),
      };
    }),
  )

  .post('/inquiries/:id/transfer', staff, validate('param', idParam), validate('json', transferInput), (c) =>
    act(c, c.req.valid('param').id, 'transfer', 'staff', async (row, user) => {
      const { unitId, reason } = c.req.valid('json');
      const unit = await getActiveUnit(c.env.DB, unitId);
      if (!unit) throw unknownUnit(unitId);
      if (unit.id === row.unit_id) throw new ApiError('validation', '已在该单位办理，无需转办', [{ path: 'unitId', message: '不能转给本单位' }]);
      const answerer = await leastBusyAnswerer(c.env.DB, unit.id);
      const notify = await whoHandles(c.env.DB, unit.id, answerer?.id ?? null);
      // The deadline belongs to the resident: a transfer does not restart it.
      return {
        changes: { unit_id: unit.id, answerer_id: answerer?.id ?? null, ...(answerer ? {} : { status: 'submitted' as const }) },
        events: [
          {
            type: 'transferred',
            public: true,
            actor: user,
            data: { fromUnitId: row.unit_id, fromUnitName: row.unit_name, unitId: unit.id, unitName: unit.name, reason, answererName: answerer?.name ?? null },
          },
        ],
        messages: notify.map((u) => messages.assigned(u, row, row.version)),
      };
    }),
  )

  /** An editor (or the office) hands the inquiry to a named answerer of the unit. */
  .post('/inquiries/:id/assign', requireRole('editor', 'office'), validate('param', idParam), validate('json', assignInput), (c) =>
    act(c, c.req.valid('param').id, 'assign', 'staff', async (row, user) => {
      const a = await getAnswerer(c.env.DB, c.req.valid('json').answererId);
      if (!a || (row.unit_id !== null && a.unit_id !== row.unit_id)) {
        throw new ApiError('validation', '只能分派给承办单位的政策解答员', [{ path: 'answererId', message: '不是承办单位的政策解答员' }]);
      }
      if (a.id === row.answerer_id) throw new ApiError('conflict', '该咨询已由这位解答员办理');
      return {
        changes: { unit_id: a.unit_id, answerer_id: a.id },
        events: [{ type: 'assigned', public: true, actor: user, data: { unitId: a.unit_id, answererName: a.name } }],
        messages: [messages.assigned(a.id, row, row.version)],
      };
    }),
  )

  .post('/inquiries/:id/classify', staff, validate('param', idParam), validate('json', classifyInput), (c) =>
    act(c, c.req.valid('param').id, 'classify', 'staff', async (row, user) => {
      const { simple } = c.req.valid('json');
      if ((row.simple === 1) === simple) throw new ApiError('conflict', simple ? '已标记为简单问题' : '未标记为简单问题');
      const due = replyDeadline(
        { receivedAt: row.received_at, simple, stoppedDays: row.stopped_days, reopenedAt: row.reopened_at },
        await loadOverrides(c.env.DB),
      );
      return {
        changes: { simple: simple ? 1 : 0, due_at: due.dueAt, due_provisional: due.provisional ? 1 : 0 },
        events: [{ type: 'classified', public: true, actor: user, data: { simple, dueAt: due.dueAt } }],
      };
    }),
  )

  .post('/inquiries/:id/withdraw', resident, validate('param', idParam), (c) =>
    act(c, c.req.valid('param').id, 'withdraw', 'resident', (_row, user) => ({
      changes: { paused_at: null },
      events: [{ type: 'withdrawn', public: true, actor: user }],
    })),
  )

  .post('/inquiries/:id/rate', resident, validate('param', idParam), validate('json', rateInput), (c) =>
    act(c, c.req.valid('param').id, 'rate', 'resident', async (row, user, now) => {
      const { rating, comment } = c.req.valid('json');
      const followup = needsFollowup(rating);
      const office = followup ? await officeStaffFor(c.env.DB, row.unit_id) : [];
      return {
        changes: { rating, rated_at: now.toISOString() },
        events: [
          { type: 'rated', public: true, actor: user, data: { rating, comment: comment ?? null } },
          ...(followup ? [{ type: 'followup_opened', public: false, actor: null }] : []),
        ],
        messages: office.map((u) => messages.followup(u, row, rating)),
        extra: (db) => (followup ? [openFollowupStatement(db, { inquiryId: row.id, version: row.version, rating, at: now.toISOString() })] : []),
      };
    }),
  )

  /** 追问: the resident's one follow-up question on the reply, on the same ticket; the unit answers it afresh. */
  .post('/inquiries/:id/followup-question', resident, validate('param', idParam), validate('json', followupQuestionInput), (c) =>
    act(c, c.req.valid('param').id, 'followup_question', 'resident', async (row, user, now) => {
      const refused = followupQuestionRefusal({ status: row.status, repliedAt: row.replied_at, followupQuestionAt: row.followup_question_at }, now);
      if (refused) throw new ApiError('conflict', refused);
      const back = await sendBack(c.env.DB, row, now, await loadOverrides(c.env.DB));
      return {
        changes: { ...back.changes, followup_question_at: now.toISOString() },
        events: [
          {
            type: 'followup_question',
            public: true,
            actor: user,
            data: { question: c.req.valid('json').question, dueAt: back.dueAt, answererName: back.answerer?.name ?? null },
          },
        ],
        messages: back.notify.map((u) => messages.followupQuestion(u, row, back.dueAt)),
      };
    }),
  );
