// Browsing by topic: the 分类 tab lists all 12 topics with counts; a topic pages with 加载更多.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiCall, newPhone, shot, startStack, texts } from './harness.mjs';

let stack;
before(async () => {
  stack = await startStack();
});
after(() => stack?.stop());

const TOPIC = '疫情防控';

/** Makes sure TOPIC has more than two pages' worth (10 a page) of published entries. */
async function seedTopic() {
  const { token } = await apiCall(stack.apiUrl, 'POST', '/api/auth/dev', {
    body: { role: 'editor', unitId: 'u_jkzx', name: '测试编辑' },
  });
  const { items } = await apiCall(stack.apiUrl, 'GET', '/api/topics');
  const have = items.find((t) => t.topic === TOPIC).count;
  for (let i = have; i < 23; i++) {
    await apiCall(stack.apiUrl, 'POST', '/api/faq', {
      token,
      body: {
        question: `疫情防控测试问答第${i + 1}条：居家健康监测期间如何就医？`,
        answer: `这是端到端测试写入的第${i + 1}条问答，用于检查分页。`,
        topic: TOPIC,
        publish: true,
      },
    });
  }
  return 23 > have ? 23 : have;
}

test('the 分类 tab shows every topic with its count and opens a paginated list', async () => {
  const total = await seedTopic();
  const { items: counts } = await apiCall(stack.apiUrl, 'GET', '/api/topics');
  const { page, context, errors } = await newPhone(stack.browser, stack.apiUrl);
  try {
    await page.goto(`${stack.appUrl}/pages/topics/index`);
    await page.locator('.zc-topic-row').first().waitFor();
    const rows = await texts(page, '.zc-topic-row');
    assert.equal(rows.length, 12);
    for (const { topic, count } of counts) {
      const row = rows.find((r) => r.includes(topic));
      assert.ok(row, `${topic} is listed`);
      assert.ok(row.includes(count > 0 ? `${count} 条` : '暂无'), `${topic} shows ${count}: ${row}`);
    }
    await shot(page, 'topics');

    await page.locator('.zc-topic-row', { hasText: TOPIC }).click();
    await page.waitForURL(/\/pages\/topic\/index\?topic=/);
    await page.locator('.zc-topic-list .zc-entry-card').first().waitFor();
    assert.equal(await page.locator('.zc-topic-list .zc-entry-card').count(), 10);
    assert.match(await page.locator('body').innerText(), new RegExp(`共 ${total} 条问答`));
    await shot(page, 'topic-list');

    // 加载更多 until the end; no entry shows twice.
    let shown = 10;
    while (shown < total) {
      await page.locator('.nut-button.zc-load-more').click();
      const expected = Math.min(shown + 10, total);
      await page.waitForFunction(
        (n) => document.querySelectorAll('.zc-topic-list .zc-entry-card').length === n,
        expected,
      );
      shown = expected;
    }
    const questions = await texts(page, '.zc-topic-list .zc-entry-card');
    assert.equal(new Set(questions).size, total, 'no duplicates across pages');
    assert.equal(await page.locator('.zc-load-more').count(), 0, 'no 加载更多 at the end');
    assert.match(await page.locator('body').innerText(), /已经到底了/);
    await page.locator('.zc-topic-list .zc-entry-card').last().scrollIntoViewIfNeeded();
    await shot(page, 'topic-list-end');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a tile on 首页 opens the same topic list', async () => {
  const { page, context } = await newPhone(stack.browser, stack.apiUrl);
  try {
    await page.goto(`${stack.appUrl}/pages/index/index`);
    await page.locator('.zc-topic', { hasText: '医疗' }).click();
    await page.waitForURL(/\/pages\/topic\/index\?topic=/);
    await page.locator('.zc-topic-list .zc-entry-card').first().waitFor();
    const { total } = await apiCall(stack.apiUrl, 'GET', `/api/faq?topic=${encodeURIComponent('医疗')}&limit=1`);
    assert.equal(await page.locator('.zc-topic-list .zc-entry-card').count(), Math.min(total, 10));
  } finally {
    await context.close();
  }
});

test('an unknown topic says so', async () => {
  const { page, context } = await newPhone(stack.browser, stack.apiUrl);
  try {
    await page.goto(`${stack.appUrl}/pages/topic/index?topic=${encodeURIComponent('不存在')}`);
    const empty = page.locator('[data-state="empty"]');
    await empty.waitFor();
    assert.match(await empty.innerText(), /没有这个分类/);
  } finally {
    await context.close();
  }
});
