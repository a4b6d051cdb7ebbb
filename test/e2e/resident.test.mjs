// A resident asks in their own words, finds the right entry and rates it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiCall, newPhone, shot, startStack, suggestionsFor, texts } from './harness.mjs';

let stack;
before(async () => {
  stack = await startStack();
});
after(() => stack?.stop());

// Colloquial questions and the demo entry each one means (worker/seed/demo-data.ts).
const ASKS = [
  { typed: '打零工怎么交社保', expect: '灵活就业人员如何参加职工基本养老保险？', unit: '区人社局' },
];

test('a colloquial question gets suggestions, opens the right entry, and 有帮助 counts', async () => {
  const { typed, expect, unit } = ASKS[0];
  const { page, context, errors } = await newPhone(stack.browser, stack.apiUrl);
  try {
    await page.goto(`${stack.appUrl}/pages/index/index`);
    await page.locator('.zc-hot .zc-entry-card').first().waitFor();
    assert.equal(await page.locator('.zc-topic').count(), 12, 'the topic grid shows all 12 topics');
    await shot(page, 'home');

    // Type like a person (one key at a time); suggestions arrive after the pause.
    await page.locator('.zc-search input').pressSequentially(typed, { delay: 40 });
    await suggestionsFor(page, typed);
    const suggested = await texts(page, '.zc-suggestion');
    assert.ok(suggested.length >= 1 && suggested.length <= 5, `1–5 suggestions, got ${suggested.length}`);
    assert.ok(
      suggested.some((s) => s.includes(expect)),
      `「${typed}」 should suggest 「${expect}」, got:\n${suggested.join('\n')}`,
    );
    // The colloquial words matched one of the entry's 相似问法, and the suggestion says which.
    const matched = page.locator('.zc-suggestion', { hasText: expect }).locator('.zc-suggestion-matched');
    // The lexicon makes 打零工 and 外卖骑手 one concept (灵活就业); the one in the resident's words is named.
    assert.equal((await matched.innerText()).trim(), '也有人问：打零工的怎么交社保');
    await shot(page, 'home-suggestions');

    await page.locator('.zc-suggestion', { hasText: expect }).click();
    await page.waitForURL(/\/pages\/entry\/index\?id=/);
    await page.locator('.zc-entry-question').waitFor();
    assert.equal((await page.locator('.zc-entry-question').innerText()).trim(), expect);
    assert.equal((await page.locator('.zc-entry-unit').innerText()).trim(), unit);
    assert.ok((await page.locator('.zc-entry-answer').innerText()).length > 40, 'the answer is shown');
    assert.equal(await page.locator('.zc-entry-valid-until').count(), 0, 'a standing policy shows no end date');
    await shot(page, 'entry');

    const id = new URL(page.url()).searchParams.get('id');
    const before = Number(await page.locator('.zc-helpful-count').innerText());
    await page.locator('.nut-button.zc-helpful').click();
    await page.waitForFunction(
      (n) => Number(document.querySelector('.zc-helpful-count')?.textContent) === n,
      before + 1,
    );
    await shot(page, 'entry-helpful');

    // The vote reached the server: a fresh look at the entry carries the new count.
    const fresh = await apiCall(stack.apiUrl, 'GET', `/api/faq/${id}`);
    assert.equal(fresh.helpful, before + 1);
    await page.reload();
    await page.locator('.zc-helpful-count').waitFor();
    assert.equal(Number(await page.locator('.zc-helpful-count').innerText()), before + 1);

    // 相关问答 at the foot: other entries on the same matter, never this one; each opens.
    const related = page.locator('.zc-related .zc-entry-card');
    await related.first().waitFor();
    const relatedTexts = await texts(page, '.zc-related .zc-entry-card');
    assert.ok(relatedTexts.length >= 1 && relatedTexts.length <= 3, `1–3 related entries, got ${relatedTexts.length}`);
    assert.ok(relatedTexts.every((t) => !t.includes(expect)), `the entry itself is not related to itself: ${relatedTexts}`);
    assert.ok(relatedTexts.some((t) => /灵活就业|养老保险|社保/.test(t)), `related entries are on the same matter:\n${relatedTexts.join('\n')}`);
    await related.last().scrollIntoViewIfNeeded();
    await shot(page, 'entry-related');
    const next = (await related.first().locator('text=/./').first().innerText()).trim();
    await related.first().click();
    await page.waitForURL((url) => url.searchParams.get('id') !== id);
    await page.locator('.zc-entry-question', { hasText: next }).waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('首页 switches from 热门问题 to 最近更新, where a newly published entry comes first', async () => {
  const { token } = await apiCall(stack.apiUrl, 'POST', '/api/auth/dev', { body: { role: 'editor', unitId: 'u_ybj' } });
  const fresh = await apiCall(stack.apiUrl, 'POST', '/api/faq', {
    token,
    body: { question: '2027年度城乡居民医保什么时候开始缴费？', answer: '集中缴费期以区医保局公告为准。', topic: '医疗', publish: true },
  });
  const { page, context, errors } = await newPhone(stack.browser, stack.apiUrl);
  try {
    await page.goto(`${stack.appUrl}/pages/index/index`);
    const cards = page.locator('.zc-hot .zc-entry-card');
    await cards.first().waitFor();
    assert.doesNotMatch(await cards.first().innerText(), /2027年度城乡居民医保/, '热门 ranks by views');
    await page.locator('.zc-home-list-updated').click();
    await cards.first().filter({ hasText: fresh.question }).waitFor();
    assert.match(await cards.first().innerText(), /更新/);
    await page.locator('.zc-hot').scrollIntoViewIfNeeded();
    await shot(page, 'home-recent');
    await cards.first().click();
    await page.locator('.zc-entry-question', { hasText: fresh.question }).waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('an answer whose policy ends says until when it holds', async () => {
  const { page, context, errors } = await newPhone(stack.browser, stack.apiUrl);
  try {
    await page.goto(`${stack.appUrl}/pages/index/index`);
    const input = page.locator('.zc-search input');
    await input.fill('小规模纳税人免增值税的政策到什么时候');
    await input.press('Enter');
    // The first result: the confident answer's card, or else the first related entry.
    const first = page.locator('.zc-results .zc-answer, .zc-results .zc-entry-card').first();
    await first.waitFor();
    assert.match(await first.innerText(), /小规模纳税人增值税有哪些优惠政策/);
    await first.click();
    await page.locator('.zc-entry-valid-until').waitFor();
    assert.equal((await page.locator('.zc-entry-valid-until').innerText()).trim(), '2027-12-31');
    await shot(page, 'entry-valid-until');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a submitted question lists full results; 没帮助 leads to 我要咨询 with the resident\'s own words filled in', async () => {
  const { page, context, errors } = await newPhone(stack.browser, stack.apiUrl);
  try {
    await page.goto(`${stack.appUrl}/pages/index/index`);
    const input = page.locator('.zc-search input');
    await input.fill('生娃了能领多少钱');
    await input.press('Enter');
    await page.locator('.zc-results .zc-entry-card').first().waitFor();
    const results = await texts(page, '.zc-results .zc-entry-card');
    assert.ok(results.length >= 2, `several results, got ${results.length}`);
    assert.ok(
      results.slice(0, 3).some((r) => /育儿补贴|生育津贴/.test(r)),
      `生育 money should rank near the top, got:\n${results.join('\n---\n')}`,
    );
    await shot(page, 'search-results');

    await page.locator('.zc-results .zc-entry-card').first().click();
    await page.locator('.zc-entry-question').waitFor();
    const unit = (await page.locator('.zc-entry-unit').innerText()).trim();
    const before = Number(await page.locator('.zc-unhelpful-count').innerText());
    assert.equal(await page.locator('.zc-ask-cta').count(), 0);
    await page.locator('.nut-button.zc-unhelpful').click();
    const cta = page.locator('.zc-ask-cta');
    await cta.waitFor();
    const text = await cta.innerText();
    assert.match(text, /没有解决？我要咨询/);
    assert.doesNotMatch(text, /即将开通/);
    assert.ok(text.includes(unit), `the card names the responsible unit ${unit}`);
    await page.waitForFunction(
      (n) => Number(document.querySelector('.zc-unhelpful-count')?.textContent) === n,
      before + 1,
    );
    await cta.scrollIntoViewIfNeeded();
    await shot(page, 'entry-unhelpful');

    // 我要咨询 opens the form with the words the resident searched in, not the entry's wording.
    await cta.locator('.nut-button.zc-ask-from-entry').click();
    await page.waitForURL(/\/pages\/ask\/index\?/);
    await page.locator('.zc-ask').waitFor();
    assert.equal(await page.locator('.zc-ask-question textarea').inputValue(), '生娃了能领多少钱');
    await page.locator('.zc-expected-main').waitFor();
    await shot(page, 'ask-from-entry');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a question the base does not cover says so and offers 我要咨询 with the question', async () => {
  const { page, context, errors } = await newPhone(stack.browser, stack.apiUrl);
  try {
    await page.goto(`${stack.appUrl}/pages/index/index`);
    const asked = '明天下雨吗';
    const input = page.locator('.zc-search input');
    await input.fill(asked);
    await input.press('Enter');
    await page.locator('.zc-results .zc-ask-with-words').waitFor();
    assert.equal(await page.locator('.zc-results .zc-entry-card, .zc-results .zc-answer').count(), 0, 'no unrelated entry is offered');
    assert.equal(await page.locator('.zc-results .zc-policy-card').count(), 0, 'nor an unrelated policy');
    assert.match(await page.locator('.zc-results').innerText(), /问答库里没有确切的答案/);
    await shot(page, 'search-nothing');

    await page.locator('.zc-results .zc-ask-with-words').click();
    await page.waitForURL(/\/pages\/ask\/index\?/);
    assert.equal(await page.locator('.zc-ask-question textarea').inputValue(), asked);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('an answer shows its steps as a numbered list, and its phone numbers ring when tapped', async () => {
  const { page, context, errors } = await newPhone(stack.browser, stack.apiUrl);
  try {
    // The demo 工伤认定 answer: a lead-in, four steps on their own lines, then 咨询电话 and 12333.
    await page.goto(`${stack.appUrl}/pages/entry/index?id=faq_demo_gongshangrending`);
    const answer = page.locator('.zc-entry-answer');
    await answer.locator('.zc-answer-step').first().waitFor();
    const steps = await texts(page, '.zc-entry-answer .zc-answer-step');
    assert.equal(steps.length, 4, `four steps, got:\n${steps.join('\n')}`);
    ['提出申请', '准备材料', '提交申请', '等待认定'].forEach((name, i) =>
      assert.match(steps[i], new RegExp(`^${i + 1}\\.\\s*${name}：`), `step ${i + 1}`),
    );
    // Numbers stay as written.
    assert.match(steps[0], /30日内向区人社局提出工伤认定申请/);
    assert.match(steps[3], /60日内作出认定决定。$/);
    const paragraphs = await texts(page, '.zc-entry-answer .zc-answer-paragraph');
    assert.deepEqual(paragraphs, [
      '职工发生事故伤害或被诊断、鉴定为职业病的，按以下步骤申请工伤认定：',
      '咨询电话：0000-86101234，也可拨打12333人社服务热线。',
    ]);

    const phones = answer.locator('.zc-phone');
    assert.deepEqual(await texts(page, '.zc-entry-answer .zc-phone'), ['0000-86101234', '12333']);
    assert.equal(await phones.first().getAttribute('role'), 'link');
    assert.equal(await phones.first().getAttribute('aria-label'), '拨打 0000-86101234');
    // Still text a resident can select and copy, the numbers too.
    for (const el of [answer.locator('.zc-answer-paragraph').last(), phones.first(), answer.locator('.zc-answer-step').first().locator('taro-text-core').last()]) {
      assert.equal(await el.evaluate((e) => getComputedStyle(e).userSelect), 'text');
    }
    await answer.scrollIntoViewIfNeeded();
    await shot(page, 'entry-answer-steps');

    // A tap hands the number to the phone's dialer: the browser is sent to tel:, the page stays.
    const dialled = page.waitForRequest((r) => r.url().startsWith('tel:'));
    await phones.first().tap();
    assert.equal((await dialled).url(), 'tel:000086101234');
    const hotline = page.waitForRequest((r) => r.url().startsWith('tel:'));
    await phones.nth(1).focus();
    await page.keyboard.press('Enter');
    assert.equal((await hotline).url(), 'tel:12333', 'Enter on the focused link dials too');
    assert.match(page.url(), /\/pages\/entry\/index\?id=faq_demo_gongshangrending/);
    await answer.locator('.zc-answer-step').first().waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
