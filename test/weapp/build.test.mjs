// The weapp build as WeChat will load it (run after `npm run build:weapp`): pages, the tab bar,
// the staff sub-package, and the pages that can be forwarded (转发) in WeChat.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const root = path.resolve(import.meta.dirname, '../..');
const project = JSON.parse(readFileSync(path.join(root, 'project.config.json'), 'utf8'));
const out = path.join(root, project.miniprogramRoot);
const app = JSON.parse(readFileSync(path.join(out, 'app.json'), 'utf8'));

test('project.config.json points WeChat devtools at a built app', () => {
  const subPages = app.subPackages.flatMap((p) => p.pages.map((page) => `${p.root.replace(/\/$/, '')}/${page}`));
  for (const page of [...app.pages, ...subPages]) assert.ok(existsSync(path.join(out, `${page}.js`)), `${page}.js is built`);
});

test('four tabs, each a main-package page; staff screens load as a sub-package', () => {
  assert.deepEqual(
    app.tabBar.list.map((t) => t.text),
    ['首页', '政策', '消息', '我的'],
  );
  for (const tab of app.tabBar.list) assert.ok(app.pages.includes(tab.pagePath), `${tab.pagePath} is in the main package`);
  const staff = app.subPackages.find((p) => p.root.replace(/\/$/, '') === 'pages/staff');
  assert.ok(staff, `a pages/staff sub-package, got ${JSON.stringify(app.subPackages)}`);
  assert.ok(staff.pages.includes('manage/index') && staff.pages.includes('edit/index'));
});

test('问答详情 can be forwarded to a WeChat chat', () => {
  // Taro moves enableShareAppMessage from the page config into the page script.
  const script = readFileSync(path.join(out, 'pages/entry/index.js'), 'utf8');
  assert.match(script, /enableShareAppMessage/);
  assert.match(script, /onShareAppMessage|useShareAppMessage/);
});
