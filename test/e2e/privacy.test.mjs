// 个人信息保护法 on the phone: 我要咨询 says who sees the contact details and for how long; a
// resident deletes their own account on 我的, and the server has withdrawn their open question,
// erased its contact details and ended the session.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiCall, newPhone, shot, signInResident, startStack } from './harness.mjs';

let stack;
before(async () => {
  stack = await startStack();
});
after(async () => {
  await stack?.stop();
});

const sessionOf = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('zc.session') ?? 'null')?.data ?? null);

test('我要咨询 tells who sees the contact details; 注销账号 withdraws the open question and erases them', async () => {
  const { page, context, errors } = await newPhone(stack.browser, stack.apiUrl);
  try {
    const phone = await signInResident(page, stack);
    const { token } = await sessionOf(page);
    const asked = await apiCall(stack.apiUrl, 'POST', '/api/inquiries', {
      token,
      body: { question: '注销前提交的问题：灵活就业人员怎么参加医保？', contactName: '刘女士', contactPhone: phone },
    });

    await page.goto(`${stack.appUrl}/pages/ask/index`);
    const notice = page.locator('.zc-ask-privacy');
    await notice.waitFor();
    const text = await notice.innerText();
    for (const words of ['政策解答员', '政务公开办', '默认 3 年', '注销账号']) assert.ok(text.includes(words), `the notice says ${words}`);
    await notice.scrollIntoViewIfNeeded();
    await shot(page, 'privacy-ask-notice');

    await page.goto(`${stack.appUrl}/pages/mine/index`);
    await page.locator('.zc-delete-account').click();
    await page.locator('.taro-modal__content', { hasText: '无法恢复' }).waitFor();
    await shot(page, 'privacy-delete-confirm');
    await page.locator('.taro-modal__foot .taro-model__btn', { hasText: '注销' }).click();
    await page.locator('.zc-delete-account').waitFor({ state: 'detached' });
    assert.equal(await sessionOf(page), null, 'the device forgot the session');

    // The server agrees: the session is gone, the question stays without who asked.
    const res = await fetch(`${stack.apiUrl}/api/me`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(res.status, 401);
    const office = (await apiCall(stack.apiUrl, 'POST', '/api/auth/dev', { body: { role: 'office', unitId: 'u_office' } })).token;
    const seen = await apiCall(stack.apiUrl, 'GET', `/api/inquiries/${asked.id}`, { token: office });
    assert.equal(seen.status, 'withdrawn');
    assert.equal(seen.question, '注销前提交的问题：灵活就业人员怎么参加医保？');
    assert.deepEqual(seen.contact, { name: null, phone: null });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
