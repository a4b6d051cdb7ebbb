import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { CSV_HEADER, TOPICS } from '../../shared/constants';
import { IMPORT_TEMPLATE_ROWS, importTemplateCsv } from '../../shared/faq/import-template';
import { insertStatements, unchangedStatements } from '../../worker/db/faq';
import { api, expectError, login, type Json } from './helpers';

const count = async (unitId: string) =>
  (await env.DB.prepare('SELECT COUNT(*) AS n FROM faq_entries WHERE unit_id = ?1').bind(unitId).first<{ n: number }>())!.n;
const withQuestion = async (question: string) =>
  (await env.DB.prepare('SELECT id, answer, status, unit_id FROM faq_entries WHERE question = ?1 ORDER BY created_at').bind(question).all<Json>()).results;

// Every test imports questions of its own, so no test meets another's entries as duplicates.
let batch = 0;
function rows() {
  batch += 1;
  const b = batch;
  return (i: number, over: Json = {}) => ({
    question: `导入测试${b}-${i}：居住证办理需要多长时间？`,
    answer: `材料齐全的，自受理之日起 15 个工作日内办结（${b}-${i}）。`,
    topic: '户籍',
    ...over,
  });
}

const header = CSV_HEADER.join(',');
const csvOf = (...lines: string[]) => [header, ...lines].join('\r\n');

describe('bulk import (JSON)', () => {
  it('imports into the caller’s unit and can publish at once', async () => {
    const row = rows();
    const editor = await login('editor', 'u_t_jd');
    const before = await count('u_t_jd');
    const res = await api('/api/faq/import', { token: editor, body: { entries: [row(1), row(2, { similar: ['居住证多久能拿到'] })], publish: true } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ dryRun: false, imported: 2, updated: 0, skipped: 0, total: 2, errors: [], duplicates: [] });
    expect(await count('u_t_jd')).toBe(before + 2);
    const seen = await api(`/api/faq/${res.body.ids[1]}`);
    expect(seen.body).toMatchObject({ unitId: 'u_t_jd', similar: ['居住证多久能拿到'] });
  });

  it('writes nothing when any row is bad, and lists every bad row with its column, value and what is expected', async () => {
    const row = rows();
    const editor = await login('editor', 'u_t_jd');
    const before = await count('u_t_jd');
    const res = await api('/api/faq/import', {
      token: editor,
      body: { entries: [row(1), row(2, { answer: '' }), row(3), row(4, { topic: '旅游' }), row(5, { unitId: 'u_t_ybj' })] },
    });
    expectError(res, 400, 'validation');
    expect(res.body.error.issues.map((i: { path: string }) => i.path)).toEqual(['entries.2.answer', 'entries.4.topic', 'entries.5.unitId']);
    expect(res.body.error.issues[0]).toEqual({
      path: 'entries.2.answer',
      message: '第 2 行：答案不能为空',
      row: 2,
      column: 'answer',
      value: '',
      expected: '必填，不超过 5000 字',
    });
    expect(res.body.error.issues[1]).toMatchObject({ row: 4, column: 'topic', value: '旅游', expected: `${TOPICS.join('、')} 之一` });
    expect(res.body.error.issues[2]).toMatchObject({ row: 5, column: 'unitId', value: 'u_t_ybj', expected: '本单位（测试街道），或留空' });
    expect(await count('u_t_jd')).toBe(before);
  });

  it('validates without writing on dryRun', async () => {
    const row = rows();
    const editor = await login('editor', 'u_t_jd');
    const before = await count('u_t_jd');
    const ok = await api('/api/faq/import', { token: editor, body: { entries: [row(1), row(2)], dryRun: true } });
    expect(ok).toMatchObject({ status: 200, body: { dryRun: true, imported: 2, total: 2, errors: [] } });
    const bad = await api('/api/faq/import', { token: editor, body: { entries: [row(3), { question: '缺答案' }], dryRun: true } });
    expect(bad.status).toBe(200);
    expect(bad.body.imported).toBe(0);
    expect(bad.body.errors).toEqual([
      { row: 2, field: 'answer', message: '答案不能为空', column: 'answer', value: '', expected: '必填，不超过 5000 字' },
      { row: 2, field: 'topic', message: expect.stringContaining('缺少类目'), column: 'topic', value: '', expected: expect.stringContaining('户籍') },
    ]);
    expect(await count('u_t_jd')).toBe(before);
  });

  it('needs a topic per row or a default one', async () => {
    const office = await login('office', 'u_office');
    const noTopic = { question: `没有类目的问题${rows()(1).question}`, answer: '一个答案。' };
    expectError(await api('/api/faq/import', { token: office, body: { entries: [noTopic] } }), 400, 'validation');
    const res = await api('/api/faq/import', { token: office, body: { entries: [noTopic], defaultTopic: '纳税' } });
    expect(res.status).toBe(201);
    expect((await api(`/api/manage/faq/${res.body.ids[0]}`, { token: office })).body).toMatchObject({ topic: '纳税', unitId: 'u_office', status: 'draft' });
  });

  it('refuses residents, empty and oversized requests, and a bad choice', async () => {
    const row = rows();
    expectError(await api('/api/faq/import', { token: await login('resident'), body: { entries: [row(1)] } }), 403, 'forbidden');
    const office = await login('office', 'u_office');
    expectError(await api('/api/faq/import', { token: office, body: { entries: [] } }), 400, 'validation');
    expectError(await api('/api/faq/import', { token: office, body: { entries: Array.from({ length: 20001 }, (_, i) => row(i)) } }), 400, 'validation');
    expectError(await api('/api/faq/import', { token: office, body: 'not json' }), 400, 'bad_request');
    expectError(await api('/api/faq/import', { token: office, body: { entries: [row(1)], duplicates: 'merge' } }), 400, 'validation');
    expectError(await api('/api/faq/import?choices=one:skip', { token: office, csv: csvOf('户籍,问题？,答案。,,,') }), 400, 'validation');
  });

  it('takes 20,000 entries in one call', async () => {
    const row = rows();
    const office = await login('office', 'u_office');
    await env.DB.prepare("INSERT OR IGNORE INTO units (id, name, kind, parent_id) VALUES ('u_t_big', '测试大批量单位', 'department', 'u_district')").run();
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
  it('reads the spreadsheet header, several phrasings per cell and units by name', async () => {
    const office = await login('office', 'u_office');
    const csv = csvOf(
      '医疗,"门诊费用怎么报销？","持医保卡在定点医疗机构直接结算，自付部分按规定报销。","门诊能报多少；看病报销比例",医保|门诊,测试区医保局',
      '社保,社保卡丢了怎么补办？,"携带身份证到社保卡服务网点挂失补办。",,社保卡,u_t_rsj',
    );
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
    const res = await api('/api/faq/import', { token: office, csv: `${header}\n社保,问题甲？,答案。,,,不存在的单位\n` });
    expectError(res, 400, 'validation');
    expect(res.body.error.issues[0]).toMatchObject({ path: 'entries.1.unitId', row: 1, column: '发文单位', value: '不存在的单位' });
    expect(res.body.error.issues[0].message).toContain('不存在的单位');
    expect(res.body.error.issues[0].expected).toContain('已有单位的名称或编号');
    const noHeader = await api('/api/faq/import', { token: office, csv: '标题,内容\n甲,乙\n' });
    expectError(noHeader, 400, 'validation');
    expect(noHeader.body.error.issues).toEqual([
      { path: 'entries.0', message: '表头缺少：问题、答案、类目', row: 0, column: '问题、答案、类目', value: '标题,内容', expected: `第一行为表头：${header}` },
    ]);
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
        { row: 1, field: 'answer', message: '答案不能为空', column: '答案', value: '' },
        { row: 2, field: 'question', message: '问题不能为空', column: '问题', value: '' },
      ],
    });
  });
});

describe('every error in one round', () => {
  it('lists a missing answer, an unknown topic and an unknown unit together, each with row, column, value and what is expected', async () => {
    const editor = await login('editor', 'u_t_jd');
    const longAnswer = '答'.repeat(5001);
    const csv = csvOf(
      '户籍,一轮检查：居住证怎么办？,,,,',
      '交通,一轮检查：公交线路如何调整？,由交通部门公布。,,,',
      '户籍,一轮检查：户口怎么迁？,到派出所办理。,,,测试交通局',
      // One row with all three: the unit and the topic are checked even though the answer is missing.
      '旅游,一轮检查：门票怎么买？,,,,不存在的局',
      `户籍,一轮检查：答案太长的问题？,${longAnswer},,,`,
    );
    const res = await api('/api/faq/import?dryRun=true', { token: editor, csv });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(5);
    const unitExpected = '本单位（测试街道），或留空';
    const topicExpected = `${TOPICS.join('、')} 之一`;
    expect(res.body.errors).toEqual([
      { row: 1, field: 'answer', message: '答案不能为空', column: '答案', value: '', expected: '必填，不超过 5000 字' },
      { row: 2, field: 'topic', message: expect.stringMatching(/^类目应为/), column: '类目', value: '交通', expected: topicExpected },
      { row: 3, field: 'unitId', message: '单位不存在：测试交通局', column: '发文单位', value: '测试交通局', expected: unitExpected },
      { row: 4, field: 'answer', message: '答案不能为空', column: '答案', value: '', expected: '必填，不超过 5000 字' },
      { row: 4, field: 'topic', message: expect.stringMatching(/^类目应为/), column: '类目', value: '旅游', expected: topicExpected },
      { row: 4, field: 'unitId', message: '单位不存在：不存在的局', column: '发文单位', value: '不存在的局', expected: unitExpected },
      { row: 5, field: 'answer', message: '答案不能超过 5000 字', column: '答案', value: `${'答'.repeat(30)}…（共 5001 字）`, expected: '必填，不超过 5000 字' },
    ]);

    // The real import refuses with the same details in the one error shape.
    const refused = await api('/api/faq/import', { token: editor, csv });
    expectError(refused, 400, 'validation');
    expect(refused.body.error.issues).toHaveLength(7);
    expect(refused.body.error.issues[5]).toEqual({
      path: 'entries.4.unitId',
      message: '第 4 行：单位不存在：不存在的局',
      row: 4,
      column: '发文单位',
      value: '不存在的局',
      expected: unitExpected,
    });
  });

  it('reports a header without a column together with the other rows’ problems', async () => {
    const editor = await login('editor', 'u_t_jd');
    const csv = ['类目,问题,相似问法', '户籍,缺列的文件：居住证怎么办？,', '旅游,缺列的文件：门票怎么买？,'].join('\n');
    const res = await api('/api/faq/import?dryRun=true', { token: editor, csv });
    expect(res.body.errors).toEqual([
      expect.objectContaining({ row: 0, message: '表头缺少：答案', column: '答案', expected: `第一行为表头：${header}` }),
      expect.objectContaining({ row: 2, field: 'topic', column: '类目', value: '旅游' }),
    ]);
  });

  it('reports a row with too many cells and a JSON row’s unknown field with its other problems', async () => {
    const editor = await login('editor', 'u_t_jd');
    const csv = csvOf('户籍,多一列：居住证怎么办？,答案,,,,多出来的', '交通,多一列：公交线路？,答案。,,,');
    const res = await api('/api/faq/import?dryRun=true', { token: editor, csv });
    expect(res.body.errors).toEqual([
      expect.objectContaining({ row: 1, message: '这一行的列数多于表头', value: expect.stringContaining('多出来的') }),
      expect.objectContaining({ row: 2, column: '类目', value: '交通' }),
    ]);
    const json = await api('/api/faq/import', {
      token: editor,
      body: { dryRun: true, entries: [{ question: '多字段：居住证？', answer: '答案。', topic: '户籍', status: 'published', unitId: '不存在的局' }] },
    });
    expect(json.body.errors).toEqual([
      { row: 1, message: '不认识的字段：status', column: 'status', value: 'published', expected: expect.stringContaining('question') },
      expect.objectContaining({ row: 1, field: 'unitId', column: 'unitId', value: '不存在的局' }),
    ]);
  });

  it('shows the first rows as read, with their topic, unit and number of 相似问法', async () => {
    const office = await login('office', 'u_office');
    const lines = Array.from({ length: 25 }, (_, i) => `社保,预览第${i + 1}条：社保怎么交？,答案。,甲；乙；丙,,${i === 1 ? '测试区人社局' : ''}`);
    lines[2] = '旅游,预览第3条：门票怎么买？,答案。,,,';
    const res = await api('/api/faq/import?dryRun=true', { token: office, csv: csvOf(...lines) });
    expect(res.body.total).toBe(25);
    expect(res.body.preview).toHaveLength(20);
    expect(res.body.preview.slice(0, 3)).toEqual([
      { row: 1, question: '预览第1条：社保怎么交？', topic: '社保', unit: '区政府办公室', similar: 3 },
      { row: 2, question: '预览第2条：社保怎么交？', topic: '社保', unit: '测试区人社局', similar: 3 },
      { row: 3, question: '预览第3条：门票怎么买？', topic: '旅游', unit: '区政府办公室', similar: 0 },
    ]);
    expect(res.body.errors.map((e: Json) => e.row)).toEqual([3]);
  });
});

describe('duplicates', () => {
  async function existing(token: string, over: Json) {
    const res = await api('/api/faq', { token, body: { answer: '原来的答案。', topic: '户籍', similar: ['原来的相似问法'], ...over } });
    expect(res.status).toBe(201);
    return res.body;
  }

  it('finds an existing entry’s question after normalization, and a row repeating another row', async () => {
    const editor = await login('editor', 'u_t_jd');
    const published = await existing(editor, { question: '重复检查：居住证怎么办理？', publish: true });
    const draft = await existing(editor, { question: '重复检查：暂住证还能用吗？' });
    const csv = csvOf(
      // Full-width vs half-width, 请问, a particle and 如何/怎么: all the same question to the matcher.
      '户籍,请问 重复检查:居住证如何办理呢?,新的答案。,,,',
      '户籍,重复检查：暂住证还能用吗,新的答案。,,,',
      '户籍,重复检查：新问题甲？,答案。,,,',
      '户籍,重复检查：新问题甲,另一个答案。,,,',
    );
    const res = await api('/api/faq/import?dryRun=true', { token: editor, csv });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ errors: [], imported: 1, updated: 0, skipped: 0 });
    expect(res.body.duplicates).toEqual([
      {
        row: 1,
        question: '请问 重复检查:居住证如何办理呢?',
        entry: { id: published.id, question: '重复检查：居住证怎么办理？', status: 'published', unitId: 'u_t_jd', unitName: '测试街道', editable: true },
      },
      { row: 2, question: '重复检查：暂住证还能用吗', entry: expect.objectContaining({ id: draft.id, status: 'draft' }) },
      { row: 4, question: '重复检查：新问题甲', sameAsRow: 3 },
    ]);
  });

  it('sees other units’ published entries but not their drafts', async () => {
    const rsj = await login('editor', 'u_t_rsj');
    const jd = await login('editor', 'u_t_jd');
    const theirs = await existing(rsj, { question: '重复检查：人社局已发布的问题？', publish: true });
    await existing(rsj, { question: '重复检查：人社局的草稿问题？' });
    const res = await api('/api/faq/import', {
      token: jd,
      body: { dryRun: true, entries: [{ question: '重复检查：人社局已发布的问题', answer: '答案。', topic: '户籍' }, { question: '重复检查：人社局的草稿问题', answer: '答案。', topic: '户籍' }] },
    });
    expect(res.body.duplicates).toEqual([
      { row: 1, question: '重复检查：人社局已发布的问题', entry: expect.objectContaining({ id: theirs.id, unitName: '测试区人社局', editable: false }) },
    ]);
  });

  it('refuses a real import with duplicates and no choice (409, nothing written)', async () => {
    const editor = await login('editor', 'u_t_jd');
    const entry = await existing(editor, { question: '无选择：居住证过期了怎么办？', publish: true });
    const before = await count('u_t_jd');
    const csv = csvOf('户籍,无选择：居住证过期了怎么办,新的答案。,,,', '户籍,无选择：另一条新问题？,答案。,,,', '户籍,无选择：另一条新问题,答案。,,,');
    const res = await api('/api/faq/import', { token: editor, csv });
    expectError(res, 409, 'conflict');
    expect(res.body.error.issues).toEqual([
      {
        path: 'entries.1.question',
        message: '第 1 行：与已有条目「无选择：居住证过期了怎么办？」重复（测试街道，已发布）',
        row: 1,
        column: '问题',
        value: '无选择：居住证过期了怎么办',
        expected: expect.stringContaining('skip'),
        entryId: entry.id,
      },
      expect.objectContaining({ path: 'entries.3.question', row: 3, sameAsRow: 2, message: '第 3 行：与第 2 行的问题重复' }),
    ]);
    expect(await count('u_t_jd')).toBe(before);

    // Errors and undecided duplicates come in the same answer.
    const both = await api('/api/faq/import', { token: editor, csv: `${csv}\r\n旅游,无选择：门票？,答案。,,,` });
    expectError(both, 400, 'validation');
    expect(both.body.error.issues.map((i: Json) => i.row)).toEqual([1, 3, 4]);
  });

  it('skips duplicates, or imports them anyway, as asked', async () => {
    const editor = await login('editor', 'u_t_jd');
    const question = '跳过：医保卡丢了怎么补办？';
    await existing(editor, { question, publish: true });
    const csv = csvOf(`户籍,${question},新的答案。,,,`, '户籍,跳过：一条新的问题？,答案。,,,', '户籍,跳过：一条新的问题,答案。,,,');

    const dry = await api('/api/faq/import?dryRun=true&duplicates=skip', { token: editor, csv });
    expect(dry.body).toMatchObject({ imported: 1, skipped: 2, updated: 0 });
    expect(dry.body.duplicates.map((d: Json) => [d.row, d.action])).toEqual([[1, 'skip'], [3, 'skip']]);
    const skipped = await api('/api/faq/import?duplicates=skip', { token: editor, csv });
    expect(skipped.status).toBe(201);
    expect(skipped.body).toMatchObject({ imported: 1, skipped: 2, updated: 0 });
    expect(await withQuestion(question)).toEqual([expect.objectContaining({ answer: '原来的答案。' })]);
    expect(await withQuestion('跳过：一条新的问题？')).toHaveLength(1);

    const anyway = await api('/api/faq/import', { token: editor, body: { entries: [{ question, answer: '另写的答案。', topic: '户籍' }], duplicates: 'import' } });
    expect(anyway.status).toBe(201);
    expect(anyway.body.imported).toBe(1);
    expect((await withQuestion(question)).map((e) => e.answer)).toEqual(['原来的答案。', '另写的答案。']);
  });

  it('updates the existing entry through the same reindexing as an edit', async () => {
    const editor = await login('editor', 'u_t_jd');
    const entry = await existing(editor, { question: '更新：灵活就业怎么交社保？', publish: true, keywords: ['灵活就业'] });
    const csv = csvOf('社保,更新：灵活就业怎么交社保,新的答案：线上办理。,自由职业社保去哪交,,', '户籍,更新：还有一条新的？,答案。,,,');
    const res = await api('/api/faq/import?duplicates=update', { token: editor, csv });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ imported: 1, updated: 1, skipped: 0, updatedIds: [entry.id] });
    const after = await api(`/api/manage/faq/${entry.id}`, { token: editor });
    expect(after.body).toMatchObject({
      question: '更新：灵活就业怎么交社保',
      answer: '新的答案：线上办理。',
      topic: '社保',
      similar: ['自由职业社保去哪交'],
      keywords: ['灵活就业'], // a blank cell keeps the entry's own
      status: 'published',
      unitId: 'u_t_jd',
    });
    expect(after.body.updatedAt > entry.updatedAt).toBe(true);
    const phrasings = await env.DB.prepare('SELECT kind, text FROM faq_phrasings WHERE entry_id = ?1 ORDER BY id').bind(entry.id).all<Json>();
    expect(phrasings.results).toEqual([
      { kind: 'q', text: '更新：灵活就业怎么交社保' },
      { kind: 's', text: '自由职业社保去哪交' },
      { kind: 'k', text: '灵活就业' },
      // The answer is indexed too; its text is read from the entry.
      { kind: 'a', text: '' },
    ]);
    const found = await api(`/api/faq/search?q=${encodeURIComponent('自由职业社保去哪交')}`);
    expect(found.body.items[0]).toMatchObject({ id: entry.id, answer: '新的答案：线上办理。' });
  });

  it('refuses to update another unit’s entry for an editor; a per-row choice settles it', async () => {
    const rsj = await login('editor', 'u_t_rsj');
    const jd = await login('editor', 'u_t_jd');
    const office = await login('office', 'u_office');
    const theirs = await existing(rsj, { question: '他人：失业登记在哪办？', publish: true });
    const csv = csvOf('户籍,他人：失业登记在哪办,街道的答案。,,,', '户籍,他人：街道自己的新问题？,答案。,,,');

    const dry = await api('/api/faq/import?dryRun=true&duplicates=update', { token: jd, csv });
    expect(dry.body.errors).toEqual([
      { row: 1, field: 'question', message: '不能更新其他单位的条目（测试区人社局）', column: '问题', value: '他人：失业登记在哪办', expected: '对这一行选择跳过或仍然导入' },
    ]);
    const before = await count('u_t_jd');
    expectError(await api('/api/faq/import?duplicates=update', { token: jd, csv }), 400, 'validation');
    expect(await count('u_t_jd')).toBe(before);
    expect((await api(`/api/faq/${theirs.id}`)).body.answer).toBe('原来的答案。');

    const settled = await api('/api/faq/import?duplicates=update&choices=1:skip', { token: jd, csv });
    expect(settled.status).toBe(201);
    expect(settled.body).toMatchObject({ imported: 1, skipped: 1, updated: 0 });

    // The office may update any unit's entry.
    const byOffice = await api('/api/faq/import', {
      token: office,
      body: { entries: [{ question: '他人：失业登记在哪办？', answer: '办公室更新的答案。', topic: '就业创业' }], choices: { 1: 'update' } },
    });
    expect(byOffice).toMatchObject({ status: 200, body: { imported: 0, updated: 1, updatedIds: [theirs.id] } });
    expect((await api(`/api/faq/${theirs.id}`)).body).toMatchObject({ answer: '办公室更新的答案。', unitId: 'u_t_rsj' });
  });

  it('writes nothing when an entry to update was saved after it was read', async () => {
    const editor = await login('editor', 'u_t_jd');
    const entry = await existing(editor, { question: '并发：读取后被修改的条目？' });
    const fresh = {
      id: 'faq_t_race',
      question: '并发：同一批写入的新条目？',
      answer: '答案。',
      similar: [],
      keywords: [],
      topic: '户籍',
      unitId: 'u_t_jd',
      status: 'draft' as const,
      validFrom: null,
      validUntil: null,
      createdBy: 'test',
      now: new Date().toISOString(),
    };
    await expect(
      env.DB.batch([...unchangedStatements(env.DB, [{ id: entry.id, updatedAt: '2000-01-01T00:00:00.000Z' }]), ...insertStatements(env.DB, [fresh])]),
    ).rejects.toThrow();
    expect(await withQuestion(fresh.question)).toEqual([]);
    await env.DB.batch([...unchangedStatements(env.DB, [{ id: entry.id, updatedAt: entry.updatedAt }]), ...insertStatements(env.DB, [fresh])]);
    expect(await withQuestion(fresh.question)).toHaveLength(1);
  });
});

describe('the import template', () => {
  it('is UTF-8 with a byte-order mark, the header and example rows that the import reads but will not import', async () => {
    const csv = importTemplateCsv();
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('类目,问题,答案,相似问法,关键字,发文单位');
    expect(lines).toHaveLength(1 + IMPORT_TEMPLATE_ROWS.length);

    const editor = await login('editor', 'u_t_jd');
    const asIs = await api('/api/faq/import?dryRun=true', { token: editor, csv });
    expect(asIs.status).toBe(200);
    expect(asIs.body.errors).toEqual(
      IMPORT_TEMPLATE_ROWS.map((r, i) => ({ row: i + 1, field: 'question', message: expect.stringContaining('示例行'), column: '问题', value: r.问题, expected: expect.any(String) })),
    );
    expect(asIs.body.preview).toEqual(
      IMPORT_TEMPLATE_ROWS.map((r, i) => ({ row: i + 1, question: r.问题, topic: r.类目, unit: '测试街道', similar: 2 })),
    );

    const filledIn = csv.replaceAll('（示例）', '模板填写：');
    const res = await api('/api/faq/import', { token: editor, csv: filledIn });
    expect(res.status).toBe(201);
    expect(res.body.imported).toBe(IMPORT_TEMPLATE_ROWS.length);
    const [first] = await withQuestion('模板填写：居住证怎么办理？');
    expect(first).toMatchObject({ unit_id: 'u_t_jd', status: 'draft' });
  });
});
