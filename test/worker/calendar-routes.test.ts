import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, expectError, login, type Json } from './helpers';

describe('GET /api/calendar/due', () => {
  it('counts the National Day example from the rules', async () => {
    const res = await api('/api/calendar/due?from=2025-09-26T10:00:00%2B08:00&days=5');
    expect(res.body).toEqual({
      dueAt: '2025-10-10T15:59:59.000Z',
      provisional: false,
      counted: ['2025-09-28', '2025-09-29', '2025-09-30', '2025-10-09', '2025-10-10'],
    });
  });

  it('marks a deadline in an unannounced year provisional', async () => {
    const res = await api('/api/calendar/due?from=2027-09-29T09:00:00Z&days=5');
    expect(res.body.provisional).toBe(true);
    expect(res.body.counted).not.toContain('2027-10-01');
  });

  it('rejects bad input in the error envelope', async () => {
    expectError(await api('/api/calendar/due?from=yesterday&days=5'), 400, 'validation');
    expectError(await api('/api/calendar/due?from=2025-09-26T10:00:00&days=5'), 400, 'validation');
    expectError(await api('/api/calendar/due?from=2025-09-26T10:00:00Z&days=0'), 400, 'validation');
    expectError(await api('/api/calendar/due?from=2025-09-26T10:00:00Z'), 400, 'validation');
    // The count would run past the calendar's last year: a 400, not a 500.
    expectError(await api('/api/calendar/due?from=2099-12-20T10:00:00Z&days=60'), 400, 'validation');
  });
});

describe('GET /api/calendar/days', () => {
  it('names holidays and adjusted workdays', async () => {
    const res = await api('/api/calendar/days?from=2026-02-14&to=2026-02-17');
    expect(res.body.items.map((d: Json) => [d.date, d.workday, d.kind])).toEqual([
      ['2026-02-14', true, 'adjusted_workday'],
      ['2026-02-15', false, 'holiday'],
      ['2026-02-16', false, 'holiday'],
      ['2026-02-17', false, 'holiday'],
    ]);
    expect(res.body.items[3].name).toContain('春节');
  });

  it('refuses an inverted or too long range', async () => {
    expectError(await api('/api/calendar/days?from=2026-02-17&to=2026-02-14'), 400, 'validation');
    expectError(await api('/api/calendar/days?from=2024-01-01&to=2026-01-01'), 400, 'validation');
  });

  it('refuses dates that are not real or not YYYY-MM-DD with a 400, never a 500', async () => {
    for (const bad of ['2026-02-30', '2026-1-1', '20260101', '2026-13-01', '2100-01-01', '']) {
      expectError(await api(`/api/calendar/days?from=${bad}&to=2026-03-01`), 400, 'validation');
      expectError(await api(`/api/calendar/days?from=2026-01-01&to=${bad}`), 400, 'validation');
    }
  });
});

describe('PUT /api/calendar/years/{year}', () => {
  const schedule2027 = {
    holidays: ['2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12', '2027-02-13'].map((date) => ({ date, name: '春节' })),
    workdays: [{ date: '2027-02-14', name: '春节' }],
  };

  it('is for the office only, and validated', async () => {
    expectError(await api('/api/calendar/years/2027', { method: 'PUT', token: await login('editor', 'u_t_rsj'), body: schedule2027 }), 403, 'forbidden');
    const office = await login('office', 'u_office');
    expectError(await api('/api/calendar/years/2027', { method: 'PUT', token: office, body: { holidays: [{ date: '2028-01-01', name: '元旦' }], workdays: [] } }), 400, 'validation');
    expectError(await api('/api/calendar/years/2027', { method: 'PUT', token: office, body: { holidays: [], workdays: [{ date: '2027-02-15', name: '周一' }] } }), 400, 'validation');
    expectError(await api('/api/calendar/years/99999', { method: 'PUT', token: office, body: schedule2027 }), 400, 'validation');
  });

  it('overrides the year, recomputes open deadlines and logs each change', async () => {
    const office = await login('office', 'u_office');
    const resident = await login('resident');
    const q = (await api('/api/inquiries', { token: resident, body: { question: '春节前提交的咨询什么时候答复？' } })).body;
    // An open inquiry received before the 2027 Spring Festival, whose deadline depends on it.
    const before = await api('/api/calendar/due?from=2027-02-04T10:00:00%2B08:00&days=5');
    expect(before.body.provisional).toBe(true);
    await env.DB.prepare('UPDATE inquiries SET received_at = ?2, due_at = ?3, due_provisional = 1 WHERE id = ?1')
      .bind(q.id, '2027-02-04T02:00:00.000Z', before.body.dueAt)
      .run();
    const saved = await api('/api/calendar/years/2027', { method: 'PUT', token: office, body: schedule2027 });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ year: 2027, source: 'office', provisional: false });
    expect(saved.body.recomputed).toBeGreaterThanOrEqual(1);
    const after = await api('/api/calendar/due?from=2027-02-04T10:00:00%2B08:00&days=5');
    expect(after.body.counted).toEqual(['2027-02-05', '2027-02-14', '2027-02-15', '2027-02-16', '2027-02-17']);
    expect(after.body.provisional).toBe(false);
    const view = await api(`/api/inquiries/${q.id}`, { token: resident });
    expect(view.body).toMatchObject({ dueAt: after.body.dueAt, dueProvisional: false });
    expect(view.body.events.at(-1)).toMatchObject({ type: 'due_changed', data: { from: before.body.dueAt, to: after.body.dueAt } });
    const year = await api('/api/calendar/years/2027');
    expect(year.body.workdays).toEqual([{ date: '2027-02-14', name: '春节' }]);
  });
});
