// 回访 and 追问: a resident rates a reply 不满意; an office account made after the rating finds the
// 回访 on 我的, calls, and sends the inquiry back to its unit with a reason; the unit's answerer
// finds it due again and replies; the resident then asks their one 追问 and sees it on the timeline.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { apiCall, newPhone, root, shot, signInResident, signInStaff, startStack } from './harness.mjs';

let stack;
before(async () => {
  stack = await startStack();
});
after(() => stack?.stop());

const SHOTS = '/tmp/shots/followups';
/** The harness's screenshot, kept also where these screens' pictures are reviewed. */
async function picture(page, name) {
  await shot(page, `followups-${name}`);
  mkdirSync(SHOTS, { recursive: true });
  copyFileSync(path.join(root, '.screenshots', `followups-${name}.png`), path.join(SHOTS, `${name}.png`));
}

const SHANGHAI = 8 * 3600 * 1000;
const monthDay = (iso) => {
  const d = new Date(Date.parse(iso) + SHANGHAI);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
};
const flat = (s) => s.replace(/\s+/g, ' ').trim();
const sessionOf = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('zc.session') ?? 'null')?.data ?? null);

/** 长辈模式 on or off, switched in 我的 as a person would. */
async function elder(page, on) {
  await page.goto(`${stack.appUrl}/pages/mine/index`);
  const sw = page.locator('.zc-elder-switch');
  await sw.waitFor();
  if ((await sw.getAttribute('data-on')) !== (on ? 'on' : 'off')) await sw.click();
  await page.locator(`.zc-elder-switch[data-on="${on ? 'on' : 'off'}"]`).waitFor();
}

test('不满意 → the office (signed in later) calls and reopens → the answerer replies again → the resident asks a 追问', async () => {
  const resident = await newPhone(stack.browser, stack.apiUrl);
  const office = await newPhone(stack.browser, stack.apiUrl);
  const answerer = await newPhone(stack.browser, stack.apiUrl);
  try {
    const p = resident.page;
    await signInResident(p, stack);
    const { token } = await sessionOf(p);
    // Setup through the API: the question and its first reply.
    const asked = await apiCall(stack.apiUrl, 'POST', '/api/inquiries', {
      token,
      body: { question: '灵活就业人员的社保补贴要准备哪些材料？', unitId: 'u_rsj', contactName: '王女士', contactPhone: '13800138000' },
    });
    assert.ok(asked.answererName, '区人社局 has an answerer');
    const { token: answererToken } = await apiCall(stack.apiUrl, 'POST', '/api/auth/dev', { body: { role: 'answerer', unitId: 'u_rsj', name: asked.answererName } });
    await apiCall(stack.apiUrl, 'POST', `/api/inquiries/${asked.id}/reply`, { token: answererToken, body: { reply: '请到区人社局窗口办理。' } });

    // The resident rates it 不满意.
    await p.goto(`${stack.appUrl}/pages/inquiry/index?id=${asked.id}`);
    await p.locator('.zc-inquiry[data-status="answered"]').waitFor();
    await p.locator('.zc-rating[data-rating="不满意"]').click();
    await p.locator('.zc-rate-comment textarea').fill('没有说要带什么材料');
    await p.locator('.nut-button.zc-rate-send').click();
    await p.locator('.zc-inquiry[data-status="closed"]').waitFor();

    // An office account made only now finds the 回访 from 我的.
    const o = office.page;
    await signInStaff(o, stack.appUrl, 'office', '区政府办公室', `回访新人${process.pid}`);
    const link = o.locator('.zc-go-followups');
    await link.waitFor();
    await o.waitForFunction(() => /\d+ 条待回访/.test(document.querySelector('.zc-go-followups')?.textContent ?? ''));
    await link.click();
    await o.waitForURL(/\/pages\/staff\/followups\/index/);
    const card = o.locator('.zc-followup-card', { hasText: asked.ticket });
    await card.waitFor();
    assert.match(flat(await card.innerText()), /不满意/);
    assert.match(flat(await card.innerText()), /区人社局/);
    await picture(o, 'list');

    await card.click();
    await o.waitForURL(/\/pages\/staff\/followup\/index\?id=/);
    await o.locator('.zc-followup[data-status="open"]').waitFor();
    assert.equal((await o.locator('.zc-contact-phone').innerText()).trim(), '13800138000');
    assert.match(await o.locator('.zc-followup-rating').innerText(), /没有说要带什么材料/);
    assert.match(await o.locator('.zc-reply-text').innerText(), /请到区人社局窗口办理/);
    await picture(o, 'detail');

    // 记录回访: the form says what is missing, then records the call.
    await o.locator('.nut-button.zc-call-send').click();
    assert.equal((await o.locator('.zc-call-error').innerText()).trim(), '请选择是否接通');
    await o.locator('.zc-reached-yes').click();
    await o.locator('.zc-call-input textarea').fill('居民希望知道需要哪些材料');
    await o.locator('.nut-button.zc-call-send').click();
    await o.locator('.zc-call').first().waitFor();
    assert.match(flat(await o.locator('.zc-call').first().innerText()), /已接通.*居民希望知道需要哪些材料/);

    // 退回重办 with a reason.
    await o.locator('.nut-button.zc-open-reopen').click();
    await o.locator('.zc-reopen-input textarea').fill('答复未说明申领材料，请补充');
    await o.locator('.zc-reopen').scrollIntoViewIfNeeded();
    await picture(o, 'reopen');
    await o.locator('.nut-button.zc-reopen-send').click();
    await o.locator('.zc-followup[data-status="done"]').waitFor();
    assert.equal((await o.locator('.zc-followup-outcome').innerText()).trim(), '已退回重办');
    const reopened = await apiCall(stack.apiUrl, 'GET', `/api/inquiries/${asked.id}`, { token });
    assert.equal(reopened.status, 'assigned');
    await picture(o, 'done');

    // The same screens in 长辈模式.
    await elder(o, true);
    await o.goto(`${stack.appUrl}/pages/staff/followups/index`);
    await o.locator('.zc-tab-done').click();
    await o.locator('.zc-followup-card', { hasText: asked.ticket }).waitFor();
    await picture(o, 'list-elder');
    await o.locator('.zc-followup-card', { hasText: asked.ticket }).click();
    await o.locator('.zc-followup[data-status="done"]').waitFor();
    await picture(o, 'detail-elder');

    // The unit's answerer finds it due again in the 工作台 and replies.
    const a = answerer.page;
    await signInStaff(a, stack.appUrl, 'answerer', '区人社局', asked.answererName);
    await a.goto(`${stack.appUrl}/pages/staff/inbox/index`);
    const due = a.locator('.zc-inquiry-card', { hasText: asked.ticket });
    await due.waitFor();
    assert.match(flat(await due.innerText()), /5 个工作日/);
    await due.click();
    await a.locator('.zc-handle[data-status="assigned"]').waitFor();
    assert.match(await a.locator('.zc-timeline').innerText(), /政务公开办退回重办[\s\S]*答复未说明申领材料/);
    await a.locator('.zc-reply-input textarea').fill('需要身份证、社保卡和灵活就业登记证明，到区人社局2号窗口办理。');
    await a.locator('.nut-button.zc-reply-send').click();
    await a.locator('.nut-button.zc-preview-confirm').click();
    await a.locator('.zc-handle[data-status="answered"]').waitFor();

    // The resident sees both replies and asks a 追问.
    await p.goto(`${stack.appUrl}/pages/inquiry/index?id=${asked.id}`);
    await p.locator('.zc-inquiry[data-status="answered"]').waitFor();
    const offer = p.locator('.zc-followup-question');
    await offer.waitFor();
    const view = await apiCall(stack.apiUrl, 'GET', `/api/inquiries/${asked.id}`, { token });
    assert.match(await p.locator('.zc-followup-until').innerText(), new RegExp(monthDay(view.followupQuestionUntil)));
    const timeline = await p.locator('.zc-timeline').innerText();
    assert.match(timeline, /再次答复[\s\S]*需要身份证、社保卡/);
    assert.match(timeline, /回访后退回重办/);
    assert.doesNotMatch(timeline, /答复未说明申领材料/, "the office's reason stays with staff");
    await p.locator('.nut-button.zc-open-followup').click();
    await p.locator('.zc-followup-input textarea').fill('灵活就业登记证明去哪里开？');
    await offer.scrollIntoViewIfNeeded();
    await picture(p, 'ask');
    await p.locator('.nut-button.zc-followup-send').click();
    await p.locator('.zc-inquiry[data-status="assigned"]').waitFor();
    assert.equal(await p.locator('.zc-followup-question').count(), 0, 'one 追问 only');
    assert.match(await p.locator('.zc-timeline').innerText(), /您追问了[\s\S]*灵活就业登记证明去哪里开/);
    await picture(p, 'asked');
    await p.locator('.zc-timeline').scrollIntoViewIfNeeded();
    await picture(p, 'timeline');
    const after = await apiCall(stack.apiUrl, 'GET', `/api/inquiries/${asked.id}`, { token });
    assert.equal(after.status, 'assigned');
    assert.ok(after.followupQuestionAt);

    await elder(p, true);
    await p.goto(`${stack.appUrl}/pages/inquiry/index?id=${asked.id}`);
    await p.locator('.zc-inquiry[data-status="assigned"]').waitFor();
    await picture(p, 'asked-elder');
    await p.locator('.zc-timeline').scrollIntoViewIfNeeded();
    await picture(p, 'timeline-elder');

    for (const phone of [resident, office, answerer]) assert.deepEqual(phone.errors, []);
  } finally {
    await resident.context.close();
    await office.context.close();
    await answerer.context.close();
  }
});
