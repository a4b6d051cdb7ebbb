import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, expectError, login, type Json } from './helpers';

const TABS = ['pending', 'due_soon', 'overdue', 'answered'] as const;

/** A fresh unit with one answerer and one editor. */
let unitCount = 0;
async function freshUnit() {
  unitCount += 1;
  const unitId = `u_box_${unitCount}`;
  await env.DB.prepare("INSERT INTO units (id, name, kind, parent_id) VALUES (?1, ?2, 'department', 'u_district')").bind(unitId, `工作台测试单位${unitCount}`).run();
  const answerer = await login('answerer', unitId, `工作台解答员${unitCount}`);
  const editor = await login('editor', unitId, `工作台编辑${unitCount}`);
  return { unitId, answerer, editor };
}

async function ask(token: string, unitId: string, question: string) {
  const res = await api('/api/inquiries', { token, body: { question, unitId } });
  expect(res.status).toBe(201);
  return res.body as Json;
}

/** The API cannot be told the time: move the deadline in the database instead. */
const dueIn = (id: string, ms: number) =>
  env.DB.prepare('UPDATE inquiries SET due_at = ?2 WHERE id = ?1').bind(id, new Date(Date.now() + ms).toISOString()).run();

const HOUR = 3_600_000;

/** One inquiry at each point of the clock, in a fresh unit. */
async function unitWithEveryKind() {
  const unit = await freshUnit();
  const resident = await login('resident');
  const calm = await ask(resident, unit.unitId, '灵活就业人员可以申请社保补贴吗？');
  const soon = await ask(resident, unit.unitId, '失业保险金每月能领多少？');
  await dueIn(soon.id, HOUR);
  const late = await ask(resident, unit.unitId, '退休人员养老金什么时候调整？');
  await dueIn(late.id, -HOUR);
  const answered = await ask(resident, unit.unitId, '社保卡丢了怎么补办？');
  expect((await api(`/api/inquiries/${answered.id}/reply`, { token: unit.answerer, body: { reply: '到社保网点挂失补办。' } })).status).toBe(200);
  // Waiting for the resident: the clock is stopped, so it is open but neither 临期 nor 超期, however late.
  const waiting = await ask(resident, unit.unitId, '公租房申请要交哪些材料？');
  expect((await api(`/api/inquiries/${waiting.id}/clarify`, { token: unit.answerer, body: { message: '请说明户籍所在地' } })).status).toBe(200);
  await dueIn(waiting.id, -HOUR);
  return { ...unit, resident, ids: { calm: calm.id, soon: soon.id, late: late.id, answered: answered.id, waiting: waiting.id } };
}

const list = async (token: string, tab: string) => {
  const res = await api(`/api/inquiries?tab=${tab}&limit=100`, { token });
  expect(res.status).toBe(200);
  return res.body;
};

describe('工作台 tab counts', () => {
  it('counts each tab of the unit, as its list holds it, with another unit’s inquiries left out', async () => {
    const mine = await unitWithEveryKind();
    const other = await unitWithEveryKind();

    const page = await list(mine.answerer, 'pending');
    expect(page.counts).toEqual({ pending: 4, due_soon: 1, overdue: 1, answered: 1 });
    // The editor of the unit sees the unit's work, not only their own.
    expect((await list(mine.editor, 'answered')).counts).toEqual(page.counts);

    // Each count is what its tab lists; none of them holds the other unit's inquiries.
    const otherIds = new Set(Object.values(other.ids));
    for (const tab of TABS) {
      const body = await list(mine.answerer, tab);
      expect(body.total, tab).toBe(page.counts[tab]);
      expect(body.items.length, tab).toBe(page.counts[tab]);
      expect(body.items.filter((i: Json) => otherIds.has(i.id)), tab).toEqual([]);
    }
    expect((await list(mine.answerer, 'due_soon')).items.map((i: Json) => i.id)).toEqual([mine.ids.soon]);
    expect((await list(mine.answerer, 'overdue')).items.map((i: Json) => i.id)).toEqual([mine.ids.late]);

    // The other unit's answer moves its own count, not this one's.
    await api(`/api/inquiries/${other.ids.calm}/reply`, { token: other.answerer, body: { reply: '可以，按规定申请。' } });
    expect((await list(mine.answerer, 'pending')).counts).toEqual({ pending: 4, due_soon: 1, overdue: 1, answered: 1 });
    expect((await list(other.answerer, 'pending')).counts).toEqual({ pending: 3, due_soon: 1, overdue: 1, answered: 2 });
  });

  it('counts every unit for the office, each count matching its tab’s list', async () => {
    await unitWithEveryKind();
    const office = await login('office', 'u_office');
    const counts = (await list(office, 'pending')).counts;
    for (const tab of TABS) expect((await list(office, tab)).total, tab).toBe(counts[tab]);
    const all = await env.DB.prepare("SELECT COUNT(*) AS n FROM inquiries WHERE status IN ('submitted', 'assigned', 'awaiting_resident')").first<{ n: number }>();
    expect(counts.pending).toBe(all!.n);
  });

  it('gives residents their own list without counts', async () => {
    const unit = await freshUnit();
    const resident = await login('resident', undefined, '续签居住证的居民');
    const q = await ask(resident, unit.unitId, '居住证到期了怎么续签？');
    const res = await api('/api/inquiries?tab=overdue', { token: resident });
    expect(res.body.items.map((i: Json) => i.id)).toEqual([q.id]);
    expect(res.body).not.toHaveProperty('counts');
    expectError(await api('/api/inquiries?tab=late', { token: unit.answerer }), 400, 'validation');
  });
});

describe('消息 names the question', () => {
  const noticesOf = async (token: string) => {
    const res = await api('/api/notifications', { token });
    expect(res.status).toBe(200);
    return res.body.items as Json[];
  };

  it('gives the resident their own question with the reply notice, and nobody else’s', async () => {
    const unit = await freshUnit();
    const resident = await login('resident', undefined, '提问的居民');
    const neighbour = await login('resident', undefined, '邻居');
    const question = '我家孩子明年上小学，外地户籍需要准备哪些入学材料？';
    const q = await ask(resident, unit.unitId, question);
    const theirs = await ask(neighbour, unit.unitId, '邻居的问题：高龄津贴怎么申请？');
    await api(`/api/inquiries/${q.id}/reply`, { token: unit.answerer, body: { reply: '请准备居住证、户口簿和房产证明。' } });
    await api(`/api/inquiries/${theirs.id}/reply`, { token: unit.answerer, body: { reply: '到社区服务站申请。' } });

    const mine = await noticesOf(resident);
    expect(mine.find((n) => n.inquiryId === q.id && n.kind === 'replied')).toMatchObject({ question, title: '您的政策咨询已答复' });
    expect(JSON.stringify(mine)).not.toContain('邻居的问题');
    const other = await noticesOf(neighbour);
    expect(other.map((n) => n.question)).toEqual(['邻居的问题：高龄津贴怎么申请？']);
    expect(JSON.stringify(other)).not.toContain(question);
  });

  it('gives staff the question only while the inquiry is their unit’s', async () => {
    const from = await freshUnit();
    const to = await freshUnit();
    const question = '个体工商户注销前要先办理税务清税吗？';
    const q = await ask(await login('resident'), from.unitId, question);

    const assigned = (await noticesOf(from.answerer)).find((n) => n.inquiryId === q.id && n.kind === 'assigned');
    expect(assigned).toMatchObject({ question });
    // The notice itself does not copy the question: it is read from the inquiry each time.
    expect(assigned!.body).not.toContain('清税');

    await api(`/api/inquiries/${q.id}/transfer`, { token: from.answerer, body: { unitId: to.unitId, reason: '属于对方职责' } });
    const before = (await noticesOf(from.answerer)).find((n) => n.inquiryId === q.id);
    expect(before).toMatchObject({ kind: 'assigned', question: null });
    expect(JSON.stringify(await noticesOf(from.answerer))).not.toContain('清税');
    expect((await noticesOf(to.answerer)).find((n) => n.inquiryId === q.id)).toMatchObject({ kind: 'assigned', question });
  });

  it('validates the page query and marks only one’s own notices read', async () => {
    const unit = await freshUnit();
    const resident = await login('resident');
    const q = await ask(resident, unit.unitId, '新生儿医保怎么参保？');
    expectError(await api('/api/notifications?limit=0', { token: resident }), 400, 'validation');
    expectError(await api('/api/notifications?before=abc', { token: resident }), 400, 'validation');
    const notice = (await noticesOf(unit.answerer)).find((n) => n.inquiryId === q.id)!;
    expectError(await api(`/api/notifications/${notice.id}/read`, { method: 'POST', token: resident }), 404, 'not_found');
    expect((await api(`/api/notifications/${notice.id}/read`, { method: 'POST', token: unit.answerer })).body).toEqual({ read: true });
    expect((await noticesOf(unit.answerer)).find((n) => n.id === notice.id)).toMatchObject({ read: true, question: '新生儿医保怎么参保？' });
  });
});
