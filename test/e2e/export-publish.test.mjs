// The office downloads the 台账 as .xlsx from the 工作台 (and once with contact details, which is logged) and the
// test reads the workbook back; then a consented answer whose question holds a phone number is published to
// 咨询公开 with the number masked, and a resident reads it there without the number.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { apiCall, newPhone, root, shot, signInStaff, startStack } from './harness.mjs';

let stack;
let asked;
const PHONE = '13800138000';
const QUESTION = '失业保险金怎么申领？我的电话 138 0013 8000，请尽快回复';

before(async () => {
  stack = await startStack();
  const resident = await apiCall(stack.apiUrl, 'POST', '/api/auth/dev', { body: { role: 'resident' } });
  asked = await apiCall(stack.apiUrl, 'POST', '/api/inquiries', {
    token: resident.token,
    body: { question: QUESTION, unitId: 'u_rsj', topic: '就业创业', contactName: '陈小明', contactPhone: PHONE, consentPublish: true },
  });
  const office = await apiCall(stack.apiUrl, 'POST', '/api/auth/dev', { body: { role: 'office', unitId: 'u_office', name: '周文' } });
  await apiCall(stack.apiUrl, 'POST', `/api/inquiries/${asked.id}/reply`, {
    token: office.token,
    body: { reply: '陈先生您好：失业保险金可在「清河政务服务」小程序或区人社局窗口申领，携带身份证和社保卡即可。' },
  });
});
after(() => stack?.stop());

/** Also keeps a copy for people to look at (the harness writes .screenshots/). */
async function keep(page, name) {
  await shot(page, name);
  const dir = '/tmp/shots/export-publish';
  mkdirSync(dir, { recursive: true });
  copyFileSync(path.join(root, '.screenshots', `${name}.png`), path.join(dir, `${name}.png`));
}

/** 长辈模式 is switched on in 我的, as a person would. */
async function elderOn(page) {
  await page.goto(`${stack.appUrl}/pages/mine/index`);
  await page.locator('.zc-elder-switch').click();
  await page.locator('.zc-elder-switch[data-on="on"]').waitFor();
}

/** The worksheet's rows as arrays of cell texts (inline strings and numbers). */
function sheetRows(bytes) {
  const xml = strFromU8(unzipSync(new Uint8Array(bytes))['xl/worksheets/sheet1.xml']);
  return [...xml.matchAll(/<row r="\d+">(.*?)<\/row>/g)].map(([, cells]) =>
    [...cells.matchAll(/<c r="[A-Z]+\d+"[^>]*>(?:<is><t[^>]*>(.*?)<\/t><\/is>|<v>(.*?)<\/v>)<\/c>/g)].map(([, s, v]) => s ?? v),
  );
}

async function exportFile(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.nut-button.zc-export-go').click()]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

test('the office downloads this month’s 台账 as .xlsx, and once with contact details', async () => {
  const { page, context, errors } = await newPhone(stack.browser, stack.apiUrl);
  try {
    await signInStaff(page, stack.appUrl, 'office', '区政府办公室', '导出专员');
    await page.goto(`${stack.appUrl}/pages/staff/inbox/index`);
    await page.locator('.zc-export-open').click();
    await page.locator('.zc-export-sheet').waitFor();
    await keep(page, 'export-sheet');

    const plain = await exportFile(page);
    assert.match(plain.name, /^政策咨询台账_\d{4}-\d{2}-01至\d{4}-\d{2}-\d{2}\.xlsx$/);
    const rows = sheetRows(plain.bytes);
    assert.deepEqual(rows[0], ['受理编号', '受理时间', '渠道', '类别', '责任单位', '解答员', '状态', '答复期限', '答复时间', '是否按时', '用时(工作日)', '评价']);
    const row = rows.find((r) => r[0] === asked.ticket);
    assert.ok(row, `the ledger holds ${asked.ticket}`);
    assert.deepEqual([row[2], row[3], row[4], row[9]], ['小程序', '就业创业', '区人社局', '是']);
    assert.ok(!plain.bytes.includes(Buffer.from(PHONE)), 'no phone without the box ticked');

    await page.locator('.zc-export-open').click();
    await page.locator('.zc-export-contacts').click();
    await page.locator('.zc-export-warn').waitFor();
    await keep(page, 'export-sheet-contacts');
    const withContacts = await exportFile(page);
    assert.match(withContacts.name, /_含联系方式\.xlsx$/);
    const full = sheetRows(withContacts.bytes);
    assert.deepEqual(full[0].slice(-2), ['姓名', '电话']);
    assert.deepEqual(full.find((r) => r[0] === asked.ticket).slice(-2), ['陈小明', PHONE]);

    await elderOn(page);
    await page.goto(`${stack.appUrl}/pages/staff/inbox/index`);
    await page.locator('.zc-export-open').click();
    await page.locator('.zc-export-sheet').waitFor();
    await keep(page, 'export-sheet-elder');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a consented answer is published to 咨询公开 with the phone masked; a resident reads it there without it', async () => {
  const staff = await newPhone(stack.browser, stack.apiUrl);
  const { page } = staff;
  try {
    await signInStaff(page, stack.appUrl, 'editor', '区人社局', '公开编辑');
    await page.goto(`${stack.appUrl}/pages/staff/handle/index?id=${asked.id}`);
    await page.locator('.nut-button.zc-go-publish').click();
    await page.waitForURL(/\/pages\/staff\/publish\/index/);
    await page.locator('.zc-publish').waitFor();
    const question = await page.locator('.zc-publish-question-text').innerText();
    assert.ok(question.includes('*** **** ****'), question);
    assert.ok(!question.includes('0013'), question);
    assert.match(await page.locator('.zc-publish-answer-text').innerText(), /^陈某某您好/);
    assert.deepEqual(await page.locator('.zc-found-item').evaluateAll((els) => els.map((e) => e.dataset.kind)), ['mobile', 'name']);
    await keep(page, 'publish');

    // Without the confirmation nothing is sent.
    await page.locator('.nut-button.zc-publish-list').click();
    await page.locator('.zc-field-error', { hasText: '请先确认' }).waitFor();
    await page.locator('.zc-publish-confirm').click();
    await page.locator('.nut-button.zc-publish-list').click();
    await page.locator('.nut-button.zc-publish-list', { hasText: '已公开' }).waitFor();

    await elderOn(page);
    await page.goto(`${stack.appUrl}/pages/staff/publish/index?id=${asked.id}`);
    await page.locator('.zc-publish').waitFor();
    await keep(page, 'publish-elder');
    assert.deepEqual(staff.errors, []);
  } finally {
    await staff.context.close();
  }

  const resident = await newPhone(stack.browser, stack.apiUrl);
  try {
    const r = resident.page;
    await r.goto(`${stack.appUrl}/pages/index/index`);
    await r.locator('.zc-go-public-answers').click();
    await r.waitForURL(/\/pages\/public-answers\/index/);
    const item = r.locator('.zc-public-answer', { hasText: '失业保险金怎么申领' });
    await item.waitFor();
    const text = await item.innerText();
    assert.ok(text.includes('*** **** ****'), text);
    assert.ok(!/138\s?0013|13800138000|陈小明/.test(await r.locator('body').innerText()), 'no phone or name on the page');
    assert.match(text, /就业创业 · 区人社局 · \d{4}年\d{1,2}月\d{1,2}日公开/);
    await keep(r, 'public-answers');

    await elderOn(r);
    await r.goto(`${stack.appUrl}/pages/public-answers/index`);
    await r.locator('.zc-public-answer').first().waitFor();
    await keep(r, 'public-answers-elder');
    assert.deepEqual(resident.errors, []);
  } finally {
    await resident.context.close();
  }
});
