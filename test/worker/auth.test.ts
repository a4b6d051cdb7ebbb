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

  it('rejects a forged or malformed token', async () => {
    const token = await login('resident');
    const [h, p] = token.split('.');
    const forgedPayload = btoa(JSON.stringify({ sub: 'x', role: 'office', unit: 'u_office', exp: 9999999999 }))
      .replace(/=+$/, '')
      .replace(/\+/g, '-')
      .replace(/\//g, '_');
    expectError(await api('/api/me', { token: `${h}.${forgedPayload}.${token.split('.')[2]}` }), 401, 'unauthorized');
    expectError(await api('/api/me', { token: `${h}.${p}` }), 401, 'unauthorized');
    expectError(await api('/api/me', { headers: { Authorization: 'Basic abc' } }), 401, 'unauthorized');
  });

  it('refuses to sign tokens without a configured secret', async () => {
    const req = new Request('http://127.0.0.1/api/auth/dev', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ role: 'resident' }),
    });
    const res = await app.fetch(req, { ...env, JWT_SECRET: undefined });
    expect(res.status).toBe(500);
    expect(await res.json()).toMatchObject({ error: { code: 'internal' } });
  });
});

describe('units', () => {
  it('lists units publicly', async () => {
    await ensureUnits();
    const res = await api('/api/units');
    expect(res.body.items).toContainEqual({ id: 'u_office', name: '区政府办公室', kind: 'office' });
    expect(res.body.items).toContainEqual({ id: 'u_t_rsj', name: '测试区人社局', kind: 'department' });
  });
});

describe('answerers', () => {
  it('lists the named answerers publicly, by unit', async () => {
    await login('answerer', 'u_t_ybj', '公开的解答员');
    await login('editor', 'u_t_ybj', '不是解答员');
    const res = await api('/api/answerers?unitId=u_t_ybj');
    expect(res.body.items).toEqual([{ id: expect.any(String), name: '公开的解答员', unitId: 'u_t_ybj', unitName: '测试区医保局' }]);
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
