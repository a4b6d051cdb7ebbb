// Real accounts end to end: the office invites an answerer, who signs in with a phone code and
// joins; residents find them on the roster by topic and ask them; disabled, they are gone and
// the question goes back to the unit.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiCall, enterCode, freshPhone, newPhone, shot, signInStaff, startStack, texts } from './harness.mjs';

let stack;
before(async () => {
  stack = await startStack();
});
after(async () => {
  await stack?.stop();
});

const sessionOf = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('zc.session') ?? 'null')?.data ?? null);

test('invite → phone sign-in and redeem → on the roster → a resident asks them by topic → disabled, the question returns to the pool', async () => {
  const office = await newPhone(stack.browser, stack.apiUrl);
  const answerer = await newPhone(stack.browser, stack.apiUrl);
  const resident = await newPhone(stack.browser, stack.apiUrl);
  const o = office.page;
  const a = answerer.page;
  const r = resident.page;
  try {
    // The office invites an answerer for 区医保局.
    await signInStaff(o, stack.appUrl, 'office', '区政府办公室', '周文');
    await o.locator('.zc-go-invite').click();
    await o.locator('.zc-invite-form').waitFor();
    await o.locator('.zc-invite-unit .zc-unit-field').click();
    await o.locator('.zc-unit-option', { hasText: '区医保局' }).click();
    await o.locator('.zc-invite-role-answerer').click();
    await o.locator('.zc-invite-name input').fill('钱新');
    await o.locator('.nut-button.zc-invite-submit').click();
    await o.locator('.zc-invite-code').waitFor();
    const code = (await o.locator('.zc-invite-code').innerText()).replace(/[\s-]/g, '');
    assert.match(code, /^[2-9A-HJKMNP-Z]{8}$/);
    const qrWidth = await o.locator('.zc-invite-qr img').evaluate((img) => img.naturalWidth);
    assert.ok(qrWidth > 0, 'the QR code is drawn');
    await shot(o, 'accounts-invitation');

    // The invited person opens the link, signs in with a phone code and joins.
    await a.goto(`${stack.appUrl}/pages/staff/redeem/index?code=${code}`);
    const card = a.locator('.zc-phone-sign-in');
    await card.waitFor();
    await shot(a, 'accounts-redeem-sign-in');
    const phone = freshPhone();
    await card.locator('.zc-phone-input input').fill(phone);
    await enterCode(a, stack.apiUrl, phone, card);
    await card.locator('.nut-button.zc-phone-submit').click();
    await a.locator('.zc-redeem-code').waitFor();
    assert.equal(await a.locator('.zc-redeem-code input').inputValue(), code, 'the code comes from the link');
    await a.locator('.nut-button.zc-redeem-submit').click();
    await a.locator('.zc-redeem-done', { hasText: '政策解答员 · 区医保局 · 钱新' }).waitFor();
    await shot(a, 'accounts-redeem-done');

    // Their public profile: a work phone, office hours and a topic.
    await a.locator('.nut-button.zc-redeem-go').click();
    await a.locator('.zc-staff-card').waitFor();
    await a.locator('.zc-go-profile').click();
    await a.locator('.zc-profile-form').waitFor();
    await a.locator('.zc-profile-title input').fill('医保政策科科员');
    await a.locator('.zc-profile-phone input').fill('0000-86109999');
    await a.locator('.zc-profile-hours input').fill('工作日 9:00-17:00');
    await a.locator('.zc-profile-topic', { hasText: '医疗' }).click();
    await a.locator('.nut-button.zc-profile-save').click();
    await a.waitForFunction(() => document.body.innerText.includes('已保存'));
    await shot(a, 'accounts-profile');

    // A resident looks for someone on 医疗 and asks them.
    await r.goto(`${stack.appUrl}/pages/mine/index`);
    await r.locator('.zc-go-roster').click();
    await r.locator('.zc-roster-answerer').first().waitFor();
    await r.locator('.zc-roster-topic[data-topic="医疗"]').click();
    const entry = r.locator('.zc-roster-answerer', { hasText: '钱新' });
    await entry.waitFor();
    assert.equal((await entry.locator('.zc-roster-phone').innerText()).trim(), '0000-86109999');
    assert.ok(!(await r.locator('.zc-roster').innerText()).includes(phone), 'the personal phone is never shown');
    await entry.scrollIntoViewIfNeeded();
    await shot(r, 'accounts-roster-topic');
    await entry.locator('.nut-button.zc-roster-ask').click();
    await r.locator('.zc-ask').waitFor();
    await r.locator('.zc-answerer-chip[data-name="钱新"]').waitFor();
    await r.locator('.zc-ask-question textarea').fill('异地就医备案以后在外地住院怎么报销？');
    const residentPhone = freshPhone();
    await r.locator('.zc-ask-phone input').fill(residentPhone);
    await enterCode(r, stack.apiUrl, residentPhone);
    await r.locator('.nut-button.zc-ask-submit').click();
    await r.locator('.zc-ticket-view').waitFor();
    assert.equal((await r.locator('.zc-ticket-answerer').innerText()).trim(), '钱新');
    assert.equal((await r.locator('.zc-ticket-unit').innerText()).trim(), '区医保局');
    const residentToken = (await sessionOf(r)).token;
    const [mine] = (await apiCall(stack.apiUrl, 'GET', '/api/inquiries', { token: residentToken })).items;

    // The office disables the answerer: the question goes back to 区医保局's pool.
    await o.goto(`${stack.appUrl}/pages/staff/people/index`);
    const person = o.locator('.zc-person', { hasText: '钱新' });
    await person.waitFor();
    await person.locator('.nut-button.zc-person-disable').click();
    await o.locator('.zc-person-confirm-inquiries', { hasText: '1 件未办结的咨询' }).waitFor();
    await shot(o, 'accounts-disable-confirm');
    await o.locator('.nut-button.zc-confirm-ok').click();
    await o.locator('.zc-person[data-status="disabled"]', { hasText: '钱新' }).waitFor();
    await shot(o, 'accounts-disabled');

    const officeToken = (await sessionOf(o)).token;
    const after = await apiCall(stack.apiUrl, 'GET', `/api/inquiries/${mine.id}`, { token: officeToken });
    assert.equal(after.status, 'submitted');
    assert.equal(after.answererId, null);
    assert.ok(after.events.some((e) => e.type === 'returned_to_pool' && e.actorName === '周文'), 'the ledger says who returned it');

    // Their session is refused at once; the roster no longer lists them.
    await a.goto(`${stack.appUrl}/pages/mine/index`);
    await a.locator('.zc-staff-entry', { hasText: '登录已失效' }).waitFor();
    assert.equal(await sessionOf(a), null);
    await r.goto(`${stack.appUrl}/pages/roster/index?topic=${encodeURIComponent('医疗')}`);
    await r.locator('.zc-roster-answerer').first().waitFor();
    assert.ok(!(await texts(r, '.zc-roster-name')).includes('钱新'));
    for (const p of [office, answerer, resident]) assert.deepEqual(p.errors, []);
  } finally {
    await Promise.all([office, answerer, resident].map((p) => p.context.close()));
  }
});

test('sign-in codes are limited: a second code within a minute is refused with when to try again', async () => {
  const { page, context, errors } = await newPhone(stack.browser, stack.apiUrl);
  try {
    await page.goto(`${stack.appUrl}/pages/inquiries/index`);
    const card = page.locator('.zc-phone-sign-in');
    await card.waitFor();
    const phone = freshPhone();
    await apiCall(stack.apiUrl, 'POST', '/api/auth/phone/code', { body: { phone } });
    await card.locator('.zc-phone-input input').fill(phone);
    await card.locator('.nut-button.zc-send-code').click();
    await card.locator('.zc-field-error', { hasText: /操作太频繁，请\d+ 秒后再试/ }).waitFor();
    await shot(page, 'accounts-code-limited');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
