import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, expectError, login, type Json } from './helpers';

const ask = (token: string, body: Json = {}, headers: Record<string, string> = {}) =>
  api('/api/inquiries', { token, headers, body: { question: '我家老人想申请居家养老服务补贴，需要满足什么条件？', unitId: 'u_t_rsj', ...body } });

/** A fresh unit with one answerer and one editor, so assignment is predictable. */
let unitCount = 0;
async function freshUnit() {
  unitCount += 1;
  const unitId = `u_inq_${unitCount}`;
  await env.DB.prepare("INSERT INTO units (id, name, kind, parent_id) VALUES (?1, ?2, 'department', 'u_district')").bind(unitId, `测试咨询单位${unitCount}`).run();
  const answerer = await login('answerer', unitId, `解答员${unitCount}`);
  const editor = await login('editor', unitId, `编辑${unitCount}`);
  return { unitId, answerer, editor };
}

describe('asking a question', () => {
  it('creates a ticket assigned to the unit’s answerer, due in 5 working days', async () => {
    const { unitId, answerer } = await freshUnit();
    const resident = await login('resident', undefined, '提问居民');
    const res = await ask(resident, { unitId, contactName: '王女士', contactPhone: '13800138000' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'assigned', unitId, answererName: `解答员${unitCount}`, channel: 'miniprogram', overdue: false });
    expect(res.body.ticket).toMatch(/^ZX\d{8}-\d{6}$/);
    expect(res.body.contact).toEqual({ name: '王女士', phone: '13800138000' });
    expect(Array.isArray(res.body.matches)).toBe(true);
    const due = await api(`/api/calendar/due?from=${encodeURIComponent(res.body.receivedAt)}&days=5`);
    expect(res.body.dueAt).toBe(due.body.dueAt);
    expect(res.body.workingDaysLeft).toBe(5);
    const inbox = await api('/api/inquiries?tab=pending', { token: answerer });
    expect(inbox.body.items.map((i: Json) => i.id)).toContain(res.body.id);
  });

  it('gives every ticket its own number', async () => {
    const resident = await login('resident');
    const tickets = await Promise.all([1, 2, 3, 4].map((n) => ask(resident, { question: `第${n}个不同的问题：公租房怎么申请？` })));
    expect(new Set(tickets.map((t) => t.body.ticket)).size).toBe(4);
    // Not counted up: a resident's ticket tells nothing of how many others asked that day.
    const numbers = tickets.map((t) => Number(t.body.ticket.slice(-6))).sort((x, y) => x - y);
    expect(numbers.some((n, i) => i > 0 && n - numbers[i - 1]! > 1)).toBe(true);
  });

  it('goes to the answerer with the fewest open inquiries', async () => {
    const { unitId } = await freshUnit();
    await login('answerer', unitId, '第二位解答员');
    const resident = await login('resident');
    const first = await ask(resident, { unitId, question: '问题一：如何办理社保卡？' });
    const second = await ask(resident, { unitId, question: '问题二：如何补办社保卡？' });
    expect(first.body.answererId).not.toBe(second.body.answererId);
  });

  it('refuses an answerer who is not of the unit also chosen, instead of silently picking one', async () => {
    const a = await freshUnit();
    const b = await freshUnit();
    const answererOfA = (await api('/api/me', { token: a.answerer })).body.id;
    const res = await ask(await login('resident'), { unitId: b.unitId, answererId: answererOfA });
    expectError(res, 400, 'validation');
    expect(res.body.error.issues).toContainEqual(expect.objectContaining({ path: 'answererId' }));
    expect((await ask(await login('resident'), { unitId: a.unitId, answererId: answererOfA })).status).toBe(201);
  });

  it('routes by topic when the resident does not choose a unit', async () => {
    const { unitId } = await freshUnit();
    const office = await login('office', 'u_office');
    expect((await api('/api/routing', { method: 'PUT', token: office, body: { routes: [{ topic: '住房', unitId }] } })).status).toBe(200);
    expectError(await api('/api/routing', { method: 'PUT', token: office, body: { routes: [{ topic: '住房', unitId: 'u_none' }] } }), 400, 'validation');
    expectError(await api('/api/routing', { method: 'PUT', token: await login('editor', unitId), body: { routes: [] } }), 403, 'forbidden');
    // Nothing to set is a 400, not a 500; a unit outside the office's district is refused.
    expectError(await api('/api/routing', { method: 'PUT', token: office, body: { routes: [] } }), 400, 'validation');
    await env.DB.prepare("INSERT OR IGNORE INTO units (id, name, kind) VALUES ('u_other_root', '别的区的单位', 'department')").run();
    expectError(await api('/api/routing', { method: 'PUT', token: office, body: { routes: [{ topic: '住房', unitId: 'u_other_root' }] } }), 400, 'validation');
    const res = await api('/api/inquiries', { token: await login('resident'), body: { question: '公积金贷款额度怎么算？', topic: '住房' } });
    expect(res.body.unitId).toBe(unitId);
  });

  it('lets staff log a hotline question on a resident’s behalf, and only staff', async () => {
    const { unitId, editor } = await freshUnit();
    const resident = await login('resident');
    expectError(await ask(resident, { channel: 'hotline' }), 403, 'forbidden');
    expectError(await ask(editor, {}), 403, 'forbidden');
    expectError(await ask(editor, { channel: 'hotline', unitId }), 400, 'validation');
    const logged = await ask(editor, { channel: 'hotline', unitId, contactPhone: '0512-65001234' });
    expect(logged.status).toBe(201);
    expect(logged.body.channel).toBe('hotline');
  });

  it('validates the question, the phone number and the key', async () => {
    const resident = await login('resident');
    const bad = await api('/api/inquiries', { token: resident, body: { question: '', contactPhone: '12ab', topic: '旅游' } });
    expectError(bad, 400, 'validation');
    expect(bad.body.error.issues.map((i: Json) => i.path)).toEqual(expect.arrayContaining(['question', 'contactPhone', 'topic']));
    expectError(await ask(resident, {}, { 'Idempotency-Key': 'short' }), 400, 'validation');
    expectError(await ask(resident, { unitId: 'u_nowhere' }), 400, 'validation');
    expectError(await api('/api/inquiries', { body: { question: '匿名提问' } }), 401, 'unauthorized');
  });
});

describe('idempotency', () => {
  it('turns a retried submission into the same inquiry', async () => {
    const resident = await login('resident');
    const key = `retry-${crypto.randomUUID()}`;
    const first = await ask(resident, {}, { 'Idempotency-Key': key });
    const again = await ask(resident, {}, { 'Idempotency-Key': key });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect(again.body.ticket).toBe(first.body.ticket);
  });

  it('refuses a key used before for other words, creating nothing', async () => {
    const resident = await login('resident');
    const key = `reuse-${crypto.randomUUID()}`;
    expect((await ask(resident, { question: '第一个问题：低保怎么申请？' }, { 'Idempotency-Key': key })).status).toBe(201);
    expectError(await ask(resident, { question: '另一个问题：医保怎么报销？' }, { 'Idempotency-Key': key }), 409, 'conflict');
    expectError(await ask(resident, { question: '第一个问题：低保怎么申请？', contactPhone: '13800138000' }, { 'Idempotency-Key': key }), 409, 'conflict');
    const rows = await env.DB.prepare('SELECT COUNT(*) AS n FROM inquiries WHERE idempotency_key = ?1').bind(key).first<{ n: number }>();
    expect(rows!.n).toBe(1);
  });

  it('creates exactly one inquiry when copies arrive at the same moment', async () => {
    const resident = await login('resident', undefined, '连点居民');
    const key = `double-${crypto.randomUUID()}`;
    const copies = await Promise.all(Array.from({ length: 6 }, () => ask(resident, { question: '连点测试：低保怎么申请？' }, { 'Idempotency-Key': key })));
    expect(new Set(copies.map((c) => c.body.id)).size).toBe(1);
    expect(copies.filter((c) => c.status === 201)).toHaveLength(1);
    const rows = await env.DB.prepare('SELECT COUNT(*) AS n FROM inquiries WHERE idempotency_key = ?1').bind(key).first<{ n: number }>();
    expect(rows!.n).toBe(1);
    const events = await env.DB.prepare("SELECT COUNT(*) AS n FROM inquiry_events WHERE inquiry_id = ?1 AND type = 'submitted'").bind(copies[0]!.body.id).first<{ n: number }>();
    expect(events!.n).toBe(1);
  });
});

describe('the lifecycle', () => {
  it('answers, then refuses a second answer with 409', async () => {
    const { unitId, answerer } = await freshUnit();
    const resident = await login('resident');
    const q = (await ask(resident, { unitId })).body;
    const replied = await api(`/api/inquiries/${q.id}/reply`, { token: answerer, body: { reply: '符合条件的 80 周岁以上老人可申请，请到社区提交材料。' } });
    expect(replied.body).toMatchObject({ status: 'answered', reply: expect.stringContaining('80 周岁') });
    expectError(await api(`/api/inquiries/${q.id}/reply`, { token: answerer, body: { reply: '第二次答复' } }), 409, 'conflict');
    const mine = await api(`/api/inquiries/${q.id}`, { token: resident });
    expect(mine.body.events.map((e: Json) => e.type)).toEqual(['submitted', 'assigned', 'replied']);
  });

  it('lets only one of two simultaneous replies win', async () => {
    const { unitId, answerer, editor } = await freshUnit();
    const q = (await ask(await login('resident'), { unitId })).body;
    const [a, b] = await Promise.all([
      api(`/api/inquiries/${q.id}/reply`, { token: answerer, body: { reply: '解答员的答复' } }),
      api(`/api/inquiries/${q.id}/reply`, { token: editor, body: { reply: '编辑的答复' } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const events = await env.DB.prepare("SELECT COUNT(*) AS n FROM inquiry_events WHERE inquiry_id = ?1 AND type = 'replied'").bind(q.id).first<{ n: number }>();
    expect(events!.n).toBe(1);
  });

  it('stops the clock while the resident is asked for details, and moves the due date by the days stopped', async () => {
    const { unitId, answerer } = await freshUnit();
    const resident = await login('resident');
    const q = (await ask(resident, { unitId })).body;
    const asked = await api(`/api/inquiries/${q.id}/clarify`, { token: answerer, body: { message: '请问老人户籍在哪个街道？' } });
    expect(asked.body).toMatchObject({ status: 'awaiting_resident', overdue: false });
    expectError(await api(`/api/inquiries/${q.id}/reply`, { token: answerer, body: { reply: '现在不能答复' } }), 409, 'conflict');
    // The request for details went out 10 calendar days ago.
    const pausedAt = new Date(Date.now() - 10 * 86_400_000).toISOString();
    await env.DB.prepare('UPDATE inquiries SET paused_at = ?2 WHERE id = ?1').bind(q.id, pausedAt).run();
    const shanghai = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
    const days = await api(`/api/calendar/days?from=${shanghai(pausedAt)}&to=${shanghai(new Date().toISOString())}`);
    // Working days after the day the clock stopped, up to and including today.
    const stopped = days.body.items.slice(1).filter((d: Json) => d.workday).length;
    const back = await api(`/api/inquiries/${q.id}/supplement`, { token: resident, body: { message: '户籍在城关街道。' } });
    expect(back.body.status).toBe('assigned');
    const row = await env.DB.prepare('SELECT stopped_days FROM inquiries WHERE id = ?1').bind(q.id).first<{ stopped_days: number }>();
    expect(row!.stopped_days).toBe(stopped);
    expect(stopped).toBeGreaterThan(0);
    const expected = await api(`/api/calendar/due?from=${encodeURIComponent(q.receivedAt)}&days=${5 + row!.stopped_days}`);
    expect(back.body.dueAt).toBe(expected.body.dueAt);
    expect(Date.parse(back.body.dueAt)).toBeGreaterThan(Date.parse(q.dueAt));
    expectError(await api(`/api/inquiries/${q.id}/supplement`, { token: resident, body: { message: '再补充' } }), 409, 'conflict');
  });

  it('transfers without restarting the deadline', async () => {
    const from = await freshUnit();
    const to = await freshUnit();
    const q = (await ask(await login('resident'), { unitId: from.unitId })).body;
    expectError(await api(`/api/inquiries/${q.id}/transfer`, { token: to.answerer, body: { unitId: to.unitId, reason: '抢单' } }), 404, 'not_found');
    expectError(await api(`/api/inquiries/${q.id}/transfer`, { token: from.answerer, body: { unitId: from.unitId, reason: '同单位' } }), 400, 'validation');
    const moved = await api(`/api/inquiries/${q.id}/transfer`, { token: from.answerer, body: { unitId: to.unitId, reason: '属于对方职责' } });
    expect(moved.body).toMatchObject({ unitId: to.unitId, status: 'assigned', dueAt: q.dueAt });
    expect((await api(`/api/inquiries/${q.id}`, { token: from.answerer })).status).toBe(404);
    expect((await api(`/api/inquiries/${q.id}`, { token: to.answerer })).body.events.at(-1)).toMatchObject({
      type: 'transferred',
      data: { reason: '属于对方职责', unitId: to.unitId },
    });
  });

  it('makes a simple question due in 3 working days from receipt', async () => {
    const { unitId, answerer } = await freshUnit();
    const q = (await ask(await login('resident'), { unitId })).body;
    const simple = await api(`/api/inquiries/${q.id}/classify`, { token: answerer, body: { simple: true } });
    const expected = await api(`/api/calendar/due?from=${encodeURIComponent(q.receivedAt)}&days=3`);
    expect(simple.body).toMatchObject({ simple: true, dueAt: expected.body.dueAt });
    expectError(await api(`/api/inquiries/${q.id}/classify`, { token: answerer, body: { simple: true } }), 409, 'conflict');
  });

  it('lets the resident withdraw, and nothing happens after', async () => {
    const { unitId, answerer } = await freshUnit();
    const resident = await login('resident');
    const q = (await ask(resident, { unitId })).body;
    expectError(await api(`/api/inquiries/${q.id}/withdraw`, { method: 'POST', token: await login('resident', undefined, '别人') }), 404, 'not_found');
    expect((await api(`/api/inquiries/${q.id}/withdraw`, { method: 'POST', token: resident })).body.status).toBe('withdrawn');
    expectError(await api(`/api/inquiries/${q.id}/reply`, { token: answerer, body: { reply: '太晚了' } }), 409, 'conflict');
  });

  it('opens a follow-up for the office on a 不满意 rating', async () => {
    const { unitId, answerer } = await freshUnit();
    const resident = await login('resident');
    const office = await login('office', 'u_office', '回访专员');
    const q = (await ask(resident, { unitId })).body;
    expectError(await api(`/api/inquiries/${q.id}/rate`, { token: resident, body: { rating: '满意' } }), 409, 'conflict');
    await api(`/api/inquiries/${q.id}/reply`, { token: answerer, body: { reply: '答复内容' } });
    expectError(await api(`/api/inquiries/${q.id}/rate`, { token: resident, body: { rating: '一般' } }), 400, 'validation');
    expectError(await api(`/api/inquiries/${q.id}/rate`, { token: answerer, body: { rating: '满意' } }), 403, 'forbidden');
    const rated = await api(`/api/inquiries/${q.id}/rate`, { token: resident, body: { rating: '不满意', comment: '没说清楚材料' } });
    expect(rated.body).toMatchObject({ status: 'closed', rating: '不满意' });
    const followup = await env.DB.prepare('SELECT rating, status FROM followups WHERE inquiry_id = ?1').bind(q.id).first();
    expect(followup).toEqual({ rating: '不满意', status: 'open' });
    const note = await api('/api/notifications', { token: office });
    expect(note.body.items.map((n: Json) => n.kind)).toContain('followup');
  });
});

describe('who sees what', () => {
  it('keeps contact details with the resident, the handling answerer and the office', async () => {
    const { unitId, answerer, editor } = await freshUnit();
    const other = await freshUnit();
    const resident = await login('resident');
    const q = (await ask(resident, { unitId, contactName: '李先生', contactPhone: '13900139000' })).body;
    await api(`/api/inquiries/${q.id}/clarify`, { token: answerer, body: { message: '请补充' } });
    expect((await api(`/api/inquiries/${q.id}`, { token: answerer })).body.contact).toEqual({ name: '李先生', phone: '13900139000' });
    expect((await api(`/api/inquiries/${q.id}`, { token: await login('office', 'u_office') })).body.contact.phone).toBe('13900139000');
    const byEditor = await api(`/api/inquiries/${q.id}`, { token: editor });
    expect(byEditor.status).toBe(200);
    expect(byEditor.body).not.toHaveProperty('contact');
    expect(JSON.stringify(byEditor.body)).not.toContain('13900139000');
    expect((await api(`/api/inquiries/${q.id}`, { token: other.answerer })).status).toBe(404);
    expect((await api(`/api/inquiries/${q.id}`, { token: await login('resident', undefined, '邻居') })).status).toBe(404);
    const list = await api('/api/inquiries', { token: other.editor });
    expect(list.body.items.map((i: Json) => i.id)).not.toContain(q.id);
  });

  it('shows residents only the public part of the timeline', async () => {
    const { unitId, answerer } = await freshUnit();
    const resident = await login('resident');
    const office = await login('office', 'u_office');
    const q = (await ask(resident, { unitId })).body;
    await api(`/api/inquiries/${q.id}/reply`, { token: answerer, body: { reply: '答复' } });
    await api(`/api/inquiries/${q.id}/rate`, { token: resident, body: { rating: '非常不满意' } });
    const staffView = await api(`/api/inquiries/${q.id}`, { token: office });
    const residentView = await api(`/api/inquiries/${q.id}`, { token: resident });
    expect(staffView.body.events.map((e: Json) => e.type)).toContain('followup_opened');
    expect(residentView.body.events.map((e: Json) => e.type)).not.toContain('followup_opened');
  });

  it('keeps the ledger append-only', async () => {
    const resident = await login('resident');
    const q = (await ask(resident)).body;
    await expect(env.DB.prepare("UPDATE inquiry_events SET type = 'x' WHERE inquiry_id = ?1").bind(q.id).run()).rejects.toThrow(/append-only/);
    await expect(env.DB.prepare('DELETE FROM inquiry_events WHERE inquiry_id = ?1').bind(q.id).run()).rejects.toThrow(/append-only/);
  });
});

describe('这解决了我的问题', () => {
  it('records a question resolved by the knowledge base without an inquiry', async () => {
    const editor = await login('editor', 'u_t_rsj');
    const entry = (await api('/api/faq', { token: editor, body: { question: '社保卡丢了怎么办？', answer: '到网点挂失补办。', topic: '社保', publish: true } })).body;
    const before = await env.DB.prepare('SELECT COUNT(*) AS n FROM inquiries').first<{ n: number }>();
    const res = await api('/api/kb-resolutions', { token: await login('resident'), body: { question: '社保卡丢了', entryId: entry.id } });
    expect(res.status).toBe(201);
    const after = await env.DB.prepare('SELECT COUNT(*) AS n FROM inquiries').first<{ n: number }>();
    expect(after!.n).toBe(before!.n);
    const count = await env.DB.prepare('SELECT COUNT(*) AS n FROM kb_resolutions WHERE entry_id = ?1').bind(entry.id).first<{ n: number }>();
    expect(count!.n).toBe(1);
    expectError(await api('/api/kb-resolutions', { body: { question: '社保卡丢了', entryId: 'faq_nothing' } }), 404, 'not_found');
  });

  it('does not take an entry residents no longer see (past its end date)', async () => {
    const editor = await login('editor', 'u_t_rsj');
    const body = { question: '过期的政策还算解决吗？', answer: '不算。', topic: '社保', publish: true, validUntil: '2020-12-31' };
    const entry = (await api('/api/faq', { token: editor, body })).body;
    expectError(await api('/api/kb-resolutions', { body: { question: '过期政策', entryId: entry.id } }), 404, 'not_found');
  });

  it('records the channel when staff answer a caller from the knowledge base, and only staff may name one', async () => {
    const editor = await login('editor', 'u_t_rsj');
    const entry = (await api('/api/faq', { token: editor, body: { question: '社保卡丢了怎么办？', answer: '到网点挂失补办。', topic: '社保', publish: true } })).body;
    const answerer = await login('answerer', 'u_t_rsj');
    const body = { question: '来电：社保卡丢了', entryId: entry.id, channel: 'hotline' };
    expect((await api('/api/kb-resolutions', { token: answerer, body })).status).toBe(201);
    const row = await env.DB.prepare('SELECT channel, user_id FROM kb_resolutions WHERE entry_id = ?1').bind(entry.id).first<{ channel: string; user_id: string }>();
    expect(row).toEqual({ channel: 'hotline', user_id: expect.any(String) });
    expectError(await api('/api/kb-resolutions', { token: await login('resident'), body }), 403, 'forbidden');
    expectError(await api('/api/kb-resolutions', { body }), 403, 'forbidden');
    expectError(await api('/api/kb-resolutions', { token: answerer, body: { ...body, channel: undefined } }), 403, 'forbidden');
    expectError(await api('/api/kb-resolutions', { token: answerer, body: { ...body, channel: 'fax' } }), 400, 'validation');
  });
});

describe('assignment by the unit', () => {
  it('lets an editor hand a waiting inquiry to a named answerer of the unit, and nobody else', async () => {
    const unitId = `u_assign_${crypto.randomUUID().slice(0, 8)}`;
    await env.DB.prepare("INSERT INTO units (id, name, kind, parent_id) VALUES (?1, ?2, 'street', 'u_district')").bind(unitId, `分派测试街道${unitId}`).run();
    const editor = await login('editor', unitId, '街道编辑');
    const q = (await ask(await login('resident'), { unitId })).body;
    expect(q).toMatchObject({ status: 'submitted', answererId: null });
    const answerer = await login('answerer', unitId, '新来的解答员');
    const answererId = (await api('/api/me', { token: answerer })).body.id;
    const outsider = (await api('/api/me', { token: await login('answerer', 'u_t_ybj', '外单位解答员') })).body.id;
    expectError(await api(`/api/inquiries/${q.id}/assign`, { token: editor, body: { answererId: outsider } }), 400, 'validation');
    expectError(await api(`/api/inquiries/${q.id}/assign`, { token: answerer, body: { answererId } }), 403, 'forbidden');
    const assigned = await api(`/api/inquiries/${q.id}/assign`, { token: editor, body: { answererId } });
    expect(assigned.body).toMatchObject({ status: 'assigned', answererId, answererName: '新来的解答员', dueAt: q.dueAt });
    expectError(await api(`/api/inquiries/${q.id}/assign`, { token: editor, body: { answererId } }), 409, 'conflict');
  });
});
