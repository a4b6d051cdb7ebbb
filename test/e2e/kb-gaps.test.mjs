// 高频问题: residents search for something the knowledge base does not answer, in their own
// words; one of them asks, and the unit replies. The unit's editor sees the question grouped
// with its count, turns it into an entry with 写成问答, and the next resident's search finds it.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { apiCall, enterCode, newPhone, shot, signInStaff, startStack, texts } from './harness.mjs';

let stack;
before(async () => {
  stack = await startStack();
});
after(() => stack?.stop());

// Not in the demo district: 狗证 (犬只登记) is asked of 区公安分局, which routes 户籍.
const WORDINGS = ['养狗要办狗证吗', '养狗需要办狗证吗', '养狗要办狗证吗'];
const ASKED = '办狗证需要带什么材料';
const REPLY = '在本区饲养犬只的，应在取得犬只免疫证明后30日内，携带身份证、犬只免疫证明和犬只照片到居住地派出所办理犬只登记，领取犬牌（狗证）。';
const SHOTS = '/tmp/shots/gaps';

/** A phone-sized picture for review, in both text sizes. */
async function review(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  await shot(page, name);
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

async function search(page, words) {
  await page.goto(`${stack.appUrl}/pages/index/index`);
  await page.locator('.zc-search input').fill(words);
  await page.locator('.zc-search-submit').click();
  await page.locator('.zc-results').waitFor();
  await page.locator('.zc-no-answer, .zc-answer').first().waitFor();
}

test('a question residents keep asking becomes an entry, and the next search finds it', async () => {
  // Residents search, each in their own words; none gets an answer.
  for (const words of WORDINGS) {
    const resident = await newPhone(stack.browser, stack.apiUrl);
    try {
      await search(resident.page, words);
      assert.equal(await resident.page.locator('.zc-results').getAttribute('data-confident'), 'no', `「${words}」 has no answer yet`);
      assert.deepEqual(resident.errors, []);
    } finally {
      await resident.context.close();
    }
  }

  // One of them asks, from the search, in other words.
  const asker = await newPhone(stack.browser, stack.apiUrl);
  const a = asker.page;
  try {
    await search(a, WORDINGS[0]);
    await a.locator('.zc-no-answer .zc-ask-with-words').click();
    await a.waitForURL(/\/pages\/ask\/index/);
    const question = a.locator('.zc-ask-question textarea');
    await question.waitFor();
    assert.equal(await question.inputValue(), WORDINGS[0]);
    await question.fill(ASKED);
    await a.locator('.zc-ask-topic[data-topic="户籍"]').click();
    await a.locator('.zc-ask-phone input').fill('13700137000');
    await enterCode(a, stack.apiUrl, '13700137000');
    await a.locator('.nut-button.zc-ask-submit').click();
    await a.locator('.zc-ticket-view').waitFor();
    assert.equal((await a.locator('.zc-ticket-unit').innerText()).trim(), '区公安分局');
  } finally {
    await asker.context.close();
  }

  // The unit replies (its own screens are tested elsewhere).
  const { token: unitToken } = await apiCall(stack.apiUrl, 'POST', '/api/auth/dev', { body: { role: 'editor', unitId: 'u_gaj', name: '答复编辑' } });
  const inbox = await apiCall(stack.apiUrl, 'GET', '/api/inquiries?tab=pending&limit=100', { token: unitToken });
  const inquiry = inbox.items.find((i) => i.question === ASKED);
  assert.ok(inquiry, 'the inquiry reached 区公安分局');
  await apiCall(stack.apiUrl, 'POST', `/api/inquiries/${inquiry.id}/reply`, { token: unitToken, body: { reply: REPLY } });

  // The unit's editor opens 高频问题 from 我的.
  const editor = await newPhone(stack.browser, stack.apiUrl);
  const { page } = editor;
  try {
    await signInStaff(page, stack.appUrl, 'editor', '区公安分局', '孙编辑');
    await page.locator('.zc-go-kb-gaps').click();
    await page.waitForURL(/\/pages\/staff\/kb-gaps\/index/);
    const card = page.locator('.zc-kb-gap', { hasText: `「${WORDINGS[0]}」` });
    await card.waitFor().catch(async (err) => {
      const answer = await apiCall(stack.apiUrl, 'GET', '/api/kb-gaps', { token: unitToken });
      throw new Error(`${err.message}\nGET /api/kb-gaps: ${JSON.stringify(answer)}`);
    });
    // Four searches and the inquiry; the wording searched most often stands for them.
    assert.equal((await card.locator('.zc-kb-gap-count').innerText()).trim(), '5');
    assert.match(await card.locator('.zc-kb-gap-headline').innerText(), /^近30天 5 人次问到「养狗要办狗证吗」，问答库没有对应条目$/);
    assert.deepEqual(await texts(card, '.zc-kb-gap-example'), [ASKED, WORDINGS[1]]);
    assert.match(await card.locator('.zc-kb-gap-reply').innerText(), /犬只登记/);
    await review(page, 'kb-gaps');

    await page.locator('.zc-kb-gaps-period[data-days="7"]').click();
    await page.locator('.zc-kb-gap-headline', { hasText: '近7天 5 人次' }).waitFor();
    assert.equal(await page.locator('.zc-kb-gaps-period[data-days="7"]').getAttribute('aria-pressed'), 'true');

    // 写成问答: the editor starts filled from the group; it validates and saves as usual.
    await card.locator('.nut-button.zc-kb-gap-write').click();
    await page.waitForURL(/\/pages\/staff\/edit\/index\?from=gap/);
    await page.locator('.zc-edit-prefilled').waitFor();
    assert.equal(await page.locator('.zc-field-question textarea').inputValue(), WORDINGS[0]);
    assert.deepEqual(
      await page.locator('.zc-field-similar input').evaluateAll((inputs) => inputs.map((i) => i.value)),
      [ASKED, WORDINGS[1]],
    );
    assert.equal(await page.locator('.zc-field-answer textarea').inputValue(), REPLY);
    assert.equal(await page.locator('.zc-topic-chip[data-topic="户籍"]').getAttribute('aria-pressed'), 'true', 'the inquiry’s topic');
    await review(page, 'kb-gaps-edit-prefilled');
    await page.locator('.zc-field-question textarea').fill('');
    await page.locator('.nut-button.zc-save-publish').click();
    await page.locator('.zc-field-error', { hasText: '问题不能为空' }).waitFor();
    await page.locator('.zc-field-question textarea').fill('养狗要办狗证吗？去哪里办？');
    await page.locator('.nut-button.zc-save-publish').click();

    // Back on 高频问题, the question the new entry answers is gone.
    await page.waitForURL(/\/pages\/staff\/kb-gaps\/index/);
    await page.locator('.zc-kb-gaps [data-state="empty"], .zc-kb-gap').first().waitFor();
    await page.waitForFunction(() => ![...document.querySelectorAll('.zc-kb-gap-headline')].some((h) => h.textContent?.includes('养狗要办狗证吗')));
    await review(page, 'kb-gaps-after');
    assert.deepEqual(editor.errors, []);
  } finally {
    await editor.context.close();
  }

  // A resident's search now finds the entry.
  const later = await newPhone(stack.browser, stack.apiUrl);
  try {
    await search(later.page, '狗证在哪办');
    assert.equal(await later.page.locator('.zc-results').getAttribute('data-confident'), 'yes');
    assert.equal((await later.page.locator('.zc-answer-question').innerText()).trim(), '养狗要办狗证吗？去哪里办？');
  } finally {
    await later.context.close();
  }
});

test('高频问题 in both text sizes, with a group to show', async () => {
  // Misses of another unit's question, logged the way searches log them.
  for (const words of ['护照过期了去哪换', '护照过期了去哪里换', '护照过期了去哪换']) {
    await apiCall(stack.apiUrl, 'GET', `/api/search?q=${encodeURIComponent(words)}&submitted=1`);
  }
  for (const elder of [false, true]) {
    const office = await newPhone(stack.browser, stack.apiUrl);
    const { page } = office;
    try {
      await signInStaff(page, stack.appUrl, 'office', '区政府办公室', '赵主任');
      if (elder) {
        await page.locator('.zc-elder-switch').click();
        await page.locator('.zc-elder-switch[data-on="on"]').waitFor();
      }
      await page.locator('.zc-go-kb-gaps').click();
      const card = page.locator('.zc-kb-gap', { hasText: '「护照过期了去哪换」' });
      await card.waitFor();
      assert.equal((await card.locator('.zc-kb-gap-count').innerText()).trim(), '3');
      const name = elder ? 'kb-gaps-office-elder' : 'kb-gaps-office';
      await review(page, name);
      // The write button is a full touch target in either size.
      const box = await card.locator('.nut-button.zc-kb-gap-write').boundingBox();
      assert.ok(box && box.height >= (elder ? 48 : 44), `写成问答 is ${box?.height}px tall`);
      assert.deepEqual(office.errors, []);
    } finally {
      await office.context.close();
    }
  }
});
