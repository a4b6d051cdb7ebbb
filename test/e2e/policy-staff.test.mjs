// Staff and policies: an editor of 区政府办公室 pastes a seed document, corrects the importer's
// guess of its type, saves the draft, is refused 发布 until it has an interpretation (三同步),
// adds a 文字解读 and publishes; then repeals a demo policy an entry rests on, finds the entry on
// 需复核的问答 (residents meanwhile read that the answer may be out of date) and marks it reviewed.
// A 规划 without an interpretation goes out with a recorded exemption, and a .doc is refused
// with how to convert it. The office sees the 解读率; every screen is shot in 长辈模式 too.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { apiCall, newPhone, root, shot, signInStaff, startStack, texts } from './harness.mjs';

let stack;
before(async () => {
  stack = await startStack();
});
after(() => stack?.stop());

const SEED_003 = readFileSync(path.join(root, 'test/fixtures/seeds/003_46c8cc065ef37c1e.txt'), 'utf8');
const TITLE_003 = '2023年南昌市政务公开工作要点';

/** Waits until the policy editor shows a policy in this state. */
async function editorIn(page, status) {
  await page.locator(`.zc-policy-editor-state[data-status="${status}"]`).waitFor();
}

test('an editor imports a seed document, corrects it, publishes it with an interpretation, repeals a demo policy and reviews the entry resting on it', async () => {
  const { page, context, errors } = await newPhone(stack.browser, stack.apiUrl);
  try {
    await signInStaff(page, stack.appUrl, 'editor', '区政府办公室');
    await page.locator('.zc-go-policies').click();
    await page.waitForURL(/\/pages\/staff\/policies\/index/);
    await page.locator('.zc-managed-policy').first().waitFor();
    assert.match(await page.locator('.zc-policies-scope').innerText(), /区政府办公室的政策文件/);
    assert.equal(await page.locator('.zc-managed-policy').count(), 5, 'the five demo policies');
    const repealed = page.locator('.zc-managed-policy[data-id="pol_demo_002"]');
    assert.deepEqual(await texts(page, '.zc-managed-policy[data-id="pol_demo_002"] .zc-policy-validity'), ['已废止']);
    assert.match(await repealed.innerText(), /已发布/);
    assert.equal(await page.locator('.zc-interpretation-rate').count(), 0, 'the 解读率 is the office’s');
    await shot(page, 'policy-staff-list');

    await page.locator('.nut-button.zc-go-import-policy').click();
    await page.waitForURL(/\/pages\/staff\/policy-import\/index/);
    await page.locator('.zc-policy-import-step[data-step="start"]').waitFor();
    await shot(page, 'policy-staff-import');

    // A Word 97 file (.doc): refused with how to convert it, and nothing leaves the start screen.
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('.nut-button.zc-policy-pick').click()]);
    await chooser.setFiles({
      name: '通知.doc',
      mimeType: 'application/msword',
      buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
    });
    const refused = page.locator('.zc-policy-import-error');
    await refused.waitFor();
    assert.match(await refused.innerText(), /暂不支持[\s\S]*另存为 \.docx 或导出为 PDF/);
    await shot(page, 'policy-staff-import-refused');

    // The seed document pasted as text: the importer's reading, to check and correct.
    await page.locator('.zc-policy-paste textarea').fill(SEED_003);
    await page.locator('.nut-button.zc-policy-read').click();
    await page.locator('.zc-policy-review').waitFor();
    assert.equal(await page.locator('.zc-policy-title-input textarea').inputValue(), TITLE_003);
    assert.equal(await page.locator('.zc-policy-doc-number input').inputValue(), '洪府公开办字〔2023〕1号');
    assert.equal(await page.locator('.zc-policy-issuer input').inputValue(), '南昌市人民政府政务公开办公室');
    assert.match(await page.locator('.zc-policy-signedDate').innerText(), /2023-07-17/);
    assert.deepEqual(await texts(page, '.zc-policy-type[aria-pressed="true"]'), ['工作方案·要点']);
    const headings = await page.locator('.zc-policy-section').evaluateAll((els) =>
      els.slice(0, 4).map((el) => `${el.getAttribute('data-level')} ${el.textContent.trim()}`),
    );
    assert.deepEqual(headings.slice(1), ['1 一、持续推进主动公开', '2 （一）深化重大战略部署信息公开', '2 （二）深化优化营商环境信息公开']);
    assert.match(await page.locator('.zc-policy-structure').innerText(), /南昌市人民政府政务公开办公室关于印发2023年南昌市政务公开工作要点的通知/);
    await shot(page, 'policy-staff-review');
    await page.locator('.zc-policy-structure').scrollIntoViewIfNeeded();
    await shot(page, 'policy-staff-review-structure');

    // The editor corrects the type (the importer's guess) and picks its topics; an empty title is marked.
    await page.locator('.zc-policy-type[data-value="政策性文件"]').click();
    await page.locator('.zc-policy-topic[data-value="社会救助"]').click();
    await page.locator('.zc-policy-title-input textarea').fill('');
    await page.locator('.nut-button.zc-policy-save').click();
    await page.locator('.zc-field-error', { hasText: '标题不能为空' }).waitFor();
    await page.locator('.zc-policy-title-input textarea').fill(TITLE_003);
    assert.equal(await page.locator('.zc-field-error').count(), 0);
    await page.locator('.nut-button.zc-policy-save').click();

    await page.waitForURL(/\/pages\/staff\/policy-edit\/index\?id=pol_/);
    await editorIn(page, 'draft');
    const policyId = new URL(page.url()).searchParams.get('id');
    assert.equal((await page.locator('.zc-policy-title').innerText()).trim(), TITLE_003);
    assert.match(await page.locator('.zc-policy-head').innerText(), /草稿[\s\S]*政策性文件[\s\S]*洪府公开办字〔2023〕1号[\s\S]*社会救助/);
    await shot(page, 'policy-staff-draft');

    // Another editor saves the draft while this one edits it: the save is refused, nothing is overwritten.
    await page.locator('.zc-policy-edit-fields').click();
    await page.locator('.zc-policy-form').waitFor();
    const other = await apiCall(stack.apiUrl, 'POST', '/api/auth/dev', { body: { role: 'editor', unitId: 'u_office' } });
    await apiCall(stack.apiUrl, 'PATCH', `/api/policies/${policyId}`, { token: other.token, body: { issuer: '南昌市政务公开办公室' } });
    await page.locator('.zc-policy-form .zc-policy-topic[data-value="就业创业"]').click();
    await page.locator('.nut-button.zc-policy-save').click();
    await page.locator('.zc-edit-conflict').waitFor();
    assert.match(await page.locator('.zc-edit-conflict').innerText(), /已被他人修改/);
    await shot(page, 'policy-staff-conflict');
    await page.locator('.nut-button.zc-show-latest').click();
    await page.locator('.zc-edit-conflict').waitFor({ state: 'detached' });
    assert.equal(await page.locator('.zc-policy-form .zc-policy-issuer input').inputValue(), '南昌市政务公开办公室');
    await page.locator('.nut-button.zc-policy-edit-cancel').click();
    await page.locator('.zc-policy-head').waitFor();
    assert.match(await page.locator('.zc-policy-head').innerText(), /南昌市政务公开办公室/);

    // 三同步: a 政策性文件 without an interpretation is refused, saying what is missing.
    await page.locator('.nut-button.zc-policy-publish').click();
    const refusal = page.locator('.zc-publish-refusal');
    await refusal.waitFor();
    assert.match(await refusal.innerText(), /政策性文件须与政策解读同步发布/);
    assert.equal(await page.locator('.nut-button.zc-exempt-open').count(), 1);
    await editorIn(page, 'draft');
    await shot(page, 'policy-staff-refused');

    // A 文字解读, paragraphs one per line.
    await page.locator('.zc-add-interpretation').click();
    await page.locator('.zc-interpretation-form').waitFor();
    await page.locator('.nut-button.zc-interpretation-save').click();
    await page.locator('.zc-interpretation-form .zc-field-error', { hasText: '解读标题不能为空' }).waitFor();
    await page.locator('.zc-interpretation-title-input input').fill('一图读懂：南昌市今年政务公开做什么');
    await page.locator('.zc-interpretation-body textarea').fill('今年重点公开惠民政策和财政资金。\n\n政策出台时同步发布解读，群众看得懂、办得成。');
    await page.locator('.zc-interpreter-name input').fill('王敏');
    await page.locator('.zc-interpreter-title input').fill('政务公开科科长');
    await page.locator('.zc-interpretation-phone input').fill('0000-86000188');
    await shot(page, 'policy-staff-interpretation-form');
    await page.locator('.nut-button.zc-interpretation-save').click();
    const interpretation = page.locator('.zc-interpretation');
    await interpretation.waitFor();
    assert.match(await interpretation.innerText(), /文字解读[\s\S]*随文件发布[\s\S]*一图读懂[\s\S]*王敏 · 政务公开科科长 · 0000-86000188/);
    assert.equal(await page.locator('.zc-interpretation-form').count(), 0);

    await page.locator('.nut-button.zc-policy-publish', { hasText: '发布文件和 1 篇解读' }).click();
    await editorIn(page, 'published');
    assert.match(await page.locator('.zc-policy-head').innerText(), /已发布[\s\S]*现行有效/);
    assert.match(await interpretation.innerText(), /已发布/);
    assert.equal(await page.locator('.zc-policy-publish').count(), 0);
    await page.locator('.zc-policy-public').waitFor();
    await shot(page, 'policy-staff-published');

    // What the public now reads: the policy with its interpretation, and the two paragraphs.
    const published = await apiCall(stack.apiUrl, 'GET', `/api/policies/${policyId}`);
    assert.equal(published.type, '政策性文件');
    assert.deepEqual(published.topics, ['社会救助']);
    assert.equal(published.interpretations.length, 1);
    assert.deepEqual(published.interpretations[0].body, ['今年重点公开惠民政策和财政资金。', '政策出台时同步发布解读，群众看得懂、办得成。']);

    // Repeal the 2022 demo policy (pol_demo_000), replaced by the one just published.
    const before000 = await apiCall(stack.apiUrl, 'GET', '/api/faq/faq_demo_policy_subsidy');
    assert.equal(before000.basisNotice, null);
    await page.goBack();
    await page.waitForURL(/\/pages\/staff\/policies\/index/);
    const listed = page.locator(`.zc-managed-policy[data-id="${policyId}"]`);
    await listed.waitFor();
    assert.deepEqual(await texts(page, `.zc-managed-policy[data-id="${policyId}"] .zc-policy-validity`), ['现行有效']);
    await page.locator('.zc-managed-policy[data-id="pol_demo_000"]').click();
    await editorIn(page, 'published');
    await page.locator('.nut-button.zc-validity-open').click();
    await page.locator('.nut-button.zc-validity-submit').click();
    await page.locator('.zc-validity-form .zc-field-error', { hasText: '请选择新的有效性' }).waitFor();
    await page.locator('.zc-validity-choice[data-value="已废止"]').click();
    await page.locator('.zc-validity-reason textarea').fill('已被2023年政务公开工作要点替代');
    await page.locator('.zc-replaced-by').click();
    const option = page.locator('.zc-policy-option', { hasText: TITLE_003 }).first();
    await option.waitFor();
    await shot(page, 'policy-staff-replaced-by');
    await option.click();
    assert.match(await page.locator('.zc-replaced-by').innerText(), new RegExp(TITLE_003));
    assert.match(await page.locator('.zc-validity-note').innerText(), /需复核/);
    await shot(page, 'policy-staff-validity-form');
    await page.locator('.nut-button.zc-validity-submit').click();
    await page.locator('.zc-policy-editor-state[data-validity="已废止"]').waitFor();
    const event = page.locator('.zc-validity-event');
    await event.waitFor();
    assert.match(await event.innerText(), /现行有效 → 已废止[\s\S]*已被2023年政务公开工作要点替代[\s\S]*替代文件：《2023年南昌市政务公开工作要点》/);
    await shot(page, 'policy-staff-repealed');

    // Residents read the notice on the entry until an editor reviews it.
    const flagged = await apiCall(stack.apiUrl, 'GET', '/api/faq/faq_demo_policy_subsidy');
    assert.equal(flagged.basisNotice, '依据文件已废止，答复可能已过时');

    await page.goBack();
    await page.locator('.zc-policies-go-review').click();
    await page.waitForURL(/\/pages\/staff\/review\/index/);
    const item = page.locator('.zc-review-item[data-id="faq_demo_policy_subsidy"]');
    await item.waitFor();
    // The seeds' own repealed 2021 plan left its entry flagged too.
    assert.deepEqual(
      (await page.locator('.zc-review-item').evaluateAll((els) => els.map((el) => el.getAttribute('data-id')))).sort(),
      ['faq_demo_policy_disclosure', 'faq_demo_policy_subsidy'],
    );
    assert.match(await item.locator('.zc-review-question').innerText(), /惠民惠农补贴发放情况在哪里能查到/);
    assert.match(await item.locator('.zc-review-reason').innerText(), /已废止：已被2023年政务公开工作要点替代/);
    await shot(page, 'policy-staff-review-list');

    await item.locator('.nut-button.zc-review-done').click();
    await item.waitFor({ state: 'detached' });
    assert.equal(await page.locator('.zc-review-item').count(), 1);
    const reviewed = await apiCall(stack.apiUrl, 'GET', '/api/faq/faq_demo_policy_subsidy');
    assert.equal(reviewed.basisNotice, null);

    // 打开问答 leads to the entry's editor; the last one reviewed leaves the list empty.
    await page.locator('.zc-review-item .nut-button.zc-review-open').click();
    await page.waitForURL(/\/pages\/staff\/edit\/index\?id=faq_demo_policy_disclosure/);
    await page.locator('.zc-editor').waitFor();
    await page.goBack();
    await page.locator('.zc-review-item .nut-button.zc-review-done').click();
    await page.locator('[data-state="empty"]', { hasText: '没有需要复核的问答' }).waitFor();
    await shot(page, 'policy-staff-review-empty');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a 规划 without an interpretation is published with a recorded exemption', async () => {
  const { token } = await apiCall(stack.apiUrl, 'POST', '/api/auth/dev', { body: { role: 'editor', unitId: 'u_office' } });
  const draft = await apiCall(stack.apiUrl, 'POST', '/api/policies', {
    token,
    body: { title: '清河区政务公开场所布局规划（2026—2030年）', type: '规划', sections: [{ level: 0, heading: '', text: '全区政务公开专区的布局。' }] },
  });
  const { page, context, errors } = await newPhone(stack.browser, stack.apiUrl);
  try {
    await signInStaff(page, stack.appUrl, 'editor', '区政府办公室');
    await page.goto(`${stack.appUrl}/pages/staff/policy-edit/index?id=${draft.id}`);
    await editorIn(page, 'draft');
    await page.locator('.nut-button.zc-policy-publish').click();
    await page.locator('.zc-publish-refusal', { hasText: '规划须与政策解读同步发布' }).waitFor();
    await page.locator('.nut-button.zc-exempt-open').click();
    await page.locator('.nut-button.zc-exempt-publish').click();
    await page.locator('.zc-exempt-form .zc-field-error', { hasText: '请写明免于解读的理由' }).waitFor();
    await page.locator('.zc-exempt-reason textarea').fill('本规划只涉及政务公开场所的内部布局，不涉及群众权利义务');
    await shot(page, 'policy-staff-exemption');
    await page.locator('.nut-button.zc-exempt-publish').click();
    await editorIn(page, 'published');
    assert.match(await page.locator('.zc-policy-exemption').innerText(), /不涉及群众权利义务/);
    const published = await apiCall(stack.apiUrl, 'GET', `/api/policies/${draft.id}`);
    assert.equal(published.exemption.reason, '本规划只涉及政务公开场所的内部布局，不涉及群众权利义务');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('in 长辈模式 the office sees the 解读率 and every policy screen in large text', async () => {
  const { page, context, errors } = await newPhone(stack.browser, stack.apiUrl);
  try {
    await page.goto(`${stack.appUrl}/pages/mine/index`);
    await page.locator('.zc-elder-switch').click();
    await page.locator('.zc-elder-switch[data-on="on"]').waitFor();
    await signInStaff(page, stack.appUrl, 'office', '区政府办公室');
    await page.locator('.zc-go-policies').click();
    const rate = page.locator('.zc-interpretation-rate');
    await rate.waitFor();
    assert.match(await page.locator('.zc-policies-scope').innerText(), /本区的政策文件/);
    // Every policy the office has published needing an interpretation has one (the demo's and this file's tests').
    assert.match(await rate.innerText(), /不低于 90%/);
    assert.match(await page.locator('.zc-rate-overall').innerText(), /^\d+(\.\d)?%$/);
    assert.ok((await page.locator('.zc-rate-unit').count()) >= 1);
    const body = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.zc-managed-policy-title')).fontSize));
    assert.ok(body >= 18, `titles in 长辈模式 are at least 18 px (${body})`);
    await shot(page, 'policy-staff-elder-list');

    await page.locator('.zc-managed-policy[data-id="pol_demo_001"]').click();
    await editorIn(page, 'published');
    await shot(page, 'policy-staff-elder-editor');
    await page.locator('.zc-add-interpretation').click();
    await page.locator('.zc-interpretation-form').scrollIntoViewIfNeeded();
    await shot(page, 'policy-staff-elder-interpretation-form');
    await page.locator('.nut-button.zc-validity-open').click();
    await page.locator('.zc-validity-choice[data-value="已修改"]').click();
    await page.locator('.zc-validity-form').scrollIntoViewIfNeeded();
    await shot(page, 'policy-staff-elder-validity-form');

    await page.goto(`${stack.appUrl}/pages/staff/policy-import/index`);
    await page.locator('.zc-policy-import-step[data-step="start"]').waitFor();
    await shot(page, 'policy-staff-elder-import');
    await page.locator('.zc-policy-paste textarea').fill(SEED_003);
    await page.locator('.nut-button.zc-policy-read').click();
    await page.locator('.zc-policy-review').waitFor();
    await shot(page, 'policy-staff-elder-review');

    await page.goto(`${stack.appUrl}/pages/staff/review/index`);
    await page.locator('.zc-review-item, [data-state="empty"]').first().waitFor();
    await shot(page, 'policy-staff-elder-review-list');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('only editors and the office may open the policy screens', async () => {
  const { page, context } = await newPhone(stack.browser, stack.apiUrl);
  try {
    for (const screen of ['policies', 'policy-import', 'policy-edit', 'review']) {
      await page.goto(`${stack.appUrl}/pages/staff/${screen}/index${screen === 'policy-edit' ? '?id=pol_demo_000' : ''}`);
      const empty = page.locator('[data-state="empty"]');
      await empty.waitFor();
      assert.match(await empty.innerText(), /以单位编辑或政务公开办身份登录/, screen);
    }
  } finally {
    await context.close();
  }
});
