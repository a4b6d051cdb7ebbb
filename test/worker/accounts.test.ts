import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { hit } from '../../worker/lib/limit';
import { api, ensureUnits, expectError, login, type Json } from './helpers';
import { phoneCode, SMS_FAILING_PHONE, wxCode } from './fake-values';

let phones = 0;
/** A phone number no other test uses (each phone may get one code a minute). */
const newPhone = () => `137${String(Date.now() % 100000).padStart(5, '0')}${String(++phones).padStart(3, '0')}`;

/** The texts the fake SMS gateway took for `phone`, newest last. */
async function inbox(phone: string): Promise<string[]> {
  return (await fetch(`https://sms.test/inbox?phone=${phone}`)).json();
}

async function requestCode(phone: string, headers: Record<string, string> = {}) {
  const res = await api('/api/auth/phone/code', { body: { phone }, headers });
  if (res.status !== 200) return { res, code: null };
  const text = (await inbox(phone)).at(-1)!;
  return { res, code: /验证码 (\d{6})/.exec(text)![1]! };
}

async function phoneSignIn(phone = newPhone()) {
  const { code } = await requestCode(phone);
  const res = await api('/api/auth/phone', { body: { phone, code } });
  expect(res.status).toBe(200);
  return { token: res.body.token as string, user: res.body.user as Json, phone };
}

async function me(token: string) {
  return api('/api/me', { token });
}

let units = 0;
async function newUnit(kind: string, parentId = 'u_district') {
  units += 1;
  const id = `u_acc_${units}`;
  await env.DB.prepare('INSERT INTO units (id, name, kind, parent_id) VALUES (?1, ?2, ?3, ?4)').bind(id, `账号测试单位${units}`, kind, parentId).run();
  return id;
}

async function invite(token: string, body: Json) {
  return api('/api/invitations', { token, body });
}

/** A new person signs in by phone and redeems an invitation for `role` in `unitId`. */
async function newStaff(role: 'answerer' | 'editor' | 'office', unitId: string, name: string) {
  const office = await login('office', 'u_office', '政务公开办');
  const inv = await invite(office, { unitId, role, name });
  expect(inv.status).toBe(201);
  const person = await phoneSignIn();
  const redeemed = await api('/api/invitations/redeem', { token: person.token, body: { code: inv.body.code } });
  expect(redeemed.status).toBe(200);
  return { ...person, id: person.user.id as string };
}

describe('WeChat sign-in (WeChat faked at the network edge)', () => {
  it('finds or creates the resident by openid and never hands openid or session_key out', async () => {
    const first = await api('/api/auth/weapp', { body: { code: wxCode('openid-weapp-1') } });
    expect(first.status).toBe(200);
    expect(first.body.user).toMatchObject({ role: 'resident', unitId: null });
    const again = await api('/api/auth/weapp', { body: { code: wxCode('openid-weapp-1') } });
    expect(again.body.user.id).toBe(first.body.user.id);
    expect(again.body.token).not.toBe(first.body.token);
    for (const body of [first.body, again.body, (await me(first.body.token)).body]) {
      expect(JSON.stringify(body)).not.toMatch(/openid-weapp-1|fake-session-key/);
    }
  });

  it('refuses a code WeChat does not accept, and a missing one', async () => {
    expectError(await api('/api/auth/weapp', { body: { code: 'not-a-real-code' } }), 401, 'unauthorized');
    expectError(await api('/api/auth/weapp', { body: {} }), 400, 'validation');
  });

  it('turns a getPhoneNumber code into the verified number, shown masked afterwards', async () => {
    const { token } = (await api('/api/auth/weapp', { body: { code: wxCode('openid-weapp-phone') } })).body;
    const res = await api('/api/auth/weapp/phone', { token, body: { code: phoneCode('13812345678') } });
    expect(res.body).toEqual({ phone: '13812345678' });
    expect((await me(token)).body.phone).toBe('138****5678');
    expectError(await api('/api/auth/weapp/phone', { token, body: { code: 'bad' } }), 400, 'bad_request');
    expectError(await api('/api/auth/weapp/phone', { body: { code: phoneCode('13812345678') } }), 401, 'unauthorized');
  });
});

describe('phone codes (the SMS gateway faked at the network edge)', () => {
  it('signs in with a 6-digit code, and the same phone on another device is the same person', async () => {
    const a = await phoneSignIn();
    expect(a.user).toMatchObject({ role: 'resident', phone: `${a.phone.slice(0, 3)}****${a.phone.slice(-4)}` });
    const asked = await api('/api/inquiries', { token: a.token, body: { question: '第二台手机能看到我的咨询吗？' } });
    expect(asked.status).toBe(201);
    await env.DB.prepare('DELETE FROM rate_counters').run(); // the next code for this phone, without waiting a minute
    const b = await phoneSignIn(a.phone);
    expect(b.user.id).toBe(a.user.id);
    const list = await api('/api/inquiries', { token: b.token });
    expect(list.body.items.map((i: Json) => i.id)).toContain(asked.body.id);
  });

  it('works once', async () => {
    const phone = newPhone();
    const { code } = await requestCode(phone);
    expect((await api('/api/auth/phone', { body: { phone, code } })).status).toBe(200);
    const again = await api('/api/auth/phone', { body: { phone, code } });
    expectError(again, 400, 'validation');
    expect(again.body.error.message).toContain('失效');
  });

  it('expires after 5 minutes', async () => {
    const phone = newPhone();
    const { code } = await requestCode(phone);
    await env.DB.prepare("UPDATE phone_codes SET expires_at = '2000-01-01T00:00:00.000Z' WHERE phone = ?1").bind(phone).run();
    expectError(await api('/api/auth/phone', { body: { phone, code } }), 400, 'validation');
  });

  it('dies after 5 wrong tries, even when they arrive at once', async () => {
    const phone = newPhone();
    const { code } = await requestCode(phone);
    const wrong = code === '000000' ? '111111' : '000000';
    const first = await api('/api/auth/phone', { body: { phone, code: wrong } });
    expect(first.body.error.message).toBe('验证码不正确，还可以再试 4 次');
    const burst = await Promise.all(Array.from({ length: 8 }, () => api('/api/auth/phone', { body: { phone, code: wrong } })));
    expect(burst.every((r) => r.status === 400)).toBe(true);
    const right = await api('/api/auth/phone', { body: { phone, code } });
    expectError(right, 400, 'validation');
    expect(right.body.error.message).toContain('失效');
    const row = await env.DB.prepare('SELECT attempts, used_at FROM phone_codes WHERE phone = ?1').bind(phone).first<Json>();
    expect(row).toEqual({ attempts: 5, used_at: null });
  });

  it('sends one code a minute per phone and limits an address, with Retry-After', async () => {
    const phone = newPhone();
    expect((await requestCode(phone)).res.status).toBe(200);
    const soon = await api('/api/auth/phone/code', { body: { phone } });
    expectError(soon, 429, 'rate_limited');
    expect(Number(soon.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(soon.body.error.message).toMatch(/请\d+ (秒|分钟)后再试/);

    const ip = { 'CF-Connecting-IP': '203.0.113.7' };
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await api('/api/auth/phone/code', { body: { phone: newPhone() }, headers: ip })).status);
    expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
    expect(statuses[20]).toBe(429);
  });

  it('validates the phone and the code, and says when the gateway fails', async () => {
    expectError(await api('/api/auth/phone/code', { body: { phone: '12345' } }), 400, 'validation');
    expectError(await api('/api/auth/phone', { body: { phone: newPhone(), code: '12ab56' } }), 400, 'validation');
    expect((await api('/api/auth/phone/code', { body: { phone: '138 1234 0001' } })).status).toBe(200);
    expectError(await api('/api/auth/phone/code', { body: { phone: SMS_FAILING_PHONE } }), 502, 'bad_gateway');
  });

  it('texts a reply to a resident who signed in by phone (the H5 fallback for subscribe messages)', async () => {
    await ensureUnits();
    const resident = await phoneSignIn();
    const q = (await api('/api/inquiries', { token: resident.token, body: { question: '答复会发短信给我吗？', unitId: 'u_t_rsj' } })).body;
    const office = await login('office', 'u_office', '周文');
    expect((await api(`/api/inquiries/${q.id}/reply`, { token: office, body: { reply: '会的，答复后短信通知您。' } })).status).toBe(200);
    const texts = await inbox(resident.phone);
    expect(texts.at(-1)).toContain('您的政策咨询已答复');
    expect(texts.at(-1)).toContain(`https://zixun.example.gov.cn/pages/inquiry/index?id=${q.id}`);
  });
});

describe('sessions on the server', () => {
  it('signing out ends this session; ending all ends every one, and the list shows them', async () => {
    const a = await phoneSignIn();
    await env.DB.prepare('DELETE FROM rate_counters').run();
    const b = await phoneSignIn(a.phone);
    const list = await api('/api/auth/sessions', { token: a.token });
    expect(list.body.items).toHaveLength(2);
    expect(list.body.items.filter((s: Json) => s.current)).toHaveLength(1);
    expect(JSON.stringify(list.body)).not.toContain(a.token);

    expect((await api('/api/auth/logout', { token: a.token, method: 'POST' })).body).toEqual({ ended: 'this' });
    expectError(await me(a.token), 401, 'unauthorized');
    expect((await me(b.token)).status).toBe(200);
    await env.DB.prepare('DELETE FROM rate_counters').run();
    const c = await phoneSignIn(a.phone);
    await api('/api/auth/logout', { token: c.token, body: { all: true } });
    expectError(await me(b.token), 401, 'unauthorized');
    expectError(await me(c.token), 401, 'unauthorized');
  });

  it('names each device as it said, in its URI-encoded header', async () => {
    const phone = newPhone();
    const { code } = await requestCode(phone);
    const res = await api('/api/auth/phone', { body: { phone, code }, headers: { 'X-Client': encodeURIComponent('网页 · Android · Chrome') } });
    const list = await api('/api/auth/sessions', { token: res.body.token });
    expect(list.body.items[0]).toMatchObject({ client: '网页 · Android · Chrome', method: 'sms', current: true });
  });

  it('a role change counts on the very next request', async () => {
    await ensureUnits();
    const staff = await newStaff('answerer', 'u_t_rsj', '将升为编辑');
    expectError(await api('/api/manage/faq', { token: staff.token }), 403, 'forbidden');
    const office = await login('office', 'u_office', '政务公开办');
    const changed = await api(`/api/users/${staff.id}`, { method: 'PATCH', token: office, body: { role: 'editor' } });
    expect(changed.body).toMatchObject({ role: 'editor', unitId: 'u_t_rsj' });
    expect((await api('/api/manage/faq', { token: staff.token })).status).toBe(200);
  });
});

describe('invitations', () => {
  it('the office invites; the invited person signs in and redeems once', async () => {
    await ensureUnits();
    const office = await login('office', 'u_office', '政务公开办');
    const inv = await invite(office, { unitId: 'u_t_rsj', role: 'answerer', name: '新解答员' });
    expect(inv.status).toBe(201);
    expect(inv.body).toMatchObject({ unitId: 'u_t_rsj', unitName: '测试区人社局', role: 'answerer', status: 'open' });
    expect(inv.body.code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect(inv.body.link).toBe(`https://zixun.example.gov.cn/pages/staff/redeem/index?code=${inv.body.code}`);
    expect(inv.body.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>$/);
    expect(Date.parse(inv.body.expiresAt) - Date.parse(inv.body.createdAt)).toBe(7 * 86_400_000);

    const listed = await api('/api/invitations', { token: office });
    expect(listed.body.items.find((i: Json) => i.id === inv.body.id)).not.toHaveProperty('code');

    const person = await phoneSignIn();
    const typed = `${inv.body.code.slice(0, 4).toLowerCase()}-${inv.body.code.slice(4)}`;
    const redeemed = await api('/api/invitations/redeem', { token: person.token, body: { code: typed } });
    expect(redeemed.body).toMatchObject({ role: 'answerer', unitId: 'u_t_rsj', name: '新解答员' });
    expect((await me(person.token)).body.role).toBe('answerer');

    const other = await phoneSignIn();
    const twice = await api('/api/invitations/redeem', { token: other.token, body: { code: inv.body.code } });
    expectError(twice, 400, 'validation');
    expect(twice.body.error.message).toContain('已被使用');
    expect((await me(other.token)).body.role).toBe('resident');
  });

  it('refuses an expired or revoked invitation and an unknown code', async () => {
    await ensureUnits();
    const office = await login('office', 'u_office', '政务公开办');
    const person = await phoneSignIn();
    const old = (await invite(office, { unitId: 'u_t_rsj', role: 'editor' })).body;
    await env.DB.prepare("UPDATE invitations SET expires_at = '2000-01-01T00:00:00.000Z' WHERE id = ?1").bind(old.id).run();
    const expired = await api('/api/invitations/redeem', { token: person.token, body: { code: old.code } });
    expect(expired.body.error.message).toContain('已过期');
    const revoked = (await invite(office, { unitId: 'u_t_rsj', role: 'editor' })).body;
    expect((await api(`/api/invitations/${revoked.id}/revoke`, { token: office, method: 'POST' })).body.status).toBe('revoked');
    expect((await api('/api/invitations/redeem', { token: person.token, body: { code: revoked.code } })).body.error.message).toContain('作废');
    expectError(await api('/api/invitations/redeem', { token: person.token, body: { code: 'ZZZZZZZZ' } }), 400, 'validation');
    expectError(await api('/api/invitations/redeem', { body: { code: 'ZZZZZZZZ' } }), 401, 'unauthorized');
    expect((await me(person.token)).body.role).toBe('resident');
  });

  it('an editor invites answerers of their own unit only; residents and answerers invite no one', async () => {
    await ensureUnits();
    const editor = await login('editor', 'u_t_rsj', '人社编辑');
    expect((await invite(editor, { unitId: 'u_t_rsj', role: 'answerer' })).status).toBe(201);
    expectError(await invite(editor, { unitId: 'u_t_ybj', role: 'answerer' }), 403, 'forbidden');
    expectError(await invite(editor, { unitId: 'u_t_rsj', role: 'editor' }), 403, 'forbidden');
    expectError(await invite(await login('answerer', 'u_t_rsj', '解答员甲'), { unitId: 'u_t_rsj', role: 'answerer' }), 403, 'forbidden');
    expectError(await invite(await login('resident'), { unitId: 'u_t_rsj', role: 'answerer' }), 403, 'forbidden');
    expectError(await invite(await login('office', 'u_office'), { unitId: 'u_t_rsj', role: 'mayor' }), 400, 'validation');
  });
});

describe('disabling an account', () => {
  it('refuses the next request, returns open inquiries to the pool with an event, and takes the person off the roster', async () => {
    const unitId = await newUnit('department');
    const unitEditor = await login('editor', unitId, '单位编辑');
    const answerer = await newStaff('answerer', unitId, '将被停用');
    const resident = await login('resident');
    const q = (await api('/api/inquiries', { token: resident, body: { question: '停用后这条咨询谁来答？', answererId: answerer.id } })).body;
    expect(q.status).toBe('assigned');
    expect((await api(`/api/answerers?unitId=${unitId}`)).body.items.map((a: Json) => a.id)).toContain(answerer.id);

    const office = await login('office', 'u_office', '政务公开办');
    const disabled = await api(`/api/users/${answerer.id}/disable`, { token: office, method: 'POST' });
    expect(disabled.body).toMatchObject({ status: 'disabled', openInquiries: 0 });
    expectError(await me(answerer.token), 401, 'unauthorized');
    expect((await api(`/api/answerers?unitId=${unitId}`)).body.items).toEqual([]);

    const after = (await api(`/api/inquiries/${q.id}`, { token: office })).body;
    expect(after).toMatchObject({ status: 'submitted', answererId: null });
    const event = after.events.find((e: Json) => e.type === 'returned_to_pool');
    expect(event).toMatchObject({ actorRole: 'office', data: { answererName: '将被停用' } });
    const notices = (await api('/api/notifications', { token: unitEditor })).body.items;
    expect(notices.some((n: Json) => n.inquiryId === q.id && n.title === '咨询退回待分派')).toBe(true);

    // New questions addressed to them are refused; signing in again does not revive the account.
    expectError(await api('/api/inquiries', { token: resident, body: { question: '还能问停用的解答员吗？', answererId: answerer.id } }), 400, 'validation');
    await env.DB.prepare('DELETE FROM rate_counters').run();
    const { code } = await requestCode(answerer.phone);
    expectError(await api('/api/auth/phone', { body: { phone: answerer.phone, code } }), 403, 'forbidden');
  });

  it('an editor disables answerers of their own unit only', async () => {
    const unitId = await newUnit('department');
    const otherUnit = await newUnit('department');
    const editor = await login('editor', unitId, '本单位编辑');
    const mine = await newStaff('answerer', unitId, '本单位解答员');
    const theirs = await newStaff('answerer', otherUnit, '外单位解答员');
    const colleague = await newStaff('editor', unitId, '另一位编辑');
    expectError(await api(`/api/users/${theirs.id}/disable`, { token: editor, method: 'POST' }), 404, 'not_found');
    expectError(await api(`/api/users/${colleague.id}/disable`, { token: editor, method: 'POST' }), 403, 'forbidden');
    expectError(await api(`/api/users/${mine.id}/disable`, { token: mine.token, method: 'POST' }), 403, 'forbidden');
    expect((await api(`/api/users/${mine.id}/disable`, { token: editor, method: 'POST' })).body.status).toBe('disabled');
    expect((await api(`/api/users/${mine.id}/enable`, { token: editor, method: 'POST' })).body.status).toBe('active');
  });
});

describe('the unit tree: an office acts on its own district, a city office on the whole city', () => {
  async function city() {
    const cityId = await newUnit('city', null as unknown as string);
    const cityOffice = await newUnit('office', cityId);
    const d1 = await newUnit('district', cityId);
    const d1Office = await newUnit('office', d1);
    const d1Dept = await newUnit('department', d1);
    const d2 = await newUnit('district', cityId);
    const d2Dept = await newUnit('department', d2);
    return { cityId, cityOffice, d1, d1Office, d1Dept, d2, d2Dept };
  }

  it('sees and works the inquiries of its subtree only', async () => {
    const t = await city();
    const resident = await login('resident');
    const in1 = (await api('/api/inquiries', { token: resident, body: { question: '一区的问题', unitId: t.d1Dept } })).body;
    const in2 = (await api('/api/inquiries', { token: resident, body: { question: '二区的问题', unitId: t.d2Dept } })).body;
    const districtOffice = await login('office', t.d1Office, '一区公开办');
    const cityOffice = await login('office', t.cityOffice, '市公开办');

    expect((await api(`/api/inquiries/${in1.id}`, { token: districtOffice })).status).toBe(200);
    expectError(await api(`/api/inquiries/${in2.id}`, { token: districtOffice }), 404, 'not_found');
    expectError(await api(`/api/inquiries/${in2.id}/reply`, { token: districtOffice, body: { reply: '越权答复' } }), 404, 'not_found');
    const districtList = (await api('/api/inquiries?tab=pending&limit=100', { token: districtOffice })).body.items.map((i: Json) => i.id);
    expect(districtList).toContain(in1.id);
    expect(districtList).not.toContain(in2.id);

    for (const id of [in1.id, in2.id]) expect((await api(`/api/inquiries/${id}`, { token: cityOffice })).status).toBe(200);
    const cityList = (await api('/api/inquiries?tab=pending&limit=100', { token: cityOffice })).body.items.map((i: Json) => i.id);
    expect(cityList).toEqual(expect.arrayContaining([in1.id, in2.id]));
  });

  it('manages entries, staff and units of its subtree only', async () => {
    const t = await city();
    const districtOffice = await login('office', t.d1Office, '一区公开办');
    const entry = { question: '一区的条目怎么写？', answer: '按一区的规定办理。', topic: '社保' };
    expect((await api('/api/faq', { token: districtOffice, body: { ...entry, unitId: t.d1Dept } })).status).toBe(201);
    expectError(await api('/api/faq', { token: districtOffice, body: { ...entry, unitId: t.d2Dept } }), 403, 'forbidden');
    expectError(await invite(districtOffice, { unitId: t.d2Dept, role: 'answerer' }), 403, 'forbidden');
    expect((await invite(await login('office', t.cityOffice, '市公开办'), { unitId: t.d2Dept, role: 'answerer' })).status).toBe(201);

    const created = await api('/api/units', { token: districtOffice, body: { name: `一区新社区${t.d1}`, kind: 'community', parentId: t.d1Dept } });
    expect(created.status).toBe(201);
    expectError(await api('/api/units', { token: districtOffice, body: { name: `越界${t.d2}`, kind: 'street', parentId: t.d2 } }), 403, 'forbidden');
    const managed = (await api('/api/manage/units', { token: districtOffice })).body.items.map((u: Json) => u.id);
    expect(managed).toEqual(expect.arrayContaining([t.d1, t.d1Office, t.d1Dept, created.body.id]));
    expect(managed).not.toContain(t.d2Dept);
  });

  it('renames, moves (never under itself) and retires units; a retired unit takes no new questions', async () => {
    const t = await city();
    const districtOffice = await login('office', t.d1Office, '一区公开办');
    const street = (await api('/api/units', { token: districtOffice, body: { name: `一区街道${t.d1}`, kind: 'street', parentId: t.d1 } })).body;
    const community = (await api('/api/units', { token: districtOffice, body: { name: `一区社区${t.d1}`, kind: 'community', parentId: street.id } })).body;
    const renamed = await api(`/api/units/${street.id}`, { method: 'PATCH', token: districtOffice, body: { name: `一区改名街道${t.d1}` } });
    expect(renamed.body.name).toBe(`一区改名街道${t.d1}`);
    expectError(await api(`/api/units/${street.id}`, { method: 'PATCH', token: districtOffice, body: { parentId: community.id } }), 400, 'validation');
    expectError(await api(`/api/units/${street.id}`, { method: 'PATCH', token: districtOffice, body: { name: '区政府办公室' } }), 409, 'conflict');
    expectError(await api(`/api/units/${street.id}/retire`, { method: 'POST', token: districtOffice }), 409, 'conflict');
    expect((await api(`/api/units/${community.id}`, { method: 'PATCH', token: districtOffice, body: { parentId: t.d1Dept } })).body.parentId).toBe(t.d1Dept);
    expect((await api(`/api/units/${street.id}/retire`, { method: 'POST', token: districtOffice })).body.retired).toBe(true);
    expect((await api('/api/units')).body.items.map((u: Json) => u.id)).not.toContain(street.id);
    const resident = await login('resident');
    expectError(await api('/api/inquiries', { token: resident, body: { question: '撤销的单位还收咨询吗？', unitId: street.id } }), 400, 'validation');
    expectError(await api(`/api/units/${t.d2Dept}/retire`, { method: 'POST', token: districtOffice }), 404, 'not_found');
    expectError(await api('/api/units', { token: await login('editor', t.d1Dept), body: { name: '编辑建的单位', kind: 'street', parentId: t.d1 } }), 403, 'forbidden');
  });
});

describe('the public roster and its compliance', () => {
  it('answerers edit their own profile; editors their unit’s; the public sees only the public part', async () => {
    const unitId = await newUnit('department');
    const answerer = await newStaff('answerer', unitId, '名录解答员');
    const profile = { title: '科员', workPhone: '0000-86100001', officeHours: '工作日 9:00-17:00', topics: ['社保', '就业创业'], intro: '负责社保政策解答' };
    expect((await api(`/api/users/${answerer.id}/profile`, { method: 'PATCH', token: answerer.token, body: profile })).body).toMatchObject(profile);
    const editor = await login('editor', unitId, '名录编辑');
    expect((await api(`/api/users/${answerer.id}/profile`, { method: 'PATCH', token: editor, body: { title: '副科长' } })).body.title).toBe('副科长');
    const stranger = await login('editor', await newUnit('department'), '外单位编辑');
    expectError(await api(`/api/users/${answerer.id}/profile`, { method: 'PATCH', token: stranger, body: { title: '越权' } }), 404, 'not_found');
    expectError(await api(`/api/users/${answerer.id}/profile`, { method: 'PATCH', token: answerer.token, body: { workPhone: '请拨打我的微信' } }), 400, 'validation');

    const byTopic = (await api('/api/answerers?topic=就业创业')).body.items;
    const found = byTopic.find((a: Json) => a.id === answerer.id);
    expect(Object.keys(found).sort()).toEqual(['id', 'intro', 'name', 'officeHours', 'title', 'topics', 'unitId', 'unitName', 'workPhone']);
    const everything = JSON.stringify((await api('/api/answerers')).body);
    expect(everything).not.toContain(answerer.phone);
    expect((await api('/api/answerers?topic=户籍')).body.items.map((a: Json) => a.id)).not.toContain(answerer.id);
    expectError(await api('/api/answerers?topic=火星'), 400, 'validation');
  });

  it('lists units that fall short: no answerer, a street with more than two, a missing work phone', async () => {
    const dept = await newUnit('department');
    const street = await newUnit('street');
    const staffed = await newUnit('department');
    for (const name of ['街道甲', '街道乙', '街道丙']) await login('answerer', street, name);
    const ok = await newStaff('answerer', staffed, '有电话的解答员');
    const office = await login('office', 'u_office', '政务公开办');
    const gaps = (await api('/api/roster/gaps', { token: office })).body.items as Json[];
    expect(gaps).toContainEqual(expect.objectContaining({ unitId: dept, problem: 'no_answerer' }));
    expect(gaps).toContainEqual(expect.objectContaining({ unitId: street, problem: 'too_many_answerers' }));
    expect(gaps).toContainEqual(expect.objectContaining({ unitId: staffed, problem: 'no_work_phone', answererId: ok.id }));
    await api(`/api/users/${ok.id}/profile`, { method: 'PATCH', token: ok.token, body: { workPhone: '0000-86100002' } });
    const after = (await api('/api/roster/gaps', { token: office })).body.items as Json[];
    expect(after.some((g) => g.unitId === staffed)).toBe(false);
    expectError(await api('/api/roster/gaps', { token: await login('editor', dept) }), 403, 'forbidden');
  });
});

describe('limits against abuse', () => {
  it('counts a sliding window: a burst across a window’s edge is no way round a limit', async () => {
    const edge = Date.UTC(2026, 5, 1, 8, 0, 0); // a minute's window starts here
    expect((await hit(env.DB, 'code.phone', 'edge-test', edge - 1000)).ok).toBe(true);
    const across = await hit(env.DB, 'code.phone', 'edge-test', edge + 1000);
    expect(across.ok).toBe(false);
    expect(across.retryAfter).toBeGreaterThanOrEqual(55);
    expect(across.retryAfter).toBeLessThanOrEqual(60);
    expect((await hit(env.DB, 'code.phone', 'edge-test', edge + 61_000)).ok).toBe(false); // the refused try counted too
    expect((await hit(env.DB, 'code.phone', 'edge-test', edge + 181_000)).ok).toBe(true);
  });

  it('one resident cannot flood the ledger: the 11th question in an hour is a 429 with Retry-After', async () => {
    await ensureUnits();
    const resident = await login('resident');
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await api('/api/inquiries', { token: resident, body: { question: `第 ${i + 1} 个问题是什么？` } })).status);
    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
    const last = await api('/api/inquiries', { token: resident, body: { question: '再问一个可以吗？' } });
    expectError(last, 429, 'rate_limited');
    expect(Number(last.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(last.body.error.message).toContain('后再试');
  });

  it('a script cannot move 热门: views past the limit are shown but not counted', async () => {
    const editor = await login('editor', 'u_t_rsj');
    const entry = (await api('/api/faq', { token: editor, body: { question: '浏览次数怎么算？', answer: '每次打开算一次。', topic: '社保', publish: true } })).body;
    const ip = { 'CF-Connecting-IP': '198.51.100.9' };
    for (let i = 0; i < 70; i++) expect((await api(`/api/faq/${entry.id}`, { headers: ip })).status).toBe(200);
    const row = await env.DB.prepare('SELECT views FROM faq_entries WHERE id = ?1').bind(entry.id).first<{ views: number }>();
    expect(row!.views).toBe(60);
  });

  it('limits votes and subscribe grants per person', async () => {
    const editor = await login('editor', 'u_t_rsj');
    const entry = (await api('/api/faq', { token: editor, body: { question: '投票有上限吗？', answer: '有。', topic: '社保', publish: true } })).body;
    const resident = await login('resident');
    const votes: number[] = [];
    for (let i = 0; i < 31; i++) votes.push((await api(`/api/faq/${entry.id}/feedback`, { token: resident, body: { helpful: i % 2 === 0 } })).status);
    expect(votes.slice(0, 30).every((s) => s === 200)).toBe(true);
    expect(votes[30]).toBe(429);
    const grants: number[] = [];
    for (let i = 0; i < 31; i++) grants.push((await api('/api/wechat/grants', { token: resident, body: { templateId: 'tmpl-replied', accepted: true } })).status);
    expect(grants.slice(0, 30).every((s) => s === 201)).toBe(true);
    expect(grants[30]).toBe(429);
  });
});

describe('what the public can read', () => {
  it('holds no openid, session, personal phone or secret, whoever has signed in', async () => {
    const unitId = await newUnit('department');
    const person = await newStaff('answerer', unitId, '公开名录的人');
    const weapp = (await api('/api/auth/weapp', { body: { code: wxCode('openid-public-check') } })).body;
    await api('/api/auth/weapp/phone', { token: weapp.token, body: { code: phoneCode('13811112222') } });
    const sessions = await env.DB.prepare('SELECT id FROM sessions').all<{ id: string }>();
    const secrets = [person.phone, person.token, weapp.token, 'openid-public-check', '13811112222', 'wx-test-secret', 'sms-test-token', 'fake-access-token', ...sessions.results.map((r) => r.id)];
    const pages = ['/api/answerers', `/api/answerers?unitId=${unitId}`, '/api/units', '/api/auth/config', '/api/topics', '/api/faq', '/api/faq/search?q=社保', '/api/routing', '/api/health'];
    for (const path of pages) {
      const res = await api(path);
      expect(res.status, path).toBe(200);
      const text = JSON.stringify(res.body);
      for (const s of secrets) expect(text.includes(s), `${path} must not contain ${s}`).toBe(false);
    }
  });
});

describe('what the app learns about sign-in', () => {
  it('says which ways in this deployment offers and the subscribe templates', async () => {
    const res = await api('/api/auth/config');
    expect(res.body).toEqual({ dev: true, phone: true, weapp: true, templates: { replied: 'tmpl-replied', clarify: 'tmpl-clarify' } });
  });
});
