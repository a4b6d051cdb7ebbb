// The office's own screens: the desktop layout (side navigation, the inbox as a table), 分类分派
// (a topic's unit changed, and the next question of that topic lands there) and 节假日安排 (a holiday
// added, its effect on open deadlines previewed, saved, and the deadline moved).
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { PHONE, apiCall, shot, signInStaff, startStack } from './harness.mjs';

let stack;
before(async () => {
  stack = await startStack();
});
after(() => stack?.stop());

const DESKTOP = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };

async function open(options) {
  const context = await stack.browser.newContext(options);
  await context.addInitScript((base) => {
    window.__API_BASE__ = base;
  }, stack.apiUrl);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(err));
  return { context, page, errors };
}

async function elderOn(page) {
  await page.goto(`${stack.appUrl}/pages/mine/index`);
  await page.locator('.zc-elder-switch[data-on="off"]').click();
  await page.locator('.zc-elder-switch[data-on="on"]').waitFor();
}

const visibleNav = (page) => page.locator('.zc-side-nav:visible');

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core's serious and critical violations on the page as it is now. */
async function axeViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

test('a resident on a desktop reads in a centred column, without the staff navigation', async () => {
  const { page, context, errors } = await open(DESKTOP);
  try {
    await page.goto(`${stack.appUrl}/pages/index/index`);
    await page.locator('.zc-search').first().waitFor();
    assert.equal(await visibleNav(page).count(), 0);
    const box = await page.locator('.zc-search').first().boundingBox();
    assert.ok(box.width <= 720, `the search sits in the reading column, ${box.width}px wide`);
    assert.ok(Math.abs(box.x + box.width / 2 - 640) < 40, `centred, at ${box.x}`);
    await shot(page, 'office-desktop-resident-home');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('on a desktop the office gets a side navigation and the inbox as a table; a phone keeps cards', async () => {
  const desk = await open(DESKTOP);
  const phone = await open(PHONE);
  try {
    const { page } = desk;
    // Work for the inbox: the demo district starts with none.
    const { token } = await apiCall(stack.apiUrl, 'POST', '/api/auth/dev', { body: { role: 'resident', name: '桌面测试居民' } });
    for (const [question, topic] of [
      ['灵活就业人员怎么缴纳养老保险？', '社保'],
      ['孩子上小学需要准备哪些材料？', '教育'],
      ['住院费用异地报销怎么办理？', '医疗'],
    ]) {
      await apiCall(stack.apiUrl, 'POST', '/api/inquiries', { token, body: { question, topic } });
    }
    await signInStaff(page, stack.appUrl, 'office', '区政府办公室', '周文');
    await page.goto(`${stack.appUrl}/pages/staff/inbox/index`);
    await page.locator('.zc-inquiry-card').first().waitFor();
    await visibleNav(page).waitFor();
    const links = (await visibleNav(page).locator('.zc-side-nav-item').allInnerTexts()).map((t) => t.trim());
    for (const name of ['咨询工作台', '回访', '高频问题', '分类分派', '节假日', '单位', '人员', '对接密钥']) assert.ok(links.includes(name), `side navigation has ${name}: ${links.join(' / ')}`);
    assert.equal(await visibleNav(page).locator('[aria-current="page"]').innerText(), '咨询工作台');

    // A table: the card is a grid row under a visible header; the sizes are the design's, not doubled.
    const card = page.locator('.zc-inquiry-card').first();
    assert.equal(await card.evaluate((el) => getComputedStyle(el).display), 'grid');
    assert.ok(await page.locator('.zc-inquiry-received:visible').first().isVisible(), 'the received date is a cell');
    const box = await card.boundingBox();
    const nav = await visibleNav(page).boundingBox();
    assert.ok(box.x >= nav.x + nav.width, `the table sits right of the navigation (${box.x} vs ${nav.width})`);
    assert.ok(box.height < 80, `a row is one line high, got ${box.height}px`);
    const body = await page.locator('.zc-inquiry-question').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    assert.ok(body >= 15 && body <= 18, `desktop body text at the design's size, got ${body}px`);
    await shot(page, 'office-desktop-inbox');

    // A resident-facing screen: a centred column, no navigation for staff-only items beyond it.
    await page.goto(`${stack.appUrl}/pages/staff/routing/index`);
    await page.locator('.zc-route-row').first().waitFor();
    await shot(page, 'office-desktop-routing');

    // The same office on a phone: no side navigation, the inbox as cards.
    await signInStaff(phone.page, stack.appUrl, 'office', '区政府办公室', '周文');
    await phone.page.goto(`${stack.appUrl}/pages/staff/inbox/index`);
    await phone.page.locator('.zc-inquiry-card').first().waitFor();
    assert.equal(await visibleNav(phone.page).count(), 0, 'no side navigation on a phone');
    assert.notEqual(await phone.page.locator('.zc-inquiry-card').first().evaluate((el) => getComputedStyle(el).display), 'grid');
    assert.equal(await phone.page.locator('.zc-inquiry-received:visible').count(), 0, 'cards keep their phone layout');
    await shot(phone.page, 'office-phone-inbox');

    // 长辈模式 on both.
    await elderOn(page);
    await page.goto(`${stack.appUrl}/pages/staff/inbox/index`);
    await page.locator('.zc-inquiry-card').first().waitFor();
    await visibleNav(page).waitFor();
    await shot(page, 'office-desktop-inbox-elder');
    assert.deepEqual(desk.errors, []);
    assert.deepEqual(phone.errors, []);
  } finally {
    await desk.context.close();
    await phone.context.close();
  }
});

test('the office routes a topic to another unit, and the next question of that topic goes there', async () => {
  const { page, context, errors } = await open(DESKTOP);
  try {
    await signInStaff(page, stack.appUrl, 'office', '区政府办公室');
    await page.goto(`${stack.appUrl}/pages/staff/inbox/index`);
    await page.locator('.zc-inbox-tab').first().waitFor();
    await visibleNav(page).locator('.zc-side-nav-routing').click();
    await page.waitForURL(/\/pages\/staff\/routing\/index/);
    const row = page.locator('.zc-route-row[data-topic="住房"]');
    await row.waitFor();
    assert.equal(await row.getAttribute('data-unit'), 'u_zjj');
    await row.locator('.zc-unit-field').click();
    await page.locator('.zc-unit-option:visible', { hasText: '区民政局' }).click();
    await page.locator('.zc-route-row[data-topic="住房"][data-unit="u_mzj"]').waitFor();
    assert.match(await row.locator('.zc-unit-field').innerText(), /区民政局/);
    await shot(page, 'office-desktop-routing-changed');

    const { token } = await apiCall(stack.apiUrl, 'POST', '/api/auth/dev', { body: { role: 'resident', name: '分派测试居民' } });
    const asked = await apiCall(stack.apiUrl, 'POST', '/api/inquiries', { token, body: { question: '公租房申请需要满足什么条件？', topic: '住房' } });
    assert.equal(asked.unitName, '区民政局');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the office adds a holiday, sees which deadlines move before saving, saves, and the deadline moves', async () => {
  const { page, context, errors } = await open(DESKTOP);
  try {
    // An open inquiry, and a weekday its count runs through: its own due day.
    const { token } = await apiCall(stack.apiUrl, 'POST', '/api/auth/dev', { body: { role: 'resident', name: '期限测试居民' } });
    const asked = await apiCall(stack.apiUrl, 'POST', '/api/inquiries', { token, body: { question: '节假日调整后答复期限会顺延吗？', topic: '社保' } });
    const due = await apiCall(stack.apiUrl, 'GET', `/api/calendar/due?from=${encodeURIComponent(asked.receivedAt)}&days=5`);
    const day = [...due.counted].reverse().find((d) => ![0, 6].includes(new Date(`${d}T12:00:00+08:00`).getUTCDay()));
    const year = Number(day.slice(0, 4));

    await signInStaff(page, stack.appUrl, 'office', '区政府办公室');
    await page.goto(`${stack.appUrl}/pages/staff/calendar/index`);
    await page.locator(`.zc-calendar-year[data-year="${year}"]`).click();
    await page.locator('.zc-calendar-source').waitFor();
    await page.locator('.zc-calendar-holidays .zc-calendar-day').first().waitFor();
    assert.equal(await page.locator('.nut-button.zc-calendar-preview').count(), 0, 'nothing to save before a change');

    // A date outside the year is refused where it is typed.
    await page.locator('.zc-calendar-kind-holidays').click();
    await page.locator('.zc-calendar-date input').fill(`${year + 1}-01-05`);
    await page.locator('.zc-calendar-name input').fill('临时放假');
    await page.locator('.nut-button.zc-calendar-add-submit').click();
    assert.match(await page.locator('.zc-calendar-add .zc-field-error').innerText(), new RegExp(`${year} 年内`));

    await page.locator('.zc-calendar-date input').fill(day);
    await page.locator('.nut-button.zc-calendar-add-submit').click();
    await page.locator(`.zc-calendar-holidays .zc-calendar-day[data-date="${day}"]`).waitFor();
    await page.locator('.zc-calendar-dirty').waitFor();

    await page.locator('.nut-button.zc-calendar-preview').click();
    const impact = page.locator('.zc-calendar-impact');
    await impact.waitFor();
    const changed = Number(await impact.getAttribute('data-changed'));
    assert.ok(changed >= 1, `at least this inquiry's deadline moves, got ${changed}`);
    assert.match(await impact.innerText(), new RegExp(`${changed} 条在办咨询`));
    const examples = await page.locator('.zc-calendar-example').allInnerTexts();
    assert.ok(examples.length >= 1 && examples.every((e) => e.includes('→')), examples.join(' / '));
    if (examples.length < 5) assert.ok(examples.some((e) => e.includes(asked.ticket)), `the inquiry is among the examples: ${examples.join(' / ')}`);
    // Nothing saved yet.
    assert.equal((await apiCall(stack.apiUrl, 'GET', `/api/inquiries/${asked.id}`, { token })).dueAt, asked.dueAt);
    await shot(page, 'office-desktop-calendar-preview');

    await page.locator('.nut-button.zc-confirm-ok').click();
    await page.locator('.zc-calendar-dirty').waitFor({ state: 'detached' });
    assert.match(await page.locator('.zc-calendar-source').innerText(), /本办录入/);
    const after = await apiCall(stack.apiUrl, 'GET', `/api/inquiries/${asked.id}`, { token });
    assert.ok(after.dueAt > asked.dueAt, `the due date moved later: ${asked.dueAt} → ${after.dueAt}`);
    assert.ok(after.events.some((e) => e.type === 'due_changed'), 'the move is in the ledger');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the routing and calendar screens on a phone, in both text sizes', async () => {
  for (const elder of [false, true]) {
    const { page, context, errors } = await open(PHONE);
    try {
      await signInStaff(page, stack.appUrl, 'office', '区政府办公室');
      if (elder) await elderOn(page);
      const mode = elder ? 'elder' : 'normal';
      await page.goto(`${stack.appUrl}/pages/staff/routing/index`);
      await page.locator('.zc-route-row').first().waitFor();
      assert.equal(await page.locator('.zc-route-row').count(), 12);
      assert.equal(await visibleNav(page).count(), 0);
      await shot(page, `office-phone-routing-${mode}`);
      assert.deepEqual(await axeViolations(page), [], `分类分派 (${mode})`);
      await page.goto(`${stack.appUrl}/pages/staff/calendar/index`);
      await page.locator('.zc-calendar-source').waitFor();
      await shot(page, `office-phone-calendar-${mode}`);
      assert.deepEqual(await axeViolations(page), [], `节假日安排 (${mode})`);
      await page.locator('.zc-calendar-add').scrollIntoViewIfNeeded();
      await shot(page, `office-phone-calendar-add-${mode}`);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  }
});
