import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, expectError, login, type Json } from './helpers';

// A city with two districts, each with its 政务公开办; the period is September 2025, whose last
// Sunday (09-28) is an adjusted workday before the National Day holiday.
const UNITS: [string, string, string, string | null][] = [
  ['u_st_city', '统计测试市', 'city', null],
  ['u_st_city_office', '统计测试市政务公开办', 'office', 'u_st_city'],
  ['u_st_da', '统计测试甲区', 'district', 'u_st_city'],
  ['u_st_da_office', '甲区政务公开办', 'office', 'u_st_da'],
  ['u_st_a1', '甲区人社局', 'department', 'u_st_da'],
  ['u_st_a2', '甲区医保局', 'department', 'u_st_da'],
  ['u_st_db', '统计测试乙区', 'district', 'u_st_city'],
  ['u_st_db_office', '乙区政务公开办', 'office', 'u_st_db'],
  ['u_st_b1', '乙区人社局', 'department', 'u_st_db'],
];

/** Shanghai wall-clock time as the ISO instant the database stores. */
const at = (local: string) => new Date(`${local}+08:00`).toISOString();

type Seed = {
  id: string;
  unit: string | null;
  channel?: string;
  received: string;
  due: string;
  status: string;
  replied?: string;
  rating?: string;
  rated?: string;
  stopped?: number;
};

async function seed() {
  const db = env.DB;
  const rows: D1PreparedStatement[] = UNITS.map(([id, name, kind, parent]) =>
    db.prepare('INSERT INTO units (id, name, kind, parent_id) VALUES (?1, ?2, ?3, ?4)').bind(id, name, kind, parent),
  );
  const inquiry = (s: Seed) =>
    db
      .prepare(
        `INSERT INTO inquiries (id, ticket, channel, question, unit_id, status, received_at, due_at, replied_at, rating, rated_at,
           stopped_days, created_by, created_at)
         VALUES (?1, ?1, ?2, '测试咨询', ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'seed', ?5)`,
      )
      .bind(s.id, s.channel ?? 'miniprogram', s.unit, s.status, at(s.received), at(s.due), s.replied ? at(s.replied) : null, s.rating ?? null, s.rated ? at(s.rated) : null, s.stopped ?? 0);
  const event = (inquiryId: string, type: string, when: string, data: Json = {}) =>
    db
      .prepare('INSERT INTO inquiry_events (inquiry_id, at, type, public, data) VALUES (?1, ?2, ?3, 1, ?4)')
      .bind(inquiryId, at(when), type, JSON.stringify(data));
  const replied = (id: string, when: string, onTime: boolean) => event(id, 'replied', when, { onTime });
  const due = '2025-09-08T23:59:59';
  rows.push(
    // 2 working days (09-02, 09-03), on time; 满意.
    inquiry({ id: 'st_q1', unit: 'u_st_a1', received: '2025-09-01T10:00:00', due, status: 'closed', replied: '2025-09-03T10:00:00', rating: '满意', rated: '2025-09-04T10:00:00' }),
    replied('st_q1', '2025-09-03T10:00:00', true),
    // Late: 7 working days; 不满意 opens a 回访 that is still open.
    inquiry({ id: 'st_q2', unit: 'u_st_a1', channel: 'hotline', received: '2025-09-01T11:00:00', due, status: 'closed', replied: '2025-09-10T10:00:00', rating: '不满意', rated: '2025-09-11T10:00:00' }),
    replied('st_q2', '2025-09-10T10:00:00', false),
    // Open and overdue: counts against the on-time rate.
    inquiry({ id: 'st_q3', unit: 'u_st_a1', channel: 'phone', received: '2025-09-02T10:00:00', due: '2025-09-09T23:59:59', status: 'assigned' }),
    // The clock stopped (awaiting the resident) past the old deadline: never overdue.
    inquiry({ id: 'st_q4', unit: 'u_st_a1', channel: 'mailbox', received: '2025-09-22T10:00:00', due: '2025-09-29T23:59:59', status: 'awaiting_resident' }),
    event('st_q4', 'clarification_requested', '2025-09-23T10:00:00'),
    // Transferred from 医保局 on a Friday; replied on Tuesday 09-30: 09-28 (调休), 09-29, 09-30 = 3.
    inquiry({ id: 'st_q5', unit: 'u_st_a1', channel: 'window', received: '2025-09-26T10:00:00', due: '2025-10-10T23:59:59', status: 'answered', replied: '2025-09-30T10:00:00' }),
    event('st_q5', 'transferred', '2025-09-26T15:00:00', { fromUnitId: 'u_st_a2', unitId: 'u_st_a1' }),
    replied('st_q5', '2025-09-30T10:00:00', true),
    // A clarification that stopped the clock for 2 working days: 4 days elapsed, 2 counted.
    inquiry({ id: 'st_q6', unit: 'u_st_a1', received: '2025-09-15T10:00:00', due: '2025-09-24T23:59:59', status: 'answered', replied: '2025-09-19T10:00:00', stopped: 2 }),
    event('st_q6', 'clarification_requested', '2025-09-16T10:00:00'),
    event('st_q6', 'supplemented', '2025-09-18T10:00:00', { stoppedDays: 2 }),
    replied('st_q6', '2025-09-19T10:00:00', true),
    // Received in August, replied in September: a reply of the period, not a question of it (3 days); 非常不满意, 回访 done.
    inquiry({ id: 'st_q7', unit: 'u_st_a1', received: '2025-08-28T10:00:00', due: '2025-09-04T23:59:59', status: 'closed', replied: '2025-09-02T10:00:00', rating: '非常不满意', rated: '2025-09-05T10:00:00' }),
    replied('st_q7', '2025-09-02T10:00:00', true),
    // After the period.
    inquiry({ id: 'st_q8', unit: 'u_st_a1', received: '2025-10-09T10:00:00', due: '2025-10-16T23:59:59', status: 'assigned' }),
    // The other district.
    inquiry({ id: 'st_q9', unit: 'u_st_b1', received: '2025-09-10T10:00:00', due: '2025-09-17T23:59:59', status: 'answered', replied: '2025-09-11T10:00:00' }),
    replied('st_q9', '2025-09-11T10:00:00', true),
    // Not yet routed to any unit, overdue: the offices' own.
    inquiry({ id: 'st_q10', unit: null, received: '2025-09-03T10:00:00', due: '2025-09-10T23:59:59', status: 'submitted' }),
    db.prepare("INSERT INTO followups (inquiry_id, rating, status, created_at) VALUES ('st_q2', '不满意', 'open', ?1)").bind(at('2025-09-11T10:00:00')),
    db.prepare("INSERT INTO followups (inquiry_id, rating, status, created_at) VALUES ('st_q7', '非常不满意', 'done', ?1)").bind(at('2025-09-05T10:00:00')),
  );
  const entry = (id: string, unit: string, over: string) =>
    db
      .prepare(
        `INSERT INTO faq_entries (id, question, answer, topic, unit_id, status, created_at, updated_at${over ? `, ${over.split('=')[0]}` : ''})
         VALUES (?1, '统计测试问题', '答复', '社保', ?2, 'published', '2025-01-01', '2025-01-01'${over ? `, '${over.split('=')[1]}'` : ''})`,
      )
      .bind(id, unit);
  rows.push(
    entry('st_e1', 'u_st_a1', ''),
    entry('st_e2', 'u_st_a2', 'review_flagged_at=2025-09-01T00:00:00.000Z'),
    entry('st_e3', 'u_st_a2', 'valid_until=2020-12-31'),
    ...['2025-09-05T09:00:00', '2025-09-20T09:00:00', '2025-10-02T09:00:00'].map((when) =>
      db.prepare("INSERT INTO kb_resolutions (question, entry_id, at) VALUES ('社保卡怎么办', 'st_e1', ?1)").bind(at(when)),
    ),
    // 医保局 names an answerer with a work phone: no roster gap there.
    db.prepare("INSERT INTO users (id, role, unit_id, name, work_phone, created_at) VALUES ('st_ans_a2', 'answerer', 'u_st_a2', '李解答', '010-12345678', '2025-01-01')"),
    // 人社局: one of its two policies needing an interpretation has one.
    ...['st_p1', 'st_p2'].map((id) =>
      db
        .prepare("INSERT INTO policies (id, title, unit_id, type, status, created_at, updated_at) VALUES (?1, ?1, 'u_st_a1', '行政规范性文件', 'published', '2025-01-01', '2025-01-01')")
        .bind(id),
    ),
    db.prepare(
      "INSERT INTO interpretations (id, policy_id, form, title, unit_id, status, created_at, updated_at) VALUES ('st_i1', 'st_p1', '文字解读', '解读', 'u_st_a1', 'published', '2025-01-01', '2025-01-01')",
    ),
  );
  await db.batch(rows);
}

const SEPTEMBER = 'from=2025-09-01&to=2025-09-30';
const stats = (token: string, query = SEPTEMBER) => api(`/api/stats?${query}`, { token });
const unitRow = (body: Json, unitId: string | null) => (body.byUnit as Json[]).find((u) => u.unitId === unitId)!;

beforeAll(seed);

describe('the figures of a period', () => {
  it('counts every figure of a unit on rows with a known answer', async () => {
    const office = await login('office', 'u_st_da_office');
    const res = await stats(office, `${SEPTEMBER}&unitId=u_st_a1`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      from: '2025-09-01',
      to: '2025-09-30',
      unitId: 'u_st_a1',
      received: 6,
      byChannel: { miniprogram: 2, hotline: 1, phone: 1, mailbox: 1, window: 1 },
      replied: 5,
      repliedOnTime: 4,
      // The open overdue inquiry counts against the rate; the stopped clock does not.
      openOverdue: 1,
      onTimeRate: 4 / 6,
      // 2, 7, 3 (across the 调休 Sunday), 2 (4 less the 2 stopped), 3.
      replyDaysAverage: 3.4,
      replyDaysP90: 7,
      clarifications: 2,
      transfers: 0,
      kbResolved: 2,
      kbRate: 2 / 8,
      rated: 3,
      satisfaction: { 非常满意: 0, 满意: 1, 基本满意: 0, 不满意: 1, 非常不满意: 1 },
      satisfactionRate: 1 / 3,
      followupsOpen: 1,
      followupsClosed: 1,
      policiesNeedingInterpretation: 2,
      policiesInterpreted: 1,
      interpretationRate: 0.5,
      rosterGaps: 1,
      entriesFlagged: 0,
      entriesExpired: 0,
    });
    expect(res.body.byUnit.map((u: Json) => u.unitId)).toEqual(['u_st_a1']);
    expect(unitRow(res.body, 'u_st_a1')).toMatchObject({ unitName: '甲区人社局', kind: 'department', received: 6, onTimeRate: 4 / 6 });
  });

  it('counts a transfer against the unit that handed it on, and the knowledge base’s review debts against the entry’s unit', async () => {
    const res = await stats(await login('office', 'u_st_da_office'), `${SEPTEMBER}&unitId=u_st_a2`);
    expect(res.body).toMatchObject({
      received: 0,
      transfers: 1,
      entriesFlagged: 1,
      entriesExpired: 1,
      rosterGaps: 0,
      onTimeRate: null,
      kbRate: null,
      replyDaysAverage: null,
      interpretationRate: null,
    });
  });

  it('gives a district’s office its district and the unrouted questions, with a row per unit', async () => {
    const res = await stats(await login('office', 'u_st_da_office'));
    expect(res.status).toBe(200);
    // 人社局's six and the unrouted one; 乙区 is not theirs.
    expect(res.body).toMatchObject({ received: 7, replied: 5, repliedOnTime: 4, openOverdue: 2, onTimeRate: 4 / 7, transfers: 1 });
    // 人社局 has no answerer, nor has the office's own unit.
    expect(res.body.rosterGaps).toBe(2);
    expect(res.body.byUnit.map((u: Json) => u.unitId).sort()).toEqual(['u_st_a1', 'u_st_a2', 'u_st_da', 'u_st_da_office', null].sort());
    expect(unitRow(res.body, null)).toMatchObject({ unitName: '未分派', received: 1, openOverdue: 1 });
    expect(unitRow(res.body, 'u_st_a2')).toMatchObject({ transfers: 1, received: 0 });
  });

  it('gives a city’s office every district of the city', async () => {
    const res = await stats(await login('office', 'u_st_city_office'));
    expect(res.body).toMatchObject({ received: 8, replied: 6, repliedOnTime: 5 });
    expect(unitRow(res.body, 'u_st_b1')).toMatchObject({ received: 1, replied: 1, replyDaysAverage: 1 });
    // A district office cannot look into the other district.
    expectError(await stats(await login('office', 'u_st_db_office'), `${SEPTEMBER}&unitId=u_st_a1`), 403, 'forbidden');
    expect((await stats(await login('office', 'u_st_db_office'))).body.received).toBe(2);
  });

  it('limits an editor to their own unit', async () => {
    const editor = await login('editor', 'u_st_a1');
    const own = await stats(editor);
    expect(own.body).toMatchObject({ received: 6, openOverdue: 1, unitId: null });
    expect(own.body.byUnit.map((u: Json) => u.unitId)).toEqual(['u_st_a1']);
    expect((await stats(editor, `${SEPTEMBER}&unitId=u_st_a1`)).body.received).toBe(6);
    expectError(await stats(editor, `${SEPTEMBER}&unitId=u_st_a2`), 403, 'forbidden');
  });

  it('filters by the period: received, replied and overdue as of its end', async () => {
    const res = await stats(await login('office', 'u_st_da_office'), 'from=2025-09-01&to=2025-09-15&unitId=u_st_a1');
    // Received 09-01, 09-01, 09-02, 09-15; replied 09-02, 09-03, 09-10; 09-09's deadline already passed.
    expect(res.body).toMatchObject({ received: 4, replied: 3, repliedOnTime: 2, openOverdue: 1, clarifications: 0, kbResolved: 1 });
    const early = await stats(await login('office', 'u_st_da_office'), 'from=2025-09-01&to=2025-09-05&unitId=u_st_a1');
    // At the end of 09-05 nothing owed was past its deadline yet.
    expect(early.body).toMatchObject({ received: 3, replied: 2, openOverdue: 0, onTimeRate: 1 });
  });

  it('refuses everyone else, and bad periods in the one error shape', async () => {
    expectError(await api(`/api/stats?${SEPTEMBER}`), 401, 'unauthorized');
    expectError(await stats(await login('answerer', 'u_st_a1', '统计解答员')), 403, 'forbidden');
    expectError(await stats(await login('resident')), 403, 'forbidden');
    const office = await login('office', 'u_st_da_office');
    for (const query of ['from=2025-02-30&to=2025-03-01', 'from=2025-09-30&to=2025-09-01', 'from=2025-9-1', 'from=2020-01-01&to=2025-01-01', 'unitId=u_none', 'when=today']) {
      const res = await stats(office, query);
      expect(res.status, query).toBe(query === 'unitId=u_none' ? 403 : 400);
      expectError(res, res.status, res.status === 403 ? 'forbidden' : 'validation');
    }
  });
});

describe('the figures of what the API recorded', () => {
  it('counts a question transferred, clarified, supplemented, replied and rated this month', async () => {
    const db = env.DB;
    await db.prepare("INSERT INTO units (id, name, kind, parent_id) VALUES ('u_st_a3', '甲区民政局', 'department', 'u_st_da')").run();
    const answerer = await login('answerer', 'u_st_a3', '民政解答员');
    const editor = await login('editor', 'u_st_a1', '人社编辑');
    const resident = await login('resident');
    const q = (await api('/api/inquiries', { token: resident, body: { question: '低保申请需要什么材料？', unitId: 'u_st_a3' } })).body;
    expect(q.status).toBe('assigned');
    expect((await api(`/api/inquiries/${q.id}/transfer`, { token: answerer, body: { unitId: 'u_st_a1', reason: '属人社局职责' } })).status).toBe(200);
    expect((await api(`/api/inquiries/${q.id}/clarify`, { token: editor, body: { message: '请说明户籍所在地' } })).status).toBe(200);
    expect((await api(`/api/inquiries/${q.id}/supplement`, { token: resident, body: { message: '本区户籍' } })).status).toBe(200);
    expect((await api(`/api/inquiries/${q.id}/reply`, { token: editor, body: { reply: '携带身份证到街道办理。' } })).status).toBe(200);
    expect((await api(`/api/inquiries/${q.id}/rate`, { token: resident, body: { rating: '非常不满意' } })).status).toBe(200);

    const office = await login('office', 'u_st_da_office');
    const res = await stats(office, 'unitId=u_st_a1');
    expect(res.status).toBe(200);
    // Last year's two questions still owed a reply stay overdue until answered, in every later period (the inbox's 超期).
    expect(res.body).toMatchObject({ received: 1, replied: 1, repliedOnTime: 1, openOverdue: 2, onTimeRate: 1 / 3, clarifications: 1, rated: 1, followupsOpen: 1, replyDaysAverage: 0 });
    const inbox = await api('/api/inquiries?tab=overdue', { token: editor });
    expect(inbox.body.counts.overdue).toBe(res.body.openOverdue);
    expect(res.body.satisfaction.非常不满意).toBe(1);
    expect(res.body.from.slice(0, 7)).toBe(res.body.to.slice(0, 7));
    expect(res.body.from.endsWith('-01')).toBe(true);
    const a3 = await stats(office, 'unitId=u_st_a3');
    expect(a3.body).toMatchObject({ transfers: 1, received: 0 });
  });
});

describe('the trend by week or month', () => {
  const trend = (token: string, query: string) => api(`/api/stats/trend?${query}`, { token });

  it('counts each month of a period as the figures count it', async () => {
    const res = await trend(await login('office', 'u_st_da_office'), 'from=2025-08-01&to=2025-10-31&unitId=u_st_a1&interval=month');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ from: '2025-08-01', to: '2025-10-31', interval: 'month', unitId: 'u_st_a1' });
    expect(res.body.buckets).toEqual([
      { key: '2025-08', from: '2025-08-01', to: '2025-08-31', received: 1, replied: 0, repliedOnTime: 0, onTimeRate: null, kbResolved: 0, kbRate: 0, rated: 0, satisfied: 0, satisfactionRate: null },
      // The same as September's figures: 6 received, 5 replies of which 4 on time, 2 of 8 by the knowledge base, 1 of 3 satisfied.
      { key: '2025-09', from: '2025-09-01', to: '2025-09-30', received: 6, replied: 5, repliedOnTime: 4, onTimeRate: 0.8, kbResolved: 2, kbRate: 0.25, rated: 3, satisfied: 1, satisfactionRate: 1 / 3 },
      { key: '2025-10', from: '2025-10-01', to: '2025-10-31', received: 1, replied: 0, repliedOnTime: 0, onTimeRate: null, kbResolved: 1, kbRate: 0.5, rated: 0, satisfied: 0, satisfactionRate: null },
    ]);
  });

  it('starts weeks on Monday in Shanghai days, the first and last cut to the period', async () => {
    const office = await login('office', 'u_st_da_office');
    const res = await trend(office, 'from=2025-09-01&to=2025-09-30&unitId=u_st_a1&interval=week');
    const pick = (b: Json) => [b.key, b.from, b.to, b.received, b.replied, b.repliedOnTime, b.kbResolved, b.rated, b.satisfied];
    expect(res.body.buckets.map(pick)).toEqual([
      ['2025-09-01', '2025-09-01', '2025-09-07', 3, 2, 2, 1, 2, 1],
      // 09-10's late reply: none of the week's replies on time.
      ['2025-09-08', '2025-09-08', '2025-09-14', 0, 1, 0, 0, 1, 0],
      // Saturday 09-20's knowledge-base answer belongs to the week of Monday 09-15.
      ['2025-09-15', '2025-09-15', '2025-09-21', 1, 1, 1, 1, 0, 0],
      ['2025-09-22', '2025-09-22', '2025-09-28', 2, 0, 0, 0, 0, 0],
      ['2025-09-29', '2025-09-29', '2025-09-30', 0, 1, 1, 0, 0, 0],
    ]);
    expect(res.body.buckets[1].onTimeRate).toBe(0);
    // From a Wednesday: the week of 09-01 holds only 09-03 onwards, when 人社局 received nothing.
    const mid = await trend(office, 'from=2025-09-03&to=2025-09-16&unitId=u_st_a1&interval=week');
    expect(mid.body.buckets.map(pick)).toEqual([
      ['2025-09-01', '2025-09-03', '2025-09-07', 0, 1, 1, 1, 2, 1],
      ['2025-09-08', '2025-09-08', '2025-09-14', 0, 1, 0, 0, 1, 0],
      ['2025-09-15', '2025-09-15', '2025-09-16', 1, 0, 0, 0, 0, 0],
    ]);
  });

  it('scopes like the figures: a district office its district and the unrouted, an editor their unit', async () => {
    const office = await login('office', 'u_st_da_office');
    const district = await trend(office, 'from=2025-09-01&to=2025-09-30');
    expect(district.body.buckets).toHaveLength(1);
    expect(district.body.buckets[0]).toMatchObject({ key: '2025-09', received: 7, replied: 5 });
    const city = await trend(await login('office', 'u_st_city_office'), 'from=2025-09-01&to=2025-09-30');
    expect(city.body.buckets[0]).toMatchObject({ received: 8, replied: 6 });
    const editor = await login('editor', 'u_st_a1');
    expect((await trend(editor, 'from=2025-09-01&to=2025-09-30')).body.buckets[0]).toMatchObject({ received: 6 });
    expectError(await trend(editor, 'from=2025-09-01&to=2025-09-30&unitId=u_st_a2'), 403, 'forbidden');
    expectError(await trend(await login('office', 'u_st_db_office'), 'unitId=u_st_a1'), 403, 'forbidden');
    expectError(await trend(await login('answerer', 'u_st_a1', '统计解答员'), 'interval=week'), 403, 'forbidden');
    expectError(await api('/api/stats/trend'), 401, 'unauthorized');
  });

  it('gives the last 12 weeks or months by default, and refuses more than 60 buckets', async () => {
    const office = await login('office', 'u_st_da_office');
    const months = (await trend(office, '')).body;
    expect(months.interval).toBe('month');
    expect(months.buckets).toHaveLength(12);
    expect(months.from.endsWith('-01')).toBe(true);
    const weeks = (await trend(office, 'interval=week')).body;
    expect(weeks.buckets).toHaveLength(12);
    expect(new Date(`${weeks.buckets[0].key}T00:00:00Z`).getUTCDay()).toBe(1);
    expect(weeks.buckets.at(-1).to).toBe(weeks.to);
    // Two years by week is 105 weeks; by month 24 months.
    expectError(await trend(office, 'from=2024-01-01&to=2025-12-31&interval=week'), 400, 'validation');
    expect((await trend(office, 'from=2024-01-01&to=2025-12-31&interval=month')).body.buckets).toHaveLength(24);
    // Only a start, long ago: still more than 60 weeks to today.
    expectError(await trend(office, 'from=2020-01-06&interval=week'), 400, 'validation');
    for (const query of ['interval=day', 'from=2025-09-30&to=2025-09-01', 'from=2025-02-30', 'to=2025-9-1', 'unitId=U-1', 'when=today']) {
      expectError(await trend(office, query), 400, 'validation');
    }
  });
});

describe('every figure opens the list it counts', () => {
  const list = (token: string, query: string) => api(`/api/inquiries?limit=100&${query}`, { token });
  const ids = (body: Json) => (body.items as Json[]).map((i) => i.id).sort();

  it('lists exactly the open overdue inquiries the figure counts, by unit', async () => {
    const office = await login('office', 'u_st_da_office');
    const now = (await stats(office, 'unitId=u_st_a1')).body;
    const overdue = await list(office, 'overdue=1&unitId=u_st_a1');
    expect(overdue.status).toBe(200);
    // 09-09's and 10-16's deadlines passed; the stopped clock (st_q4) and the answered ones are not overdue.
    expect(ids(overdue.body)).toEqual(['st_q3', 'st_q8']);
    expect(overdue.body.total).toBe(now.openOverdue);
    expect(overdue.body.items.every((i: Json) => i.overdue === true)).toBe(true);
    // Earliest deadline first, and the tabs counted within the filter.
    expect(overdue.body.items.map((i: Json) => i.id)).toEqual(['st_q3', 'st_q8']);
    expect(overdue.body.counts).toMatchObject({ overdue: 2, answered: 0 });
    // The whole district: the unrouted one too.
    const all = await list(office, 'overdue=1');
    expect(ids(all.body)).toEqual(['st_q10', 'st_q3', 'st_q8']);
    // Overdue now, as this month's figure counts it.
    expect(all.body.total).toBe((await stats(office, '')).body.openOverdue);
  });

  it('lists what a period received, replied and rated, by channel and state', async () => {
    const office = await login('office', 'u_st_da_office');
    const september = 'from=2025-09-01&to=2025-09-30&unitId=u_st_a1';
    const received = await list(office, september);
    expect(ids(received.body)).toEqual(['st_q1', 'st_q2', 'st_q3', 'st_q4', 'st_q5', 'st_q6']);
    // Newest first when no tab is asked for.
    expect(received.body.items[0].id).toBe('st_q5');
    const replied = await list(office, `${september}&replied=1`);
    expect(ids(replied.body)).toEqual(['st_q1', 'st_q2', 'st_q5', 'st_q6', 'st_q7']);
    expect(replied.body.total).toBe((await stats(office, september)).body.replied);
    expect(ids((await list(office, `${september}&rated=不满意`)).body)).toEqual(['st_q2']);
    expect(ids((await list(office, `${september}&channel=hotline`)).body)).toEqual(['st_q2']);
    expect(ids((await list(office, `${september}&status=awaiting_resident`)).body)).toEqual(['st_q4']);
    // With a tab too: the tab's part of the filtered list.
    expect(ids((await list(office, `${september}&tab=overdue`)).body)).toEqual(['st_q3']);
    // An editor's own unit, the same list.
    const editor = await login('editor', 'u_st_a1');
    expect((await list(editor, september)).body.total).toBe(6);
    expect(ids((await list(editor, 'overdue=1')).body)).toEqual(['st_q3', 'st_q8']);
  });

  it('keeps the inbox as it was without filters, and checks reach and values', async () => {
    const office = await login('office', 'u_st_da_office');
    const plain = await list(office, '');
    expect(plain.status).toBe(200);
    expect(plain.body.items.every((i: Json) => ['submitted', 'assigned', 'awaiting_resident'].includes(i.status))).toBe(true);
    expect(plain.body.total).toBe(plain.body.counts.pending);
    expectError(await list(await login('editor', 'u_st_a1'), 'unitId=u_st_a2'), 403, 'forbidden');
    expectError(await list(await login('office', 'u_st_db_office'), 'unitId=u_st_a1'), 403, 'forbidden');
    expectError(await list(await login('resident'), 'overdue=1'), 403, 'forbidden');
    for (const query of ['overdue=2', 'replied=true', 'rated=还行', 'channel=fax', 'status=lost', 'from=2025-09-30&to=2025-09-01', 'from=2025-13-01']) {
      expectError(await list(office, query), 400, 'validation');
    }
  });
});
