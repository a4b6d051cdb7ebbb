// `npm run invite`: how a new district gets its first office account without database surgery.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { freePort, startApi } from '../../scripts/lib/api-server.mjs';
import { apiCall, lastCode, root } from './harness.mjs';

const dbDir = mkdtempSync(path.join(tmpdir(), 'zc-invite-'));
let api;

const invite = (...args) =>
  spawnSync(process.execPath, [path.join(root, 'scripts/invite.mjs'), ...args], {
    cwd: root,
    env: { ...process.env, DB_DIR: dbDir },
    encoding: 'utf8',
  });

before(async () => {
  api = await startApi({ port: await freePort(), dbDir, seed: false, quiet: true });
});

after(async () => {
  await api?.stop();
  rmSync(dbDir, { recursive: true, force: true });
});

test('prints an invitation that a fresh district redeems for its first office account', async () => {
  const run = invite('--role', 'office', '--unit', 'u_office', '--name', '周文', '--app-url', 'https://zixun.example.gov.cn/');
  assert.equal(run.status, 0, run.stderr);
  const [, code] = /邀请码 ([2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4})/.exec(run.stdout) ?? [];
  assert.ok(code, run.stdout);
  assert.ok(run.stdout.includes(`https://zixun.example.gov.cn/pages/staff/redeem/index?code=${code.replace('-', '')}`), run.stdout);

  // The person signs in with a phone code and redeems it: the district now has its office.
  const phone = '13700000001';
  await apiCall(api.url, 'POST', '/api/auth/phone/code', { body: { phone } });
  const { token } = await apiCall(api.url, 'POST', '/api/auth/phone', { body: { phone, code: await lastCode(api.url, phone) } });
  const me = await apiCall(api.url, 'POST', '/api/invitations/redeem', { token, body: { code } });
  assert.deepEqual({ role: me.role, unitId: me.unitId, name: me.name }, { role: 'office', unitId: 'u_office', name: '周文' });
  const units = await apiCall(api.url, 'GET', '/api/manage/units', { token });
  assert.ok(units.items.some((u) => u.id === 'u_district'), 'the office manages its district');
});

test('refuses a unit that does not exist and a role that is not a staff role, writing nothing', () => {
  const noUnit = invite('--role', 'editor', '--unit', 'u_nowhere');
  assert.notEqual(noUnit.status, 0);
  assert.match(noUnit.stderr, /no unit u_nowhere in service/);
  const badRole = invite('--role', 'mayor');
  assert.notEqual(badRole.status, 0);
  assert.match(badRole.stderr, /--role must be one of/);
});
