import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalize } from '../../shared/match/normalize';
import { ANSWER_CHARS, answerPart } from '../../shared/match/rank';
import { profile } from '../../shared/match/score';
import { buildSynonyms, canonicalForm } from '../../shared/match/synonyms';
import { meets, quantities, thresholds } from '../../shared/match/numbers';
import { indexStatements, invalidateSynonyms, searchFaq } from '../../worker/db/search';
import { api, login } from './helpers';

const TODAY = '2026-03-01';
const UNIT = 'u_t_rsj';

type Entry = { id: string; question: string; answer: string; topic: string; similar?: string[] };

// A district's base in its own words: formal questions, answers that say who qualifies, and
// near twins that differ in one word.
const BASE: Entry[] = [
  {
    id: 'r_rent',
    question: '租房如何提取住房公积金？',
    answer: '职工本人及配偶在本市无自有住房且租房自住的，可申请提取住房公积金支付房租。',
    topic: '住房',
  },
  {
    id: 'r_buy',
    question: '购买自住住房如何提取住房公积金？',
    answer: '职工购买自住住房的，可在购房合同备案后申请提取住房公积金。',
    topic: '住房',
    similar: ['取公积金要什么材料', '提取公积金需要准备什么材料'],
  },
  {
    id: 'r_worker_med',
    question: '职工医保住院费用如何报销？',
    answer: '参保职工在定点医疗机构住院的，出院时直接结算。',
    topic: '医疗',
  },
  {
    id: 'r_resident_med',
    question: '城乡居民医保如何参保缴费？',
    answer: '未参加职工医保的居民可参加城乡居民基本医疗保险，每年集中缴费。',
    topic: '医疗',
  },
  {
    id: 'r_old_age',
    question: '高龄津贴的申领条件和标准是什么？',
    answer: '具有本区户籍、年满80周岁的老年人，可申领高龄津贴，按年龄段分档发放。',
    topic: '养老',
  },
  {
    id: 'r_baby',
    question: '婴幼儿育儿补贴如何申领？',
    answer: '对3周岁以下婴幼儿，按每孩每年3600元的标准发放育儿补贴。',
    topic: '生育',
  },
  {
    id: 'r_destitute',
    question: '特困人员救助供养的条件是什么？',
    answer: '本区户籍的老年人、残疾人，同时具备无劳动能力、无生活来源、无法定赡养义务人条件的，可申请特困人员救助供养。',
    topic: '社会救助',
  },
  {
    id: 'r_vat',
    question: '小规模纳税人增值税有哪些优惠政策？',
    answer: '小规模纳税人季度销售额未超过30万元的，免征增值税。',
    topic: '纳税',
  },
  {
    id: 'r_flexible',
    question: '灵活就业人员如何参加职工基本养老保险？',
    answer: '未在用人单位参保的灵活就业人员，可以个人身份参加职工基本养老保险。',
    topic: '社保',
    similar: ['打零工的怎么交社保', '外卖骑手怎么交社保'],
  },
  {
    id: 'r_part_time',
    question: '非全日制用工如何参加工伤保险？',
    answer: '非全日制从业人员可由用人单位为其单独参加工伤保险。',
    topic: '社保',
  },
  // Twins in the synonyms' eyes (可以 and 能 are one word to the matcher): only the wording differs.
  { id: 'r_startup_may', question: '一次性创业补贴可以领多少？', answer: '按每户5000元发放。', topic: '就业' },
  { id: 'r_startup_can', question: '一次性创业补贴能领多少？', answer: '按每户5000元发放。', topic: '就业' },
];

beforeAll(async () => {
  await login('office', 'u_office'); // creates the test units
  invalidateSynonyms();
  await env.DB.batch([
    ...BASE.map((e) =>
      env.DB.prepare(
        `INSERT INTO faq_entries (id, question, answer, similar, keywords, topic, unit_id, status, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, '[]', ?5, ?6, 'published', ?7, ?7)`,
      ).bind(e.id, e.question, e.answer, JSON.stringify(e.similar ?? []), e.topic, UNIT, '2026-01-01T00:00:00.000Z'),
    ),
    ...indexStatements(env.DB, BASE.map((e) => ({ similar: [], keywords: [], ...e }))),
  ]);
});

const search = (q: string) => searchFaq(env.DB, q, { limit: 5, today: TODAY });
const first = async (q: string) => (await search(q))[0];

describe('numbers', () => {
  it('writes numbers in words as digits and a percentage one way', () => {
    expect(normalize('我爸今年八十了')).toBe(normalize('我爸今年80了'));
    expect(normalize('两万元')).toBe('20000元');
    expect(normalize('一百二十平')).toBe('120平');
    expect(normalize('百分之五十')).toBe(normalize('50%'));
    // Numerals that are part of a word stay words.
    expect(normalize('统一社会信用代码')).toBe('统一社会信用代码');
    expect(normalize('三代人')).toBe('三代人');
  });

  it('reads an age the question states and the condition the answer sets', () => {
    const [age] = quantities(normalize('我爸今年八十一了'));
    expect(age).toEqual({ value: 81, measure: 'age' });
    const [condition] = thresholds(normalize('80周岁及以上的老年人'));
    expect(condition).toEqual({ value: 80, measure: 'age', op: '>=' });
    expect(meets(age!, condition!)).toBe(true);
    expect(meets({ value: 70, measure: 'age' }, condition!)).toBe(false);
    // An amount does not meet an age.
    expect(meets({ value: 81, measure: 'money' }, condition!)).toBe(false);
    expect(thresholds(normalize('3周岁以下婴幼儿'))).toEqual([{ value: 3, measure: 'age', op: '<=' }]);
  });

  it('finds the allowance whose answer sets the age an 81-year-old meets', async () => {
    expect((await first('我爸今年八十一了，有没有啥补贴'))?.id).toBe('r_old_age');
  });

  it('counts a met threshold for the entry that sets it, not for one that does not', async () => {
    const hits = await search('老人八十五岁了能领什么钱');
    expect(hits[0]?.id).toBe('r_old_age');
  });
});

describe('a synonym weighs as it was typed', () => {
  const table = buildSynonyms([['非全日制从业人员', '兼职'], ['子女', '孩子', '娃']]);
  const read = (q: string) => {
    const c = canonicalForm(table, normalize(q));
    const p = profile(c.text, c.rewrites);
    return { text: c.text, length: p.length, weight: [...p.chars.values()].reduce((a, b) => a + b, 0) };
  };

  it('reads the official term, with the weight of the word the resident typed', () => {
    expect(read('兼职')).toEqual({ text: '非全日制从业人员', length: 2, weight: 2 });
    expect(read('非全日制从业人员')).toEqual({ text: '非全日制从业人员', length: 8, weight: 8 });
    expect(read('孩子上学')).toMatchObject({ text: '子女上学', length: 4, weight: 4 });
    // A one-character word is a word: 娃 weighs as much as 孩子.
    expect(read('娃上学')).toMatchObject({ text: '子女上学', length: 4, weight: 4 });
  });

  it('counts a term with digits in characters for its length, and keeps every weight a number', () => {
    const hotline = buildSynonyms([['12345热线', '市长热线']]);
    const readWith = (q: string) => {
      const c = canonicalForm(hotline, normalize(q));
      return profile(c.text, c.rewrites);
    };
    // 12345热线 is three tokens (12345, 热, 线) but seven characters; 市长热线 is four of each.
    expect(readWith('市长热线').length).toBe(4);
    expect([...readWith('市长热线').chars.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(4);
    // Written after letters, the term's digits join them in one run (app12345): no weight is lost to NaN.
    for (const q of ['拨打app市长热线', '0市长热线']) {
      expect([...readWith(q).chars.values()].every(Number.isFinite), q).toBe(true);
    }
  });

  it('does not let a short colloquial word, read as a long term, outweigh the rest of the question', async () => {
    // 兼职 is 非全日制从业人员 to the matcher; were it eight characters' worth, the question
    // would be mostly about part-time work, not about renting.
    const hits = await search('做兼职的租房能提取公积金吗');
    const score = (id: string) => hits.find((h) => h.id === id)?.score ?? 0;
    expect(hits[0]?.id).toBe('r_rent');
    expect(score('r_part_time')).toBeLessThan(score('r_rent') / 2);
  });
});

describe('the word that tells twins apart', () => {
  it.each([
    ['租房提取公积金要什么材料', 'r_rent', 'r_buy'],
    ['买房提取公积金要什么材料', 'r_buy', 'r_rent'],
    ['租房子住能取公积金吗', 'r_rent', 'r_buy'],
  ])('%s: %s before its twin %s, whatever generic words the twin repeats', async (q, want, twin) => {
    const order = (await search(q)).map((h) => h.id);
    expect(order[0]).toBe(want);
    expect(order.indexOf(twin)).toBeGreaterThan(0);
  });

  it('tells 职工 from 城乡居民 by the word the question has', async () => {
    expect((await first('城乡居民医保怎么交'))?.id).toBe('r_resident_med');
    expect((await first('职工医保住院怎么报'))?.id).toBe('r_worker_med');
  });
});

describe('the question\'s own words', () => {
  it('puts first, of two entries that fit alike, the one worded as the resident typed', async () => {
    expect((await search('一次性创业补贴可以领多少')).slice(0, 2).map((h) => h.id)).toEqual(['r_startup_may', 'r_startup_can']);
    expect((await search('一次性创业补贴能领多少')).slice(0, 2).map((h) => h.id)).toEqual(['r_startup_can', 'r_startup_may']);
  });

  it('shows under 也有人问 the similar phrasing in the resident\'s words', async () => {
    // Both phrasings read 灵活就业人员 to the matcher.
    expect((await first('外卖骑手怎么交社保'))).toMatchObject({ id: 'r_flexible', matched: '外卖骑手怎么交社保' });
    expect((await first('打零工的怎么交社保'))).toMatchObject({ id: 'r_flexible', matched: '打零工的怎么交社保' });
  });
});

describe('answers are searched too', () => {
  it('finds an entry by what its answer says about who qualifies', async () => {
    expect((await first('邻居大爷一辈子没结婚 现在干不动了也没收入 政府兜底吗'))?.id).toBe('r_destitute');
  });

  it('ranks an entry whose question matches above one whose answer merely mentions the words', async () => {
    // 职工基本养老保险 is in r_flexible's question; r_resident_med's answer has 职工医保 only.
    const order = (await search('灵活就业怎么参加职工养老保险')).map((h) => h.id);
    expect(order[0]).toBe('r_flexible');
  });

  it('reindexes an entry whose answer an editor changes', async () => {
    const token = await login('office', 'u_office');
    const created = await api('/api/faq', {
      token,
      body: { question: '残疾人两项补贴如何申请？', answer: '到所在街道便民服务中心提交申请。', topic: '社会救助', unitId: UNIT, publish: true },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const finds = async () => (await api(`/api/faq/search?${new URLSearchParams({ q: '轮椅助听器租借' })}`)).body.items.map((i: { id: string }) => i.id);
    expect(await finds()).not.toContain(id);
    const edited = await api(`/api/faq/${id}`, { method: 'PATCH', token, body: { answer: '申请时可一并登记免费租借轮椅、助听器等辅助器具。' } });
    expect(edited.status).toBe(200);
    expect(await finds()).toContain(id);
  });
});

describe('the part of an answer that is matched', () => {
  it('is its first 600 characters, and nothing when it only repeats the question', async () => {
    expect(answerPart('老年人乘车免费吗？', '老年人乘车免费吗')).toBeNull();
    const long = `符合条件的可以申请。${'办理流程详见附件。'.repeat(100)}`;
    expect(answerPart('怎么申请？', long)).toBe(long.slice(0, ANSWER_CHARS));
    // The index follows the same rule: no answer row for an entry whose answer repeats its question.
    const entries = [
      { id: 'ap_same', question: '独生子女证丢了怎么补办？', answer: '独生子女证丢了怎么补办', similar: [], keywords: [], topic: '其他' },
      { id: 'ap_own', question: '独生子女证丢了怎么补办？', answer: '携带户口簿到街道卫健办补领。', similar: [], keywords: [], topic: '其他' },
    ];
    await env.DB.batch(indexStatements(env.DB, entries));
    const kinds = async (id: string) =>
      (await env.DB.prepare('SELECT kind FROM faq_phrasings WHERE entry_id = ?1 ORDER BY kind').bind(id).all<{ kind: string }>()).results.map((r) => r.kind);
    expect(await kinds('ap_same')).toEqual(['q']);
    expect(await kinds('ap_own')).toEqual(['a', 'q']);
  });
});

describe('confidence', () => {
  it('says a clear question is answered and a question the base cannot answer is not', async () => {
    const answered = await api(`/api/faq/search?${new URLSearchParams({ q: '高龄津贴怎么申领' })}`);
    expect(answered.status).toBe(200);
    expect(answered.body.items[0]).toMatchObject({ id: 'r_old_age', confident: true });
    for (const q of ['护照过期了去哪换新的', '养狗要办狗证吗 去哪办', '明天下雨吗']) {
      const none = await api(`/api/faq/search?${new URLSearchParams({ q })}`);
      expect(none.status).toBe(200);
      expect(none.body.items.every((i: { confident: unknown }) => i.confident === false), q).toBe(true);
    }
  });

  it('marks every item with a boolean, in /api/faq/search and in the faq half of /api/search', async () => {
    const faq = await api(`/api/faq/search?${new URLSearchParams({ q: '公积金提取' })}`);
    expect(faq.body.items.length).toBeGreaterThan(1);
    expect(faq.body.items.every((i: { confident: unknown }) => typeof i.confident === 'boolean')).toBe(true);
    const both = await api(`/api/search?${new URLSearchParams({ q: '高龄津贴怎么申领' })}`);
    expect(both.status).toBe(200);
    expect(both.body.faq[0]).toMatchObject({ id: 'r_old_age', confident: true });
    expect(Object.keys(both.body.faq[0]).sort()).toEqual(['answer', 'confident', 'id', 'question', 'score', 'topic']);
  });

  it('does not call a lone weak match an answer', async () => {
    // 附近哪里有好吃的 shares only 哪里 with the base: at most a related entry, never the answer.
    const hits = await search('附近哪里有好吃的 推荐一部好看的电影');
    expect(hits.every((h) => !h.confident)).toBe(true);
  });
});
