import { env } from 'cloudflare:workers';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { api, expectError, login, type Json } from './helpers';

// Two districts, each with its 政务公开办 and a department; 甲区医保局 has no answerer (its
// questions wait in the unit's pool for its editors).
const UNITS: [string, string, string, string | null][] = [
  ['u_fu_da', '回访测试甲区', 'district', null],
  ['u_fu_da_office', '甲区政务公开办', 'office', 'u_fu_da'],
  ['u_fu_a1', '甲区人社局', 'department', 'u_fu_da'],
  ['u_fu_a2', '甲区医保局', 'department', 'u_fu_da'],
  ['u_fu_db', '回访测试乙区', 'district', null],
  ['u_fu_db_office', '乙区政务公开办', 'office', 'u_fu_db'],
];

beforeAll(async () => {
  await env.DB.batch(
    UNITS.map(([id, name, kind, parent]) =>
      env.DB.prepare('INSERT INTO units (id, name, kind, parent_id) VALUES (?1, ?2, ?3, ?4)').bind(id, name, kind, parent),
    ),
  );
});

afterEach(() => {
  vi.useRealTimers();
});

/** Shanghai wall-clock time as an instant. */
const at = (local: string) => Date.parse(`${local}+08:00`);
const setNow = (local: string) => vi.useFakeTimers({ toFake: ['Date'], now: at(local) });

let people = 0;
/** A resident's question to 甲区人社局, answered by its answerer. */
async function answered(replyText = '第一次答复：携带身份证到窗口办理。') {
  people += 1;
  const resident = await login('resident', undefined, `回访居民${people}`);
  const answerer = await login('answerer', 'u_fu_a1', '人社解答员');
  const q = await api('/api/inquiries', { token: resident, body: { question: `灵活就业人员社保补贴怎么申请？（${people}）`, unitId: 'u_fu_a1', contactName: '王女士', contactPhone: '13800138000' } });
  expect(q.status).toBe(201);
  const replied = await api(`/api/inquiries/${q.body.id}/reply`, { token: answerer, body: { reply: replyText } });
  expect(replied.body.status).toBe('answered');
  return { resident, answerer, id: q.body.id as string };
}

/** …and rated 不满意: a 回访 opens. */
async function unhappy() {
  const a = await answered();
  const rated = await api(`/api/inquiries/${a.id}/rate`, { token: a.resident, body: { rating: '不满意', comment: '没说清楚' } });
  expect(rated.body.status).toBe('closed');
  const row = await env.DB.prepare('SELECT id FROM followups WHERE inquiry_id = ?1').bind(a.id).first<{ id: number }>();
  return { ...a, followupId: row!.id };
}

const types = (events: Json[]) => events.map((e) => e.type);

describe('the 回访 queue', () => {
  it('is seen by an office member who joined after the rating, within the district only', async () => {
    const { followupId, id } = await unhappy();
    people += 1;
    const newcomer = await login('office', 'u_fu_da_office', `新来的公开办${people}`);
    const list = await api('/api/followups?status=open', { token: newcomer });
    expect(list.status).toBe(200);
    const item = list.body.items.find((f: Json) => f.id === followupId);
    expect(item).toMatchObject({ inquiryId: id, rating: '不满意', status: 'open', unitName: '甲区人社局', calls: 0, waitingDays: 0 });
    expect(list.body.counts.open).toBeGreaterThanOrEqual(1);

    const detail = await api(`/api/followups/${followupId}`, { token: newcomer });
    expect(detail.body.inquiry.contact).toEqual({ name: '王女士', phone: '13800138000' });
    expect(detail.body.inquiry.reply).toContain('第一次答复');

    // Another district's office, an editor, an answerer: not theirs.
    const other = await login('office', 'u_fu_db_office', '乙区公开办');
    expect((await api('/api/followups', { token: other })).body.items.map((f: Json) => f.id)).not.toContain(followupId);
    expectError(await api(`/api/followups/${followupId}`, { token: other }), 404, 'not_found');
    expectError(await api(`/api/followups/${followupId}/close`, { token: other, body: { note: '越权' } }), 404, 'not_found');
    expectError(await api(`/api/followups/${followupId}/reopen`, { token: other, body: { reason: '越权' } }), 404, 'not_found');
    expectError(await api('/api/followups', { token: await login('editor', 'u_fu_a1', '人社编辑') }), 403, 'forbidden');
    expectError(await api(`/api/followups/${followupId}`, { token: await login('answerer', 'u_fu_a1', '人社解答员') }), 403, 'forbidden');
    expectError(await api('/api/followups/abc', { token: newcomer }), 400, 'validation');
    expectError(await api('/api/followups/999999', { token: newcomer }), 404, 'not_found');
  });

  it('lists a question not yet given to an answerer for an editor who joined the unit later', async () => {
    people += 1;
    const resident = await login('resident', undefined, `回访居民${people}`);
    const q = await api('/api/inquiries', { token: resident, body: { question: '医保异地备案怎么办？', unitId: 'u_fu_a2' } });
    expect(q.body).toMatchObject({ status: 'submitted', answererId: null });
    const editor = await login('editor', 'u_fu_a2', `后来的医保编辑${people}`);
    const inbox = await api('/api/inquiries?tab=pending', { token: editor });
    expect(inbox.body.items.map((i: Json) => i.id)).toContain(q.body.id);
  });
});

describe('working a 回访', () => {
  it('records calls, closes with a note, each step an event, and counts it done', async () => {
    const { followupId, id, resident } = await unhappy();
    const office = await login('office', 'u_fu_da_office', '回访专员');
    const stats = async () => (await api('/api/stats?unitId=u_fu_a1', { token: office })).body;
    const before = await stats();

    expectError(await api(`/api/followups/${followupId}/calls`, { token: office, body: { reached: true } }), 400, 'validation');
    const first = await api(`/api/followups/${followupId}/calls`, { token: office, body: { reached: false, outcome: '无人接听' } });
    expect(first.status).toBe(200);
    const second = await api(`/api/followups/${followupId}/calls`, { token: office, body: { reached: true, outcome: '居民已理解办理流程' } });
    expect(second.body.callLog.map((c: Json) => [c.reached, c.outcome, c.byName])).toEqual([
      [false, '无人接听', '回访专员'],
      [true, '居民已理解办理流程', '回访专员'],
    ]);
    expect(second.body.calls).toBe(2);

    expectError(await api(`/api/followups/${followupId}/close`, { token: office, body: { note: ' ' } }), 400, 'validation');
    const closed = await api(`/api/followups/${followupId}/close`, { token: office, body: { note: '居民表示满意，结束回访' } });
    expect(closed.body).toMatchObject({ status: 'done', outcome: 'closed', note: '居民表示满意，结束回访', closedByName: '回访专员' });
    expect(closed.body.inquiry.status).toBe('closed');
    expect(types(closed.body.inquiry.events)).toEqual(expect.arrayContaining(['followup_opened', 'followup_call', 'followup_closed']));
    expect(closed.body.inquiry.events.filter((e: Json) => e.type === 'followup_call')).toHaveLength(2);

    // Done: nothing more to do, and the resident never sees the office's notes.
    expectError(await api(`/api/followups/${followupId}/close`, { token: office, body: { note: '再关一次' } }), 409, 'conflict');
    expectError(await api(`/api/followups/${followupId}/calls`, { token: office, body: { reached: true, outcome: '又打一次' } }), 409, 'conflict');
    expectError(await api(`/api/followups/${followupId}/reopen`, { token: office, body: { reason: '晚了' } }), 409, 'conflict');
    const done = await api('/api/followups?status=done', { token: office });
    expect(done.body.items.map((f: Json) => f.id)).toContain(followupId);
    expect((await api('/api/followups?status=open', { token: office })).body.items.map((f: Json) => f.id)).not.toContain(followupId);
    const seen = await api(`/api/inquiries/${id}`, { token: resident });
    expect(types(seen.body.events)).not.toContain('followup_closed');

    const after = await stats();
    expect(after.followupsClosed).toBe(before.followupsClosed + 1);
    expect(after.followupsOpen).toBe(before.followupsOpen - 1);
  });

  it('of two offices closing at once, one wins and the other writes nothing', async () => {
    const { followupId, id } = await unhappy();
    const a = await login('office', 'u_fu_da_office', '公开办甲');
    const b = await login('office', 'u_fu_da_office', '公开办乙');
    const results = await Promise.all([
      api(`/api/followups/${followupId}/close`, { token: a, body: { note: '甲结束' } }),
      api(`/api/followups/${followupId}/reopen`, { token: b, body: { reason: '乙退回' } }),
      api(`/api/followups/${followupId}/close`, { token: b, body: { note: '乙结束' } }),
    ]);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409]);
    const events = await env.DB.prepare(
      "SELECT type FROM inquiry_events WHERE inquiry_id = ?1 AND type IN ('followup_closed', 'followup_reopened', 'reopened')",
    )
      .bind(id)
      .all<{ type: string }>();
    const winner = results.find((r) => r.status === 200)!;
    expect(events.results.map((e) => e.type)).toEqual(winner.body.outcome === 'closed' ? ['followup_closed'] : ['followup_reopened', 'reopened']);
  });

  it('reopens to the unit, due 5 working days from the reopening across the National Day holiday, and the unit answers again', async () => {
    // Asked and answered on Monday 22 September (due 29th); reopened on Friday 26th: Sunday 28th
    // is an adjusted workday, 1–8 October a holiday.
    setNow('2025-09-22T10:00:00');
    const { followupId, id, answerer, resident } = await unhappy();
    setNow('2025-09-26T10:00:00');
    const office = await login('office', 'u_fu_da_office', '回访专员');
    expectError(await api(`/api/followups/${followupId}/reopen`, { token: office, body: {} }), 400, 'validation');
    const reopened = await api(`/api/followups/${followupId}/reopen`, { token: office, body: { reason: '答复未说明申领材料，请补充答复' } });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ status: 'done', outcome: 'reopened', note: '答复未说明申领材料，请补充答复' });
    // 28 Sep (调休) 1, 29th 2, 30th 3, 9 Oct 4, 10 Oct 5.
    expect(reopened.body.inquiry).toMatchObject({ status: 'assigned', dueAt: new Date(at('2025-10-10T23:59:59')).toISOString(), reopenedAt: new Date(at('2025-09-26T10:00:00')).toISOString() });
    expect(types(reopened.body.inquiry.events).slice(-2)).toEqual(['followup_reopened', 'reopened']);
    const reasonEvent = reopened.body.inquiry.events.find((e: Json) => e.type === 'followup_reopened');
    expect(reasonEvent.data.reason).toBe('答复未说明申领材料，请补充答复');

    // The calendar saved again recomputes open deadlines: this one still counts from its reopening.
    const year = (await api('/api/calendar/years/2025')).body;
    const saved = await api('/api/calendar/years/2025', { method: 'PUT', token: office, body: { holidays: year.holidays, workdays: year.workdays } });
    expect(saved.status).toBe(200);
    expect((await api(`/api/inquiries/${id}`, { token: office })).body.dueAt).toBe(new Date(at('2025-10-10T23:59:59')).toISOString());

    // The unit's answerer hears of it and finds it due again in the inbox.
    const notes = await api('/api/notifications', { token: answerer });
    expect(notes.body.items.find((n: Json) => n.inquiryId === id && n.kind === 'reopened')).toBeTruthy();
    const inbox = await api('/api/inquiries?tab=pending', { token: answerer });
    expect(inbox.body.items.find((i: Json) => i.id === id)).toMatchObject({ status: 'assigned', workingDaysLeft: 5 });

    // The resident sees it is being answered again, not why the office said so.
    const seen = await api(`/api/inquiries/${id}`, { token: resident });
    expect(types(seen.body.events)).toContain('reopened');
    expect(types(seen.body.events)).not.toContain('followup_reopened');

    const again = await api(`/api/inquiries/${id}/reply`, { token: answerer, body: { reply: '第二次答复：需要身份证、社保卡和灵活就业登记证明。' } });
    expect(again.body.status).toBe('answered');
    const timeline = (await api(`/api/inquiries/${id}`, { token: resident })).body;
    expect(timeline.events.filter((e: Json) => e.type === 'replied').map((e: Json) => e.data.reply)).toEqual([
      '第一次答复：携带身份证到窗口办理。',
      '第二次答复：需要身份证、社保卡和灵活就业登记证明。',
    ]);
    expect((await api('/api/notifications', { token: resident })).body.items.filter((n: Json) => n.inquiryId === id && n.kind === 'replied')).toHaveLength(2);

    // Rated low again: the same 回访 opens again.
    await api(`/api/inquiries/${id}/rate`, { token: resident, body: { rating: '非常不满意' } });
    expect(await env.DB.prepare('SELECT rating, status, outcome FROM followups WHERE inquiry_id = ?1').bind(id).all()).toMatchObject({
      results: [{ rating: '非常不满意', status: 'open', outcome: null }],
    });
  });
});

describe('追问', () => {
  const ask = (token: string, id: string, question = '那么灵活就业登记证明去哪里开？') =>
    api(`/api/inquiries/${id}/followup-question`, { token, body: { question } });

  it('sends the inquiry back to its unit once, due 5 working days later, on the same timeline', async () => {
    setNow('2025-09-26T10:00:00');
    const { id, resident, answerer } = await answered();
    const view = (await api(`/api/inquiries/${id}`, { token: resident })).body;
    expect(view.followupQuestionUntil).toBe(new Date(at('2025-10-11T23:59:59')).toISOString());

    expectError(await ask(resident, id, ''), 400, 'validation');
    expectError(await ask(answerer, id), 403, 'forbidden');
    expectError(await ask(await login('resident', undefined, '隔壁居民'), id), 404, 'not_found');

    const asked = await ask(resident, id);
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({ status: 'assigned', dueAt: new Date(at('2025-10-10T23:59:59')).toISOString(), followupQuestionUntil: null });
    const event = (await api(`/api/inquiries/${id}`, { token: resident })).body.events.at(-1);
    expect(event).toMatchObject({ type: 'followup_question', data: { question: '那么灵活就业登记证明去哪里开？' } });
    expect((await api('/api/notifications', { token: answerer })).body.items.find((n: Json) => n.inquiryId === id && n.kind === 'followup_question')).toBeTruthy();

    // Still asked: a second 追问 is refused, before and after the unit answers it.
    expectError(await ask(resident, id, '还有一个问题'), 409, 'conflict');
    const second = await api(`/api/inquiries/${id}/reply`, { token: answerer, body: { reply: '到社区服务中心开具。' } });
    expect(second.body.status).toBe('answered');
    expectError(await ask(resident, id, '还有一个问题'), 409, 'conflict');
    const timeline = (await api(`/api/inquiries/${id}`, { token: resident })).body.events;
    expect(types(timeline).filter((t: string) => ['replied', 'followup_question'].includes(t))).toEqual(['replied', 'followup_question', 'replied']);
  });

  it('is refused before any reply and from the 16th day after it', async () => {
    people += 1;
    const resident = await login('resident', undefined, `回访居民${people}`);
    const open = await api('/api/inquiries', { token: resident, body: { question: '还没答复的问题', unitId: 'u_fu_a1' } });
    expectError(await ask(resident, open.body.id), 409, 'conflict');

    setNow('2025-11-03T10:00:00');
    const late = await answered();
    const inTime = await answered();
    // The 15th day after the reply's day, to its last second, is still in time; the 16th is not.
    setNow('2025-11-18T23:59:00');
    expect((await ask(inTime.resident, inTime.id)).status).toBe(200);
    setNow('2025-11-19T00:00:01');
    const refused = await ask(late.resident, late.id);
    expectError(refused, 409, 'conflict');
    expect(refused.body.error.message).toContain('15 天');
    expect((await api(`/api/inquiries/${late.id}`, { token: late.resident })).body.followupQuestionUntil).toBeNull();
  });

  it('works on an inquiry the resident already rated', async () => {
    const { id, resident } = await answered();
    await api(`/api/inquiries/${id}/rate`, { token: resident, body: { rating: '基本满意' } });
    const asked = await ask(resident, id);
    expect(asked.body).toMatchObject({ status: 'assigned', followupQuestionAt: expect.any(String) });
  });
});
