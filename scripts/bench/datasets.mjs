// The three workloads of the matcher benchmark, built only from the shared eval files and the
// seed documents (read in place, never copied into the repo).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { loadLcqmc, loadNcp } from './lcqmc.mjs';

// The team's shared folder sits beside the repository; EVAL_DIR and SEEDS_DIR point elsewhere.
const SHARED = path.resolve(import.meta.dirname, '../../../shared');
export const EVAL_DIR = process.env.EVAL_DIR ?? path.join(SHARED, 'eval');
const SEEDS_DIR = process.env.SEEDS_DIR ?? path.join(SHARED, 'seeds');

/** LCQMC quality: entries (answer = the question: LCQMC has no answers) and labelled queries. */
export function lcqmcWorkload() {
  const { entries, queries, skipped } = loadLcqmc(path.join(EVAL_DIR, 'lcqmc_dev.tsv'));
  return { entries: entries.map((q) => ({ question: q, answer: q })), queries, skipped };
}

export function ncpEntries() {
  return loadNcp(path.join(EVAL_DIR, 'ncp_policies_qa.tsv')).map((r) => ({ question: r.question, answer: r.answer }));
}

const clauses = (text, min = 10, max = 120) =>
  text
    .split(/[。！？；，,!?;\n]+/u)
    .map((s) => s.trim())
    .filter((s) => s.length >= min && s.length <= max);

// Real district names, for the "every district publishes its own edition" part of the 50k base.
const DISTRICTS = ['朝阳区', '海淀区', '浦东新区', '徐汇区', '天河区', '南山区', '武侯区', '江汉区', '鼓楼区', '西湖区'];

/**
 * 50,000 entries: the 5,000 NCP Q&A; every distinct LCQMC sentence (answer: itself); every
 * sentence and clause of the NCP answers and of the seed documents (answer: the NCP answer or
 * paragraph it comes from); then district editions of the NCP questions ("朝阳区" + question),
 * as a national base holds the same question for many districts, until 50,000.
 */
export function bigWorkload(size = 50_000) {
  const seen = new Set();
  const out = [];
  const parts = {};
  const add = (part, question, answer) => {
    if (out.length >= size || !question || seen.has(question)) return;
    seen.add(question);
    out.push({ question: question.slice(0, 200), answer: answer.slice(0, 5000) });
    parts[part] = (parts[part] ?? 0) + 1;
  };
  const ncp = ncpEntries();
  for (const e of ncp) add('ncp', e.question, e.answer);
  const lcqmc = readFileSync(path.join(EVAL_DIR, 'lcqmc_dev.tsv'), 'utf8').split('\n');
  for (const line of lcqmc) for (const s of line.split('\t').slice(0, 2)) add('lcqmc sentences', s.trim(), s.trim());
  for (const e of ncp) for (const c of clauses(e.answer)) add('ncp answer clauses', c, e.answer);
  for (const file of readdirSync(SEEDS_DIR).sort()) {
    for (const para of readFileSync(path.join(SEEDS_DIR, file), 'utf8').split(/\n+/)) {
      for (const c of clauses(para)) add('seed document clauses', c, para.trim());
    }
  }
  for (let round = 0; out.length < size && round < DISTRICTS.length * 4; round++) {
    const district = DISTRICTS[round % DISTRICTS.length];
    for (const e of ncp) add('district editions of ncp', `${district}${round >= DISTRICTS.length ? '居民' : ''}${e.question}`, e.answer);
  }
  return { entries: out, parts };
}

const every = (list, count) => list.filter((_, i) => i % Math.max(1, Math.floor(list.length / count)) === 0).slice(0, count);

/** Speed queries: half real NCP questions, half colloquial LCQMC questions (many common words). */
export function speedQueries(count = 500) {
  const ncp = every(ncpEntries(), count / 2).map((e) => e.question);
  const colloquial = every(lcqmcWorkload().queries, count / 2).map((q) => q.q);
  return ncp.flatMap((q, i) => [q, colloquial[i] ?? q]);
}
