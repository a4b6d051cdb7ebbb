// An editor imports a spreadsheet (CSV) into the knowledge base: a file with mistakes is checked
// and refused row by row, the corrected one (saved as GBK, as Excel on Chinese Windows does) is
// imported and published, and a resident then finds an imported entry in other words.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { newPhone, shot, signInStaff, startStack, suggestionsFor, texts } from './harness.mjs';

let stack;
before(async () => {
  stack = await startStack();
});
after(() => stack?.stop());

const fixture = (name) => ({ name, mimeType: 'text/csv', buffer: readFileSync(path.join(import.meta.dirname, 'fixtures', name)) });

/** Taps a 选择文件 button and hands the browser's file chooser the fixture. */
async function pick(page, name) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('.nut-button.zc-import-pick').first().click()]);
  await chooser.setFiles(fixture(name));
}

test('an editor imports a CSV: mistakes are listed and nothing is written; the corrected file is imported and found', async () => {
  const editor = await newPhone(stack.browser, stack.apiUrl);
  const { page } = editor;
  try {
    await signInStaff(page, stack.appUrl, 'editor', '区住建局');
    await page.locator('.nut-button.zc-go-manage').click();
    await page.locator('.zc-managed').first().waitFor();
    const before = Number(/共 (\d+) 条/.exec(await page.locator('body').innerText())?.[1]);
    await page.locator('.nut-button.zc-go-import').click();
    await page.waitForURL(/\/pages\/staff\/import\/index/);
    await page.locator('.zc-import[data-step="start"]').waitFor();
    await shot(page, 'import');

    // Three rows, three mistakes: a missing answer, an unknown topic, another unit's entry.
    await pick(page, 'import-with-errors.csv');
    await page.locator('.zc-import[data-step="checked"]').waitFor();
    assert.equal((await page.locator('.zc-import-summary').innerText()).trim(), '发现 3 处错误，改正后重新选择文件');
    const errors = await texts(page, '.zc-import-error');
    assert.match(errors[0], /^第 1 条：答案不能为空/);
    assert.match(errors[1], /^第 2 条：类目应为/);
    assert.equal(errors[2], '第 3 条：只能导入本单位的条目');
    assert.equal(await page.locator('.zc-import-write').count(), 0, 'a file with mistakes cannot be imported');
    await shot(page, 'import-errors');

    // The corrected file, in GBK: checked, then imported and published.
    await pick(page, 'import-gbk.csv');
    await page.locator('.zc-import-summary', { hasText: '共 2 条，检查通过' }).waitFor();
    assert.equal((await page.locator('.zc-import-file').innerText()).trim(), 'import-gbk.csv');
    await page.locator('.zc-import-publish').click();
    await shot(page, 'import-checked');
    await page.locator('.nut-button.zc-import-write').click();
    await page.locator('.zc-import-done').waitFor();
    assert.match(await page.locator('.zc-import-done').innerText(), /已导入 2 条，已发布/);
    await shot(page, 'import-done');

    await page.locator('.nut-button.zc-import-manage').click();
    await page.waitForURL(/\/pages\/staff\/manage\/index/);
    const imported = page.locator('.zc-managed', { hasText: '老旧小区改造包括哪些内容？' });
    await imported.waitFor();
    assert.equal((await imported.locator('.zc-status').innerText()).trim(), '已发布');
    assert.match(await page.locator('body').innerText(), new RegExp(`共 ${before + 2} 条`));
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
