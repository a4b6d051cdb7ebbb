// 统计: the office opens the dashboard on a desktop (1280×800) and on a phone (390×844), reads
// figures that match the inquiries this file logs (one of them overdue), taps 超期 and lands on
// the inbox holding exactly that inquiry and from there on its page; sorts the unit table by a
// column; switches the trend to months. axe-core finds no serious or critical violation; the
// phone is shot in both text sizes and the desktop once.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { apiCall, newPhone, root, shot, signInStaff, startStack, texts } from './harness.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let stack;
let overdueId;
before(async () => {
  stack = await startStack();
  const { token } = await apiCall(stack.apiUrl, 'POST', '/api/auth/dev', { body: { role: 'office', unitId: 'u_office' } });
  const log = (question, unitId, channel = 'hotline') =>
    apiCall(stack.apiUrl, 'POST', '/api/inquiries', { token, body: { question, unitId, channel, contactPhone: '13800000000' } });
  // 区人社局 three (one overdue, one answered), 区医保局 one: four received this month.
  const late = await log('灵活就业人员养老保险怎么交？', 'u_rsj');
  await log('失业金领取需要什么材料？', 'u_rsj', 'phone');
  const answered = await log('社保卡丢了怎么补办？', 'u_rsj');
  await log('门诊慢特病怎么申请？', 'u_ybj');
  overdueId = late.id;
  // Its deadline passed an hour ago (the API cannot be told to wait five working days).
  stack.sql(`UPDATE inquiries SET due_at = '${new Date(Date.now() - 3_600_000).toISOString()}' WHERE id = '${overdueId}'`);
  const editor = await apiCall(stack.apiUrl, 'POST', '/api/auth/dev', { body: { role: 'editor', unitId: 'u_rsj' } });
  await apiCall(stack.apiUrl, 'POST', `/api/inquiries/${answered.id}/reply`, { token: editor.token, body: { reply: '携带身份证到社保窗口补办。' } });
});
after(() => stack?.stop());

const SHOTS = '/tmp/shots/dashboard';
/** The harness's shot, and a copy where the dashboard's pictures are gathered. */
async function picture(page, name) {
  await shot(page, name);
  mkdirSync(SHOTS, { recursive: true });
  copyFileSync(path.join(root, '.screenshots', `${name}.png`), path.join(SHOTS, `${name}.png`));
}

async function axeViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.nodes.join(', ')}`);
}

/** Scrolls so that the element's top is at the top of the screen (for a picture of it). */
const toTop = (page, selector) => page.locator(selector).first().evaluate((el) => el.scrollIntoView({ block: 'start' }));

const figure = (page, key) => page.locator(`.zc-figure[data-figure="${key}"] .zc-figure-value`);

/** Signs the office in and opens 统计 from 我的, at `viewport`. */
async function openDashboard(viewport, { elder = false } = {}) {
  const phone = await newPhone(stack.browser, stack.apiUrl);
  await phone.page.setViewportSize(viewport);
  if (elder) {
    await phone.page.goto(`${stack.appUrl}/pages/mine/index`);
    await phone.page.locator('.zc-elder-switch').click();
    await phone.page.locator('.zc-elder-switch[data-on="on"]').waitFor();
  }
  await signInStaff(phone.page, stack.appUrl, 'office', '区政府办公室');
  await phone.page.locator('.zc-go-stats').click();
  await phone.page.waitForURL(/\/pages\/staff\/stats\/index/);
  await phone.page.locator('.zc-stats-figures').waitFor();
  await phone.page.locator('.zc-trend-table').waitFor();
  return phone;
}

test('on a desktop the office reads the month’s figures, sorts the units and opens the overdue inquiry from its figure', async () => {
  const { page, context, errors } = await openDashboard({ width: 1280, height: 800 });
  try {
    assert.equal(await figure(page, 'received').innerText(), '4');
    assert.equal(await figure(page, 'replied').innerText(), '1');
    assert.equal(await figure(page, 'overdue').innerText(), '1');
    // One reply, on time, against one overdue: 50%.
    assert.equal(await figure(page, 'onTime').innerText(), '50%');
    assert.match(await page.locator('.zc-figure[data-figure="onTime"]').innerText(), /5 个工作日/);
    // Figure cards sit five a row at this width.
    const tops = await page.locator('.zc-figure').evaluateAll((els) => els.slice(0, 5).map((el) => Math.round(el.getBoundingClientRect().top)));
    assert.equal(new Set(tops).size, 1, `the first five figures share a row (${tops})`);

    // The table in the tree's order; 收到 sorts largest first, then smallest first.
    const table = page.locator('.zc-stats-table');
    await table.waitFor();
    const firstUnit = () => page.locator('.zc-stats-tr').first().getAttribute('data-unit');
    const received = page.locator('.zc-stats-th[data-key="received"]');
    assert.equal(await received.getAttribute('aria-sort'), 'none');
    await received.locator('[role="button"]').click();
    assert.equal(await received.getAttribute('aria-sort'), 'descending');
    assert.equal(await firstUnit(), 'u_rsj');
    const column = async () => (await texts(page, '.zc-stats-tr [role="cell"]:nth-child(2)')).map(Number);
    const down = await column();
    assert.deepEqual(down, [...down].sort((a, b) => b - a));
    await received.locator('[role="button"]').click();
    assert.equal(await received.getAttribute('aria-sort'), 'ascending');
    const up = await column();
    assert.deepEqual(up, [...up].sort((a, b) => a - b));
    assert.equal(up.at(-1), 3);
    // The trend's table has this week's four.
    assert.equal(await page.locator('.zc-trend-row').count(), 12);
    assert.match(await page.locator('.zc-trend-row').last().innerText(), /4\s+1\s+100%/);
    // F2 drew on the canvas (some pixel is not blank).
    await page.waitForFunction(() => {
      const canvas = document.querySelector('.zc-trend-canvas canvas');
      if (!canvas || !canvas.width) return false;
      const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      for (let k = 3; k < data.length; k += 4) if (data[k] > 0) return true;
      return false;
    });
    assert.deepEqual(await axeViolations(page), []);
    await toTop(page, '.zc-stats-period');
    await picture(page, 'stats-desktop');
    await toTop(page, '.zc-stats-trend');
    await picture(page, 'stats-desktop-trend');

    // 超期 1 → the inbox holding exactly that one → its page.
    await page.locator('.zc-figure[data-figure="overdue"]').click();
    await page.waitForURL(/\/pages\/staff\/inbox\/index\?.*overdue=1/);
    const chip = page.locator('.zc-inbox-filter');
    await page.locator('.zc-inquiry-card').first().waitFor();
    assert.match(await chip.innerText(), /超期 · 1/);
    assert.equal(await page.locator('.zc-inquiry-card').count(), 1);
    await picture(page, 'stats-desktop-overdue-inbox');
    await page.locator('.zc-inquiry-card').click();
    await page.waitForURL(new RegExp(`/pages/staff/handle/index\\?id=${overdueId}`));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('on a phone the office narrows to one unit, switches the trend to months and removes the inbox filter', async () => {
  const { page, context, errors } = await openDashboard({ width: 390, height: 844 });
  try {
    assert.equal(await figure(page, 'received').innerText(), '4');
    await picture(page, 'stats-phone');
    // The table scrolls sideways instead of squeezing.
    const scroll = await page.locator('.zc-stats-table').evaluate((el) => el.scrollWidth > el.parentElement.clientWidth);
    assert.ok(scroll, 'the unit table is wider than the phone and scrolls');

    await page.locator('.zc-stats-unit').click();
    await page.locator('.zc-unit-option', { hasText: '区医保局' }).click();
    await page.waitForFunction(() => /区医保局/.test(document.querySelector('.zc-stats-scope')?.textContent ?? ''));
    await page.waitForFunction(() => document.querySelector('.zc-figure[data-figure="overdue"] .zc-figure-value')?.textContent === '0');
    assert.equal(await figure(page, 'received').innerText(), '1');

    await page.locator('.zc-stats-interval[data-interval="month"]').click();
    await page.waitForFunction(() => /近 12 个月/.test(document.querySelector('.zc-trend-summary')?.textContent ?? ''));
    assert.equal(await page.locator('.zc-trend-row').count(), 12);
    await toTop(page, '.zc-stats-trend');
    await picture(page, 'stats-phone-trend');

    // 收到 1 → the inbox's filter names the unit; × brings the tabs back.
    await page.locator('.zc-figure[data-figure="received"]').click();
    await page.waitForURL(/\/pages\/staff\/inbox\/index\?.*unitId=u_ybj/);
    await page.locator('.zc-inquiry-card').first().waitFor();
    assert.match(await page.locator('.zc-inbox-filter').innerText(), /区医保局 · .*收到 · 1/);
    assert.equal(await page.locator('.zc-inquiry-card').count(), 1);
    await page.locator('.zc-inbox-filter').click();
    await page.locator('.zc-inbox-filter').waitFor({ state: 'detached' });
    await page.locator('.zc-inbox-tab').first().waitFor();
    // 待答复: the three not yet answered.
    await page.waitForFunction(() => document.querySelectorAll('.zc-inquiry-card').length === 3);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('in 长辈模式 the dashboard shows one figure a row in large text', async () => {
  const { page, context, errors } = await openDashboard({ width: 390, height: 844 }, { elder: true });
  try {
    const [a, b] = await page.locator('.zc-figure').evaluateAll((els) => els.slice(0, 2).map((el) => Math.round(el.getBoundingClientRect().top)));
    assert.ok(b > a, 'figures stack');
    const size = await figure(page, 'received').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    assert.ok(size >= 20, `a figure's number is large (${size} px)`);
    assert.deepEqual(await axeViolations(page), []);
    await picture(page, 'stats-phone-elder');
    await toTop(page, '.zc-stats-units');
    await picture(page, 'stats-phone-elder-table');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
