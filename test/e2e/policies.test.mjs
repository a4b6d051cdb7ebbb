// Residents and policies: the 政策 tab, a policy page with its interpretation, 订阅 and the notice it
// brings, and an entry whose policy was repealed.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiCall, enterCode, freshPhone, newPhone, shot, startStack, texts } from './harness.mjs';

let stack;
let editor;
before(async () => {
  stack = await startStack();
  editor = (await apiCall(stack.apiUrl, 'POST', '/api/auth/dev', { body: { role: 'editor', unitId: 'u_rsj' } })).token;
});
after(() => stack?.stop());

/** A policy of 区人社局 published through the API with one interpretation (staff screens have their own test). */
async function publishPolicy(title, text, interpretationTitle) {
  const p = await apiCall(stack.apiUrl, 'POST', '/api/policies', {
    token: editor,
    body: {
      title,
      docNumber: null,
      type: '政策性文件',
      topics: ['就业创业'],
      signedDate: '2026-11-20',
      publishedDate: '2026-11-25',
      sections: [
        { level: 0, heading: '', text },
        { level: 1, heading: '一、补贴对象', text: '毕业年度内的高校毕业生。' },
        { level: 1, heading: '二、申请方式', text: '通过「清河政务服务」小程序提交申请。' },
      ],
    },
  });
  await apiCall(stack.apiUrl, 'POST', `/api/policies/${p.id}/interpretations`, {
    token: editor,
    body: { form: '文字解读', title: interpretationTitle, body: ['毕业那年找工作的大学生，每人可领一次求职补贴。'], interpreterName: '王敏', contactPhone: '0000-86101234' },
  });
  await apiCall(stack.apiUrl, 'POST', `/api/policies/${p.id}/publish`, { token: editor, body: {} });
  return p;
}

/** Runs the worker's cron once (wrangler dev --test-scheduled), as the 10-minute trigger would. */
async function runCron() {
  const res = await fetch(`${stack.apiUrl}/__scheduled?cron=${encodeURIComponent('*/10 * * * *')}`);
  assert.equal(res.status, 200);
}

async function elderOn(page) {
  await page.goto(`${stack.appUrl}/pages/mine/index`);
  await page.locator('.zc-elder-switch').click();
  await page.locator('.zc-elder-switch[data-on="on"]').waitFor();
}

test('a resident finds a new policy from the home search in their own words, reads its interpretation, subscribes and hears of the next one', async () => {
  const first = await publishPolicy(
    '关于发放2026年高校毕业生求职创业补贴的通知',
    '为帮助高校毕业生顺利就业，对毕业年度内有求职意愿的高校毕业生发放一次性求职创业补贴。',
    '解读：毕业生求职创业补贴怎么领',
  );
  const { page, context, errors } = await newPhone(stack.browser, stack.apiUrl);
  try {
    await page.goto(`${stack.appUrl}/pages/index/index`);
    await page.locator('.zc-search input').fill('刚毕业的大学生找工作有补贴吗');
    await page.locator('.zc-search-submit').click();
    const card = page.locator('.zc-related-policies .zc-policy-card', { hasText: '高校毕业生求职创业补贴' });
    await card.waitFor();
    await shot(page, 'policy-home-results');
    // Entries come first, policies under 相关政策.
    const order = await page.locator('.zc-results').evaluate((el) => [...el.querySelectorAll('.zc-answer, .zc-no-answer, .zc-related-policies')].map((e) => e.className));
    assert.match(order.at(-1), /zc-related-policies/);

    await card.click();
    await page.waitForURL(/\/pages\/policy\/index\?id=/);
    await page.locator('.zc-interpretation-title', { hasText: '毕业生求职创业补贴怎么领' }).waitFor();
    assert.equal((await page.locator('.zc-policy-title').innerText()).trim(), '关于发放2026年高校毕业生求职创业补贴的通知');
    assert.match(await page.locator('.zc-interpretation').innerText(), /0000-86101234/);
    assert.equal(await page.locator('.zc-policy-section').count(), 3);
    await shot(page, 'policy-page');

    // 订阅更新: in H5 the resident proves their phone first, then follows the topic with one tap.
    await page.locator('.nut-button.zc-policy-subscribe').click();
    const panel = page.locator('.zc-policy-subscribe-panel');
    const phone = freshPhone();
    await panel.locator('.zc-phone-input input').fill(phone);
    await enterCode(page, stack.apiUrl, phone, panel);
    await panel.locator('.nut-button.zc-phone-submit').click();
    const topic = panel.locator('.zc-subscription[data-key="topic:就业创业"]');
    await topic.locator('.zc-subscription-toggle', { hasText: '订阅' }).click();
    await topic.locator('.zc-subscription-toggle', { hasText: '取消订阅' }).waitFor();
    await shot(page, 'policy-subscribed');

    // The next policy in 就业创业 reaches 消息 once the cron has run, and opens from there.
    const second = await publishPolicy('关于开展2026年就业见习补贴申领工作的通知', '对吸纳高校毕业生参加就业见习的单位给予见习补贴。', '解读：就业见习补贴');
    await runCron();
    await runCron();
    await page.goto(`${stack.appUrl}/pages/messages/index`);
    const notice = page.locator('.zc-message[data-kind="subscription"]');
    await notice.first().waitFor();
    assert.equal(await notice.count(), 1, 'one notice, however often the cron runs');
    assert.match(await notice.innerText(), /您关注的领域有新政策[\s\S]*就业见习补贴/);
    await notice.click();
    await page.waitForURL(new RegExp(`/pages/policy/index\\?id=${second.id}`));
    await page.locator('.zc-policy-title', { hasText: '就业见习补贴' }).waitFor();

    // 政策订阅 lists what they follow; one tap stops it.
    await page.goto(`${stack.appUrl}/pages/policy/subscriptions/index`);
    const row = page.locator('.zc-subscription[data-key="topic:就业创业"]');
    await row.locator('.zc-subscription-toggle', { hasText: '取消订阅' }).click();
    await row.locator('.zc-subscription-toggle', { hasText: /^订阅$/ }).waitFor();
    // Taro's H5 storage keeps each value as { data }.
    const token = await page.evaluate(() => JSON.parse(localStorage.getItem('zc.session') ?? '{}').data?.token);
    assert.deepEqual((await apiCall(stack.apiUrl, 'GET', '/api/policy-subscriptions', { token })).items, []);
    await shot(page, 'policy-subscriptions');

    await elderOn(page);
    await page.goto(`${stack.appUrl}/pages/policy/index?id=${first.id}`);
    await page.locator('.zc-interpretation-title').waitFor();
    await shot(page, 'policy-page-elder');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the 政策 tab filters by validity; a repealed policy names what replaced it, and an entry resting on it warns residents', async () => {
  const { page, context, errors } = await newPhone(stack.browser, stack.apiUrl);
  try {
    await page.goto(`${stack.appUrl}/pages/policies/index`);
    await page.locator('.zc-policy-card').first().waitFor();
    const all = await page.locator('.zc-policy-card').count();
    assert.ok(all >= 5, `the demo district's five documents at least, got ${all}`);
    await shot(page, 'policies');

    await page.locator('.zc-policy-filter').click();
    await page.locator('.zc-policy-choice', { hasText: '已废止' }).click();
    await page.locator('.nut-button.zc-policy-filters-apply').click();
    await page.locator('.zc-policy-total', { hasText: '共 1 份文件' }).waitFor();
    assert.deepEqual(await texts(page, '.zc-policy-card .zc-validity'), ['已废止']);
    assert.match(await page.locator('.zc-policy-chosen').innerText(), /已废止/);
    await shot(page, 'policies-repealed');

    await page.locator('.zc-policy-card').click();
    await page.locator('.zc-policy-stale').waitFor();
    assert.match(await page.locator('.zc-policy-stale').innerText(), /本文件已废止/);
    await shot(page, 'policy-repealed');
    await page.locator('.zc-policy-successor').click();
    await page.waitForURL(/id=pol_demo_001/);
    // H5 keeps the page it came from in the document: look inside the new one.
    const current = page.locator('.zc-policy', { has: page.locator('.zc-policy-title', { hasText: '浔阳区' }) });
    await current.waitFor();
    assert.equal(await current.locator('.zc-policy-stale').count(), 0, 'the policy in force has no warning');

    // A topic chip narrows the list too.
    await page.goto(`${stack.appUrl}/pages/policies/index`);
    await page.locator('.zc-policy-topic', { hasText: '投资' }).click();
    await page.locator('.zc-policy-total', { hasText: '共 1 份文件' }).waitFor();
    assert.match(await page.locator('.zc-policy-card').innerText(), /江津区/);

    await page.goto(`${stack.appUrl}/pages/entry/index?id=faq_demo_policy_disclosure`);
    await page.locator('.zc-basis-notice').waitFor();
    assert.match(await page.locator('.zc-basis-notice').innerText(), /依据文件已废止，答复可能已过时/);
    assert.match(await page.locator('.zc-entry-basis').innerText(), /东府办发〔2021〕22号[\s\S]*已废止/);
    await shot(page, 'entry-basis-repealed');
    await page.locator('.zc-basis').click();
    await page.waitForURL(/id=pol_demo_002/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a confident answer is shown as the answer; a question the base cannot answer offers 我要咨询 in the words typed', async () => {
  const { page, context, errors } = await newPhone(stack.browser, stack.apiUrl);
  try {
    await page.goto(`${stack.appUrl}/pages/index/index`);
    await page.locator('.zc-search input').fill('我爸今年八十了，有没有啥补贴');
    await page.locator('.zc-search-submit').click();
    await page.locator('.zc-results[data-confident="yes"]').waitFor();
    assert.match(await page.locator('.zc-answer-question').innerText(), /高龄津贴/);
    await shot(page, 'search-confident');

    await page.locator('.zc-results-clear').click();
    const words = '我家的猫走丢了怎么找回来';
    await page.locator('.zc-search input').fill(words);
    await page.locator('.zc-search-submit').click();
    await page.locator('.zc-results[data-confident="no"]').waitFor();
    assert.equal(await page.locator('.zc-answer').count(), 0);
    await shot(page, 'search-no-answer');
    await page.locator('.zc-no-answer .zc-ask-with-words').click();
    await page.waitForURL(/\/pages\/ask\/index\?q=/);
    await page.locator('.zc-ask-question textarea').waitFor();
    assert.equal(await page.locator('.zc-ask-question textarea').inputValue(), words);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
