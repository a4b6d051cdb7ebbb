import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { eraseExpiredContacts } from '../../worker/jobs/retention';
import { api, expectError, login, type Json } from './helpers';

const MONTH = 31 * 86_400_000;
const later = (months: number) => new Date(Date.now() + months * MONTH);

let phones = 0;
const newPhone = () => `136${String(Date.now() % 100000).padStart(5, '0')}${String(++phones).padStart(3, '0')}`;

/** A resident signed in with a phone code, as in H5: their account holds a verified phone. */
async function phoneResident() {
  const phone = newPhone();
  expect((await api('/api/auth/phone/code', { body: { phone } })).status).toBe(200);
  const text = ((await (await fetch(`https://sms.test/inbox?phone=${phone}`)).json()) as string[]).at(-1)!;
  const code = /验证码 (\d{6})/.exec(text)![1]!;
  const res = await api('/api/auth/phone', { body: { phone, code } });
  expect(res.status).toBe(200);
  return { token: res.body.token as string, id: res.body.user.id as string, phone };
}

async function ask(token: string, body: Json = {}) {
  const res = await api('/api/inquiries', { token, body: { question: '退休人员的医保待遇怎么申请？', unitId: 'u_t_ybj', ...body } });
  expect(res.status).toBe(201);
  return res.body;
}

const row = (id: string) =>
  env.DB.prepare('SELECT question, status, contact_name, contact_phone, contact_erased_at FROM inquiries WHERE id = ?1').bind(id).first<Json>();
const events = async (id: string) =>
  (await env.DB.prepare('SELECT type, public, actor_id, data FROM inquiry_events WHERE inquiry_id = ?1 ORDER BY id').bind(id).all<Json>()).results;

describe('the retention period', () => {
  it('is three years until the office sets another, and only the office reads or sets it', async () => {
    const office = await login('office', 'u_office');
    const res = await api('/api/settings/retention', { token: office });
    expect(res.body).toEqual({ months: 36, updatedAt: null, updatedBy: null });
    const set = await api('/api/settings/retention', { method: 'PUT', token: office, body: { months: 24 } });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ months: 24, updatedAt: expect.any(String), updatedBy: expect.any(String) });
    expect((await api('/api/settings/retention', { token: office })).body.months).toBe(24);
    for (const months of [0, 121, 1.5, '24']) expectError(await api('/api/settings/retention', { method: 'PUT', token: office, body: { months } }), 400, 'validation');
    expectError(await api('/api/settings/retention', { token: await login('editor', 'u_t_ybj') }), 403, 'forbidden');
    expectError(await api('/api/settings/retention', { method: 'PUT', token: await login('resident'), body: { months: 1 } }), 403, 'forbidden');
    expectError(await api('/api/settings/retention'), 401, 'unauthorized');
    await api('/api/settings/retention', { method: 'PUT', token: office, body: { months: 36 } });
  });

  it('the cron erases contact details of inquiries finished longer ago, leaving the ledger and the question', async () => {
    const office = await login('office', 'u_office');
    const resident = await login('resident');
    const finished = await ask(resident, { contactName: '李先生', contactPhone: '13800138001' });
    expect((await api(`/api/inquiries/${finished.id}/reply`, { token: office, body: { reply: '请到区医保局窗口办理。' } })).status).toBe(200);
    const open = await ask(resident, { question: '还没答复的问题：医保卡丢了怎么补办？', contactPhone: '13800138002' });
    const hotline = await api('/api/inquiries', {
      token: office,
      body: { question: '热线来电：门诊慢特病怎么认定？', unitId: 'u_t_ybj', channel: 'hotline', contactName: '张女士', contactPhone: '13800138003' },
    });
    expect((await api(`/api/inquiries/${hotline.body.id}/reply`, { token: office, body: { reply: '已电话答复。' } })).status).toBe(200);
    const before = await events(finished.id);

    // Within the period nothing changes.
    await eraseExpiredContacts(env, later(35));
    expect(await row(finished.id)).toMatchObject({ contact_name: '李先生', contact_phone: '13800138001', contact_erased_at: null });

    await eraseExpiredContacts(env, later(37));
    for (const id of [finished.id, hotline.body.id]) {
      expect(await row(id)).toMatchObject({ status: 'answered', contact_name: null, contact_phone: null, contact_erased_at: expect.any(String) });
    }
    expect((await row(finished.id))!.question).toBe('退休人员的医保待遇怎么申请？');
    const after = await events(finished.id);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length)).toEqual([{ type: 'contact_erased', public: 0, actor_id: null, data: JSON.stringify({ reason: 'retention', months: 36 }) }]);
    // An open question keeps what the answerer needs to reach the resident.
    expect(await row(open.id)).toMatchObject({ contact_phone: '13800138002', contact_erased_at: null });
    // The office still sees the inquiry and its history, without contact details; the resident sees no new event.
    const staffView = await api(`/api/inquiries/${finished.id}`, { token: office });
    expect(staffView.body.contact).toEqual({ name: null, phone: null });
    expect(staffView.body.reply).toBe('请到区医保局窗口办理。');
    const own = await api(`/api/inquiries/${finished.id}`, { token: resident });
    expect(own.body.events.map((e: Json) => e.type)).not.toContain('contact_erased');

    // Running again writes nothing more.
    expect((await eraseExpiredContacts(env, later(40))).erased).toBe(0);
    expect(await events(finished.id)).toHaveLength(after.length);
  });

  it('follows the office’s period', async () => {
    const office = await login('office', 'u_office');
    const resident = await login('resident');
    const q = await ask(resident, { question: '一年后清除：生育津贴怎么领？', contactPhone: '13800138004' });
    expect((await api(`/api/inquiries/${q.id}/reply`, { token: office, body: { reply: '由单位代为申领。' } })).status).toBe(200);
    await eraseExpiredContacts(env, later(13));
    expect((await row(q.id))!.contact_phone).toBe('13800138004');
    await api('/api/settings/retention', { method: 'PUT', token: office, body: { months: 12 } });
    await eraseExpiredContacts(env, later(13));
    expect((await row(q.id))!.contact_phone).toBeNull();
    expect((await events(q.id)).at(-1)).toMatchObject({ type: 'contact_erased', data: JSON.stringify({ reason: 'retention', months: 12 }) });
    await api('/api/settings/retention', { method: 'PUT', token: office, body: { months: 36 } });
  });
});

describe('deleting one’s account', () => {
  it('withdraws open questions, erases contact details and identity; the questions stay, anonymised', async () => {
    const office = await login('office', 'u_office');
    const person = await phoneResident();
    const open = await ask(person.token, { question: '注销前的问题：异地就医怎么备案？', contactName: '王女士', contactPhone: person.phone });
    const answered = await ask(person.token, { question: '注销前已答复：医保缴费基数是多少？', contactPhone: person.phone });
    expect((await api(`/api/inquiries/${answered.id}/reply`, { token: office, body: { reply: '按上年度工资确定。' } })).status).toBe(200);
    expect((await api('/api/policy-subscriptions', { token: person.token, body: { kind: 'topic', value: '医疗' } })).status).toBe(201);
    expect((await api('/api/notifications', { token: person.token })).body.items.length).toBeGreaterThan(0);

    expectError(await api('/api/me', { method: 'DELETE', token: person.token, body: {} }), 400, 'validation');
    const res = await api('/api/me', { method: 'DELETE', token: person.token, body: { confirm: true } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ deleted: true, withdrawn: 1, erased: 2 });

    // Signed out everywhere; nothing identifies the person any more.
    expectError(await api('/api/me', { token: person.token }), 401, 'unauthorized');
    const user = await env.DB.prepare('SELECT name, phone, openid, status, deleted_at FROM users WHERE id = ?1').bind(person.id).first<Json>();
    expect(user).toEqual({ name: null, phone: null, openid: null, status: 'disabled', deleted_at: expect.any(String) });
    for (const table of ['sessions', 'notifications', 'outbox', 'policy_subscriptions', 'wechat_grants']) {
      const left = await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE user_id = ?1`).bind(person.id).first<{ n: number }>();
      expect(left!.n, table).toBe(0);
    }
    expect((await env.DB.prepare('SELECT count(*) AS n FROM phone_codes WHERE phone = ?1').bind(person.phone).first<{ n: number }>())!.n).toBe(0);

    // The questions stay as facts: the open one withdrawn, both without contact details.
    expect(await row(open.id)).toMatchObject({ question: '注销前的问题：异地就医怎么备案？', status: 'withdrawn', contact_name: null, contact_phone: null });
    expect(await row(answered.id)).toMatchObject({ status: 'answered', contact_phone: null, contact_erased_at: expect.any(String) });
    const ledger = await events(open.id);
    expect(ledger.slice(-2)).toEqual([
      { type: 'withdrawn', public: 1, actor_id: person.id, data: JSON.stringify({ reason: 'account_deleted' }) },
      { type: 'contact_erased', public: 0, actor_id: person.id, data: JSON.stringify({ reason: 'account_deleted' }) },
    ]);
    const officeView = await api(`/api/inquiries/${answered.id}`, { token: office });
    expect(officeView.body).toMatchObject({ question: '注销前已答复：医保缴费基数是多少？', contact: { name: null, phone: null } });
    // A reply to the withdrawn question is refused by its state, not lost silently.
    expectError(await api(`/api/inquiries/${open.id}/reply`, { token: office, body: { reply: '迟到的答复。' } }), 409, 'conflict');
  });

  it('is for residents; staff are disabled by their unit or the office instead', async () => {
    const editor = await login('editor', 'u_t_ybj');
    expectError(await api('/api/me', { method: 'DELETE', token: editor, body: { confirm: true } }), 403, 'forbidden');
    expectError(await api('/api/me', { method: 'DELETE', body: { confirm: true } }), 401, 'unauthorized');
    expect((await api('/api/me', { token: editor })).status).toBe(200);
  });
});
