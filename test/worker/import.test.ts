import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, expectError, login } from './helpers';

const count = async (unitId: string) =>
  (await env.DB.prepare('SELECT COUNT(*) AS n FROM faq_entries WHERE unit_id = ?1').bind(unitId).first<{ n: number }>())!.n;

const row = (i: number, over = {}) => ({
  question: `导入测试第${i}条：居住证办理需要多长时间？`,
  answer: `材料齐全的，自受理之日起 15 个工作日内办结（第${i}条）。`,
  topic: '户籍',
  ...over,
});

describe('bulk import (JSON)', () => {
  it('imports into the caller’s unit and can publish at once', async () => {
    const editor = await login('editor', 'u_t_jd');
    const before = await count('u_t_jd');
    const res = await api('/api/faq/import', { token: editor, body: { entries: [row(1), row(2, { similar: ['居住证多久能拿到'] })], publish: true } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ dryRun: false, imported: 2, errors: [] });
    expect(await count('u_t_jd')).toBe(before + 2);
    const seen = await api(`/api/faq/${res.body.ids[1]}`);
    expect(seen.body).toMatchObject({ unitId: 'u_t_jd', similar: ['居住证多久能拿到'] });
  });

  it('writes nothing when any row is bad, and lists every bad row', async () => {
    const editor = await login('editor', 'u_t_jd');
    const before = await count('u_t_jd');
    const res = await api('/api/faq/import', {
      token: editor,
      body: { entries: [row(1), row(2, { answer: '' }), row(3), row(4, { topic: '旅游' }), row(5, { unitId: 'u_t_ybj' })] },
    });
    expectError(res, 400, 'validation');
    expect(res.body.error.issues.map((i: { path: string }) => i.path)).toEqual(['entries.2.answer', 'entries.4.topic', 'entries.5.unitId']);
    expect(res.body.error.issues[0].message).toContain('第 2 行');
    expect(await count('u_t_jd')).toBe(before);
  });

  it('validates without writing on dryRun', async () => {
    const editor = await login('editor', 'u_t_jd');
    const before = await count('u_t_jd');
    const ok = await api('/api/faq/import', { token: editor, body: { entries: [row(1), row(2)], dryRun: true } });
    expect(ok).toMatchObject({ status: 200, body: { dryRun: true, imported: 2, errors: [] } });
    const bad = await api('/api/faq/import', { token: editor, body: { entries: [row(1), { question: '缺答案' }], dryRun: true } });
    expect(bad.status).toBe(200);
    expect(bad.body.imported).toBe(0);
    expect(bad.body.errors).toEqual([{ row: 2, field: 'answer', message: expect.any(String) }]);
    expect(await count('u_t_jd')).toBe(before);
  });

  it('needs a topic per row or a default one', async () => {
    const office = await login('office', 'u_office');
    const noTopic = { question: '没有类目的问题？', answer: '一个答案。' };
    expectError(await api('/api/faq/import', { token: office, body: { entries: [noTopic] } }), 400, 'validation');
    const res = await api('/api/faq/import', { token: office, body: { entries: [noTopic], defaultTopic: '纳税' } });
    expect(res.status).toBe(201);
    expect((await api(`/api/manage/faq/${res.body.ids[0]}`, { token: office })).body).toMatchObject({ topic: '纳税', unitId: 'u_office', status: 'draft' });
  });

  it('refuses residents, empty and oversized requests', async () => {
    expectError(await api('/api/faq/import', { token: await login('resident'), body: { entries: [row(1)] } }), 403, 'forbidden');
    const office = await login('office', 'u_office');
    expectError(await api('/api/faq/import', { token: office, body: { entries: [] } }), 400, 'validation');
    expectError(await api('/api/faq/import', { token: office, body: { entries: Array.from({ length: 20001 }, (_, i) => row(i)) } }), 400, 'validation');
    expectError(await api('/api/faq/import', { token: office, body: 'not json' }), 400, 'bad_request');
  });

  it('takes 20,000 entries in one call', async () => {
    const office = await login('office', 'u_office');
    await env.DB.prepare("INSERT OR IGNORE INTO units (id, name, kind) VALUES ('u_t_big', '测试大批量单位', 'department')").run();
    const topics = ['社保', '医疗', '教育', '住房'];
    const entries = Array.from({ length: 20000 }, (_, i) =>
      row(i, { topic: topics[i % 4], unitId: 'u_t_big', similar: [`第${i}条的相似问法`], keywords: ['批量'] }),
    );
    const res = await api('/api/faq/import', { token: office, body: { entries, publish: true } });
    expect(res.status).toBe(201);
    expect(res.body.imported).toBe(20000);
    expect(await count('u_t_big')).toBe(20000);
  }, 120_000);
});

describe('bulk import (CSV)', () => {
  const header = '类目,问题,答案,相似问法,关键字,发文单位';

  it('reads the spreadsheet header, several phrasings per cell and units by name', async () => {
    const office = await login('office', 'u_office');
    const csv = [
      header,
      '医疗,"门诊费用怎么报销？","持医保卡在定点医疗机构直接结算，自付部分按规定报销。","门诊能报多少；看病报销比例",医保|门诊,测试区医保局',
      '社保,社保卡丢了怎么补办？,"携带身份证到社保卡服务网点挂失补办。",,社保卡,u_t_rsj',
    ].join('\r\n');
    const res = await api('/api/faq/import?publish=true', { token: office, csv });
    expect(res.status).toBe(201);
    expect(res.body.imported).toBe(2);
    const first = await api(`/api/manage/faq/${res.body.ids[0]}`, { token: office });
    expect(first.body).toMatchObject({
      unitId: 'u_t_ybj',
      topic: '医疗',
      similar: ['门诊能报多少', '看病报销比例'],
      keywords: ['医保', '门诊'],
      status: 'published',
    });
  });

  it('reports unknown units and a missing header, writing nothing', async () => {
    const office = await login('office', 'u_office');
    const before = await count('u_office');
    const res = await api('/api/faq/import', { token: office, csv: `${header}\n社保,问题？,答案。,,,不存在的单位\n` });
    expectError(res, 400, 'validation');
    expect(res.body.error.issues[0]).toMatchObject({ path: 'entries.1.unitId' });
    expect(res.body.error.issues[0].message).toContain('不存在的单位');
    expectError(await api('/api/faq/import', { token: office, csv: '标题,内容\n甲,乙\n' }), 400, 'validation');
    expect(await count('u_office')).toBe(before);
  });

  it('says in words which cell is blank, on a dry run too', async () => {
    const editor = await login('editor', 'u_t_jd');
    const res = await api('/api/faq/import?dryRun=true', { token: editor, csv: `${header}\n户籍,居住证怎么办？,,,,\n户籍,,有答案没有问题。,,,\n` });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      dryRun: true,
      imported: 0,
      errors: [
        { row: 1, field: 'answer', message: '答案不能为空' },
        { row: 2, field: 'question', message: '问题不能为空' },
      ],
    });
  });
});
