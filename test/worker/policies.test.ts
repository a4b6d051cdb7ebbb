import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import worker from '../../worker/index';
import { deliverOutbox } from '../../worker/jobs/deliver';
import { runPolicyJobs } from '../../worker/jobs/policies';
import { api, entryBody, expectError, login, type Json } from './helpers';

let n = 0;
/** A unique policy draft as an editor would save it from the importer's draft. */
function policyBody(over: Json = {}): Json {
  n += 1;
  return {
    title: `测试区关于灵活就业人员社保补贴的实施办法（第${n}号）`,
    docNumber: null,
    issuer: '测试区人力资源和社会保障局',
    signedDate: '2024-03-01',
    type: '行政规范性文件',
    topics: ['社保'],
    recipients: ['各街道办事处'],
    sections: [
      { level: 0, heading: '', text: '为减轻灵活就业人员负担，制定本办法。' },
      { level: 1, heading: '一、补贴对象', text: `本区户籍的灵活就业人员，按规定缴纳养老保险费的，可申请社保补贴${n}。` },
    ],
    tables: [],
    attachments: [],
    ...over,
  };
}

const interpretation = (over: Json = {}): Json => ({
  form: '文字解读',
  title: '一图读懂社保补贴',
  body: ['灵活就业人员交了养老保险，就可以申请补贴。', '咨询电话：0000-86000001。'],
  interpreterName: '王敏',
  interpreterTitle: '科长',
  contactPhone: '0000-86000001',
  ...over,
});

async function createPolicy(token: string, over: Json = {}) {
  const res = await api('/api/policies', { token, body: policyBody(over) });
  expect(res.status).toBe(201);
  return res.body;
}

/** Creates and publishes a policy (with one interpretation), answering the published policy. */
async function publishedPolicy(token: string, over: Json = {}) {
  const p = await createPolicy(token, over);
  expect((await api(`/api/policies/${p.id}/interpretations`, { token, body: interpretation() })).status).toBe(201);
  const res = await api(`/api/policies/${p.id}/publish`, { token, body: {} });
  expect(res.status).toBe(200);
  return res.body;
}

async function upload(path: string, bytes: Uint8Array, type: string, token?: string) {
  const ctx = createExecutionContext();
  const headers: Record<string, string> = { 'Content-Type': type };
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await worker.fetch(new Request(`http://127.0.0.1${path}`, { method: 'POST', headers, body: bytes }), env, ctx);
  const body = (await res.json()) as Json;
  await waitOnExecutionContext(ctx);
  return { status: res.status, body };
}

async function download(path: string, token?: string) {
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(`http://127.0.0.1${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} }), env, ctx);
  const bytes = new Uint8Array(await res.arrayBuffer());
  await waitOnExecutionContext(ctx);
  return { status: res.status, bytes, headers: res.headers };
}

async function notices(token: string, kind: string) {
  const res = await api('/api/notifications?limit=50', { token });
  expect(res.status).toBe(200);
  return (res.body.items as Json[]).filter((i) => i.kind === kind);
}

let editor: string;
let otherEditor: string;
let office: string;
let otherOffice: string;
let resident: string;

beforeAll(async () => {
  await env.DB.batch([
    env.DB.prepare("INSERT OR IGNORE INTO units (id, name, kind, parent_id) VALUES ('u_t_d2', '测试二区', 'district', NULL)"),
    env.DB.prepare("INSERT OR IGNORE INTO units (id, name, kind, parent_id) VALUES ('u_t_d2_office', '测试二区政府办公室', 'office', 'u_t_d2')"),
  ]);
  editor = await login('editor', 'u_t_rsj', '政策编辑甲');
  otherEditor = await login('editor', 'u_t_ybj', '政策编辑乙');
  office = await login('office', 'u_office', '公开办');
  otherOffice = await login('office', 'u_t_d2_office', '二区公开办');
  resident = await login('resident');
});

describe('三同步: a policy that needs an interpretation is published with one', () => {
  it('refuses to publish a 行政规范性文件 without an interpretation or an exemption, saying what is missing', async () => {
    const p = await createPolicy(editor);
    expect(p).toMatchObject({ status: 'draft', validity: '现行有效', type: '行政规范性文件', unitId: 'u_t_rsj', issuer: '测试区人力资源和社会保障局' });
    const res = await api(`/api/policies/${p.id}/publish`, { token: editor, body: {} });
    expectError(res, 409, 'conflict');
    expect(res.body.error.message).toContain('政策解读');
    expect(res.body.error.issues).toEqual([{ path: 'interpretations', message: '缺少政策解读' }]);
    expectError(await api(`/api/policies/${p.id}`), 404, 'not_found');
  });

  it('never publishes an interpretation before its policy', async () => {
    const p = await createPolicy(editor);
    expectError(await api(`/api/policies/${p.id}/interpretations`, { token: editor, body: interpretation({ publish: true }) }), 409, 'conflict');
    const draft = await api(`/api/policies/${p.id}/interpretations`, { token: editor, body: interpretation() });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ status: 'draft', publishedAt: null, unitId: 'u_t_rsj', contactPhone: '0000-86000001' });
    expectError(await api(`/api/policies/${p.id}`), 404, 'not_found');
  });

  it('publishes the policy together with its interpretations, in one step', async () => {
    const p = await createPolicy(editor);
    await api(`/api/policies/${p.id}/interpretations`, { token: editor, body: interpretation() });
    await api(`/api/policies/${p.id}/interpretations`, { token: editor, body: interpretation({ form: '问答', title: '问答：补贴怎么领' }) });
    const published = await api(`/api/policies/${p.id}/publish`, { token: editor, body: {} });
    expect(published.status).toBe(200);
    const pub = await api(`/api/policies/${p.id}`);
    expect(pub.status).toBe(200);
    expect(pub.body).toMatchObject({ status: 'published', exemption: null, publishedDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(pub.body.interpretations.map((i: Json) => [i.form, i.status, i.publishedAt])).toEqual([
      ['文字解读', 'published', pub.body.publishedAt],
      ['问答', 'published', pub.body.publishedAt],
    ]);
    // Publishing again with nothing pending is refused; a later interpretation is published on its own.
    expectError(await api(`/api/policies/${p.id}/publish`, { token: editor, body: {} }), 409, 'conflict');
    const later = await api(`/api/policies/${p.id}/interpretations`, { token: editor, body: interpretation({ form: '负责人解读', publish: true }) });
    expect(later.body).toMatchObject({ status: 'published', publishedAt: expect.any(String) });
    expect((await api(`/api/policies/${p.id}`)).body.interpretations).toHaveLength(3);
  });

  it('publishes with a recorded exemption, and shows it', async () => {
    const p = await createPolicy(editor, { type: '政策性文件' });
    expectError(await api(`/api/policies/${p.id}/publish`, { token: editor, body: { exemption: { reason: '' } } }), 400, 'validation');
    const res = await api(`/api/policies/${p.id}/publish`, { token: editor, body: { exemption: { reason: '内容仅涉及内部管理，无需解读' } } });
    expect(res.status).toBe(200);
    const pub = await api(`/api/policies/${p.id}`);
    expect(pub.body.exemption).toEqual({ reason: '内容仅涉及内部管理，无需解读', at: expect.any(String) });
    expect(pub.body.interpretations).toEqual([]);
  });

  it('publishes a work plan without an interpretation; an exemption for one is refused', async () => {
    const p = await createPolicy(editor, { type: '工作方案·要点' });
    expectError(await api(`/api/policies/${p.id}/publish`, { token: editor, body: { exemption: { reason: '无' } } }), 400, 'validation');
    expect((await api(`/api/policies/${p.id}/publish`, { token: editor, body: {} })).status).toBe(200);
  });

  it('counts the interpretation rate per unit of the office and overall, with the 90% floor', async () => {
    const ybj = await login('editor', 'u_t_ybj', '医保编辑');
    const a = await createPolicy(ybj, { unitId: 'u_t_ybj', type: '规划' });
    await api(`/api/policies/${a.id}/publish`, { token: ybj, body: { exemption: { reason: '规划图另行发布' } } });
    await publishedPolicy(ybj, { unitId: 'u_t_ybj', type: '规划' });
    const res = await api('/api/policies/interpretation-rate', { token: office });
    expect(res.status).toBe(200);
    const unit = res.body.units.find((u: Json) => u.unitId === 'u_t_ybj');
    expect(unit).toEqual({ unitId: 'u_t_ybj', unitName: '测试区医保局', needing: 2, interpreted: 1, exempted: 1, rate: 0.5, meetsFloor: false });
    expect(res.body.floor).toBe(0.9);
    expect(res.body.overall.needing).toBeGreaterThanOrEqual(2);
    expect(res.body.overall.rate).toBeCloseTo(res.body.overall.interpreted / res.body.overall.needing);
    expectError(await api('/api/policies/interpretation-rate', { token: editor }), 403, 'forbidden');
    expectError(await api('/api/policies/interpretation-rate'), 401, 'unauthorized');
    // Another district's office sees none of this district's units.
    const other = await api('/api/policies/interpretation-rate', { token: otherOffice });
    expect(other.body.units.map((u: Json) => u.unitId)).not.toContain('u_t_ybj');
  });
});

describe('roles and units on every policy route', () => {
  it('lets only editors of the unit and its office write', async () => {
    const p = await createPolicy(editor);
    expectError(await api('/api/policies', { body: policyBody() }), 401, 'unauthorized');
    expectError(await api('/api/policies', { token: resident, body: policyBody() }), 403, 'forbidden');
    expectError(await api('/api/policies', { token: editor, body: policyBody({ unitId: 'u_t_ybj' }) }), 403, 'forbidden');
    expectError(await api('/api/policies', { token: otherOffice, body: policyBody({ unitId: 'u_t_rsj' }) }), 403, 'forbidden');
    expectError(await api('/api/policies', { token: office, body: policyBody({ unitId: 'u_nowhere' }) }), 403, 'forbidden');
    for (const [method, path, body] of [
      ['PATCH', `/api/policies/${p.id}`, { title: '改标题' }],
      ['POST', `/api/policies/${p.id}/interpretations`, interpretation()],
      ['POST', `/api/policies/${p.id}/publish`, {}],
      ['POST', `/api/policies/${p.id}/validity`, { validity: '已废止', reason: '试试' }],
      ['GET', `/api/manage/policies/${p.id}`, undefined],
    ] as const) {
      expectError(await api(path, { method, body }), 401, 'unauthorized');
      expectError(await api(path, { method, token: resident, body }), 403, 'forbidden');
      expectError(await api(path, { method, token: otherEditor, body }), 403, 'forbidden');
      expectError(await api(path, { method, token: otherOffice, body }), 403, 'forbidden');
    }
    expectError(await api('/api/policies/pol_missing/publish', { token: editor, body: {} }), 404, 'not_found');
    // The office of the district may act on the unit's policy.
    const edited = await api(`/api/policies/${p.id}`, { method: 'PATCH', token: office, body: { title: '公开办改过的标题' } });
    // Fields left out of an edit keep their values.
    expect(edited.body).toMatchObject({ title: '公开办改过的标题', topics: p.topics, sections: p.sections, recipients: p.recipients });
  });

  it('lists drafts only to their unit and office; the public sees published only', async () => {
    const draft = await createPolicy(editor);
    const mine = await api('/api/manage/policies?limit=100', { token: editor });
    expect(mine.body.items.map((p: Json) => p.id)).toContain(draft.id);
    const theirs = await api('/api/manage/policies?limit=100', { token: otherEditor });
    expect(theirs.body.items.map((p: Json) => p.id)).not.toContain(draft.id);
    expectError(await api('/api/manage/policies?unitId=u_t_rsj', { token: otherEditor }), 403, 'forbidden');
    expect((await api('/api/manage/policies?limit=100', { token: otherOffice })).body.items.map((p: Json) => p.id)).not.toContain(draft.id);
    expectError(await api('/api/manage/policies', { token: resident }), 403, 'forbidden');
    const pub = await api('/api/policies?limit=100');
    expect(pub.body.items.every((p: Json) => p.status === 'published')).toBe(true);
    expect(pub.body.items.map((p: Json) => p.id)).not.toContain(draft.id);
  });

  it('filters the public list by topic, unit, type, validity and year', async () => {
    const p = await publishedPolicy(editor, { topics: ['住房'], signedDate: '2019-05-05', type: '规划' });
    const ids = async (q: string) => (await api(`/api/policies?limit=100&${q}`)).body.items.map((x: Json) => x.id);
    expect(await ids('topic=住房&year=2019&type=规划&unitId=u_t_rsj&validity=现行有效')).toEqual([p.id]);
    expect(await ids('topic=住房&year=2020')).not.toContain(p.id);
    expect(await ids('topic=住房&validity=已废止')).not.toContain(p.id);
  });

  it('guards an edit by updatedAt', async () => {
    const p = await createPolicy(editor);
    const first = await api(`/api/policies/${p.id}`, { method: 'PATCH', token: editor, body: { title: '第一次修改', baseUpdatedAt: p.updatedAt } });
    expect(first.status).toBe(200);
    expectError(await api(`/api/policies/${p.id}`, { method: 'PATCH', token: editor, body: { title: '第二次修改', baseUpdatedAt: p.updatedAt } }), 409, 'conflict');
    expect((await api(`/api/manage/policies/${p.id}`, { token: editor })).body.title).toBe('第一次修改');
  });
});

describe('malformed input is a 400 in the one error shape, never a 500', () => {
  it('validates every body, query and parameter', async () => {
    const p = await createPolicy(editor);
    const cases: [string, { method?: string; body?: unknown; token?: string }][] = [
      ['/api/policies', { body: '{"title":', token: editor }],
      ['/api/policies', { body: policyBody({ type: '通知' }), token: editor }],
      ['/api/policies', { body: policyBody({ sections: [{ level: 9, heading: '', text: '' }] }), token: editor }],
      ['/api/policies', { body: policyBody({ topics: ['天气'] }), token: editor }],
      ['/api/policies', { body: policyBody({ signedDate: '2024-13-45' }), token: editor }],
      ['/api/policies', { body: policyBody({ signedDate: '2024-03-01', endDate: '2023-01-01' }), token: editor }],
      ['/api/policies', { body: policyBody({ extra: 1 }), token: editor }],
      [`/api/policies/${p.id}`, { method: 'PATCH', body: {}, token: editor }],
      [`/api/policies/${p.id}/interpretations`, { body: interpretation({ form: '漫画' }), token: editor }],
      [`/api/policies/${p.id}/interpretations`, { body: interpretation({ body: [] }), token: editor }],
      [`/api/policies/${p.id}/interpretations`, { body: interpretation({ videoUrl: 'javascript:alert(1)' }), token: editor }],
      [`/api/policies/${p.id}/validity`, { body: { validity: '作废', reason: '无' }, token: editor }],
      [`/api/policies/${p.id}/validity`, { body: { validity: '已废止' }, token: editor }],
      ['/api/policies/BAD-ID!', { method: 'GET' }],
      ['/api/policies?year=abc', { method: 'GET' }],
      ['/api/policies?validity=x', { method: 'GET' }],
      ['/api/search', { method: 'GET' }],
      [`/api/search?q=${'长'.repeat(101)}`, { method: 'GET' }],
      ['/api/policy-subscriptions', { body: { kind: 'street', value: 'x' }, token: resident }],
      ['/api/policy-subscriptions', { body: { kind: 'topic', value: '天气' }, token: resident }],
      ['/api/policy-subscriptions', { body: { kind: 'unit', value: 'u_nowhere' }, token: resident }],
      ['/api/faq/faq_x/basis', { method: 'PUT', body: { policyIds: 'pol_x' }, token: editor }],
    ];
    for (const [path, init] of cases) {
      const res = await api(path, init);
      expect({ path, status: res.status, code: res.body.error?.code }).toEqual({ path, status: 400, code: expect.stringMatching(/^(validation|bad_request)$/) });
    }
  });
});

describe('search: policies through the one matcher', () => {
  it('finds a policy by its 文号 however it is typed', async () => {
    const p = await publishedPolicy(editor, { docNumber: '东府办发[2021]22号', title: '关于印发测试区政务公开工作方案的通知' });
    expect(p.docNumber).toBe('东府办发〔2021〕22号');
    for (const q of ['东府办发〔2021〕22号', '东府办发[2021]22号', '东府办发(2021)22号', '东府办发2021年22号', '东府办发（2021）第022号']) {
      const res = await api(`/api/search?q=${encodeURIComponent(q)}`);
      expect({ q, first: res.body.policies[0]?.id }).toEqual({ q, first: p.id });
      const listed = await api(`/api/policies?q=${encodeURIComponent(q)}`);
      expect({ q, first: listed.body.items[0]?.id }).toEqual({ q, first: p.id });
    }
    // A 文号 inside a question finds it too.
    const res = await api(`/api/search?q=${encodeURIComponent('东府办发2021年22号文件讲了什么')}`);
    expect(res.body.policies.map((x: Json) => x.id)).toContain(p.id);
  });

  it('answers one search with entries as /api/faq/search does and published policies with their validity', async () => {
    const entry = await api('/api/faq', { token: editor, body: entryBody({ question: '新生儿医保参保登记怎么办理？', topic: '医疗', similar: [], keywords: [], publish: true }) });
    expect(entry.status).toBe(201);
    const p = await publishedPolicy(editor, {
      title: '测试区新生儿参加城乡居民医疗保险登记办法',
      topics: ['医疗'],
      sections: [{ level: 1, heading: '一、参保登记', text: '新生儿出生后可在户籍地街道办理医保参保登记，免缴出生当年的个人缴费。' }],
    });
    const draft = await createPolicy(editor, { title: '测试区新生儿参加城乡居民医疗保险登记办法（草稿）' });
    const q = encodeURIComponent('新生儿怎么办医保');
    const [both, faqOnly] = await Promise.all([api(`/api/search?q=${q}`), api(`/api/faq/search?q=${q}`)]);
    expect(both.status).toBe(200);
    expect(both.body.faq).toEqual(faqOnly.body.items);
    expect(both.body.faq[0].id).toBe(entry.body.id);
    expect(both.body.policies[0]).toMatchObject({ id: p.id, validity: '现行有效', type: '行政规范性文件', unitName: '测试区人社局' });
    expect(both.body.policies.map((x: Json) => x.id)).not.toContain(draft.id);
  });

  it('offers no policy for a question none of them is about, though their sentences share a word with it', async () => {
    await publishedPolicy(editor, {
      title: '测试区拓展政务公开线下渠道工作方案',
      sections: [{ level: 1, heading: '一、拓展线下渠道', text: '明确各级政务服务中心设置政务公开专区，下沉到社区。天天开放。' }],
    });
    for (const q of ['明天下雨吗', '我家的猫走丢了怎么找回来']) {
      const res = await api(`/api/search?q=${encodeURIComponent(q)}`);
      expect({ q, policies: res.body.policies }).toEqual({ q, policies: [] });
    }
    const related = await api(`/api/search?q=${encodeURIComponent('政务公开专区设在哪里')}`);
    expect(related.body.policies[0]?.title).toBe('测试区拓展政务公开线下渠道工作方案');
  });
});

describe('the knowledge base rests on policies', () => {
  async function entryOn(policyId: string, token = editor) {
    const e = await api('/api/faq', { token, body: entryBody({ publish: true }) });
    expect(e.status).toBe(201);
    const basis = await api(`/api/faq/${e.body.id}/basis`, { method: 'PUT', token, body: { policyIds: [policyId] } });
    expect(basis.status).toBe(200);
    return e.body.id as string;
  }

  it('keeps an entry’s 文件依据 for its unit’s editors and the office only', async () => {
    const p = await publishedPolicy(editor, { docNumber: '测人社规〔2024〕3号' });
    const id = await entryOn(p.id);
    const shown = await api(`/api/faq/${id}`);
    expect(shown.body.basis).toEqual([{ id: p.id, title: p.title, docNumber: '测人社规〔2024〕3号', validity: '现行有效' }]);
    expect(shown.body.basisNotice).toBeNull();
    expectError(await api(`/api/faq/${id}/basis`, { method: 'PUT', token: otherEditor, body: { policyIds: [] } }), 403, 'forbidden');
    expectError(await api(`/api/faq/${id}/basis`, { method: 'PUT', token: resident, body: { policyIds: [] } }), 403, 'forbidden');
    expectError(await api(`/api/faq/${id}/basis`, { method: 'PUT', body: { policyIds: [] } }), 401, 'unauthorized');
    expectError(await api(`/api/faq/${id}/basis`, { method: 'PUT', token: otherOffice, body: { policyIds: [] } }), 403, 'forbidden');
    const unknown = await api(`/api/faq/${id}/basis`, { method: 'PUT', token: office, body: { policyIds: [p.id, 'pol_none'] } });
    expectError(unknown, 400, 'validation');
    expect(unknown.body.error.issues).toEqual([{ path: 'policyIds.1', message: '政策文件不存在：pol_none' }]);
    // Another unit's draft is not a basis anyone outside it can see.
    const otherDraft = await createPolicy(otherEditor, { unitId: 'u_t_ybj' });
    expectError(await api(`/api/faq/${id}/basis`, { method: 'PUT', token: editor, body: { policyIds: [otherDraft.id] } }), 400, 'validation');
  });

  it('reads an entry’s 文件依据 back for its unit’s editors and the office, drafts and the review flag included', async () => {
    const p = await publishedPolicy(editor, { docNumber: '测人社规〔2024〕7号' });
    const draft = await createPolicy(editor);
    const id = await entryOn(p.id);
    const read = await api(`/api/faq/${id}/basis`, { token: editor });
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ basis: [{ id: p.id, title: p.title, docNumber: '测人社规〔2024〕7号', validity: '现行有效' }], basisNotice: null, review: null });

    // What PUT sets is what GET answers; the unit's own draft is part of it for staff, not for residents.
    const set = await api(`/api/faq/${id}/basis`, { method: 'PUT', token: office, body: { policyIds: [draft.id, p.id] } });
    expect(set.status).toBe(200);
    const both = await api(`/api/faq/${id}/basis`, { token: office });
    expect(both.body).toEqual(set.body);
    expect(both.body.basis.map((b: Json) => b.id).sort()).toEqual([draft.id, p.id].sort());
    expect((await api(`/api/faq/${id}`)).body.basis.map((b: Json) => b.id)).toEqual([p.id]);

    // A repeal shows up as the review flag the editor works from.
    await api(`/api/policies/${p.id}/validity`, { token: editor, body: { validity: '已废止', reason: '测试废止' } });
    const flagged = await api(`/api/faq/${id}/basis`, { token: editor });
    expect(flagged.body.review).toEqual({ flaggedAt: expect.any(String), reason: expect.stringContaining('已废止'), policyId: p.id });
    expect(flagged.body.basis.find((b: Json) => b.id === p.id).validity).toBe('已废止');

    expect((await api(`/api/faq/${id}/basis`, { method: 'PUT', token: editor, body: { policyIds: [] } })).status).toBe(200);
    expect((await api(`/api/faq/${id}/basis`, { token: editor })).body.basis).toEqual([]);

    expectError(await api(`/api/faq/${id}/basis`, { token: resident }), 403, 'forbidden');
    expectError(await api(`/api/faq/${id}/basis`), 401, 'unauthorized');
    expectError(await api(`/api/faq/${id}/basis`, { token: otherEditor }), 403, 'forbidden');
    expectError(await api(`/api/faq/${id}/basis`, { token: otherOffice }), 403, 'forbidden');
    expectError(await api('/api/faq/faq_none/basis', { token: editor }), 404, 'not_found');
    expectError(await api('/api/faq/BAD-ID!/basis', { token: editor }), 400, 'validation');
  });

  it('a repeal flags the entries resting on it, notifies their editors once, and links the replacing document both ways', async () => {
    const old = await publishedPolicy(editor);
    const replacement = await publishedPolicy(editor);
    const id = await entryOn(old.id);
    expectError(await api(`/api/faq/${id}/reviewed`, { method: 'POST', token: editor }), 409, 'conflict');

    const res = await api(`/api/policies/${old.id}/validity`, { token: editor, body: { validity: '已废止', reason: '被新办法替代', replacedBy: replacement.id } });
    expect(res.status).toBe(200);
    expect(res.body.validity).toBe('已废止');
    expect(res.body.history).toEqual([
      expect.objectContaining({ from: '现行有效', to: '已废止', reason: '被新办法替代', replacedBy: expect.objectContaining({ id: replacement.id }), amendedBy: null }),
    ]);
    expect((await api(`/api/policies/${replacement.id}`)).body.replaces).toEqual([expect.objectContaining({ id: old.id, relation: '废止', validity: '已废止' })]);
    expectError(await api(`/api/policies/${old.id}/validity`, { token: editor, body: { validity: '已废止', reason: '再来一次' } }), 409, 'conflict');

    const shown = await api(`/api/faq/${id}`);
    expect(shown.body.basisNotice).toBe('依据文件已废止，答复可能已过时');
    expect(shown.body.basis).toEqual([{ id: old.id, title: old.title, docNumber: null, validity: '已废止' }]);
    const flagged = await api('/api/manage/faq?flagged=1&limit=100', { token: editor });
    const item = flagged.body.items.find((e: Json) => e.id === id);
    expect(item.review).toEqual({ flaggedAt: expect.any(String), reason: expect.stringContaining('已废止'), policyId: old.id });
    expect(flagged.body.items.every((e: Json) => e.review)).toBe(true);
    const mine = (await notices(editor, 'faq_review')).filter((x) => x.body.includes(item.question));
    expect(mine).toHaveLength(1);
    expect(await notices(otherEditor, 'faq_review')).toEqual([]);

    expectError(await api(`/api/faq/${id}/reviewed`, { method: 'POST', token: otherEditor }), 403, 'forbidden');
    expect((await api(`/api/faq/${id}/reviewed`, { method: 'POST', token: editor })).body).toEqual({ reviewed: true });
    expect((await api(`/api/faq/${id}`)).body.basisNotice).toBeNull();
    expect((await api('/api/manage/faq?flagged=1&limit=100', { token: editor })).body.items.map((e: Json) => e.id)).not.toContain(id);
  });

  it('an amendment names the amending document and flags 已修改', async () => {
    const old = await publishedPolicy(editor);
    const amending = await publishedPolicy(editor);
    const id = await entryOn(old.id);
    const res = await api(`/api/policies/${old.id}/validity`, { token: office, body: { validity: '已修改', reason: '第三条修改', replacedBy: amending.id } });
    expect(res.body.history[0]).toMatchObject({ to: '已修改', amendedBy: { id: amending.id }, replacedBy: null, actor: { role: 'office' } });
    expect((await api(`/api/policies/${amending.id}`)).body.replaces).toEqual([expect.objectContaining({ id: old.id, relation: '修改' })]);
    expect((await api(`/api/faq/${id}`)).body.basisNotice).toBe('依据文件已修改，答复可能已过时');
    const draft = await createPolicy(editor);
    expectError(await api(`/api/policies/${draft.id}/validity`, { token: editor, body: { validity: '已废止', reason: '无' } }), 409, 'conflict');
    expectError(await api(`/api/policies/${old.id}/validity`, { token: editor, body: { validity: '已废止', reason: '无', replacedBy: draft.id } }), 400, 'validation');
  });

  it('an end date passing makes the policy 已失效 and flags its entries, once however often the job runs', async () => {
    const editorOfJd = await login('editor', 'u_t_jd', '街道编辑');
    const p = await publishedPolicy(editorOfJd, { unitId: 'u_t_jd', endDate: '2024-12-31' });
    const id = await entryOn(p.id, editorOfJd);
    const now = new Date('2025-01-02T02:00:00Z');
    for (let run = 0; run < 3; run++) {
      await runPolicyJobs(env, now);
      await deliverOutbox(env, now);
    }
    const policy = await api(`/api/policies/${p.id}`);
    expect(policy.body.validity).toBe('已失效');
    expect(policy.body.history).toEqual([expect.objectContaining({ from: '现行有效', to: '已失效', reason: '有效期至 2024-12-31，已届满', actor: null })]);
    expect((await api(`/api/faq/${id}`)).body.basisNotice).toBe('依据文件已失效，答复可能已过时');
    expect(await notices(editorOfJd, 'faq_review')).toHaveLength(1);
    // A policy still in force on that day is left alone.
    const current = await publishedPolicy(editorOfJd, { unitId: 'u_t_jd', endDate: '2025-01-02' });
    await runPolicyJobs(env, now);
    expect((await api(`/api/policies/${current.id}`)).body.validity).toBe('现行有效');
  });
});

describe('subscriptions (政策主动推送)', () => {
  it('notifies each subscriber once per published policy, interpretation or entry; unsubscribing is one call', async () => {
    const [a, b, c] = [await login('resident'), await login('resident'), await login('resident')];
    expect((await api('/api/policy-subscriptions', { token: a, body: { kind: 'topic', value: '养老' } })).status).toBe(201);
    await api('/api/policy-subscriptions', { token: b, body: { kind: 'topic', value: '养老' } });
    await api('/api/policy-subscriptions', { token: b, body: { kind: 'unit', value: 'u_t_rsj' } });
    await api('/api/policy-subscriptions', { token: b, body: { kind: 'unit', value: 'u_t_rsj' } });
    await api('/api/policy-subscriptions', { token: c, body: { kind: 'topic', value: '养老' } });
    expect((await api('/api/policy-subscriptions', { token: b })).body.items.map((s: Json) => [s.kind, s.value])).toEqual([
      ['topic', '养老'],
      ['unit', 'u_t_rsj'],
    ]);
    expect((await api('/api/policy-subscriptions', { method: 'DELETE', token: c, body: { kind: 'topic', value: '养老' } })).body).toEqual({ kind: 'topic', value: '养老', subscribed: false });
    expectError(await api('/api/policy-subscriptions', { body: { kind: 'topic', value: '养老' } }), 401, 'unauthorized');

    const p = await publishedPolicy(editor, { topics: ['养老'], title: '测试区高龄津贴发放办法' });
    const later = await api(`/api/policies/${p.id}/interpretations`, { token: editor, body: interpretation({ title: '高龄津贴负责人解读', form: '负责人解读', publish: true }) });
    expect(later.status).toBe(201);
    const entry = await api('/api/faq', { token: editor, body: entryBody({ topic: '养老', question: '高龄津贴每月发多少？', publish: true }) });
    for (let run = 0; run < 3; run++) {
      const now = new Date(Date.now() + run * 1000);
      await runPolicyJobs(env, now);
      await deliverOutbox(env, now);
    }
    const bodies = async (token: string) => (await notices(token, 'subscription')).map((x) => x.body).sort();
    const expected = ['测试区高龄津贴发放办法', `高龄津贴负责人解读（测试区高龄津贴发放办法）`, entry.body.question].sort();
    expect(await bodies(a)).toEqual(expected);
    expect(await bodies(b)).toEqual(expected);
    expect(await bodies(c)).toEqual([]);
    // Each notice opens what it is about.
    const links = Object.fromEntries((await notices(a, 'subscription')).map((x) => [x.body, x.link]));
    expect(links).toEqual({
      测试区高龄津贴发放办法: `pages/policy/index?id=${p.id}`,
      '高龄津贴负责人解读（测试区高龄津贴发放办法）': `pages/policy/index?id=${p.id}`,
      [entry.body.question]: `pages/entry/index?id=${entry.body.id}`,
    });
  });
});

describe('attachments in R2', () => {
  const pdf = new TextEncoder().encode('%PDF-1.4\n测试附件\n%%EOF');

  it('uploads, serves a draft’s files only to its staff and a published one’s to anyone, within the limits', async () => {
    const p = await createPolicy(editor);
    const up = await upload(`/api/policies/${p.id}/attachments?name=${encodeURIComponent('附件1：申请表.pdf')}`, pdf, 'application/pdf', editor);
    expect(up.status).toBe(201);
    expect(up.body).toEqual({ id: expect.stringMatching(/^att_/), name: '附件1：申请表.pdf', size: pdf.length, contentType: 'application/pdf', purpose: 'attachment', url: `/api/policies/${p.id}/attachments/${up.body.id}` });
    expect((await download(up.body.url)).status).toBe(404);
    expect((await download(up.body.url, otherEditor)).status).toBe(404);
    const staffCopy = await download(up.body.url, editor);
    expect(staffCopy.status).toBe(200);
    expect([...staffCopy.bytes]).toEqual([...pdf]);

    expect((await upload(`/api/policies/${p.id}/attachments?name=a.pdf`, pdf, 'application/pdf')).status).toBe(401);
    expect((await upload(`/api/policies/${p.id}/attachments?name=a.pdf`, pdf, 'application/pdf', resident)).status).toBe(403);
    expect((await upload(`/api/policies/${p.id}/attachments?name=a.pdf`, pdf, 'application/pdf', otherEditor)).status).toBe(403);
    const exe = await upload(`/api/policies/${p.id}/attachments?name=a.exe`, pdf, 'application/x-msdownload', editor);
    expect({ status: exe.status, code: exe.body.error.code }).toEqual({ status: 415, code: 'unsupported_media_type' });
    expect((await upload(`/api/policies/${p.id}/attachments?name=a.pdf&purpose=media`, pdf, 'application/pdf', editor)).status).toBe(415);
    const huge = await upload(`/api/policies/${p.id}/attachments?name=big.pdf`, new Uint8Array(20 * 1024 * 1024 + 65 * 1024), 'application/pdf', editor);
    expect({ status: huge.status, code: huge.body.error.code }).toEqual({ status: 413, code: 'payload_too_large' });
    expect((await upload(`/api/policies/${p.id}/attachments`, pdf, 'application/pdf', editor)).status).toBe(400);

    // An interpretation's image is uploaded as media and shown with it.
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const image = await upload(`/api/policies/${p.id}/attachments?name=tu.png&purpose=media`, png, 'image/png', editor);
    expect(image.status).toBe(201);
    expectError(await api(`/api/policies/${p.id}/interpretations`, { token: editor, body: interpretation({ form: '图解', imageId: up.body.id }) }), 400, 'validation');
    expect((await api(`/api/policies/${p.id}/interpretations`, { token: editor, body: interpretation({ form: '图解', imageId: image.body.id }) })).status).toBe(201);

    expect((await api(`/api/policies/${p.id}/publish`, { token: editor, body: {} })).status).toBe(200);
    const pub = await api(`/api/policies/${p.id}`);
    expect(pub.body.attachments.map((a: Json) => a.id)).toEqual([up.body.id]);
    expect(pub.body.interpretations.find((i: Json) => i.form === '图解').image.id).toBe(image.body.id);
    const publicCopy = await download(up.body.url);
    expect(publicCopy.status).toBe(200);
    expect(publicCopy.headers.get('Content-Type')).toBe('application/pdf');
    expect(publicCopy.headers.get('Content-Disposition')).toContain(encodeURIComponent('附件1：申请表.pdf'));
    expect([...publicCopy.bytes]).toEqual([...pdf]);
    expect((await download(`/api/policies/${p.id}/attachments/att_none`)).status).toBe(404);
  });
});
