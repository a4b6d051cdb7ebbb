import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { deliverWebhooks } from '../../worker/jobs/webhooks';
import { LIMITS } from '../../worker/rules/limits';
import { api, expectError, login, type Json } from './helpers';

let names = 0;
/** A name of its own for each receiver, so tests read only what was sent to them. */
const hookName = () => `h${Date.now().toString(36)}${(names += 1)}`;

async function sha256Hex(text: string) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** What a partner's server does with a webhook: recompute the signature over timestamp + "." + body. */
async function verify(secret: string, timestamp: string, body: string, signature: string) {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  const hex = signature.replace(/^sha256=/, '');
  const mac = new Uint8Array(hex.match(/../g)!.map((h) => parseInt(h, 16)));
  return crypto.subtle.verify('HMAC', key, mac, new TextEncoder().encode(`${timestamp}.${body}`));
}

async function newKey(office: string, over: Json = {}) {
  const res = await api('/api/partner-keys', { token: office, body: { name: '12345 热线平台', scopes: ['inquiries:create', 'inquiries:read', 'kb:search'], ...over } });
  expect(res.status).toBe(201);
  return res.body;
}

const hotline = (over: Json = {}) => ({
  question: '灵活就业人员怎么交社保？',
  unitId: 'u_t_rsj',
  channel: 'hotline',
  contactName: '王女士',
  contactPhone: '13800001111',
  ...over,
});

async function received(name: string): Promise<{ path: string; headers: Record<string, string>; body: string }[]> {
  return (await fetch(`https://hooks.test/inbox/${name}`)).json();
}

describe('partner keys', () => {
  it('shows the key once, keeps only its hash, and lists it by prefix', async () => {
    const office = await login('office', 'u_office', '政务公开办');
    const created = await newKey(office, { webhookUrl: 'https://hooks.test/ok/list' });
    expect(created.key).toMatch(/^zck_[A-Za-z0-9_-]{43}$/);
    expect(created.webhookSecret).toMatch(/^whsec_/);
    expect(created.prefix).toBe(created.key.slice(0, 10));

    const list = await api('/api/partner-keys', { token: office });
    const listed = list.body.items.find((k: Json) => k.id === created.id);
    expect(listed).toMatchObject({ name: '12345 热线平台', prefix: created.prefix, scopes: ['inquiries:create', 'inquiries:read', 'kb:search'], revokedAt: null, lastUsedAt: null });
    expect(JSON.stringify(list.body)).not.toContain(created.key);
    expect(JSON.stringify(list.body)).not.toContain(created.webhookSecret);

    const row = await env.DB.prepare('SELECT * FROM partner_keys WHERE id = ?1').bind(created.id).first<Record<string, unknown>>();
    expect(row!.key_hash).toBe(await sha256Hex(created.key));
    expect(Object.values(row!).some((v) => typeof v === 'string' && v.includes(created.key.slice(4)))).toBe(false);

    // Using it records when it was last used.
    expect((await api('/api/search?q=社保', { token: created.key })).status).toBe(200);
    const after = await api('/api/partner-keys', { token: office });
    expect(after.body.items.find((k: Json) => k.id === created.id).lastUsedAt).toEqual(expect.any(String));
  });

  it('is made and seen by the office only, within its jurisdiction', async () => {
    const editor = await login('editor', 'u_t_rsj', '人社编辑');
    expectError(await api('/api/partner-keys', { token: editor, body: { name: 'x', scopes: ['kb:search'] } }), 403, 'forbidden');
    expectError(await api('/api/partner-keys', { token: editor }), 403, 'forbidden');
    const office = await login('office', 'u_office', '政务公开办');
    const k = await newKey(office);
    // Another city's office knows nothing of it.
    await env.DB.batch([
      env.DB.prepare("INSERT OR IGNORE INTO units (id, name, kind, parent_id) VALUES ('u_pk_other', '他区', 'district', NULL)"),
      env.DB.prepare("INSERT OR IGNORE INTO units (id, name, kind, parent_id) VALUES ('u_pk_other_office', '他区政务公开办', 'office', 'u_pk_other')"),
    ]);
    const stranger = await login('office', 'u_pk_other_office', '他区办');
    expect((await api('/api/partner-keys', { token: stranger })).body.items.map((x: Json) => x.id)).not.toContain(k.id);
    expectError(await api(`/api/partner-keys/${k.id}`, { method: 'DELETE', token: stranger }), 404, 'not_found');
    expectError(await api(`/api/partner-keys/${k.id}/deliveries`, { token: stranger }), 404, 'not_found');
    // A key cannot log into another district's units either.
    expectError(await api('/api/inquiries', { token: k.key, body: hotline({ unitId: 'u_pk_other_office' }) }), 403, 'forbidden');
  });

  it('refuses a webhook address that is not https (or this machine in development)', async () => {
    const office = await login('office', 'u_office', '政务公开办');
    for (const webhookUrl of ['http://example.com/hook', 'ftp://example.com', 'https://user:pw@example.com/', 'not a url']) {
      expectError(await api('/api/partner-keys', { token: office, body: { name: 'x', scopes: ['kb:search'], webhookUrl } }), 400, 'validation');
    }
    expectError(await api('/api/partner-keys', { token: office, body: { name: 'x', scopes: [] } }), 400, 'validation');
    expectError(await api('/api/partner-keys', { token: office, body: { name: 'x', scopes: ['admin'] } }), 400, 'validation');
    // The test worker runs as development: a receiver on this machine is allowed.
    expect((await api('/api/partner-keys', { token: office, body: { name: 'x', scopes: ['kb:search'], webhookUrl: 'http://127.0.0.1:9/hook' } })).status).toBe(201);
  });

  it('enforces scopes on the server and keeps keys off every other route', async () => {
    const office = await login('office', 'u_office', '政务公开办');
    const search = await newKey(office, { scopes: ['kb:search'] });
    expectError(await api('/api/inquiries', { token: search.key, body: hotline() }), 403, 'forbidden');
    expect((await api('/api/search?q=社保', { token: search.key })).status).toBe(200);
    // Routes no scope names are closed to keys, even ones open to anyone.
    expectError(await api('/api/faq', { token: search.key }), 403, 'forbidden');
    expectError(await api('/api/inquiries', { token: search.key }), 403, 'forbidden');
    expectError(await api('/api/partner-keys', { token: search.key }), 403, 'forbidden');
    const reader = await newKey(office, { scopes: ['inquiries:read'] });
    expectError(await api('/api/inquiries/export?from=2026-01-01&to=2026-12-31', { token: reader.key }), 403, 'forbidden');

    const logger = await newKey(office, { scopes: ['inquiries:create'] });
    const made = await api('/api/inquiries', { token: logger.key, body: hotline() });
    expect(made.status).toBe(201);
    expectError(await api(`/api/inquiries/${made.body.id}`, { token: logger.key }), 403, 'forbidden');
    expectError(await api('/api/search?q=社保', { token: logger.key }), 403, 'forbidden');
    // A malformed key is not a session token either.
    expectError(await api('/api/search?q=社保', { token: 'zck_short' }), 401, 'unauthorized');
  });

  it('logs an inquiry on a resident’s behalf, attributed to the key, idempotently, readable by that key only', async () => {
    const office = await login('office', 'u_office', '政务公开办');
    const k = await newKey(office, { name: '区 12345 平台' });
    const other = await newKey(office, { name: '别的平台' });
    const headers = { 'Idempotency-Key': 'call-20261202-0001' };
    const first = await api('/api/inquiries', { token: k.key, body: hotline(), headers });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ channel: 'hotline', status: expect.any(String), unitId: 'u_t_rsj', ticket: expect.any(String) });
    expect(first.body.contact).toBeUndefined();
    const again = await api('/api/inquiries', { token: k.key, body: hotline(), headers });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expectError(await api('/api/inquiries', { token: k.key, body: hotline({ question: '另一件事' }), headers }), 409, 'conflict');
    // The same Idempotency-Key from another partner is that partner's own.
    expect((await api('/api/inquiries', { token: other.key, body: hotline(), headers })).status).toBe(201);
    // Without a channel a partner's question is a hotline one; without contact details it is refused.
    expect((await api('/api/inquiries', { token: k.key, body: { question: '低保怎么申请？', contactPhone: '13800002222' } })).body.channel).toBe('hotline');
    expectError(await api('/api/inquiries', { token: k.key, body: { question: '低保怎么申请？', channel: 'hotline' } }), 400, 'validation');

    const ledger = await env.DB.prepare("SELECT actor_id, actor_role FROM inquiry_events WHERE inquiry_id = ?1 AND type = 'submitted'")
      .bind(first.body.id)
      .first<Json>();
    expect(ledger).toEqual({ actor_id: k.id, actor_role: 'partner' });
    const staffView = await api(`/api/inquiries/${first.body.id}`, { token: office });
    expect(staffView.body.events[0]).toMatchObject({ type: 'submitted', actorRole: 'partner', actorName: '区 12345 平台' });
    expect(staffView.body.contact).toEqual({ name: '王女士', phone: '13800001111' });

    const read = await api(`/api/inquiries/${first.body.id}`, { token: k.key });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: first.body.id, status: first.body.status, dueAt: expect.any(String) });
    expect(read.body.events.every((e: Json) => e.actorName === undefined)).toBe(true);
    expectError(await api(`/api/inquiries/${first.body.id}`, { token: other.key }), 404, 'not_found');
  });

  it('counts every call of a key in the one limiter: over it, a 429 with Retry-After', async () => {
    const office = await login('office', 'u_office', '政务公开办');
    const k = await newKey(office, { scopes: ['kb:search'] });
    const { max, seconds } = LIMITS['partner.key'];
    const windowStart = Math.floor(Date.now() / 1000 / seconds) * seconds;
    await env.DB.prepare('INSERT INTO rate_counters (key, window_start, count) VALUES (?1, ?2, ?3)').bind(`partner.key:${k.id}`, windowStart, max).run();
    const res = await api('/api/search?q=社保', { token: k.key });
    expectError(res, 429, 'rate_limited');
    expect(Number(res.headers.get('Retry-After'))).toBeGreaterThan(0);
    // Another key is not held back by this one's calls.
    const fresh = await newKey(office, { scopes: ['kb:search'] });
    expect((await api('/api/search?q=社保', { token: fresh.key })).status).toBe(200);
  });

  it('stops a revoked key at once', async () => {
    const office = await login('office', 'u_office', '政务公开办');
    const k = await newKey(office);
    expect((await api('/api/search?q=社保', { token: k.key })).status).toBe(200);
    const revoked = await api(`/api/partner-keys/${k.id}`, { method: 'DELETE', token: office });
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    expectError(await api('/api/search?q=社保', { token: k.key }), 401, 'unauthorized');
    expectError(await api('/api/inquiries', { token: k.key, body: hotline() }), 401, 'unauthorized');
  });
});

describe('webhooks', () => {
  it('POSTs a signed event when the inquiry a key logged is replied, and records the delivery', async () => {
    const office = await login('office', 'u_office', '政务公开办');
    const name = hookName();
    const k = await newKey(office, { webhookUrl: `https://hooks.test/ok/${name}` });
    const made = await api('/api/inquiries', { token: k.key, body: hotline() });
    // Logging it is the partner's own doing: nothing is sent for that.
    expect(await received(name)).toEqual([]);

    const answerer = await login('answerer', 'u_t_rsj', '人社解答员');
    const editor = await login('editor', 'u_t_rsj', '人社编辑');
    const staff = made.body.answererId ? answerer : editor;
    const reply = await api(`/api/inquiries/${made.body.id}/reply`, { token: staff, body: { reply: '可到区社保中心窗口办理灵活就业参保登记。' } });
    expect(reply.status).toBe(200);

    const [hit] = await received(name);
    expect(hit).toBeDefined();
    const body = JSON.parse(hit!.body);
    expect(body).toEqual({
      event: 'replied',
      inquiryId: made.body.id,
      ticket: made.body.ticket,
      status: 'answered',
      at: expect.any(String),
      data: expect.objectContaining({ reply: '可到区社保中心窗口办理灵活就业参保登记。' }),
    });
    const ts = hit!.headers['x-zc-timestamp']!;
    expect(Math.abs(Number(ts) - Date.now() / 1000)).toBeLessThan(600);
    expect(hit!.headers['x-zc-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(await verify(k.webhookSecret, ts, hit!.body, hit!.headers['x-zc-signature']!)).toBe(true);
    // Signed with this key's secret: another secret, or another body, does not verify.
    expect(await verify('whsec_other', ts, hit!.body, hit!.headers['x-zc-signature']!)).toBe(false);
    expect(await verify(k.webhookSecret, ts, hit!.body.replace('answered', 'closed'), hit!.headers['x-zc-signature']!)).toBe(false);

    const deliveries = await api(`/api/partner-keys/${k.id}/deliveries`, { token: office });
    expect(deliveries.body.items).toEqual([
      expect.objectContaining({ event: 'replied', inquiryId: made.body.id, state: 'delivered', attempts: 1, tries: [expect.objectContaining({ statusCode: 200, error: null })] }),
    ]);
  });

  it('sends transfers too, and nothing for inquiries no key logged', async () => {
    const office = await login('office', 'u_office', '政务公开办');
    const name = hookName();
    const k = await newKey(office, { webhookUrl: `https://hooks.test/ok/${name}` });
    const made = await api('/api/inquiries', { token: k.key, body: hotline() });
    const moved = await api(`/api/inquiries/${made.body.id}/transfer`, { token: office, body: { unitId: 'u_t_ybj', reason: '属医保政策' } });
    expect(moved.status).toBe(200);
    const hits = await received(name);
    expect(hits.map((h) => JSON.parse(h.body).event)).toEqual(['transferred']);

    const resident = await login('resident');
    const own = await api('/api/inquiries', { token: resident, body: { question: '医保报销比例是多少？', unitId: 'u_t_ybj' } });
    const before = await env.DB.prepare('SELECT COUNT(*) AS n FROM webhook_deliveries').first<{ n: number }>();
    await api(`/api/inquiries/${own.body.id}/transfer`, { token: office, body: { unitId: 'u_t_rsj', reason: '属人社政策' } });
    const after = await env.DB.prepare('SELECT COUNT(*) AS n FROM webhook_deliveries').first<{ n: number }>();
    expect(after!.n).toBe(before!.n);
  });

  it('retries a failing delivery with the outbox back-off, records each attempt, and never blocks the change', async () => {
    const office = await login('office', 'u_office', '政务公开办');
    const name = hookName();
    const k = await newKey(office, { webhookUrl: `https://hooks.test/fail/${name}` });
    const made = await api('/api/inquiries', { token: k.key, body: hotline() });
    const reply = await api(`/api/inquiries/${made.body.id}/reply`, { token: office, body: { reply: '请携带身份证到窗口办理。' } });
    expect(reply.status).toBe(200);
    expect(reply.body.status).toBe('answered');

    const row = () =>
      env.DB.prepare('SELECT id, attempts, state, next_attempt_at, last_error FROM webhook_deliveries WHERE inquiry_id = ?1').bind(made.body.id).first<Json>();
    const first = await row();
    expect(first).toMatchObject({ attempts: 1, state: 'retrying', last_error: 'HTTP 503' });
    const wait1 = Date.parse(first!.next_attempt_at) - Date.now();
    expect(wait1).toBeGreaterThan(100_000); // 2 minutes after the first failure
    expect(wait1).toBeLessThanOrEqual(120_000);

    // Not due yet: a run now sends nothing.
    await deliverWebhooks(env, new Date());
    expect((await row())!.attempts).toBe(1);

    const later = new Date(Date.parse(first!.next_attempt_at) + 1000);
    await deliverWebhooks(env, later);
    const second = await row();
    expect(second).toMatchObject({ attempts: 2, state: 'retrying' });
    expect(Date.parse(second!.next_attempt_at) - later.getTime()).toBe(4 * 60_000);
    expect((await received(name)).length).toBe(2);

    // Given up after the outbox's attempts, and each one is listed.
    let at = Date.parse(second!.next_attempt_at) + 1000;
    for (let i = 0; i < 6; i++) {
      await deliverWebhooks(env, new Date(at));
      at += 20 * 60_000;
    }
    const last = await row();
    expect(last).toMatchObject({ attempts: 6, state: 'failed' });
    const deliveries = await api(`/api/partner-keys/${k.id}/deliveries`, { token: office });
    const listed = deliveries.body.items.find((d: Json) => d.id === last!.id);
    expect(listed.tries).toHaveLength(6);
    expect(listed.tries.every((t: Json) => t.statusCode === 503 && t.error === 'HTTP 503')).toBe(true);
    expect(listed.nextAttemptAt).toBeNull();
  });

  it('stops sending for a revoked key', async () => {
    const office = await login('office', 'u_office', '政务公开办');
    const name = hookName();
    const k = await newKey(office, { webhookUrl: `https://hooks.test/fail/${name}` });
    const made = await api('/api/inquiries', { token: k.key, body: hotline() });
    await api(`/api/inquiries/${made.body.id}/reply`, { token: office, body: { reply: '请携带身份证到窗口办理。' } });
    await api(`/api/partner-keys/${k.id}`, { method: 'DELETE', token: office });
    await deliverWebhooks(env, new Date(Date.now() + 3 * 60_000));
    const row = await env.DB.prepare('SELECT attempts, state, last_error FROM webhook_deliveries WHERE inquiry_id = ?1').bind(made.body.id).first<Json>();
    expect(row).toMatchObject({ attempts: 1, state: 'failed', last_error: '密钥已吊销' });
  });
});
