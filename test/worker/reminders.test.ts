import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { deliverOutbox } from '../../worker/jobs/deliver';
import { runReminders } from '../../worker/jobs/reminders';
import { api, login, type Json } from './helpers';

let n = 0;
/** An open inquiry of a fresh unit (one answerer, one editor) with a given deadline. */
async function inquiryDue(dueAt: string) {
  n += 1;
  const unitId = `u_rem_${n}`;
  await env.DB.prepare("INSERT INTO units (id, name, kind, parent_id) VALUES (?1, ?2, 'department', 'u_district')").bind(unitId, `提醒测试单位${n}`).run();
  const answerer = await login('answerer', unitId, `提醒解答员${n}`);
  const editor = await login('editor', unitId, `提醒编辑${n}`);
  const resident = await login('resident');
  const q = (await api('/api/inquiries', { token: resident, body: { question: `提醒测试问题${n}`, unitId } })).body;
  await env.DB.prepare('UPDATE inquiries SET due_at = ?2 WHERE id = ?1').bind(q.id, dueAt).run();
  const me = async (token: string) => (await api('/api/me', { token })).body.id as string;
  return { id: q.id as string, answerer, editor, answererId: await me(answerer), editorId: await me(editor) };
}

const outboxFor = async (inquiryId: string, kind: string) =>
  (await env.DB.prepare('SELECT user_id FROM outbox WHERE inquiry_id = ?1 AND kind = ?2 ORDER BY user_id').bind(inquiryId, kind).all<{ user_id: string }>()).results.map((r) => r.user_id);

describe('reminders', () => {
  // Tuesday 2026-03-10, 10:00 in Shanghai: a working day in office hours.
  const tuesday10 = new Date('2026-03-10T02:00:00Z');

  it('reminds the answerer once when the last working day before the due day has begun', async () => {
    const q = await inquiryDue('2026-03-11T15:59:59.000Z'); // due Wednesday
    const later = await inquiryDue('2026-03-13T15:59:59.000Z'); // due Friday: not yet
    await runReminders(env, tuesday10);
    await runReminders(env, new Date(tuesday10.getTime() + 3_600_000));
    expect(await outboxFor(q.id, 'due_soon')).toEqual([q.answererId]);
    expect(await outboxFor(later.id, 'due_soon')).toEqual([]);
  });

  it('escalates an overdue inquiry to the answerer, the unit’s editors and the office, once', async () => {
    const office = await login('office', 'u_office', '督办员');
    const officeId = (await api('/api/me', { token: office })).body.id;
    const q = await inquiryDue('2026-03-09T15:59:59.000Z'); // due Monday, now Tuesday
    await runReminders(env, tuesday10);
    await runReminders(env, tuesday10);
    const people = await outboxFor(q.id, 'overdue');
    expect(people).toEqual(expect.arrayContaining([q.answererId, q.editorId, officeId]));
    expect(new Set(people).size).toBe(people.length);
  });

  it('stays quiet outside office hours and on holidays', async () => {
    const q = await inquiryDue('2026-03-09T15:59:59.000Z');
    expect(await runReminders(env, new Date('2026-03-10T11:00:00Z'))).toEqual({ skipped: 'outside office hours' }); // 19:00
    expect(await runReminders(env, new Date('2026-02-17T02:00:00Z'))).toEqual({ skipped: 'outside office hours' }); // 春节
    expect(await outboxFor(q.id, 'overdue')).toEqual([]);
  });

  it('lists due-soon and overdue inquiries in the answerer’s inbox tabs', async () => {
    const overdue = await inquiryDue(new Date(Date.now() - 3_600_000).toISOString());
    const overdueTab = await api('/api/inquiries?tab=overdue', { token: overdue.answerer });
    expect(overdueTab.body.items.map((i: Json) => [i.id, i.overdue])).toEqual([[overdue.id, true]]);
    expect((await api('/api/inquiries?tab=pending', { token: overdue.answerer })).body.items[0].workingDaysLeft).toBeLessThanOrEqual(0);
  });
});

describe('delivery', () => {
  it('puts every message in the in-app list, and sends WeChat messages only with a grant', async () => {
    const q = await inquiryDue('2026-12-31T15:59:59.000Z');
    const resident = await login('resident', undefined, '订阅居民');
    const residentId = (await api('/api/me', { token: resident })).body.id;
    await env.DB.prepare("UPDATE users SET openid = 'openid-ok' WHERE id = ?1").bind(residentId).run();
    expect((await api('/api/wechat/grants', { token: resident, body: { templateId: 'tmpl-replied', accepted: true } })).status).toBe(201);
    const mine = (await api('/api/inquiries', { token: resident, body: { question: '订阅消息测试问题', unitId: `u_rem_${n}` } })).body;
    await api(`/api/inquiries/${mine.id}/reply`, { token: q.answerer, body: { reply: '已答复' } });
    await deliverOutbox(env, new Date());
    const row = await env.DB.prepare("SELECT wechat_status, delivered_at FROM outbox WHERE inquiry_id = ?1 AND kind = 'replied'").bind(mine.id).first<Json>();
    expect(row).toMatchObject({ wechat_status: 'sent', delivered_at: expect.any(String) });
    const grant = await env.DB.prepare("SELECT remaining FROM wechat_grants WHERE user_id = ?1 AND template_id = 'tmpl-replied'").bind(residentId).first<Json>();
    expect(grant!.remaining).toBe(0);
    const list = await api('/api/notifications', { token: resident });
    expect(list.body.items).toContainEqual(expect.objectContaining({ kind: 'replied', inquiryId: mine.id, read: false }));
    expect(list.body.unread).toBeGreaterThan(0);
    const id = list.body.items[0].id;
    expect((await api(`/api/notifications/${id}/read`, { method: 'POST', token: resident })).body).toEqual({ read: true });
    expect((await api(`/api/notifications/${id}/read`, { method: 'POST', token: q.answerer })).status).toBe(404);
  });

  it('retries a WeChat message WeChat refused, without holding back the in-app one', async () => {
    const q = await inquiryDue('2026-12-31T15:59:59.000Z');
    const resident = await login('resident', undefined, '拒收居民');
    const residentId = (await api('/api/me', { token: resident })).body.id;
    await env.DB.prepare("UPDATE users SET openid = 'openid-refused' WHERE id = ?1").bind(residentId).run();
    await api('/api/wechat/grants', { token: resident, body: { templateId: 'tmpl-replied', accepted: true } });
    const mine = (await api('/api/inquiries', { token: resident, body: { question: '拒收测试问题', unitId: `u_rem_${n}` } })).body;
    await api(`/api/inquiries/${mine.id}/reply`, { token: q.answerer, body: { reply: '已答复' } });
    const now = new Date();
    await deliverOutbox(env, now);
    const row = await env.DB.prepare("SELECT wechat_status, attempts, delivered_at, last_error, next_attempt_at FROM outbox WHERE inquiry_id = ?1 AND kind = 'replied'").bind(mine.id).first<Json>();
    expect(row).toMatchObject({ wechat_status: 'retrying', attempts: 1, delivered_at: null });
    expect(row!.last_error).toContain('43101');
    expect(Date.parse(row!.next_attempt_at)).toBeGreaterThan(now.getTime());
    expect((await api('/api/notifications', { token: resident })).body.items.filter((i: Json) => i.inquiryId === mine.id)).toHaveLength(1);
    // Running again later: still one in-app notification, a second attempt.
    await deliverOutbox(env, new Date(now.getTime() + 10 * 60_000));
    expect((await api('/api/notifications', { token: resident })).body.items.filter((i: Json) => i.inquiryId === mine.id)).toHaveLength(1);
    const again = await env.DB.prepare("SELECT attempts FROM outbox WHERE inquiry_id = ?1 AND kind = 'replied'").bind(mine.id).first<Json>();
    expect(again!.attempts).toBe(2);
  });
});
