import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { DEMO_UNITS } from '../../worker/seed/demo-data';
import { DEMO_ANSWERERS } from '../../worker/seed/demo-staff';
import { api, login, type Json } from './helpers';

describe('the demo roster', () => {
  it('names every department one answerer or more and every street one or two, each with a work phone: the office sees no gaps', async () => {
    expect((await api('/api/dev/seed', { method: 'POST' })).status).toBe(200);
    const office = await login('office', 'u_office', '周文');
    const gaps = (await api('/api/roster/gaps', { token: office })).body.items as Json[];
    // This file's database holds only the demo district and the helpers' test units, which have nobody.
    expect(gaps.filter((g) => !String(g.unitId).startsWith('u_t_'))).toEqual([]);

    const roster = (await api('/api/answerers')).body.items as Json[];
    for (const unit of DEMO_UNITS) {
      const people = roster.filter((a) => a.unitId === unit.id);
      if (unit.kind === 'street') expect(people.length, unit.name).toBeGreaterThanOrEqual(1);
      if (unit.kind === 'street') expect(people.length, unit.name).toBeLessThanOrEqual(2);
      else expect(people.length, unit.name).toBeGreaterThanOrEqual(1);
    }
    const demo = roster.filter((x) => DEMO_ANSWERERS.some((d) => d.name === x.name && d.unitId === x.unitId));
    expect(demo).toHaveLength(DEMO_ANSWERERS.length);
    for (const a of demo) {
      expect(a.workPhone, a.name).toMatch(/^0000-86\d{6}$/);
      expect(a.officeHours, a.name).toBeTruthy();
      expect(a.title, a.name).toBeTruthy();
    }
    const byTopic = (await api(`/api/answerers?topic=${encodeURIComponent('户籍')}`)).body.items as Json[];
    expect(byTopic.map((a) => a.name)).toContain('何平');
  });

  it('seeding again keeps a profile someone has edited, and fills one seeded before profiles existed', async () => {
    await api('/api/dev/seed', { method: 'POST' });
    const office = await login('office', 'u_office', '周文');
    const zhang = ((await api('/api/answerers?unitId=u_rsj')).body.items as Json[]).find((a) => a.name === '张明')!;
    expect((await api(`/api/users/${zhang.id}/profile`, { method: 'PATCH', token: office, body: { title: '就业促进科科长' } })).status).toBe(200);
    const li = ((await api('/api/answerers?unitId=u_swj')).body.items as Json[]).find((a) => a.name === '李强')!;
    await env.DB.prepare("UPDATE users SET title = NULL, work_phone = NULL, office_hours = NULL, topics = '[]', intro = NULL WHERE id = ?1").bind(li.id).run();

    await api('/api/dev/seed', { method: 'POST' });
    const after = (await api('/api/answerers')).body.items as Json[];
    expect(after.find((a) => a.id === zhang.id)).toMatchObject({ title: '就业促进科科长', workPhone: '0000-86101201' });
    expect(after.find((a) => a.id === li.id)).toMatchObject({ title: '纳税服务科科员', workPhone: '0000-86106701', topics: ['纳税'] });
  });
});
