// An editor signs in, writes an entry, publishes it; a resident then finds it in other words.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiCall, newPhone, shot, signInStaff, startStack, submitDevSignIn, suggestionsFor, texts } from './harness.mjs';

let stack;
before(async () => {
  stack = await startStack();
});
after(() => stack?.stop());

// Not in the demo data, so a hit can only be the entry this test writes.
const ENTRY = {
  question: '居民小区自用车位安装新能源汽车充电桩有补贴吗？',
  answer:
    '在本区居民小区自有或长期租赁的固定车位上安装个人自用新能源汽车充电桩的，可申请一次性安装补贴。' +
    '安装完成并通过供电部门验收后，凭身份证、车位产权或租赁证明、验收单，到区发改局或通过「清河政务服务」小程序申请。',
  similar: ['家里车位装充电桩政府给钱吗', '私人充电桩补贴怎么申请'],
  keywords: '充电桩 新能源汽车',
  topic: '住房',
};
const PARAPHRASE = '我在车位上装个充电桩，能拿到补贴吗';

test('an editor creates and publishes an entry; a resident finds it with a paraphrase', async () => {
  const editor = await newPhone(stack.browser, stack.apiUrl);
  const { page } = editor;
  try {
    // Dev sign-in (from 我的, where the API offers it): role + unit.
    await page.goto(`${stack.appUrl}/pages/mine/index`);
    await page.locator('.zc-go-dev-sign-in').click();
    await page.locator('.zc-sign-in').waitFor();
    await shot(page, 'mine-sign-in');
    await page.locator('.zc-role-editor').click();
    await page.locator('.zc-unit-field').click();
    await page.locator('.zc-unit-option').first().waitFor();
    await shot(page, 'mine-unit-picker');
    await page.locator('.zc-unit-option', { hasText: '区发改局' }).click();
    await page.locator('.zc-name-input input').fill('王编辑');
    await submitDevSignIn(page);
    assert.match(await page.locator('.zc-staff-role').innerText(), /单位编辑 · 区发改局/);
    await shot(page, 'mine-editor');

    // The staff list.
    await page.locator('.zc-go-manage').click();
    await page.waitForURL(/\/pages\/staff\/manage\/index/);
    await page.locator('.zc-managed, [data-state="empty"]').first().waitFor();
    await shot(page, 'manage');
    const before = await page.locator('.zc-managed').count();

    // New entry: an empty save shows the validation messages next to the fields.
    await page.locator('.nut-button.zc-create').click();
    await page.waitForURL(/\/pages\/staff\/edit\/index/);
    await page.locator('.zc-editor').waitFor();
    await page.locator('.nut-button.zc-save-publish').click();
    await page.locator('.zc-field-error').first().waitFor();
    const messages = await texts(page, '.zc-field-error');
    assert.ok(messages.some((m) => m.includes('问题不能为空')), messages.join(' / '));
    assert.ok(messages.some((m) => m.includes('答案不能为空')), messages.join(' / '));
    assert.ok(messages.some((m) => m.includes('类目')), messages.join(' / '));
    await shot(page, 'edit-validation');

    await page.locator('.zc-field-question textarea').fill(ENTRY.question);
    await page.locator('.zc-field-answer textarea').fill(ENTRY.answer);
    await page.locator(`.zc-topic-chip[data-topic="${ENTRY.topic}"]`).click();
    await page.locator('.zc-field-similar input').first().fill(ENTRY.similar[0]);
    await page.locator('.zc-add-similar').click();
    await page.locator('.zc-field-similar input').nth(1).fill(ENTRY.similar[1]);
    await page.locator('.zc-field-keywords input').fill(ENTRY.keywords);
    assert.equal(await page.locator('.zc-field-error').count(), 0, 'fixing a field clears its message');
    await shot(page, 'edit-filled');

    // Save as a draft, then publish it from the list.
    await page.locator('.nut-button.zc-save-draft').click();
    await page.waitForURL(/\/pages\/staff\/manage\/index/);
    const card = page.locator('.zc-managed', { hasText: ENTRY.question });
    await card.waitFor();
    assert.equal(await page.locator('.zc-managed').count(), before + 1);
    assert.equal((await card.locator('.zc-status').innerText()).trim(), '草稿');
    await shot(page, 'manage-draft');

    await card.locator('.nut-button.zc-publish').click();
    await card.locator('.zc-status', { hasText: '已发布' }).waitFor();
    await shot(page, 'manage-published');

    // The 草稿 tab no longer lists it; 已发布 does.
    await page.locator('.zc-tab-draft').click();
    await page.locator('.zc-managed, [data-state="empty"]').first().waitFor();
    assert.equal(await page.locator('.zc-managed', { hasText: ENTRY.question }).count(), 0);
    await page.locator('.zc-tab-published').click();
    await page.locator('.zc-managed', { hasText: ENTRY.question }).waitFor();

    // Editing the published entry: the form comes back filled in; the change is saved.
    await page.locator('.zc-managed', { hasText: ENTRY.question }).locator('.nut-button.zc-edit').click();
    await page.waitForURL(/\/pages\/staff\/edit\/index\?id=/);
    await page.locator('.zc-editor').waitFor();
    assert.equal(await page.locator('.zc-field-question textarea').inputValue(), ENTRY.question);
    assert.equal(await page.locator('.zc-field-similar input').count(), 2);
    await page.locator('.zc-field-answer textarea').fill(`${ENTRY.answer}补贴标准以区发改局当年公布的为准。`);
    await shot(page, 'edit-existing');
    await page.locator('.nut-button.zc-save').click();
    await page.waitForURL(/\/pages\/staff\/manage\/index/);
    await page.locator('.zc-managed', { hasText: ENTRY.question }).waitFor();
  } finally {
    await editor.context.close();
  }

  // A resident on another phone, asking in different words.
  const resident = await newPhone(stack.browser, stack.apiUrl);
  try {
    const p = resident.page;
    await p.goto(`${stack.appUrl}/pages/index/index`);
    await p.locator('.zc-search input').pressSequentially(PARAPHRASE, { delay: 30 });
    await suggestionsFor(p, PARAPHRASE);
    const suggested = await texts(p, '.zc-suggestion');
    assert.ok(
      suggested.some((s) => s.includes(ENTRY.question)),
      `「${PARAPHRASE}」 should find the new entry, got:\n${suggested.join('\n')}`,
    );
    await shot(p, 'resident-finds-new-entry');
    await p.locator('.zc-suggestion', { hasText: ENTRY.question }).click();
    await p.locator('.zc-entry-question').waitFor();
    assert.equal((await p.locator('.zc-entry-unit').innerText()).trim(), '区发改局');
    assert.match(await p.locator('.zc-entry-answer').innerText(), /一次性安装补贴.*当年公布的为准/s);
    await shot(p, 'resident-new-entry');
    assert.deepEqual(resident.errors, []);
  } finally {
    await resident.context.close();
  }
});

test('管理问答 marks a published entry past its end date as 已过期, hidden from residents', async () => {
  // A policy that ended, published by the tax bureau through the API.
  const { token } = await apiCall(stack.apiUrl, 'POST', '/api/auth/dev', { body: { role: 'editor', unitId: 'u_swj' } });
  const ended = await apiCall(stack.apiUrl, 'POST', '/api/faq', {
    token,
    body: {
      question: '2025年度个体工商户减半征收个人所得税怎么享受？',
      answer: '该项政策已于2025年12月31日执行到期，以现行政策为准。',
      topic: '纳税',
      validUntil: '2025-12-31',
      publish: true,
    },
  });
  const { page, context, errors } = await newPhone(stack.browser, stack.apiUrl);
  try {
    await signInStaff(page, stack.appUrl, 'editor', '区税务局');
    await page.locator('.zc-go-manage').click();
    await page.locator('.zc-tab-published').click();

    const card = page.locator('.zc-managed', { hasText: ended.question });
    await card.waitFor();
    assert.equal((await card.locator('.zc-status').first().innerText()).trim(), '已发布');
    assert.equal((await card.locator('.zc-validity').innerText()).trim(), '已过期');
    assert.equal((await card.locator('.zc-validity-range').innerText()).trim(), '有效期至 2025-12-31，居民现在看不到');
    // A current policy with an end date shows its dates and no warning.
    const current = page.locator('.zc-managed', { hasText: '小规模纳税人增值税有哪些优惠政策？' });
    assert.equal((await current.locator('.zc-validity-range').innerText()).trim(), '有效期至 2027-12-31');
    assert.equal(await current.locator('.zc-validity').count(), 0);
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'manage-expired');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
  // What the tag says is true: residents cannot open it.
  await assert.rejects(apiCall(stack.apiUrl, 'GET', `/api/faq/${ended.id}`), /404/);
});

test('an entry being written survives closing the app, until it is saved or thrown away', async () => {
  const { page, context, errors } = await newPhone(stack.browser, stack.apiUrl);
  try {
    await signInStaff(page, stack.appUrl, 'editor', '区民政局');
    await page.goto(`${stack.appUrl}/pages/staff/edit/index`);
    await page.locator('.zc-editor').waitFor();
    const question = '困难残疾人生活补贴怎么申请？';
    await page.locator('.zc-field-question textarea').fill(question);
    // Before writing a second copy: the base already has an entry asking this in other words.
    await page.locator('.zc-similar-existing-item', { hasText: '残疾人两项补贴如何申请？' }).waitFor();
    await page.locator('.zc-field-answer textarea').fill('持残疾人证到户籍所在地街道（镇）社会救助窗口申请。');
    await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('zc.draft.faq.') && localStorage.getItem(k).includes('社会救助窗口')));

    await page.reload();
    await page.locator('.zc-draft-notice').waitFor();
    assert.equal(await page.locator('.zc-field-question textarea').inputValue(), question);
    assert.match(await page.locator('.zc-field-answer textarea').inputValue(), /社会救助窗口/);
    await shot(page, 'edit-draft-restored');

    // 清空重填 starts over, and the draft is gone for good.
    await page.locator('.zc-draft-discard').click();
    assert.equal(await page.locator('.zc-field-question textarea').inputValue(), '');
    assert.equal(await page.locator('.zc-draft-notice').count(), 0);
    await page.waitForFunction(() => !Object.keys(localStorage).some((k) => k.startsWith('zc.draft.faq.')));
    await page.reload();
    await page.locator('.zc-editor').waitFor();
    assert.equal(await page.locator('.zc-field-question textarea').inputValue(), '');
    assert.equal(await page.locator('.zc-draft-notice').count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('two editors change one entry: the later save is told, and chooses to look first or to overwrite', async () => {
  const { token } = await apiCall(stack.apiUrl, 'POST', '/api/auth/dev', { body: { role: 'editor', unitId: 'u_zjj' } });
  const entry = await apiCall(stack.apiUrl, 'POST', '/api/faq', {
    token,
    body: { question: '老旧小区加装电梯有补贴吗？', answer: '符合条件的可申请补贴。', topic: '住房', publish: true },
  });
  const a = await newPhone(stack.browser, stack.apiUrl);
  const b = await newPhone(stack.browser, stack.apiUrl);
  const answer = (page) => page.locator('.zc-field-answer textarea');
  const open = async (page) => {
    await page.goto(`${stack.appUrl}/pages/staff/edit/index?id=${entry.id}`);
    await page.locator('.zc-editor').waitFor();
    await answer(page).waitFor();
  };
  const saveFrom = async (page, text) => {
    await answer(page).fill(text);
    await page.locator('.nut-button.zc-save').click();
  };
  try {
    await signInStaff(a.page, stack.appUrl, 'editor', '区住建局', '甲编辑');
    await signInStaff(b.page, stack.appUrl, 'editor', '区住建局', '乙编辑');
    await open(a.page);
    await open(b.page);

    // 乙 saves first; 甲, still on the version both opened, is told instead of overwriting it.
    await saveFrom(b.page, '乙：加装电梯每台补贴按本区现行标准执行。');
    await b.page.waitForURL(/\/pages\/staff\/manage\/index/);
    await saveFrom(a.page, '甲：符合条件的老旧小区加装电梯可申请补贴。');
    await a.page.locator('.zc-edit-conflict').waitFor();
    assert.match(await a.page.locator('.zc-edit-conflict').innerText(), /已被他人修改并保存/);
    assert.match(await answer(a.page).inputValue(), /^甲：/, '甲 keeps what she typed');
    await shot(a.page, 'edit-conflict');
    assert.match((await apiCall(stack.apiUrl, 'GET', `/api/faq/${entry.id}`)).answer, /^乙：/, '乙 is not overwritten');

    // 查看最新内容: 乙's version, and 甲's edit from there saves normally.
    await a.page.locator('.nut-button.zc-show-latest').click();
    await a.page.locator('.zc-editor').waitFor();
    await a.page.waitForFunction(() => document.querySelector('.zc-field-answer textarea')?.value.startsWith('乙：'));
    assert.equal(await a.page.locator('.zc-edit-conflict').count(), 0);

    // 乙 saves again meanwhile; this time 甲 overwrites it knowingly.
    await open(b.page);
    await saveFrom(b.page, '乙：补贴标准见区住建局公告。');
    await b.page.waitForURL(/\/pages\/staff\/manage\/index/);
    await saveFrom(a.page, '甲：补贴标准以区住建局当年公告为准。');
    await a.page.locator('.zc-edit-conflict').waitFor();
    await a.page.locator('.nut-button.zc-overwrite').click();
    await a.page.waitForURL(/\/pages\/staff\/manage\/index/);
    assert.equal((await apiCall(stack.apiUrl, 'GET', `/api/faq/${entry.id}`)).answer, '甲：补贴标准以区住建局当年公告为准。');
    assert.deepEqual([...a.errors, ...b.errors], []);
  } finally {
    await a.context.close();
    await b.context.close();
  }
});

test('the office narrows 管理问答 to one unit, and back to all', async () => {
  const { page, context, errors } = await newPhone(stack.browser, stack.apiUrl);
  try {
    await signInStaff(page, stack.appUrl, 'office', '区政府办公室');
    await page.locator('.zc-go-manage').click();
    await page.locator('.zc-managed').first().waitFor();
    const totalOf = async () => Number(/共 (\d+) 条/.exec(await page.locator('.zc-manage-total').innerText())?.[1]);
    const all = await totalOf();

    await page.locator('.zc-manage-unit .zc-unit-field').click();
    await page.locator('.zc-unit-option', { hasText: '区医保局' }).click();
    await page.locator('.zc-manage-unit .zc-unit-field', { hasText: '区医保局' }).waitFor();
    await page.waitForFunction((n) => /共 (\d+) 条/.exec(document.querySelector('.zc-manage-total')?.textContent ?? '')?.[1] !== String(n), all);
    const metas = await texts(page, '.zc-managed .zc-managed-meta');
    assert.ok(metas.length > 0 && metas.every((m) => m.startsWith('区医保局')), `only 区医保局 entries:\n${metas.join('\n')}`);
    assert.ok((await totalOf()) < all);
    await shot(page, 'manage-office-unit');

    await page.locator('.zc-manage-unit .zc-unit-field').click();
    await page.locator('.zc-unit-all').click();
    await page.waitForFunction((n) => /共 (\d+) 条/.exec(document.querySelector('.zc-manage-total')?.textContent ?? '')?.[1] === String(n), all);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the staff area asks residents to sign in first', async () => {
  const { page, context } = await newPhone(stack.browser, stack.apiUrl);
  try {
    await page.goto(`${stack.appUrl}/pages/staff/manage/index`);
    const empty = page.locator('[data-state="empty"]');
    await empty.waitFor();
    assert.match(await empty.innerText(), /需要工作人员登录/);
    assert.equal(await page.locator('.zc-create').count(), 0);
  } finally {
    await context.close();
  }
});

test('the office adds a synonym and a resident using that word finds the entry', async () => {
  // Residents call the 无犯罪记录证明 a 良民证.
  const QUESTION = '良民证怎么开';
  const ENTRY_QUESTION = '如何开具无犯罪记录证明？';
  const firstSuggestion = async (p) => {
    await p.goto(`${stack.appUrl}/pages/index/index`);
    await p.locator('.zc-search input').pressSequentially(QUESTION, { delay: 30 });
    await suggestionsFor(p, QUESTION);
    return (await texts(p, '.zc-suggestion'))[0] ?? '';
  };

  // The shipped lexicon knows 良民证: take its group out, as a district that never had it.
  const { token } = await apiCall(stack.apiUrl, 'POST', '/api/auth/dev', { body: { role: 'office', unitId: 'u_office' } });
  const shipped = (await apiCall(stack.apiUrl, 'GET', '/api/synonyms', { token })).items.find((g) => g.terms.includes('良民证'));
  const removed = await fetch(`${stack.apiUrl}/api/synonyms/${shipped.id}`, { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } });
  assert.equal(removed.status, 204);

  const resident = await newPhone(stack.browser, stack.apiUrl);
  const office = await newPhone(stack.browser, stack.apiUrl);
  try {
    assert.doesNotMatch(await firstSuggestion(resident.page), /无犯罪记录证明/, 'before the synonym, another entry comes first');

    const { page } = office;
    await signInStaff(page, stack.appUrl, 'office', '区政府办公室');
    await shot(page, 'mine-office');
    await page.locator('.zc-go-synonyms').click();
    await page.waitForURL(/\/pages\/staff\/synonyms\/index/);
    await page.locator('.zc-synonym-group').first().waitFor();
    assert.match(await page.locator('.zc-synonym-total').innerText(), /共 \d+ 组/);
    await shot(page, 'synonyms');

    // Looking for the word first: not there, so a group is started from it.
    await page.locator('.zc-synonym-filter input').fill('良民证');
    await page.locator('[data-state="empty"]').waitFor();
    await shot(page, 'synonyms-not-found');
    await page.locator('.nut-button.zc-synonym-new-from-filter').click();
    const input = page.locator('.zc-synonym-editor .zc-synonym-input input');
    assert.equal(await input.inputValue(), '良民证');

    // A word that another group holds is refused, with that group named.
    await input.fill('退伍军人、良民证');
    await page.locator('.nut-button.zc-synonym-save').click();
    await page.locator('.zc-synonym-error').waitFor();
    assert.equal((await page.locator('.zc-synonym-error').innerText()).trim(), '「退伍军人」已在同义词组「退役军人、退伍军人」中');
    await shot(page, 'synonyms-conflict');

    await input.fill('无犯罪记录证明、良民证');
    await page.locator('.nut-button.zc-synonym-save').click();
    await page.locator('.zc-synonym-editor').waitFor({ state: 'detached' });
    const group = page.locator('.zc-synonym-group').first();
    assert.deepEqual(await texts(group, '.zc-synonym-term'), ['无犯罪记录证明', '良民证']);
    await shot(page, 'synonyms-added');

    // The resident's next search already knows the word.
    assert.match(await firstSuggestion(resident.page), new RegExp(ENTRY_QUESTION.replace(/[？?]/g, '.')));
    await shot(resident.page, 'resident-finds-by-synonym');

    // Deleting asks first; afterwards the group is gone from the list.
    await group.locator('.nut-button.zc-synonym-delete').click();
    await page.locator('.taro-modal__content').waitFor();
    await page.locator('.taro-modal__foot .taro-model__btn', { hasText: '删除' }).click();
    await page.locator('.zc-synonym-group', { hasText: '良民证' }).waitFor({ state: 'detached' });
    assert.deepEqual(office.errors, []);
    assert.deepEqual(resident.errors, []);
  } finally {
    await office.context.close();
    await resident.context.close();
  }
});

test('only the office may open the synonym list', async () => {
  const { page, context } = await newPhone(stack.browser, stack.apiUrl);
  try {
    await page.goto(`${stack.appUrl}/pages/staff/synonyms/index`);
    const empty = page.locator('[data-state="empty"]');
    await empty.waitFor();
    assert.match(await empty.innerText(), /以政务公开办身份登录/);
    assert.equal(await page.locator('.zc-synonym-new').count(), 0);
  } finally {
    await context.close();
  }
});
