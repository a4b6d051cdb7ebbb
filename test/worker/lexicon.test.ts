import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalize } from '../../shared/match/normalize';
import { ANSWER_CHARS } from '../../shared/match/rank';
import { buildSynonyms, canonicalize } from '../../shared/match/synonyms';
import { bigrams } from '../../shared/match/tokens';
import { invalidateSynonyms, searchFaq } from '../../worker/db/search';
import { api } from './helpers';

// The default synonym and concept groups (migrations 0002 and 0011), each checked against the
// demo district's base: a resident's word reaches the entries that speak of its official term,
// and a word whose term no entry uses reaches no entry as a confident answer.

const TODAY = '2026-06-01';
type Row = { terms: string };
type EntryRow = { id: string; question: string; answer: string; similar: string; keywords: string };

let groups: string[][] = [];
let entries: { id: string; text: string }[] = [];
const table = () => buildSynonyms(groups);

beforeAll(async () => {
  expect((await api('/api/dev/seed', { method: 'POST' })).status).toBe(200);
  invalidateSynonyms();
  groups = (await env.DB.prepare('SELECT terms FROM synonym_groups ORDER BY id').all<Row>()).results.map((r) => JSON.parse(r.terms) as string[]);
  const synonyms = table();
  const rows = (await env.DB.prepare("SELECT id, question, answer, similar, keywords FROM faq_entries WHERE status = 'published'").all<EntryRow>()).results;
  // What the matcher compares: every text of an entry, normalized with the groups applied.
  entries = rows.map((r) => ({
    id: r.id,
    text: canonicalize(synonyms, normalize([r.question, ...(JSON.parse(r.similar) as string[]), ...(JSON.parse(r.keywords) as string[]), r.answer.slice(0, ANSWER_CHARS)].join(' '))),
  }));
});

describe('the default lexicon', () => {
  it('ships several hundred groups, none sharing a term with another, each form rewritten to its first', () => {
    expect(groups.length).toBeGreaterThanOrEqual(300);
    const owner = new Map<string, number>();
    const synonyms = table();
    groups.forEach((g, i) => {
      const preferred = normalize(g[0]!);
      for (const term of g) {
        const t = normalize(term);
        expect(owner.get(t), `${term} is in groups ${owner.get(t)} and ${i}`).toBeUndefined();
        owner.set(t, i);
        expect(canonicalize(synonyms, t), term).toBe(preferred);
      }
    });
  });

  it('lets each resident word reach the entries that use its official term, and no unrelated entry confidently', async () => {
    const failures: string[] = [];
    for (const group of groups) {
      const preferred = normalize(group[0]!);
      const pairs = bigrams(preferred);
      const reach = new Set(entries.filter((e) => e.text.includes(preferred)).map((e) => e.id));
      const related = (id: string) => pairs.some((p) => entries.find((e) => e.id === id)!.text.includes(p));
      for (const form of group.slice(1)) {
        const hits = await searchFaq(env.DB, form, { limit: 3, today: TODAY });
        // Should reach: where entries use the term, one of them is among the first three.
        if (reach.size && !hits.some((h) => reach.has(h.id))) {
          failures.push(`${form} → ${hits.map((h) => h.id).join(', ') || 'nothing'} (want one of ${[...reach].slice(0, 3).join(', ')})`);
        }
        // Should not reach: a confident answer speaks of the term, at least of a word of it.
        const wrong = hits.find((h) => h.confident && !related(h.id));
        if (wrong) failures.push(`${form} → ${wrong.id} confidently, which says nothing of ${group[0]}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('words that mean something else too', () => {
  it.each([
    ['低保的补贴对象有哪些', '配偶'],
    ['公积金账户余额怎么查', '个人账户'],
    ['个税软件怎么下载', '数字经济'],
    ['户口搬过来要什么材料', '招商引资'],
    ['老人在家摔伤了能报销吗', '工伤'],
    ['生育有一次性补贴吗', '一次性创业补贴'],
    ['出国旅游回来要隔离吗', '流行地区'],
    ['家里好几个孩子有补贴吗', '聚集性疫情'],
  ])('%s is not read as %s', (q, term) => {
    expect(canonicalize(table(), normalize(q))).not.toContain(term);
  });

  it('still reads a factory moving here as investment', () => {
    expect(canonicalize(table(), normalize('我们想把工厂搬过来'))).toContain('招商引资');
  });

  it('keeps a son and a daughter apart, while a child is still a 子女', () => {
    const read = (q: string) => canonicalize(table(), normalize(q));
    expect(read('我姐姐的儿子我叫什么')).not.toBe(read('我姐姐的女儿我叫什么'));
    expect(read('我儿子')).not.toContain('子女');
    expect(read('孩子上学要什么材料')).toContain('子女');
  });
});

describe('residents’ words', () => {
  it.each([
    ['跑外卖的怎么交社保', 'faq_demo_linghuojiuyecanbao'],
    ['良民证', 'faq_demo_wufanzuijiluzhengming'],
    ['邻居大爷一辈子没结婚 现在干不动了也没收入 政府兜底吗', 'faq_demo_tekunrenyuangongyang'],
    ['我爸今年八十了，有没有啥补贴', 'faq_demo_gaolingjintie'],
    ['租房提取公积金要什么材料', 'faq_demo_gongjijinzufangtiqu'],
    ['娃看病能用我的医保吗', 'faq_demo_yibaojiatinggongji'],
  ])('%s → %s', async (q, id) => {
    const [first] = await searchFaq(env.DB, q, { limit: 3, today: TODAY });
    expect(first?.id).toBe(id);
  });
});
