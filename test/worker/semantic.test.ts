// The optional semantic stage: entries embedded on write, neighbours fused with the lexical
// ranking, and search falling back to the words alone when the service is missing, down or late.
// Workers AI and Vectorize are faked at their edge (fake-semantic.ts); everything else is real.
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fuse } from '../../shared/match/fuse';
import worker from '../../worker/index';
import { api, login, type Json } from './helpers';
import { fakeAi, fakeIndex, fakeVector, type FakeAi, type FakeIndex } from './fake-semantic';

let editor: string;
let ai: FakeAi;
let index: FakeIndex;
const bindings = () => ({ AI: ai, VECTORIZE: index });

const DOG = { question: '犬只登记怎么办理？', answer: '携带犬只免疫证明和照片到辖区派出所办理养犬登记。', topic: '户籍', similar: ['养狗要登记吗'], keywords: [] };
const FUND = { question: '租房提取住房公积金需要哪些材料？', answer: '租房合同、身份证和银行卡，在公积金中心网站申请。', topic: '住房', similar: [], keywords: [] };
// Nothing of this shares a word with the dog entry; only its meaning (the fake's 毛孩子 ~ 犬) does.
const NO_WORDS_IN_COMMON = '毛孩子要打针吗';

async function create(body: Json, extra = bindings()) {
  const res = await api('/api/faq', { token: editor, body: { ...body, publish: true }, env: extra });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

const search = async (q: string, extra?: Json, query = '') => {
  const res = await api(`/api/faq/search?q=${encodeURIComponent(q)}&limit=5${query}`, { env: extra });
  expect(res.status).toBe(200);
  return res.body.items as Json[];
};

const embeddedFor = async (id: string) =>
  (await env.DB.prepare('SELECT embedded_for, updated_at FROM faq_entries WHERE id = ?1').bind(id).first<{ embedded_for: string | null; updated_at: string }>())!;

let dog: string;
let fund: string;
beforeAll(async () => {
  editor = await login('editor', 'u_t_rsj');
  ai = fakeAi();
  index = fakeIndex();
  dog = await create(DOG);
  fund = await create(FUND);
});
beforeEach(() => {
  ai.down = false;
  ai.delayMs = 0;
});

describe('indexing on write', () => {
  it('embeds each phrasing of a new entry under its entry, and records the version embedded', async () => {
    expect([...index.vectors.keys()].filter((k) => k.startsWith(dog)).sort()).toEqual([`${dog}#a`, `${dog}#q`, `${dog}#s0`]);
    expect(index.vectors.get(`${dog}#q`)!.metadata).toEqual({ entry: dog });
    expect(index.vectors.get(`${dog}#s0`)!.values).toEqual(fakeVector('养狗要登记吗'));
    const row = await embeddedFor(dog);
    expect(row.embedded_for).toBe(row.updated_at);
  });

  it('an edit re-embeds the entry and drops the slot of a phrasing it no longer has', async () => {
    const id = await create({ ...DOG, question: '养犬许可证到期怎么续办？', similar: ['狗证过期了怎么办', '犬证续期'] });
    expect(index.vectors.has(`${id}#s1`)).toBe(true);
    const res = await api(`/api/faq/${id}`, { method: 'PATCH', token: editor, body: { similar: ['狗证过期了'] }, env: bindings() });
    expect(res.status).toBe(200);
    expect(index.vectors.has(`${id}#s1`)).toBe(false);
    expect(index.vectors.get(`${id}#s0`)!.values).toEqual(fakeVector('狗证过期了'));
    expect((await embeddedFor(id)).embedded_for).toBe(res.body.updatedAt);
  });

  it('an entry taken down leaves the index', async () => {
    const id = await create({ ...DOG, question: '宠物医院收费标准在哪里查？', similar: [] });
    expect(index.vectors.has(`${id}#q`)).toBe(true);
    const res = await api(`/api/faq/${id}/status`, { token: editor, body: { status: 'retired' }, env: bindings() });
    expect(res.status).toBe(200);
    expect([...index.vectors.keys()].some((k) => k.startsWith(`${id}#`))).toBe(false);
    expect((await embeddedFor(id)).embedded_for).toBeNull();
  });

  it('what was written while the service was down is embedded by the next cron run', async () => {
    ai.down = true;
    const id = await create({ ...FUND, question: '公积金贷款额度怎么算？' });
    expect(index.vectors.has(`${id}#q`)).toBe(false);
    expect((await embeddedFor(id)).embedded_for).toBeNull();

    ai.down = false;
    const ctx = createExecutionContext();
    await worker.scheduled!(createScheduledController({ scheduledTime: Date.now(), cron: '*/10 * * * *' }), { ...env, ...bindings() }, ctx);
    await waitOnExecutionContext(ctx);
    expect(index.vectors.has(`${id}#q`)).toBe(true);
    const row = await embeddedFor(id);
    expect(row.embedded_for).toBe(row.updated_at);
  });
});

describe('search with the semantic stage', () => {
  it('finds by meaning what shares no word with the question, as a confident answer', async () => {
    expect(await search(NO_WORDS_IN_COMMON)).toEqual([]);
    const items = await search(NO_WORDS_IN_COMMON, bindings());
    expect(items[0]).toMatchObject({ id: dog, question: DOG.question, confident: true });
  });

  it('keeps the words’ answer first when meaning agrees, and adds nothing unrelated', async () => {
    const lexical = await search('租房提取公积金要什么材料');
    expect(lexical[0]).toMatchObject({ id: fund, confident: true });
    const fused = await search('租房提取公积金要什么材料', bindings());
    expect(fused[0]).toMatchObject({ id: fund, confident: true });
    expect(fused.some((i) => i.id === dog)).toBe(false);
  });

  it('a question near nothing in meaning gets no confident answer', async () => {
    const items = await search('明天下雨吗', bindings());
    expect(items.some((i) => i.confident)).toBe(false);
  });

  it('never shows a neighbour the public may not see, nor one outside the topic asked for', async () => {
    // Vectors of a draft entry (as if left behind): the index may hold them, search must not show them.
    const draft = await api('/api/faq', { token: editor, body: { ...DOG, question: '流浪狗收容点在哪里？（草稿）' } });
    expect(draft.status).toBe(201);
    await index.upsert([{ id: `${draft.body.id}#q`, values: fakeVector(NO_WORDS_IN_COMMON), metadata: { entry: draft.body.id } }]);
    const items = await search(NO_WORDS_IN_COMMON, bindings());
    expect(items[0]!.id).toBe(dog);
    expect(items.some((i) => i.id === draft.body.id)).toBe(false);
    expect(await search(NO_WORDS_IN_COMMON, bindings(), `&topic=${encodeURIComponent('住房')}`)).toEqual([]);
  });

  it('the one search box (/api/search) uses it too', async () => {
    const res = await api(`/api/search?q=${encodeURIComponent(NO_WORDS_IN_COMMON)}`, { env: bindings() });
    expect(res.status).toBe(200);
    expect(res.body.faq[0]).toMatchObject({ id: dog, confident: true });
  });
});

describe('fallback to the words alone', () => {
  it('when the service fails, search answers as without it', async () => {
    const lexical = await search('租房提取公积金要什么材料');
    ai.down = true;
    expect(await search('租房提取公积金要什么材料', bindings())).toEqual(lexical);
    expect(await search(NO_WORDS_IN_COMMON, bindings())).toEqual([]);
  });

  it('when the service is slower than the budget, search does not wait for it', async () => {
    ai.delayMs = 400;
    expect(await search(NO_WORDS_IN_COMMON, { ...bindings(), SEMANTIC_BUDGET_MS: '50' })).toEqual([]);
    // With the budget above the delay, the same question is found: the delay alone made the difference.
    expect((await search(NO_WORDS_IN_COMMON, { ...bindings(), SEMANTIC_BUDGET_MS: '2000' }))[0]).toMatchObject({ id: dog });
  });

  it('when the index answers with nonsense, search answers as without it', async () => {
    const broken = { ...index, query: async () => ({ matches: [{ id: 'x', score: Number.NaN }] }) } as unknown as FakeIndex;
    expect(await search(NO_WORDS_IN_COMMON, { AI: ai, VECTORIZE: broken })).toEqual([]);
  });
});

describe('fuse', () => {
  const unsure = [
    { id: 'a', score: 0.3, confident: false },
    { id: 'b', score: 0.28, confident: false },
  ];
  it('is the lexical ranking itself without neighbours close enough', () => {
    expect(fuse(unsure, [])).toEqual(unsure);
    expect(fuse(unsure, [{ id: 'c', cosine: 0.3 }])).toEqual(unsure);
  });
  it('keeps a confident lexical answer first; what only meaning found comes after, as related', () => {
    const sure = [{ id: 'a', score: 0.6, confident: true }, { id: 'b', score: 0.4, confident: false }];
    const out = fuse(sure, [{ id: 'c', cosine: 0.95 }, { id: 'b', cosine: 0.9 }]);
    expect(out.map((r) => [r.id, r.confident])).toEqual([['a', true], ['b', false], ['c', false]]);
    expect(out[2]!.score).toBeLessThan(out[1]!.score);
  });
  it('when the words are unsure, an entry high in both lists beats one high in only one', () => {
    const out = fuse(unsure, [{ id: 'b', cosine: 0.9 }, { id: 'c', cosine: 0.85 }, { id: 'a', cosine: 0.6 }]);
    expect(out.map((r) => r.id)).toEqual(['b', 'a', 'c']);
    // b is the nearest in meaning and close enough: the answer; the rest are related.
    expect(out.map((r) => r.confident)).toEqual([true, false, false]);
  });
  it('a first result found only by a middling cosine is related, not the answer', () => {
    const out = fuse([], [{ id: 'c', cosine: 0.7 }]);
    expect(out).toEqual([{ id: 'c', score: expect.any(Number), confident: false }]);
  });
});
