import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { app } from '../../worker/app';
import { api, ensureUnits, expectError, login } from './helpers';

describe('health and errors', () => {
  it('answers ok once the database serves', async () => {
    const res = await api('/api/health');
    expect(res).toMatchObject({ status: 200, body: { ok: true } });
    expect(res.headers.get('Server-Timing')).toMatch(/^app;dur=\d/);
  });

  it('answers an unknown route with the error envelope', async () => {
    expectError(await api('/api/nothing-here'), 404, 'not_found');
  });

  it('rejects a body that is not JSON with 400', async () => {
    expectError(await api('/api/auth/dev', { body: '{not json' }), 400, 'bad_request');
  });
});

describe('dev sign-in', () => {
  it('gives a resident a token that /api/me understands', async () => {
    const token = await login('resident', undefined, '张三');
    const me = await api('/api/me', { token });
    expect(me.body).toMatchObject({ role: 'resident', unitId: null, name: '张三' });
  });

  it('binds staff to their unit', async () => {
    const token = await login('editor', 'u_t_rsj');
    const me = await api('/api/me', { token });
    expect(me.body).toMatchObject({ role: 'editor', unitId: 'u_t_rsj', unitName: '测试区人社局' });
  });

  it('requires a unit for staff and an existing one', async () => {
    await ensureUnits();
    const missing = await api('/api/auth/dev', { body: { role: 'editor' } });
    expectError(missing, 400, 'validation');
    expect(missing.body.error.issues).toContainEqual(expect.objectContaining({ path: 'unitId' }));
    expectError(await api('/api/auth/dev', { body: { role: 'editor', unitId: 'u_nowhere' } }), 400, 'validation');
    expectError(await api('/api/auth/dev', { body: { role: 'mayor' } }), 400, 'validation');
    expectError(await api('/api/auth/dev', { body: { role: 'resident', extra: 1 } }), 400, 'validation');
  });

  it('does not exist in production', async () => {
    const req = new Request('http://127.0.0.1/api/auth/dev', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ role: 'office', unitId: 'u_office' }),
    });
    const res = await app.fetch(req, { ...env, ENVIRONMENT: 'production' });
    expect(res.status).toBe(404);
    const seed = await app.fetch(new Request('http://127.0.0.1/api/dev/seed', { method: 'POST' }), { ...env, ENVIRONMENT: 'production' });
    expect(seed.status).toBe(404);
  });

  it('does not answer on a public host name even in development', async () => {
    const req = new Request('https://zixun.example.gov.cn/api/auth/dev', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ role: 'office', unitId: 'u_office' }),
    });
    expect((await app.fetch(req, env)).status).toBe(404);
  });
});

describe('sessions', () => {
  it('requires a token for /api/me', async () => {
    expectError(await api('/api/me'), 401, 'unauthorized');
  });

  it('rejects an unknown or malformed token', async () => {
    const token = await login('resident');
    expect(token).toMatch(/^zc1_[A-Za-z0-9_-]{43}$/);
    const forged = `zc1_${'A'.repeat(43)}`;
    expectError(await api('/api/me', { token: forged }), 401, 'unauthorized');
    expectError(await api('/api/me', { token: token.slice(0, -1) }), 401, 'unauthorized');
    expectError(await api('/api/me', { headers: { Authorization: 'Basic abc' } }), 401, 'unauthorized');
  });

  it('answers 401, not 500, once the user behind a token is gone', async () => {
    const token = await login('resident', undefined, '将被删除的居民');
    const me = (await api('/api/me', { token })).body;
    await env.DB.prepare('DELETE FROM users WHERE id = ?1').bind(me.id).run();
    expectError(await api('/api/me', { token }), 401, 'unauthorized');
    expectError(await api('/api/inquiries', { token, body: { question: '删除后的账号还能提问吗？' } }), 401, 'unauthorized');
    expectError(await api('/api/wechat/grants', { token, body: { templateId: 'tmpl-replied' } }), 401, 'unauthorized');
  });
});

describe('units', () => {
  it('lists units publicly, each with its parent', async () => {
    await ensureUnits();
    const res = await api('/api/units');
    expect(res.body.items).toContainEqual({ id: 'u_office', name: '区政府办公室', kind: 'office', parentId: 'u_district', retired: false });
    expect(res.body.items).toContainEqual({ id: 'u_t_rsj', name: '测试区人社局', kind: 'department', parentId: 'u_district', retired: false });
    expect(res.body.items).toContainEqual(expect.objectContaining({ id: 'u_district', kind: 'district', parentId: null }));
  });
});

describe('answerers', () => {
  it('lists the named answerers publicly, by unit, with only their public profile', async () => {
    await login('answerer', 'u_t_ybj', '公开的解答员');
    await login('editor', 'u_t_ybj', '不是解答员');
    const res = await api('/api/answerers?unitId=u_t_ybj');
    expect(res.body.items).toEqual([
      {
        id: expect.any(String),
        name: '公开的解答员',
        title: null,
        unitId: 'u_t_ybj',
        unitName: '测试区医保局',
        workPhone: null,
        officeHours: null,
        topics: [],
        intro: null,
      },
    ]);
  });
});

describe('demo seed', () => {
  it('loads the demo district once, however often it runs', async () => {
    const count = async () =>
      (await env.DB.prepare("SELECT (SELECT COUNT(*) FROM faq_entries) + (SELECT COUNT(*) FROM users WHERE role = 'answerer') AS n").first<{ n: number }>())!.n;
    const first = await api('/api/dev/seed', { method: 'POST' });
    expect(first.body.entries).toBeGreaterThanOrEqual(60);
    const after = await count();
    const again = await api('/api/dev/seed', { method: 'POST' });
    expect(again.body.entries).toBe(0);
    expect(await count()).toBe(after);
    expect((await api('/api/faq/search?q=生娃了能领多少钱&limit=3')).body.items.length).toBeGreaterThan(0);
  });
});
