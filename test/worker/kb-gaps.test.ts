import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { loadContext } from '../../worker/db/search';
import { pruneExpired } from '../../worker/jobs/prune';
import { groupWordings, missText } from '../../worker/rules/kb-gaps';
import { api, expectError, login, type Json } from './helpers';

let units = 0;
async function freshUnit() {
  units += 1;
  const unitId = `u_gap_${units}`;
  await env.DB.prepare("INSERT INTO units (id, name, kind, parent_id) VALUES (?1, ?2, 'department', 'u_district')").bind(unitId, `缺口测试单位${units}`).run();
  return { unitId, editor: await login('editor', unitId, `缺口编辑${units}`) };
}

const missesLike = async (pattern: string) =>
  (await env.DB.prepare('SELECT * FROM search_misses WHERE text LIKE ?1 ORDER BY id').bind(pattern).all<Json>()).results;

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

async function seedMisses(rows: { text: string; unitId?: string | null; reason?: string; at?: string; inquiryId?: string; entryId?: string }[]) {
  await env.DB.batch(
    // Each row a minute older than the one before: the first listed is the newest.
    rows.map((r, i) =>
      env.DB.prepare('INSERT INTO search_misses (text, reason, at, unit_id, entry_id, inquiry_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)').bind(
        r.text,
        r.reason ?? 'no_answer',
        r.at ?? new Date(Date.now() - 2 * 86_400_000 - i * 60_000).toISOString(),
        r.unitId ?? null,
        r.entryId ?? null,
        r.inquiryId ?? null,
      ),
    ),
  );
}

const gaps = (token: string, query = '') => api(`/api/kb-gaps${query}`, { token });

describe('logging what the knowledge base did not answer', () => {
  it('logs a submitted search with no answer as its words only, nothing about who asked', async () => {
    const resident = await login('resident', undefined, '不留名的居民');
    const me = (await api('/api/me', { token: resident })).body;
    const q = '小区里的流浪猫归哪个部门管';
    const res = await api(`/api/search?q=${encodeURIComponent(q)}&submitted=1`, { token: resident, headers: { 'CF-Connecting-IP': '203.0.113.7' } });
    expect(res.status).toBe(200);
    const [row, ...more] = await missesLike(q);
    expect(more).toHaveLength(0);
    expect(row).toMatchObject({ text: q, reason: 'no_answer', unit_id: null, entry_id: null, inquiry_id: null });
    // The table has no column for a person, a session or an address, and no value of the row is one.
    const columns = (await env.DB.prepare("SELECT name FROM pragma_table_info('search_misses')").all<{ name: string }>()).results.map((c) => c.name);
    expect(columns.sort()).toEqual(['at', 'entry_id', 'id', 'inquiry_id', 'reason', 'text', 'unit_id']);
    const values = Object.values(row!).map(String);
    expect(values).not.toContain(me.id);
    expect(values.join(' ')).not.toContain('203.0.113.7');
  });

  it('does not log suggestions while typing, one-character searches, or searches that found the answer', async () => {
    const { editor } = await freshUnit();
    const entry = await api('/api/faq', {
      token: editor,
      body: { question: '电动自行车上牌需要哪些材料？', answer: '携带身份证、购车发票和合格证到车管所办理上牌。', topic: '户籍', similar: ['电动车怎么上牌'], publish: true },
    });
    expect(entry.status).toBe(201);
    await api(`/api/search?q=${encodeURIComponent('小区停车位划线归谁管')}`);
    await api(`/api/faq/search?q=${encodeURIComponent('小区停车位划线归谁管呀')}`);
    await api(`/api/search?q=${encodeURIComponent('猫')}&submitted=1`);
    const found = await api(`/api/search?q=${encodeURIComponent('电动车怎么上牌')}&submitted=1`);
    expect(found.body.faq[0]).toMatchObject({ id: entry.body.id, confident: true });
    expect(await missesLike('%停车位划线%')).toHaveLength(0);
    expect(await missesLike('猫')).toHaveLength(0);
    expect(await missesLike('%上牌%')).toHaveLength(0);
    // The knowledge-base-only search logs the same way when it is a submitted one.
    await api(`/api/faq/search?q=${encodeURIComponent('小区停车位划线归谁管啊')}&submitted=1`);
    expect(await missesLike('%停车位划线%')).toHaveLength(1);
  });

  it('masks long numbers a resident typed, and keeps the words short', async () => {
    expect(missText('我的身份证号11010519491231002X 社保查不到')).toBe('我的身份证号＊ 社保查不到');
    expect(missText('手机13800138000收不到验证码')).toBe('手机＊收不到验证码');
    expect(missText('80岁老人2025年补贴')).toBe('80岁老人2025年补贴');
    expect(missText('  吗？ ')).toBeNull();
    expect(missText('x'.repeat(500))!.length).toBe(200);
    expectError(await api('/api/search?q=abc&submitted=yes'), 400, 'validation');
  });

  it('logs 没帮助 on an entry a search reached, with the search words and the entry’s unit', async () => {
    const { unitId, editor } = await freshUnit();
    const entry = await api('/api/faq', {
      token: editor,
      body: { question: '灵活就业人员怎么参加职工养老保险？', answer: '持身份证到区社保经办窗口登记，按月缴费。', topic: '社保', publish: true },
    });
    const resident = await login('resident');
    const words = '跑外卖的社保断交了还能补吗';
    const voted = await api(`/api/faq/${entry.body.id}/feedback`, { token: resident, body: { helpful: false, query: words } });
    expect(voted.status).toBe(200);
    expect(await missesLike(words)).toEqual([expect.objectContaining({ reason: 'unhelpful', unit_id: unitId, entry_id: entry.body.id, inquiry_id: null })]);
    // 有帮助, or 没帮助 not reached from a search, says nothing about a gap.
    await api(`/api/faq/${entry.body.id}/feedback`, { token: await login('resident'), body: { helpful: true, query: '灵活就业社保怎么交费呢' } });
    await api(`/api/faq/${entry.body.id}/feedback`, { token: await login('resident'), body: { helpful: false } });
    expect((await env.DB.prepare('SELECT count(*) AS n FROM search_misses WHERE entry_id = ?1').bind(entry.body.id).first<{ n: number }>())!.n).toBe(1);
  });

  it('logs an inquiry asked after a search, with its unit and the inquiry, and not one asked directly', async () => {
    const { unitId } = await freshUnit();
    await login('answerer', unitId, '缺口解答员');
    const resident = await login('resident');
    const asked = await api('/api/inquiries', { token: resident, body: { question: '农村自建房翻修需要报批吗', unitId, fromSearch: true } });
    expect(asked.status).toBe(201);
    expect(await missesLike('农村自建房翻修需要报批吗')).toEqual([
      expect.objectContaining({ reason: 'inquiry', unit_id: unitId, inquiry_id: asked.body.id, entry_id: null }),
    ]);
    const direct = await api('/api/inquiries', { token: resident, body: { question: '农村宅基地能不能继承', unitId } });
    expect(direct.status).toBe(201);
    expect(await missesLike('%宅基地%')).toHaveLength(0);
  });
});

describe('grouping', () => {
  // The shipped synonym groups, as the route groups with them.
  const synonyms = () => loadContext(env.DB).then((c) => c.synonyms);
  const texts = [
    '生育津贴怎么申领',
    '生育津贴在哪里领',
    '怎么领生育津贴',
    '生完孩子生育津贴怎么申请',
    '养狗要办狗证吗',
    '狗证去哪里办',
    '办狗证需要什么材料',
    '护照过期了去哪换',
  ];

  it('puts paraphrases of one question together and keeps different questions apart', async () => {
    const groups = groupWordings(texts.map((text) => ({ text })), await synonyms()).map((g) => g.members.map((m) => m.text));
    expect(groups).toEqual([texts.slice(0, 4), texts.slice(4, 7), texts.slice(7)]);
  });

  it('takes the wording asked most often as the group’s, and counts identical wordings once each', async () => {
    const items = ['狗证去哪里办', '养狗要办狗证吗', '养狗要办狗证吗？', '养狗要办狗证吗'].map((text) => ({ text }));
    const [group, ...rest] = groupWordings(items, await synonyms());
    expect(rest).toHaveLength(0);
    expect(group!.text).toBe('养狗要办狗证吗');
    expect(group!.members).toHaveLength(4);
    expect(group!.wordings).toEqual([
      { text: '养狗要办狗证吗', count: 3 },
      { text: '狗证去哪里办', count: 1 },
    ]);
  });
});

describe('GET /api/kb-gaps', () => {
  it('groups a unit’s misses of the period, largest first, with examples, the unit and the best reply', async () => {
    const { unitId, editor } = await freshUnit();
    await login('answerer', unitId, '津贴解答员');
    const resident = await login('resident');
    const asked = await api('/api/inquiries', { token: resident, body: { question: '生完孩子生育津贴怎么申请', unitId, fromSearch: true } });
    const reply = '生育津贴由用人单位在职工生育后一年内申报，审核通过后拨付到单位或本人账户。';
    expect((await api(`/api/inquiries/${asked.body.id}/reply`, { token: editor, body: { reply } })).status).toBe(200);
    await seedMisses([
      { text: '生育津贴怎么申领', unitId },
      { text: '生育津贴怎么申领' },
      { text: '生育津贴在哪里领' },
      { text: '怎么领生育津贴', unitId },
      { text: '养狗要办狗证吗', unitId },
      { text: '狗证去哪里办', unitId },
      { text: '生育津贴怎么申领', unitId, at: daysAgo(60) },
    ]);
    const res = await gaps(editor);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ unitId: null, read: expect.any(Number), limit: 2000 });
    expect(res.body.groups).toEqual([
      {
        text: '生育津贴怎么申领',
        count: 5,
        // Wordings asked as often are in the order last asked: the inquiry was the latest.
        examples: ['生完孩子生育津贴怎么申请', '生育津贴在哪里领', '怎么领生育津贴'],
        reasons: { no_answer: 4, unhelpful: 0, inquiry: 1 },
        unitId,
        unitName: `缺口测试单位${units}`,
        bestReply: { inquiryId: asked.body.id, ticket: asked.body.ticket, reply, topic: null },
      },
      expect.objectContaining({ text: '养狗要办狗证吗', count: 2, examples: ['狗证去哪里办'], bestReply: null }),
    ]);
    // A longer period reaches the older miss.
    const from = new Date(Date.now() - 90 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    expect((await gaps(editor, `?from=${from}`)).body.groups[0].count).toBe(6);
  });

  it('shows an editor only their own unit, an office its jurisdiction, and nobody else anything', async () => {
    const a = await freshUnit();
    const b = await freshUnit();
    await seedMisses([
      { text: '残疾人两项补贴怎么申请', unitId: a.unitId },
      { text: '残疾人两项补贴在哪里申请', unitId: a.unitId },
      { text: '公租房摇号结果在哪查', unitId: b.unitId },
      { text: '明天会不会下雨' },
    ]);
    const ofA = (await gaps(a.editor)).body.groups.map((g: Json) => g.text);
    expect(ofA).toContain('残疾人两项补贴怎么申请');
    expect(ofA).not.toContain('公租房摇号结果在哪查');
    expect(ofA).not.toContain('明天会不会下雨');
    expectError(await gaps(a.editor, `?unitId=${b.unitId}`), 403, 'forbidden');

    const office = await login('office', 'u_office', '缺口办');
    const all = (await gaps(office)).body.groups.map((g: Json) => g.text);
    expect(all).toEqual(expect.arrayContaining(['残疾人两项补贴怎么申请', '公租房摇号结果在哪查', '明天会不会下雨']));
    const underB = (await gaps(office, `?unitId=${b.unitId}`)).body.groups.map((g: Json) => g.text);
    expect(underB).toContain('公租房摇号结果在哪查');
    expect(underB).not.toContain('残疾人两项补贴怎么申请');
    expect(underB).not.toContain('明天会不会下雨');

    expectError(await gaps(await login('resident')), 403, 'forbidden');
    expectError(await gaps(await login('answerer', a.unitId, '缺口答复员')), 403, 'forbidden');
    expectError(await api('/api/kb-gaps'), 401, 'unauthorized');
    expectError(await gaps(office, '?from=2026-02-01&to=2026-01-01'), 400, 'validation');
    expectError(await gaps(office, '?from=2024-01-01&to=2026-01-01'), 400, 'validation');
  });

  it('leaves out a group the knowledge base now answers, unless what it finds was marked 没帮助', async () => {
    const { unitId, editor } = await freshUnit();
    await seedMisses([
      { text: '狂犬疫苗在哪里打', unitId },
      { text: '狂犬疫苗去哪打', unitId },
      { text: '被狗咬了去哪打狂犬疫苗', unitId },
    ]);
    const shown = async () => (await gaps(editor)).body.groups.map((g: Json) => g.text);
    expect(await shown()).toContain('狂犬疫苗在哪里打');
    const entry = await api('/api/faq', {
      token: editor,
      body: { question: '狂犬疫苗在哪里接种？', answer: '被犬猫抓伤咬伤后，请尽快到区疾控中心指定的狂犬病暴露处置门诊接种。', topic: '医疗', similar: ['狂犬疫苗在哪里打'], publish: true },
    });
    expect(entry.status).toBe(201);
    expect(await shown()).not.toContain('狂犬疫苗在哪里打');
    // Residents who read that entry and said 没帮助 keep the question open.
    await seedMisses([{ text: '狂犬疫苗在哪里打', unitId, reason: 'unhelpful', entryId: entry.body.id }]);
    expect(await shown()).toContain('狂犬疫苗在哪里打');
  });
});

describe('whose question a group is', () => {
  it('goes by the inquiry over the entry a search only came near, and counts those searches too', async () => {
    const a = await freshUnit();
    const b = await freshUnit();
    await login('answerer', a.unitId, '宠物解答员');
    const asked = await api('/api/inquiries', { token: await login('resident'), body: { question: '养宠物兔子要登记吗', unitId: a.unitId, fromSearch: true } });
    expect(asked.status).toBe(201);
    // Searches the matcher placed near an entry of unit b (a guess): they still count for a.
    await seedMisses([
      { text: '养宠物兔子要登记吗', unitId: b.unitId },
      { text: '养宠物兔子需要登记吗', unitId: b.unitId },
    ]);
    const ofA = (await gaps(a.editor)).body.groups.find((g: Json) => g.text === '养宠物兔子要登记吗');
    expect(ofA).toMatchObject({ count: 3, unitId: a.unitId, reasons: { no_answer: 2, unhelpful: 0, inquiry: 1 } });
    expect((await gaps(b.editor)).body.groups.map((g: Json) => g.text)).not.toContain('养宠物兔子要登记吗');
  });
});

describe('retention', () => {
  it('deletes misses older than a year on the cron, and keeps the rest', async () => {
    await seedMisses([
      { text: '一年多以前问的留学补贴', at: daysAgo(400) },
      { text: '上个月问的留学补贴', at: daysAgo(30) },
    ]);
    await pruneExpired(env, new Date());
    expect(await missesLike('一年多以前问的留学补贴')).toHaveLength(0);
    expect(await missesLike('上个月问的留学补贴')).toHaveLength(1);
  });
});
