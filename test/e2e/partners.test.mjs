// Partner keys and webhooks end to end: the office makes a key on 对接密钥, a 12345 platform logs a
// question with it, staff reply, the cron runs, and a receiver on this machine gets the signed POST.
import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { apiCall, newPhone, shot, signInStaff, startStack } from './harness.mjs';

let stack;
let receiver;
/** Every POST the partner's server received: headers and the raw body, as it read them. */
const received = [];

before(async () => {
  stack = await startStack();
  receiver = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      received.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
    });
  });
  await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
});
after(async () => {
  await new Promise((resolve) => receiver?.close(resolve));
  await stack?.stop();
});

/** What the README tells partners to do with a webhook. */
function verify(secret, timestamp, body, signature) {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`);
  const given = Buffer.from(signature ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function runCron() {
  const res = await fetch(`${stack.apiUrl}/__scheduled?cron=${encodeURIComponent('*/10 * * * *')}`);
  assert.equal(res.status, 200);
}

async function waitFor(check, what, ms = 15000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const found = check();
    if (found) return found;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const shotsDir = process.env.PARTNER_SHOTS;
async function named(page, name) {
  await shot(page, name);
  if (shotsDir) {
    mkdirSync(shotsDir, { recursive: true });
    await page.screenshot({ path: path.join(shotsDir, `${name}.png`), fullPage: true });
  }
}

test('the office makes a key, a partner logs a question with it, a reply reaches the partner signed, and revoking stops the key', async () => {
  const { page, context, errors } = await newPhone(stack.browser, stack.apiUrl);
  try {
    await signInStaff(page, stack.appUrl, 'office', '区政府办公室', '周文');
    await page.locator('.zc-go-partners').click();
    await page.locator('.zc-partner-form').waitFor();
    await page.locator('.zc-partner-keys [data-state="empty"], .zc-partner-keys .zc-partner-key-row').first().waitFor();

    await page.locator('.zc-partner-name input').fill('区 12345 热线平台');
    // create and read are chosen to begin with; add search.
    await page.locator('.zc-partner-scope[data-scope="kb:search"]').click();
    await page.locator('.zc-partner-url input').fill(`http://127.0.0.1:${receiver.address().port}/zixun/hook`);
    await page.locator('.nut-button.zc-partner-submit').click();
    await page.locator('.zc-partner-result').waitFor();
    const key = (await page.locator('.zc-partner-key').innerText()).trim();
    const secret = (await page.locator('.zc-partner-secret').innerText()).trim();
    assert.match(key, /^zck_[A-Za-z0-9_-]{43}$/);
    assert.match(secret, /^whsec_/);
    const row = page.locator('.zc-partner-key-row', { hasText: '区 12345 热线平台' });
    await row.waitFor();
    assert.match(await row.innerText(), new RegExp(`${key.slice(0, 10)}…`));
    assert.match(await row.innerText(), /尚未使用/);
    await named(page, 'partners-created');

    // The 12345 platform logs a call on a resident's behalf.
    const call = async (method, pathname, body, headers = {}) => {
      const res = await fetch(`${stack.apiUrl}${pathname}`, {
        method,
        headers: { Authorization: `Bearer ${key}`, ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: res.status, body: await res.json() };
    };
    const logged = await call(
      'POST',
      '/api/inquiries',
      { question: '灵活就业人员社保补贴怎么申请？', unitId: 'u_rsj', channel: 'hotline', contactName: '王女士', contactPhone: '13800001111' },
      { 'Idempotency-Key': 'hotline-call-0001' },
    );
    assert.equal(logged.status, 201, JSON.stringify(logged.body));
    assert.equal(logged.body.channel, 'hotline');
    assert.equal((await call('GET', '/api/search?q=社保补贴')).status, 200);

    // Staff see who logged it, and the office replies (it may handle any inquiry of its district).
    const office = (await apiCall(stack.apiUrl, 'POST', '/api/auth/dev', { body: { role: 'office', unitId: 'u_office' } })).token;
    const staffView = await apiCall(stack.apiUrl, 'GET', `/api/inquiries/${logged.body.id}`, { token: office });
    assert.equal(staffView.events[0].actorName, '区 12345 热线平台');
    assert.deepEqual(staffView.contact, { name: '王女士', phone: '13800001111' });
    const replyText = '可在区社保中心窗口或「清河政务服务」小程序申请，需身份证和灵活就业登记证明。';
    await apiCall(stack.apiUrl, 'POST', `/api/inquiries/${logged.body.id}/reply`, { token: office, body: { reply: replyText } });
    await runCron();

    const hit = await waitFor(() => received.find((r) => r.method === 'POST' && r.url === '/zixun/hook'), 'the webhook');
    const payload = JSON.parse(hit.body);
    assert.deepEqual(
      { event: payload.event, inquiryId: payload.inquiryId, ticket: payload.ticket, status: payload.status, reply: payload.data.reply },
      { event: 'replied', inquiryId: logged.body.id, ticket: logged.body.ticket, status: 'answered', reply: replyText },
    );
    assert.match(hit.headers['x-zc-signature'], /^sha256=[0-9a-f]{64}$/);
    assert.ok(verify(secret, hit.headers['x-zc-timestamp'], hit.body, hit.headers['x-zc-signature']), 'the signature verifies with the secret shown once');
    assert.ok(!verify('whsec_wrong', hit.headers['x-zc-timestamp'], hit.body, hit.headers['x-zc-signature']));
    // The partner reads the answer back with its key.
    const read = await call('GET', `/api/inquiries/${logged.body.id}`);
    assert.equal(read.body.reply, replyText);

    // The delivery is listed on the screen.
    await page.reload();
    const listed = page.locator('.zc-partner-key-row', { hasText: '区 12345 热线平台' });
    await listed.locator('.nut-button.zc-partner-deliveries').click();
    const delivery = listed.locator('.zc-partner-delivery').first();
    await delivery.waitFor();
    assert.equal(await delivery.getAttribute('data-state'), 'delivered');
    assert.match(await delivery.innerText(), new RegExp(logged.body.ticket));
    assert.match(await delivery.innerText(), /已送达/);
    assert.match(await delivery.innerText(), /（200）/);
    assert.match(await listed.innerText(), /最近使用/);
    await listed.locator('.zc-partner-delivery-list').scrollIntoViewIfNeeded();
    await named(page, 'partners-deliveries');

    // Revoking asks first, and the key stops at once.
    await listed.locator('.nut-button.zc-partner-revoke').click();
    await page.locator('.nut-button.zc-confirm-ok').click();
    await page.locator('.zc-partner-key-row[data-revoked="true"]', { hasText: '区 12345 热线平台' }).waitFor();
    assert.equal((await call('GET', '/api/search?q=社保')).status, 401);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('对接密钥 in 长辈模式', async () => {
  const { page, context, errors } = await newPhone(stack.browser, stack.apiUrl);
  try {
    await signInStaff(page, stack.appUrl, 'office', '区政府办公室', '周文');
    await page.locator('.zc-elder-switch').click();
    await page.locator('.zc-elder-switch[data-on="on"]').waitFor();
    await page.locator('.zc-go-partners').click();
    await page.locator('.zc-partner-key-row').first().waitFor();
    await page.locator('.zc-partner-name input').fill('市民热线');
    await page.locator('.nut-button.zc-partner-submit').click();
    await page.locator('.zc-partner-result').waitFor();
    assert.match(await page.locator('.zc-partner-result').innerText(), /密钥只在这里显示一次/);
    await named(page, 'partners-elder');
    await page.locator('.zc-partner-key-row[data-revoked="true"]').first().scrollIntoViewIfNeeded();
    await named(page, 'partners-elder-list');
    // Large text still fits the phone's width.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
