// An editor imports a spreadsheet (CSV) into the knowledge base: every mistake of a file is shown
// in one check, with the value written and what is expected, beside a preview of the rows; the
// corrected file (saved as GBK, as Excel on Chinese Windows does) is imported with its duplicate
// skipped, and a resident then finds an imported entry in other words. The template downloads
// as a UTF-8 CSV with a byte-order mark.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { apiCall, newPhone, shot, signInStaff, startStack, suggestionsFor, texts } from './harness.mjs';

let stack;
before(async () => {
  stack = await startStack();
});
after(() => stack?.stop());

const fixture = (name) => ({ name, mimeType: 'text/csv', buffer: readFileSync(path.join(import.meta.dirname, 'fixtures', name)) });

/** Taps a 选择文件 button and hands the browser's file chooser the file. */
async function pick(page, file) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('.nut-button.zc-import-pick').first().click()]);
  await chooser.setFiles(typeof file === 'string' ? fixture(file) : file);
}

/** Signs in as an editor of 区住建局 and opens 批量导入 from 管理问答; returns the entries listed before. */
async function openImport(page) {
  await signInStaff(page, stack.appUrl, 'editor', '区住建局');
  await page.locator('.zc-go-manage').click();
  await page.locator('.zc-managed').first().waitFor();
  const listed = Number(/共 (\d+) 条/.exec(await page.locator('body').innerText())?.[1]);
  await page.locator('.nut-button.zc-go-import').click();
  await page.waitForURL(/\/pages\/staff\/import\/index/);
  await page.locator('.zc-import[data-step="start"]').waitFor();
  return listed;
}

/** Each shown error of a row as「column | message | 填的是 | 应为」. */
async function errorsOfRow(page, row) {
  const group = page.locator(`.zc-import-error-row[data-row="${row}"]`);
  return group.locator('.zc-import-error').evaluateAll((els) =>
    els.map((el) =>
      ['.zc-import-error-column', '.zc-import-error-message', '.zc-import-error-value', '.zc-import-error-expected']
        .map((s) => el.querySelector(s)?.textContent?.trim() ?? '')
        .join(' | '),
    ),
  );
}

test('an editor’s CSV with three kinds of error is corrected in one round', async () => {
  const editor = await newPhone(stack.browser, stack.apiUrl);
  const { page } = editor;
  try {
    const listed = await openImport(page);
    await shot(page, 'import');

    // A missing answer, an unknown topic and an unknown unit, and a question the base already has:
    // all of them in the first check.
    await pick(page, 'import-three-errors.csv');
    await page.locator('.zc-import[data-step="checked"]').waitFor();
    assert.equal((await page.locator('.zc-import-summary').innerText()).trim(), '发现 3 处错误，改正后重新选择文件');
    assert.deepEqual(await errorsOfRow(page, 1), ['答案 | 答案不能为空 | 填的是：（空） | 应为：必填，不超过 5000 字']);
    assert.deepEqual(await errorsOfRow(page, 2), [
      '类目 | 类目应为规定的 12 个类目之一 | 填的是：「住房保障」 | 应为：生育、教育、养老、医疗、就业创业、社会救助、投资、纳税、社保、住房、户籍、疫情防控 之一',
    ]);
    assert.deepEqual(await errorsOfRow(page, 3), ['发文单位 | 单位不存在：区住房建设局 | 填的是：「区住房建设局」 | 应为：本单位（区住建局），或留空']);
    assert.match(await page.locator('.zc-import-error-row[data-row="3"]').innerText(), /第 3 条（表格第 4 行）/);

    const duplicate = page.locator('.zc-import-duplicate');
    assert.equal(await duplicate.count(), 1);
    assert.match(await duplicate.innerText(), /第 4 条[\s\S]*如何申请公共租赁住房\?[\s\S]*已有：「如何申请公共租赁住房？」· 区住建局 · 已发布/);
    assert.equal(await page.locator('.zc-import-choice-skip').count(), 0, 'the choice waits for a file without errors');

    // The preview shows the rows as read, the bad ones marked with their errors beside them.
    const states = await page.locator('.zc-import-preview-row').evaluateAll((els) => els.map((el) => el.getAttribute('data-state')));
    assert.deepEqual(states, ['error', 'error', 'error', 'duplicate']);
    assert.deepEqual(await texts(page, '.zc-import-preview-row[data-row="1"] .zc-import-preview-error'), ['答案：答案不能为空']);
    assert.match(await page.locator('.zc-import-preview-row[data-row="3"]').innerText(), /物业服务收费标准如何确定？[\s\S]*住房[\s\S]*区住房建设局 · 相似问法 2 个/);
    assert.equal(await page.locator('.zc-import-write').count(), 0, 'a file with mistakes cannot be imported');
    await shot(page, 'import-errors');
    await page.locator('.zc-import-preview').scrollIntoViewIfNeeded();
    await shot(page, 'import-errors-preview');

    // The corrected file, in GBK: no errors left; the duplicate waits for a choice.
    await pick(page, 'import-three-errors-fixed-gbk.csv');
    await page.locator('.zc-import-summary', { hasText: '共 4 条，1 条问题已经有了' }).waitFor();
    assert.equal((await page.locator('.zc-import-file').innerText()).trim(), 'import-three-errors-fixed-gbk.csv');
    assert.equal(await page.locator('.zc-import-error').count(), 0);
    const write = page.locator('.nut-button.zc-import-write');
    assert.match(await write.getAttribute('class'), /nut-button-disabled/, 'nothing is written before the duplicate is decided');
    assert.match(await write.innerText(), /先选择如何处理重复/);

    await page.locator('.zc-import-choice-skip').click();
    await page.locator('.zc-import-summary', { hasText: '共 4 条，检查通过' }).waitFor();
    assert.equal((await page.locator('.zc-import-counts').innerText()).trim(), '新增 3 条，跳过 1 条');
    assert.equal((await page.locator('.zc-import-duplicate-action').innerText()).trim(), '将跳过');
    assert.deepEqual(await texts(page, '.zc-import-preview-question'), [
      '老旧小区改造包括哪些内容？',
      '住房租赁补贴如何申请？',
      '物业服务收费标准如何确定？',
      '如何申请公共租赁住房?',
    ]);
    await page.locator('.zc-import-publish').click();
    await shot(page, 'import-checked');
    await page.locator('.zc-import-preview').scrollIntoViewIfNeeded();
    await shot(page, 'import-preview');

    assert.equal((await write.innerText()).trim(), '导入 3 条');
    await write.click();
    await page.locator('.zc-import-done').waitFor();
    assert.match(await page.locator('.zc-import-done').innerText(), /已导入 3 条，已发布，跳过 1 条/);
    await shot(page, 'import-done');

    await page.locator('.nut-button.zc-import-manage').click();
    await page.waitForURL(/\/pages\/staff\/manage\/index/);
    const imported = page.locator('.zc-managed', { hasText: '老旧小区改造包括哪些内容？' });
    await imported.waitFor();
    assert.equal((await imported.locator('.zc-status').innerText()).trim(), '已发布');
    assert.match(await page.locator('body').innerText(), new RegExp(`共 ${listed + 3} 条`));
    assert.equal(await page.locator('.zc-managed', { hasText: '如何申请公共租赁住房?' }).count(), 0, 'the duplicate was skipped');
    assert.deepEqual(editor.errors, []);
  } finally {
    await editor.context.close();
  }

  const resident = await newPhone(stack.browser, stack.apiUrl);
  try {
    const p = resident.page;
    const question = '我们老小区改造都改些什么';
    await p.goto(`${stack.appUrl}/pages/index/index`);
    await p.locator('.zc-search input').pressSequentially(question, { delay: 30 });
    await suggestionsFor(p, question);
    assert.match((await texts(p, '.zc-suggestion'))[0] ?? '', /老旧小区改造包括哪些内容/);
  } finally {
    await resident.context.close();
  }

  // The skipped duplicate left the existing entry as it was.
  const { items } = await apiCall(stack.apiUrl, 'GET', `/api/faq/search?q=${encodeURIComponent('如何申请公共租赁住房')}&limit=5`);
  assert.equal(items.filter((i) => i.question.startsWith('如何申请公共租赁住房')).length, 1);
  assert.match(items[0].answer, /城镇中等偏下收入住房困难家庭/);
});

test('the template downloads as UTF-8 CSV with a byte-order mark; its example rows are not imported', async () => {
  const { page, context, errors } = await newPhone(stack.browser, stack.apiUrl);
  try {
    await openImport(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.nut-button.zc-import-template').click()]);
    assert.equal(download.suggestedFilename(), '问答导入模板.csv');
    const bytes = readFileSync(await download.path());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    assert.equal(lines[0], (await page.locator('.zc-import-header').innerText()).trim());
    assert.equal(lines[0], '类目,问题,答案,相似问法,关键字,发文单位');
    assert.equal(lines.length, 3);

    await pick(page, { name: download.suggestedFilename(), mimeType: 'text/csv', buffer: bytes });
    await page.locator('.zc-import[data-step="checked"]').waitFor();
    const messages = await texts(page, '.zc-import-error-message');
    assert.equal(messages.length, 2);
    for (const m of messages) assert.match(m, /示例行/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a file with only the header says there is nothing to import', async () => {
  const { page, context } = await newPhone(stack.browser, stack.apiUrl);
  try {
    await openImport(page);
    await pick(page, 'import-header-only.csv');
    const empty = page.locator('.zc-import-empty [data-state="empty"]');
    await empty.waitFor();
    assert.match(await empty.innerText(), /文件里没有问答/);
    assert.equal(await page.locator('.nut-button.zc-import-pick').count(), 1);
  } finally {
    await context.close();
  }
});

test('only editors and the office may open the import screen', async () => {
  const { page, context } = await newPhone(stack.browser, stack.apiUrl);
  try {
    await page.goto(`${stack.appUrl}/pages/staff/import/index`);
    const empty = page.locator('[data-state="empty"]');
    await empty.waitFor();
    assert.match(await empty.innerText(), /以单位编辑或政务公开办身份登录/);
    assert.equal(await page.locator('.zc-import-pick').count(), 0);
  } finally {
    await context.close();
  }
});
