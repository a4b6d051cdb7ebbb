// When the API is down every screen says so and offers 重试 — never an endless spinner —
// and 重试 recovers once the API answers again.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { freePort, newPhone, shot, signInStaff, startStack } from './harness.mjs';

let stack;
let deadApi;
before(async () => {
  stack = await startStack();
  // A port nobody listens on: every request fails at once, like a server that is down.
  deadApi = `http://127.0.0.1:${await freePort()}`;
});
after(() => stack?.stop());

/** Within a few seconds the spinners are gone and an error with a retry button is shown. */
async function expectErrorWithRetry(page, scope = 'body') {
  const error = page.locator(`${scope} [data-state="error"]`).first();
  await error.waitFor({ state: 'visible', timeout: 8000 });
  assert.equal(await page.locator(`${scope} [data-state="loading"]`).count(), 0, 'a spinner is still showing');
  assert.match(await error.innerText(), /网络连接失败/);
  assert.ok(await error.locator('.zc-retry').isVisible(), 'the error offers 重试');
}

test('home with the API down shows errors with 重试, and 重试 recovers', async () => {
  const { page, context, errors } = await newPhone(stack.browser, deadApi);
  try {
    await page.goto(`${stack.appUrl}/pages/index/index`);
    await expectErrorWithRetry(page, '.zc-hot');
    await expectErrorWithRetry(page);
    await page.waitForTimeout(1000);
    assert.equal(await page.locator('[data-state="loading"]').count(), 0, 'no spinner comes back');
    await shot(page, 'error-home-api-down');

    // Typing while the API is down: the suggestion panel fails the same way.
    await page.locator('.zc-search input').fill('生娃了能领多少钱');
    await expectErrorWithRetry(page, '.zc-suggestions');
    await shot(page, 'error-suggestions-api-down');
    await page.locator('.zc-search input').fill('');

    // The API is back: 重试 loads the list.
    await page.evaluate((url) => {
      window.__API_BASE__ = url;
    }, stack.apiUrl);
    await page.locator('.zc-hot .zc-retry').click();
    await page.locator('.zc-hot .zc-entry-card').first().waitFor({ timeout: 10000 });
    assert.ok((await page.locator('.zc-hot .zc-entry-card').count()) > 0);
    assert.equal(await page.locator('.zc-hot [data-state="error"]').count(), 0);
    await shot(page, 'error-home-recovered');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('entry, topic and 我要咨询 screens show an error with 重试 when the API is down', async () => {
  const { page, context, errors } = await newPhone(stack.browser, deadApi);
  try {
    await page.goto(`${stack.appUrl}/pages/entry/index?id=faq_missing`);
    await expectErrorWithRetry(page);
    await shot(page, 'error-entry-api-down');

    await page.goto(`${stack.appUrl}/pages/topic/index?topic=${encodeURIComponent('社保')}`);
    await expectErrorWithRetry(page);
    await shot(page, 'error-topic-api-down');

    await page.goto(`${stack.appUrl}/pages/topics/index`);
    await expectErrorWithRetry(page);

    // 我要咨询: the expected reply date cannot be worked out; the form itself still shows.
    await page.goto(`${stack.appUrl}/pages/ask/index`);
    await expectErrorWithRetry(page, '.zc-expected');
    assert.ok(await page.locator('.zc-ask-question').isVisible());
    await page.locator('.zc-expected').scrollIntoViewIfNeeded();
    await shot(page, 'error-ask-api-down');
    // Its unit list cannot load either, and says so.
    await page.locator('.zc-unit-field').click();
    await expectErrorWithRetry(page, '.zc-unit-list');
    await shot(page, 'error-units-api-down');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('an entry that does not exist says so instead of offering a useless retry', async () => {
  const { page, context } = await newPhone(stack.browser, stack.apiUrl);
  try {
    await page.goto(`${stack.appUrl}/pages/entry/index?id=faq_does_not_exist`);
    const empty = page.locator('[data-state="empty"]');
    await empty.waitFor({ timeout: 8000 });
    assert.match(await empty.innerText(), /不存在或已下线/);
    await shot(page, 'error-entry-not-found');
  } finally {
    await context.close();
  }
});

test('an answer cut off on the way is a network error: it neither signs a staff member out nor shows as an empty page', async () => {
  const { page, context, errors } = await newPhone(stack.browser, stack.apiUrl);
  try {
    await signInStaff(page, stack.appUrl, 'office', '区政府办公室');
    // The API answers; the connection drops mid-body (a weak signal, or a page left mid-answer).
    let cut = 0;
    await page.route('**/api/me', async (route) => {
      const res = await route.fetch();
      cut += 1;
      await route.fulfill({ response: res, body: (await res.text()).slice(0, 12) });
    });
    // 我的 checks who is signed in as it opens: that answer arrives broken.
    const checked = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/me');
    await page.goto(`${stack.appUrl}/pages/mine/index`);
    await checked;
    await page.locator('.zc-staff-card').waitFor();
    assert.ok(cut >= 1, 'the answer was cut');
    await page.unroute('**/api/me');

    // Still signed in, on the next screen too.
    await page.goto(`${stack.appUrl}/pages/staff/inbox/index`);
    await page.locator('.zc-inbox-tab').first().waitFor();
    assert.equal(await page.getByText('需要工作人员登录').count(), 0);

    // A list whose answer is cut off says 网络连接失败 with 重试, not 没有待办的咨询.
    await page.route('**/api/inquiries?*', async (route) => {
      const res = await route.fetch();
      await route.fulfill({ response: res, body: (await res.text()).slice(0, 12) });
    });
    await page.reload();
    await expectErrorWithRetry(page);
    assert.equal(await page.getByText('没有待办的咨询').count(), 0);
    await page.unroute('**/api/inquiries?*');
    await page.locator('[data-state="error"] .zc-retry').first().click();
    await page.getByText('没有待办的咨询').waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
