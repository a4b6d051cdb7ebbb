import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { updateStatement } from '../../worker/db/faq';
import { indexStatements, invalidateSynonyms, searchFaq, unindexStatements } from '../../worker/db/search';
import { commonDf } from '../../shared/match/query';
import { termCountMismatches } from './helpers';

const TODAY = '2026-03-01';
const UNIT = 'u_search_test';

type Seed = {
  id: string;
  question: string;
  /** Without one, the answer repeats the question with 答案 after it. */
  answer?: string;
  topic: string;
  similar?: string[];
  keywords?: string[];
  status?: 'draft' | 'published' | 'retired';
  validFrom?: string | null;
  validUntil?: string | null;
};

/** Writes entries and their index rows in one batch, the way the routes do. */
async function seed(entries: Seed[]) {
  await env.DB.prepare("INSERT OR IGNORE INTO units (id, name, kind, parent_id) VALUES (?1, ?2, ?3, 'u_district')").bind(UNIT, '检索测试单位', 'department').run();
  const rows = entries.map((e) => ({ similar: [], keywords: [], answer: `${e.question}（答案）`, ...e }));
  await env.DB.batch([
    ...rows.map((e) =>
      env.DB.prepare(
        `INSERT INTO faq_entries (id, question, answer, similar, keywords, topic, unit_id, status, valid_from, valid_until, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)`,
      ).bind(
        e.id, e.question, e.answer, JSON.stringify(e.similar), JSON.stringify(e.keywords), e.topic, UNIT,
        e.status ?? 'published', e.validFrom ?? null, e.validUntil ?? null, '2026-01-01T00:00:00.000Z',
      ),
    ),
    ...indexStatements(env.DB, rows),
  ]);
}

const search = (q: string, opts: { limit?: number; topic?: string } = {}) =>
  searchFaq(env.DB, q, { limit: opts.limit ?? 5, topic: opts.topic, today: TODAY });
const ids = async (q: string, opts: { limit?: number; topic?: string } = {}) => (await search(q, opts)).map((h) => h.id);

// A small district knowledge base in the office's own words: formal standard questions and
// neighbours that share words with each test question, so a ranking has to be earned.
beforeAll(async () => {
  invalidateSynonyms();
  await seed([
    { id: 'kb_birth_allowance', question: '生育津贴能领多少？怎么计算？', topic: '生育' },
    { id: 'kb_childcare_subsidy', question: '育儿补贴的发放标准是什么？', topic: '生育' },
    { id: 'kb_birth_insurance', question: '生育医疗费用可以报销哪些项目？', topic: '医疗' },
    { id: 'kb_flexible_pension', question: '灵活就业人员如何缴纳社会保险？', topic: '社保' },
    { id: 'kb_flexible_medical', question: '灵活就业人员如何参加城乡居民医保？', topic: '医疗' },
    { id: 'kb_contribution_base', question: '职工社保缴费基数怎么确定？', topic: '社保' },
    { id: 'kb_retired_insurance', question: '退休以后还需要缴纳社会保险吗？', topic: '养老' },
    { id: 'kb_social_gap', question: '社保断缴会有什么影响？', topic: '社保' },
    { id: 'kb_unemployment', question: '失业保险金申领需要什么条件？', topic: '就业创业' },
    {
      id: 'kb_newborn_hukou',
      question: '新生儿办理户籍登记需要哪些材料？',
      topic: '户籍',
      similar: ['宝宝出生后怎么上户口', '小孩出生了去哪里报户口'],
    },
    { id: 'kb_move_hukou', question: '户口迁移需要带什么证件？', topic: '户籍' },
    { id: 'kb_hearing_aid', question: '助听器适配有补贴吗？', topic: '医疗' },
    { id: 'kb_mobile_office', question: '哪些事项可以在手机上办理？', topic: '投资', keywords: ['掌上办', '一网通办'] },
  ]);
});

describe('ranking of residents’ own words', () => {
  it('finds 生育津贴 for a colloquial question about having a baby', async () => {
    expect((await ids('生娃了能领多少钱'))[0]).toBe('kb_birth_allowance');
  });

  it('finds how flexible workers pay social insurance, not the medical or the base entry', async () => {
    const found = await ids('灵活就业的人社保怎么交');
    expect(found[0]).toBe('kb_flexible_pension');
    expect(found).toContain('kb_flexible_medical');
  });

  it('ignores courtesy, particles, full-width characters and another question word', async () => {
    expect((await ids('您好，请问失业保险金申领需要什么条件呀？？'))[0]).toBe('kb_unemployment');
    expect((await ids('ｓｈｉｙｅ 失业保险金申领要啥条件'))[0]).toBe('kb_unemployment');
  });

  it('returns scores best first, between 0 and 1', async () => {
    const hits = await search('社保断缴有什么影响');
    expect(hits.length).toBeGreaterThan(1);
    expect(hits[0]?.id).toBe('kb_social_gap');
    const scores = hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores.every((s) => s > 0 && s <= 1)).toBe(true);
    expect(hits[0]).toMatchObject({ question: '社保断缴会有什么影响？', answer: '社保断缴会有什么影响？（答案）', topic: '社保' });
    expect(hits[0]?.matched).toBeUndefined();
  });
});

describe('keywords', () => {
  it('finds an entry by one of its keywords, without naming a phrasing as matched', async () => {
    const [first] = await search('掌上办');
    expect(first?.id).toBe('kb_mobile_office');
    expect(first?.matched).toBeUndefined();
  });
});

describe('similar phrasings (相似问法)', () => {
  it('ranks an entry first when the question matches one of its similar phrasings, and says which', async () => {
    const [first] = await search('宝宝出生了怎么上户口呀');
    expect(first?.id).toBe('kb_newborn_hukou');
    expect(first?.question).toBe('新生儿办理户籍登记需要哪些材料？');
    expect(first?.matched).toBe('宝宝出生后怎么上户口');
  });
});

describe('synonyms', () => {
  // Characters alone already relate 社保 to 社会保险 (both have 社 and 保); the group makes the
  // two forms the same word, so the other form matches nearly as well as the entry's own (a
  // rewritten word weighs as typed: 社保 is two characters' worth of the question, 社会保险 four).
  it.each([
    ['社会保险断缴会有什么影响', 'kb_social_gap'],
    ['退休以后还需要缴纳社保吗', 'kb_retired_insurance'],
  ])('matches %s to the entry written with the other form (%s)', async (q, id) => {
    const scoreOf = async () => (await search(q)).find((h) => h.id === id)?.score ?? 0;
    const [first] = await search(q);
    expect(first?.id).toBe(id);
    const withGroup = await scoreOf();
    const group = await env.DB.prepare('SELECT id, terms, updated_at FROM synonym_groups WHERE terms = ?1')
      .bind(JSON.stringify(['社会保险', '社保']))
      .first<{ id: number; terms: string; updated_at: string }>();
    expect(group).not.toBeNull();
    await env.DB.prepare('DELETE FROM synonym_groups WHERE id = ?1').bind(group!.id).run();
    invalidateSynonyms();
    try {
      expect(await scoreOf()).toBeLessThan(withGroup - 0.03);
    } finally {
      await env.DB.prepare('INSERT INTO synonym_groups (id, terms, updated_at) VALUES (?1, ?2, ?3)')
        .bind(group!.id, group!.terms, group!.updated_at)
        .run();
      invalidateSynonyms();
    }
    expect(withGroup).toBeGreaterThan(0.9);
  });

  it('applies a newly added group at once, without reindexing', async () => {
    expect(await ids('耳背机')).not.toContain('kb_hearing_aid');
    const { meta } = await env.DB.prepare('INSERT INTO synonym_groups (terms, updated_at) VALUES (?1, ?2)')
      .bind(JSON.stringify(['助听器', '耳背机']), '2026-03-01T00:00:00.000Z')
      .run();
    invalidateSynonyms();
    try {
      expect((await ids('耳背机'))[0]).toBe('kb_hearing_aid');
      expect((await ids('配耳背机能补贴多少'))[0]).toBe('kb_hearing_aid');
    } finally {
      await env.DB.prepare('DELETE FROM synonym_groups WHERE id = ?1').bind(meta.last_row_id).run();
      invalidateSynonyms();
    }
    expect(await ids('耳背机')).not.toContain('kb_hearing_aid');
  });
});

describe('what may be shown', () => {
  it('returns only entries published and valid today', async () => {
    const q = '检索可见性专用：营业执照遗失后如何补办';
    await seed([
      { id: 'vis_draft', question: q, topic: '投资', status: 'draft' },
      { id: 'vis_retired', question: q, topic: '投资', status: 'retired' },
      { id: 'vis_expired', question: q, topic: '投资', validUntil: '2026-02-28' },
      { id: 'vis_future', question: q, topic: '投资', validFrom: '2026-03-02' },
      { id: 'vis_valid', question: q, topic: '投资', validFrom: '2026-03-01', validUntil: '2026-03-01' },
      { id: 'vis_open', question: q, topic: '投资' },
    ]);
    expect((await ids(q, { limit: 10 })).filter((id) => id.startsWith('vis_')).sort()).toEqual(['vis_open', 'vis_valid']);
  });

  it('keeps to the topic asked for', async () => {
    const q = '灵活就业人员如何参加医保';
    const medical = await search(q, { topic: '医疗' });
    expect(medical[0]?.id).toBe('kb_flexible_medical');
    expect(medical.every((h) => h.topic === '医疗')).toBe(true);
    const social = await search(q, { topic: '社保' });
    expect(social[0]?.id).toBe('kb_flexible_pension');
    expect(social.every((h) => h.topic === '社保')).toBe(true);
  });

  it('returns at most `limit` hits, the same best ones', async () => {
    const five = await ids('社保缴费', { limit: 5 });
    expect(five).toHaveLength(5);
    expect(await ids('社保缴费', { limit: 2 })).toEqual(five.slice(0, 2));
    expect(await ids('社保缴费', { limit: 1 })).toEqual(five.slice(0, 1));
  });
});

describe('questions with nothing to search for', () => {
  it('returns no hits for punctuation, particles and stop words', async () => {
    for (const q of ['？？？', '！!…', '   ', '请问', '的了吗', '呢？', '“”《》【】']) {
      expect(await search(q), q).toEqual([]);
    }
  });

  it('answers a question about something else with nothing, or with nothing confident', async () => {
    // Whatever shares a character or a question word is at most related: the app offers 我要咨询.
    for (const q of ['明天下雨吗', '推荐一部好看的电影', '附近哪里有好吃的']) {
      expect((await search(q)).filter((h) => h.confident), q).toEqual([]);
    }
    expect(await search('明天下雨吗')).toEqual([]);
    expect((await ids('社保断了怎么办'))[0]).toBe('kb_social_gap');
  });

  it('treats FTS5 syntax in a question as text', async () => {
    for (const q of ['"', '社保" OR "*', 'NEAR(社保 医保)', '社保 AND NOT 医保', 'terms:社保', '^社保*']) {
      await expect(search(q), q).resolves.toEqual(expect.any(Array));
    }
    expect((await ids('社保" OR "*断缴'))[0]).toBe('kb_social_gap');
  });
});

describe('which terms the search sends', () => {
  it('leaves out the common ones: 5 % of the phrasings, at least 50, at most 1,000', () => {
    expect(commonDf(200)).toBe(50);
    expect(commonDf(10_000)).toBe(500);
    expect(commonDf(20_000)).toBe(1000);
    expect(commonDf(100_000)).toBe(1000);
  });
});

describe('index maintenance', () => {
  it('replaces an entry’s index rows when it is indexed again, and drops them on unindex', async () => {
    await seed([{ id: 'idx_change', question: '老年人乘坐公交车免费吗？', topic: '养老' }]);
    expect((await ids('老人坐公交免费吗'))[0]).toBe('idx_change');
    const changed = { id: 'idx_change', question: '高龄津贴每月发放多少？', answer: '按年龄段分档发放。', similar: [], keywords: [], topic: '养老' };
    await env.DB.batch([
      env.DB.prepare('UPDATE faq_entries SET question = ?2, answer = ?3 WHERE id = ?1').bind(changed.id, changed.question, changed.answer),
      ...indexStatements(env.DB, [changed]),
    ]);
    expect(await ids('老人坐公交免费吗')).not.toContain('idx_change');
    expect((await ids('高龄补贴每个月发多少'))[0]).toBe('idx_change');
    await env.DB.batch(unindexStatements(env.DB, ['idx_change']));
    expect(await ids('高龄补贴每个月发多少')).not.toContain('idx_change');
    // The index holds no trace of the old words, and agrees with the phrasing table row for row
    // (FTS5's integrity check against its content table fails otherwise).
    const vocab = await env.DB.prepare("SELECT doc FROM faq_terms_vocab WHERE term = '公交'").first<{ doc: number }>();
    expect(vocab?.doc ?? 0).toBe(0);
    await env.DB.prepare("INSERT INTO faq_terms (faq_terms, rank) VALUES ('integrity-check', 1)").run();
    // The term counts search reads (migration 0023) followed every insert and delete.
    expect(await env.DB.prepare("SELECT doc FROM faq_term_counts WHERE term = '公交'").first()).toBeNull();
    expect(await termCountMismatches('faq')).toEqual([]);
  });

  it('leaves the entry and its index alone when a guarded edit finds the entry saved since', async () => {
    await seed([{ id: 'idx_guard', question: '残疾人两项补贴怎么申请？', topic: '社会救助' }]);
    const changed = { id: 'idx_guard', question: '独生子女父母奖励金怎么领取？', answer: '独生子女父母奖励金（答案）', similar: [], keywords: [], topic: '社会救助' };
    const now = '2026-06-01T00:00:00.000Z';
    const stale = async (base: string) => {
      const revision = `rev_${base}`;
      return env.DB.batch([
        updateStatement(env.DB, changed.id, { question: changed.question, answer: changed.answer }, now, { base, revision }),
        ...indexStatements(env.DB, [changed], revision),
      ]);
    };
    // Someone else saved at 2026-03-01; this editor started from the 2026-01-01 version.
    await env.DB.prepare("UPDATE faq_entries SET updated_at = '2026-03-01T00:00:00.000Z' WHERE id = 'idx_guard'").run();
    const [update] = await stale('2026-01-01T00:00:00.000Z');
    expect(update!.meta.changes).toBe(0);
    expect((await ids('残疾人两项补贴如何申请'))[0]).toBe('idx_guard');
    expect(await ids('独生子女父母奖励金在哪领')).not.toContain('idx_guard');
    // From the version actually saved, the same batch applies, index and all.
    const [applied] = await stale('2026-03-01T00:00:00.000Z');
    expect(applied!.meta.changes).toBe(1);
    expect((await ids('独生子女父母奖励金在哪领'))[0]).toBe('idx_guard');
    expect(await ids('残疾人两项补贴如何申请')).not.toContain('idx_guard');
    await env.DB.prepare("INSERT INTO faq_terms (faq_terms, rank) VALUES ('integrity-check', 1)").run();
  });

  it('indexes a large import in a few bulk statements', async () => {
    const many = Array.from({ length: 3000 }, (_, i) => ({
      id: `bulk_${i}`,
      question: `批量导入第${i}号条目：${'某某政策的具体办理流程和所需材料说明'.repeat(2)}`,
      answer: `第${i}号条目的答案`,
      similar: [`第${i}号条目怎么办理`],
      keywords: ['批量导入'],
      topic: '投资',
    }));
    const statements = indexStatements(env.DB, many);
    expect(statements.length).toBeLessThan(10);
    await seed(many);
    expect((await ids('批量导入第2718号条目'))[0]).toBe('bulk_2718');
  });
});
