// The office runs its staff and its unit tree from the app: invitations (the code and QR shown
// once), disabling and enabling an account, an answerer's public profile as residents see it on
// 政策解答员名录, a roster gap fixed from its link, and units added, renamed, moved and retired.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiCall, newPhone, shot, signInStaff, startStack, texts } from './harness.mjs';

let stack;
before(async () => {
  stack = await startStack();
});
after(() => stack?.stop());

const CODE = /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/;

/** A phone signed in as `who` before its first page: the session stored as the app stores it (Taro H5 keeps `{ data }` JSON). */
async function phoneAs(who) {
  const session = await apiCall(stack.apiUrl, 'POST', '/api/auth/dev', { body: who });
  const phone = await newPhone(stack.browser, stack.apiUrl);
  await phone.context.addInitScript((s) => localStorage.setItem('zc.session', JSON.stringify({ data: s })), session);
  return { ...phone, token: session.token };
}

const OFFICE = { role: 'office', unitId: 'u_office', name: '政务公开办值班' };
const officeToken = async () => (await apiCall(stack.apiUrl, 'POST', '/api/auth/dev', { body: OFFICE })).token;

/** A new person signs in and redeems `code` (as the invited person would on their own phone). */
async function redeem(code, name) {
  const person = await apiCall(stack.apiUrl, 'POST', '/api/auth/dev', { body: { role: 'resident', name } });
  const res = await fetch(`${stack.apiUrl}/api/invitations/redeem`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${person.token}` },
    body: JSON.stringify({ code }),
  });
  return { status: res.status, body: await res.json() };
}

async function answerer(unitId, name) {
  const { items } = await apiCall(stack.apiUrl, 'GET', `/api/answerers?unitId=${unitId}`);
  return items.find((a) => a.name === name);
}

test('the office invites an answerer: the code and its QR show once, the code works, an open invitation can be revoked', async () => {
  const { page, context, errors } = await phoneAs(OFFICE);
  try {
    // From 名录缺口 or 工作人员 the unit and role come prefilled.
    await page.goto(`${stack.appUrl}/pages/staff/invite/index?unitId=u_jd_binhe&role=answerer`);
    await page.locator('.zc-invite-form').waitFor();
    await page.locator('.zc-invite-unit .zc-unit-field', { hasText: '滨河街道' }).waitFor();
    assert.equal(await page.locator('.zc-invite-role-answerer').getAttribute('aria-pressed'), 'true');
    await page.locator('.zc-invite-name input').fill('黄新');
    await shot(page, 'accounts-invite-form');
    await page.locator('.nut-button.zc-invite-submit').click();

    const code = (await page.locator('.zc-invite-code').innerText()).trim();
    assert.match(code, CODE);
    const qr = page.locator('.zc-invite-qr img');
    assert.match(await qr.getAttribute('src'), /^data:image\/svg\+xml/);
    await page.waitForFunction(() => (document.querySelector('.zc-invite-qr img')?.naturalWidth ?? 0) > 0);
    const box = await qr.boundingBox();
    assert.ok(box && box.width >= 150 && box.height >= 150, `the QR code is drawn large enough to scan, got ${JSON.stringify(box)}`);
    assert.match(await page.locator('.zc-invite-expiry').innerText(), /7 天/);
    const row = page.locator('.zc-invitation', { hasText: '黄新' });
    await row.locator('.zc-invitation-status', { hasText: '待使用' }).waitFor();
    await shot(page, 'accounts-invite-created');

    // The invited person redeems the code as shown (with its dash): they join 滨河街道 as an answerer.
    const redeemed = await redeem(code, '黄新');
    assert.equal(redeemed.status, 200, JSON.stringify(redeemed.body));
    assert.deepEqual([redeemed.body.role, redeemed.body.unitId], ['answerer', 'u_jd_binhe']);

    // Shown once: after a reload the code is gone and the invitation reads 已使用.
    await page.reload();
    await page.locator('.zc-invitation', { hasText: '黄新' }).locator('.zc-invitation-status', { hasText: '已使用' }).waitFor();
    assert.equal(await page.locator('.zc-invite-code').count(), 0);
    assert.equal(await page.locator('.zc-invitation', { hasText: '黄新' }).locator('.zc-invitation-revoke').count(), 0, 'a used invitation cannot be revoked');

    // A second one, for an editor, revoked before anyone uses it.
    await page.locator('.zc-invite-role-editor').click();
    await page.locator('.zc-invite-name input').fill('周编辑');
    await page.locator('.nut-button.zc-invite-submit').click();
    const second = (await page.locator('.zc-invite-code').innerText()).trim();
    assert.match(second, CODE);
    assert.notEqual(second, code);
    const open = page.locator('.zc-invitation', { hasText: '周编辑' });
    await open.locator('.nut-button.zc-invitation-revoke').click();
    await page.locator('.zc-confirm', { hasText: '作废这个邀请' }).waitFor();
    await shot(page, 'accounts-invite-revoke');
    await page.locator('.nut-button.zc-confirm-ok').click();
    await open.locator('.zc-invitation-status', { hasText: '已作废' }).waitFor();
    assert.equal(await open.getAttribute('data-status'), 'revoked');
    const refused = await redeem(second, '周编辑');
    assert.equal(refused.status, 400);
    assert.match(refused.body.error.message, /已作废/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('an editor invites answerers of their own unit only', async () => {
  const { page, context } = await phoneAs({ role: 'editor', unitId: 'u_rsj', name: '人社局编辑' });
  try {
    await page.goto(`${stack.appUrl}/pages/staff/invite/index`);
    await page.locator('.zc-invite-form').waitFor();
    assert.equal((await page.locator('.zc-invite-unit').innerText()).trim(), '区人社局');
    assert.deepEqual(
      await page.locator('[class*="zc-invite-role-"]').evaluateAll((els) => els.map((el) => el.className.match(/zc-invite-role-(\w+)/)[1])),
      ['answerer'],
    );
    await page.locator('.nut-button.zc-invite-submit').click();
    assert.match((await page.locator('.zc-invite-code').innerText()).trim(), CODE);
    await page.locator('.zc-invitation', { hasText: '区人社局' }).first().waitFor();
  } finally {
    await context.close();
  }
});

test('the office disables a staff member and enables them again; their open inquiry goes back to the unit', async () => {
  const ma = await answerer('u_jd_binhe', '马骏');
  const resident = await apiCall(stack.apiUrl, 'POST', '/api/auth/dev', { body: { role: 'resident', name: '停用测试居民' } });
  const inquiry = await apiCall(stack.apiUrl, 'POST', '/api/inquiries', {
    token: resident.token,
    body: { question: '滨河街道的临时救助怎么申请？', unitId: 'u_jd_binhe', answererId: ma.id },
  });
  assert.equal(inquiry.answererId, ma.id);

  const { page, context, errors } = await newPhone(stack.browser, stack.apiUrl);
  try {
    await signInStaff(page, stack.appUrl, 'office', '区政府办公室');
    await page.goto(`${stack.appUrl}/pages/staff/people/index?unitId=u_jd_binhe`);
    const row = page.locator(`.zc-person[data-id="${ma.id}"]`);
    await row.waitFor();
    assert.match(await row.locator('.zc-person-open').innerText(), /未办结咨询\s*1\s*件/);
    assert.ok((await texts(page, '.zc-person-name')).every((n) => !n.includes('张明')), 'only 滨河街道 is listed');
    await shot(page, 'accounts-people-unit');

    await row.locator('.nut-button.zc-person-disable').click();
    const dialog = page.locator('.zc-person-confirm');
    await dialog.locator('.zc-confirm-ok').waitFor();
    const said = await dialog.innerText();
    assert.match(said, /1 件未办结的咨询退回滨河街道的待分派咨询/);
    assert.match(said, /不再出现在政策解答员名录/);
    await shot(page, 'accounts-people-disable-confirm');
    await dialog.locator('.nut-button.zc-confirm-ok').click();
    await page.locator(`.zc-person[data-id="${ma.id}"][data-status="disabled"]`).waitFor();
    assert.equal((await row.locator('.zc-person-status').innerText()).trim(), '已停用');
    await shot(page, 'accounts-people-disabled');

    // Off the public roster, and the inquiry waits in the unit's pool.
    assert.ok(!(await answerer('u_jd_binhe', '马骏')), '马骏 left the roster');
    const office = await officeToken();
    const back = await apiCall(stack.apiUrl, 'GET', `/api/inquiries/${inquiry.id}`, { token: office });
    assert.equal(back.answererId, null);
    assert.equal(back.unitId, 'u_jd_binhe');

    await row.locator('.nut-button.zc-person-enable').click();
    await dialog.locator('.zc-confirm-ok').waitFor();
    assert.match(await dialog.innerText(), /重新出现在政策解答员名录/);
    await dialog.locator('.nut-button.zc-confirm-ok').click();
    await page.locator(`.zc-person[data-id="${ma.id}"][data-status="active"]`).waitFor();
    assert.ok(await answerer('u_jd_binhe', '马骏'), '马骏 is back on the roster');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('an answerer’s profile edited by the office shows on the public roster, with tap-to-call and 问TA', async () => {
  const gao = await answerer('u_jkzx', '高雪');
  const office = await phoneAs(OFFICE);
  try {
    const { page } = office;
    await page.goto(`${stack.appUrl}/pages/staff/people/index?unitId=u_jkzx`);
    await page.locator(`.zc-person[data-id="${gao.id}"] .nut-button.zc-person-profile`).click();
    await page.waitForURL(/\/pages\/staff\/profile\/index\?id=/);
    await page.locator('.zc-profile-form').waitFor();
    assert.equal(await page.locator('.zc-profile-name input').inputValue(), '高雪');
    assert.match(await page.locator('.zc-profile-public').innerText(), /个人手机号和微信信息不会公开/);

    // The server's message lands under its field.
    await page.locator('.zc-profile-phone input').fill('手机 138');
    await page.locator('.nut-button.zc-profile-save').click();
    const error = page.locator('.zc-field-error');
    await error.first().waitFor();
    assert.deepEqual(await texts(page, '.zc-field-error'), ['办公电话只能含数字、括号、短横线和“转”']);
    await shot(page, 'accounts-profile-error');

    await page.locator('.zc-profile-phone input').fill('0000-86111299');
    await page.locator('.zc-profile-title input').fill('传染病防制科副科长');
    await page.locator('.zc-profile-hours input').fill('工作日 8:30–17:00');
    await page.locator('.zc-profile-topic[data-topic="医疗"]').click();
    await page.locator('.zc-profile-intro textarea').fill('负责疫苗接种、发热门诊就诊和传染病防控措施的解答。');
    assert.equal(await error.count(), 0, 'editing the field clears its message');
    await page.locator('.nut-button.zc-profile-save').click();
    // Back on 工作人员, which shows what was saved.
    await page.waitForURL(/\/pages\/staff\/people\/index/);
    await page.locator(`.zc-person[data-id="${gao.id}"] .zc-person-phone`, { hasText: '0000-86111299' }).waitFor();
  } finally {
    await office.context.close();
  }

  // A resident looking for someone on 医疗 now finds her.
  const { page, context, errors } = await newPhone(stack.browser, stack.apiUrl);
  try {
    await page.goto(`${stack.appUrl}/pages/roster/index`);
    await page.locator('.zc-roster-answerer').first().waitFor();
    await page.locator('.zc-roster-topic[data-topic="医疗"]').click();
    const card = page.locator(`.zc-roster-answerer[data-id="${gao.id}"]`);
    await card.waitFor();
    assert.equal(await page.locator('.zc-roster-topic[data-topic="医疗"]').getAttribute('aria-pressed'), 'true');
    assert.equal((await card.locator('.zc-roster-title').innerText()).trim(), '传染病防制科副科长');
    assert.equal((await card.locator('.zc-roster-hours').innerText()).trim(), '工作日 8:30–17:00');
    assert.match(await card.locator('.zc-roster-intro').innerText(), /发热门诊/);
    assert.equal((await card.locator('.zc-roster-phone').innerText()).trim(), '0000-86111299');
    const group = page.locator('.zc-roster-unit', { has: card });
    assert.match(await group.innerText(), /^区疾控中心/);
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'accounts-roster-topic');

    // Tap-to-call, in a second tab: headless Chromium has no dialer and the aborted tel: hand-off leaves its tab unusable.
    const dialer = await context.newPage();
    await dialer.goto(page.url());
    await dialer.locator('.zc-roster-topic[data-topic="医疗"]').click();
    const dialled = dialer.waitForRequest((r) => r.url().startsWith('tel:'));
    await dialer.locator(`.zc-roster-answerer[data-id="${gao.id}"] .zc-roster-call`).tap();
    assert.equal((await dialled).url(), 'tel:000086111299');
    await dialer.close();

    // 问TA opens 我要咨询 addressed to her.
    await card.locator('.nut-button.zc-roster-ask').click();
    await page.waitForURL(new RegExp(`/pages/ask/index\\?answererId=${gao.id}`));
    await page.locator('.zc-answerer-chip[aria-pressed="true"][data-name="高雪"]').waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('名录缺口: a new street shows as a gap until it has an answerer with a work phone, each fixed from its link', async () => {
  const token = await officeToken();
  const street = await apiCall(stack.apiUrl, 'POST', '/api/units', { token, body: { name: '缺口测试街道', kind: 'street', parentId: 'u_district' } });
  const { page, context, errors } = await phoneAs(OFFICE);
  try {
    await page.goto(`${stack.appUrl}/pages/staff/gaps/index`);
    const noAnswerer = page.locator(`.zc-gap[data-unit="${street.id}"][data-problem="no_answerer"]`);
    await noAnswerer.waitFor();
    const { items } = await apiCall(stack.apiUrl, 'GET', '/api/roster/gaps', { token });
    assert.equal(await page.locator('.zc-gap').count(), items.length, 'every gap the API reports is listed');
    assert.equal((await page.locator('.zc-gaps-total').innerText()).trim(), String(items.length));
    assert.match(await noAnswerer.innerText(), /缺口测试街道还没有政策解答员/);
    await shot(page, 'accounts-gaps');

    // 去邀请: the invitation screen for that street and role; the invited person redeems the code.
    await noAnswerer.click();
    await page.waitForURL(/\/pages\/staff\/invite\/index\?unitId=/);
    await page.locator('.zc-invite-unit .zc-unit-field', { hasText: '缺口测试街道' }).waitFor();
    assert.equal(await page.locator('.zc-invite-role-answerer').getAttribute('aria-pressed'), 'true');
    await page.locator('.nut-button.zc-invite-submit').click();
    const code = (await page.locator('.zc-invite-code').innerText()).trim();
    assert.equal((await redeem(code, '街道新解答员')).status, 200);

    // Back on 名录缺口: the street has its answerer, who still needs a public work phone.
    await page.goBack();
    const noPhone = page.locator(`.zc-gap[data-unit="${street.id}"][data-problem="no_work_phone"]`);
    await noPhone.waitFor();
    assert.equal(await noAnswerer.count(), 0);
    assert.match(await noPhone.innerText(), /街道新解答员（缺口测试街道）没有公开办公电话/);
    await noPhone.click();
    await page.waitForURL(/\/pages\/staff\/profile\/index\?id=/);
    await page.locator('.zc-profile-phone input').fill('0000-86129901');
    await page.locator('.nut-button.zc-profile-save').click();

    await page.waitForURL(/\/pages\/staff\/gaps\/index/);
    await page.locator('.zc-gaps-summary, [data-state="empty"]').first().waitFor();
    await page.waitForFunction((id) => !document.querySelector(`.zc-gap[data-unit="${id}"]`), street.id);
    const left = (await apiCall(stack.apiUrl, 'GET', '/api/roster/gaps', { token })).items;
    assert.ok(!left.some((g) => g.unitId === street.id), JSON.stringify(left));
    if (left.length === 0) await page.locator('[data-state="empty"]', { hasText: '各单位政策解答员均已配齐' }).waitFor();
    else assert.equal(await page.locator('.zc-gap').count(), left.length);
    await shot(page, 'accounts-gaps-fixed');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('单位管理: the office adds, renames, moves and retires units; a unit with units below it is not retired', async () => {
  const { page, context, errors } = await phoneAs(OFFICE);
  const row = (name) => page.locator('.zc-unit-row', { has: page.locator('.zc-unit-name', { hasText: new RegExp(`^${name}$`) }) });
  const names = () => texts(page, '.zc-unit-row .zc-unit-name');
  const add = async (name, kind) => {
    await page.locator('.zc-unit-add-form').waitFor();
    if (kind) await page.locator(`.zc-unit-kind-${kind}`).click();
    await page.locator('.zc-unit-add-form .zc-unit-name-input input').fill(name);
    await page.locator('.nut-button.zc-unit-save').click();
    await row(name).waitFor();
  };
  try {
    await page.goto(`${stack.appUrl}/pages/staff/units/index`);
    await row('城关街道').waitFor();
    await shot(page, 'accounts-units');

    // A department and a street below the district, then a community below the street.
    await page.locator('.nut-button.zc-units-add').click();
    await add('区退役军人事务局');
    assert.equal((await row('区退役军人事务局').locator('.zc-unit-kind').innerText()).trim(), '部门');
    await page.locator('.nut-button.zc-units-add').click();
    await add('单位测试街道', 'street');
    await row('单位测试街道').click();
    await page.locator('.zc-unit-menu .zc-unit-add').click();
    await add('单位测试社区');
    assert.equal((await row('单位测试社区').locator('.zc-unit-kind').innerText()).trim(), '社区（村）');
    let list = await names();
    assert.equal(list.indexOf('单位测试社区'), list.indexOf('单位测试街道') + 1, 'a unit is listed under its parent');
    await shot(page, 'accounts-units-added');

    // Rename.
    await row('区退役军人事务局').click();
    await page.locator('.zc-unit-menu .zc-unit-rename').click();
    await page.locator('.zc-unit-rename-form .zc-unit-name-input input').fill('区退役军人局');
    await page.locator('.nut-button.zc-unit-save').click();
    await row('区退役军人局').waitFor();
    assert.equal(await row('区退役军人事务局').count(), 0);

    // Move the community under 城关街道: its own street is its current parent, and it cannot go under itself.
    await row('单位测试社区').click();
    await page.locator('.zc-unit-menu .zc-unit-move').click();
    await page.locator('.zc-unit-move-list').waitFor();
    assert.equal(await page.locator('.zc-unit-move-target', { hasText: '单位测试社区' }).count(), 0, 'not under itself');
    assert.equal(await page.locator('.zc-unit-move-target', { hasText: '单位测试街道' }).count(), 0, 'not where it is');
    await shot(page, 'accounts-units-move');
    await page.locator('.zc-unit-move-target', { hasText: '城关街道' }).click();
    await page.waitForFunction(() => {
      const all = [...document.querySelectorAll('.zc-unit-row .zc-unit-name')].map((n) => n.textContent.trim());
      return all.indexOf('单位测试社区') === all.indexOf('城关街道') + 1;
    });
    const units = (await apiCall(stack.apiUrl, 'GET', '/api/units')).items;
    assert.equal(units.find((u) => u.name === '单位测试社区').parentId, 'u_jd_chengguan');

    // 城关街道 now has a unit below it: the server's reason shows in the dialog, and nothing changes.
    await row('城关街道').click();
    await page.locator('.zc-unit-menu .zc-unit-retire').click();
    await page.locator('.nut-button.zc-confirm-ok').click();
    await page.locator('.zc-confirm-error', { hasText: '请先移走或撤销下级单位：单位测试社区' }).waitFor();
    await shot(page, 'accounts-units-retire-refused');
    await page.locator('.nut-button.zc-confirm-cancel').click();
    assert.equal(await row('城关街道').getAttribute('data-retired'), '0');

    // Retired: greyed with 已撤销, no longer offered to anyone.
    await row('区退役军人局').click();
    await page.locator('.zc-unit-menu .zc-unit-retire').click();
    await page.locator('.nut-button.zc-confirm-ok').click();
    await row('区退役军人局').locator('.zc-unit-retired', { hasText: '已撤销' }).waitFor();
    assert.equal(await row('区退役军人局').getAttribute('data-retired'), '1');
    assert.equal(await row('区退役军人局').getAttribute('role'), null, 'a retired unit opens nothing');
    list = await names();
    assert.ok(list.includes('区退役军人局'), 'a retired unit stays in the tree');
    const active = (await apiCall(stack.apiUrl, 'GET', '/api/units')).items.map((u) => u.name);
    assert.ok(!active.includes('区退役军人局'));
    await shot(page, 'accounts-units-retired');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
