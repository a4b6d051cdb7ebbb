import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, expectError, login, type Json } from './helpers';

const END_OF = (day: string) => new Date(`${day}T23:59:59+08:00`).toISOString();

/** An open inquiry of `unitId` received at `receivedAt`, its due date as the calendar in force gives it. */
async function seedInquiry(receivedAt: string, unitId: string, status = 'assigned'): Promise<{ id: string; ticket: string; dueAt: string }> {
  const resident = await login('resident');
  const created = (await api('/api/inquiries', { token: resident, body: { question: `节假日调整前提交的咨询 ${receivedAt} ${unitId}` } })).body;
  const due = (await api(`/api/calendar/due?from=${encodeURIComponent(receivedAt)}&days=5`)).body;
  await env.DB.prepare('UPDATE inquiries SET received_at = ?2, due_at = ?3, due_provisional = ?4, unit_id = ?5, status = ?6 WHERE id = ?1')
    .bind(created.id, new Date(receivedAt).toISOString(), due.dueAt, due.provisional ? 1 : 0, unitId, status)
    .run();
  return { id: created.id, ticket: created.ticket, dueAt: due.dueAt };
}

/** The year as it stands, with `extra` holidays added: what the calendar screen sends. */
async function yearWith(year: number, extra: { date: string; name: string }[]) {
  const current = (await api(`/api/calendar/years/${year}`)).body;
  return { holidays: [...current.holidays, ...extra], workdays: current.workdays };
}

const events = async (id: string) =>
  (await env.DB.prepare("SELECT COUNT(*) AS n FROM inquiry_events WHERE inquiry_id = ?1 AND type = 'due_changed'").bind(id).first<{ n: number }>())!.n;

describe('POST /api/calendar/years/{year}/preview', () => {
  it('is for the office only, and validated like the save', async () => {
    const body = await yearWith(2029, []);
    expectError(await api('/api/calendar/years/2029/preview', { body }), 401, 'unauthorized');
    expectError(await api('/api/calendar/years/2029/preview', { token: await login('editor', 'u_t_rsj'), body }), 403, 'forbidden');
    expectError(await api('/api/calendar/years/2029/preview', { token: await login('answerer', 'u_t_rsj'), body }), 403, 'forbidden');
    const office = await login('office', 'u_office');
    expectError(await api('/api/calendar/years/2029/preview', { token: office, body: { holidays: [{ date: '2030-01-01', name: '元旦' }], workdays: [] } }), 400, 'validation');
    expectError(await api('/api/calendar/years/2029/preview', { token: office, body: { holidays: [], workdays: [{ date: '2029-10-08', name: '周一' }] } }), 400, 'validation');
    expectError(await api('/api/calendar/years/2029/preview', { token: office, body: 'not json' }), 400, 'validation');
    expectError(await api('/api/calendar/years/1800/preview', { token: office, body }), 400, 'validation');
  });

  it('counts the open deadlines a new holiday moves, with examples, and writes nothing', async () => {
    const office = await login('office', 'u_office');
    // Received Wed 2027-09-29: 9-30, (国庆 10-01…10-03), 10-04 … 10-07 → due Thu 10-07.
    const across = await seedInquiry('2027-09-29T10:00:00+08:00', 'u_t_rsj');
    expect(across.dueAt).toBe(END_OF('2027-10-07'));
    const second = await seedInquiry('2027-09-30T16:00:00+08:00', 'u_t_ybj');
    const spring = await seedInquiry('2027-03-01T10:00:00+08:00', 'u_t_rsj');
    const answered = await seedInquiry('2027-09-29T11:00:00+08:00', 'u_t_rsj', 'answered');
    // Another district's inquiry moves too, but its ticket is not this office's to see.
    await env.DB.prepare("INSERT OR IGNORE INTO units (id, name, kind, parent_id) VALUES ('u_t_far', '外区人社局', 'department', NULL)").run();
    const far = await seedInquiry('2027-09-29T09:00:00+08:00', 'u_t_far');

    const body = await yearWith(2027, ['2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07'].map((date) => ({ date, name: '国庆节' })));
    const res = await api('/api/calendar/years/2027/preview', { token: office, body });
    expect(res.status).toBe(200);
    // 2027 is unannounced: the spring inquiry's date stays, but is no longer provisional once the office enters the year.
    expect(res.body).toMatchObject({ year: 2027, changed: 3, settled: 1 });
    // With 10-04…10-07 off: 9-30, 10-08, 10-11, 10-12, 10-13.
    expect(res.body.examples).toEqual([
      { id: across.id, ticket: across.ticket, from: END_OF('2027-10-07'), to: END_OF('2027-10-13'), provisional: false },
      { id: second.id, ticket: second.ticket, from: second.dueAt, to: expect.any(String), provisional: false },
    ]);
    expect(res.body.examples[1].to > second.dueAt).toBe(true);
    const tickets = res.body.examples.map((e: Json) => e.ticket);
    expect(tickets).not.toContain(spring.ticket);
    expect(tickets).not.toContain(answered.ticket);
    expect(tickets).not.toContain(far.ticket);

    // Nothing written: the year, the deadlines and the ledger are as they were.
    expect(await env.DB.prepare('SELECT COUNT(*) AS n FROM calendar_years WHERE year = 2027').first('n')).toBe(0);
    expect(await env.DB.prepare('SELECT due_at FROM inquiries WHERE id = ?1').bind(across.id).first('due_at')).toBe(across.dueAt);
    expect(await events(across.id)).toBe(0);
    expect((await api('/api/calendar/years/2027')).body.source).toBe('statutory');
  });

  it('matches what the save then does: it moves those deadlines in one batch, each with a ledger event', async () => {
    const office = await login('office', 'u_office');
    const across = await seedInquiry('2028-09-27T10:00:00+08:00', 'u_t_rsj');
    const untouched = await seedInquiry('2028-04-10T10:00:00+08:00', 'u_t_jd');
    const body = await yearWith(2028, [{ date: '2028-09-28', name: '调整放假' }, { date: '2028-09-29', name: '调整放假' }]);

    const preview = (await api('/api/calendar/years/2028/preview', { token: office, body })).body;
    expect(preview.changed).toBe(1);
    expect(preview.examples).toEqual([expect.objectContaining({ ticket: across.ticket, from: across.dueAt })]);

    const saved = await api('/api/calendar/years/2028', { method: 'PUT', token: office, body });
    expect(saved.status).toBe(200);
    // The untouched one's date stays; the office's year makes it firm (no longer provisional).
    expect(preview.settled).toBe(1);
    expect(saved.body).toMatchObject({ year: 2028, source: 'office', recomputed: 2 });
    const row = await env.DB.prepare('SELECT due_at FROM inquiries WHERE id = ?1').bind(across.id).first('due_at');
    expect(row).toBe(preview.examples[0].to);
    expect(await env.DB.prepare('SELECT due_at FROM inquiries WHERE id = ?1').bind(untouched.id).first('due_at')).toBe(untouched.dueAt);
    const event = await env.DB.prepare("SELECT data, actor_role FROM inquiry_events WHERE inquiry_id = ?1 AND type = 'due_changed'")
      .bind(across.id)
      .first<{ data: string; actor_role: string }>();
    expect(event?.actor_role).toBe('office');
    expect(JSON.parse(event!.data)).toMatchObject({ from: across.dueAt, to: preview.examples[0].to, reason: 'calendar' });

    // Saved, the same body moves nothing more.
    const again = (await api('/api/calendar/years/2028/preview', { token: office, body })).body;
    expect(again).toEqual({ year: 2028, changed: 0, settled: 0, examples: [] });
  });
});
