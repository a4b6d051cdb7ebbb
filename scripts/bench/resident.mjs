// The resident questions of the eval folder (question, entry id or -, kind) and how to score a
// search against them: the first result's entry per kind, and how many questions the base
// cannot answer still get a confident answer.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EVAL_DIR } from './datasets.mjs';

export const KINDS = ['colloquial', 'contrast', 'numbers', 'short', 'none'];

export function loadResident(file = path.join(EVAL_DIR, 'resident_questions.tsv')) {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const [q = '', want = '', kind = ''] = line.split('\t');
      return { q: q.trim(), want: want.trim() === '-' ? null : want.trim(), kind: kind.trim() };
    });
}

/** The demo district's entries as the seed writes them (ids faq_demo_<key>), published ones only. */
export function demoEntries(entries) {
  return entries
    .filter((e) => e.status === 'published')
    .map((e) => ({ id: `faq_demo_${e.key.replace(/[^a-z0-9]/g, '')}`, question: e.question, answer: e.answer, similar: e.similar, keywords: e.keywords, topic: e.topic }));
}

/**
 * `results` holds, per question, the items a search returned ({ id, confident }). Per kind:
 * right first results over questions; for `none`, questions whose first result is confident.
 */
export function residentScores(questions, results) {
  const by = Object.fromEntries(KINDS.map((k) => [k, { n: 0, r1: 0, confident: 0, confidentRight: 0 }]));
  questions.forEach(({ want, kind }, i) => {
    const s = by[kind] ?? (by[kind] = { n: 0, r1: 0, confident: 0, confidentRight: 0 });
    const first = results[i][0];
    s.n++;
    if (first?.confident) s.confident++;
    if (want && first?.id === want) {
      s.r1++;
      if (first.confident) s.confidentRight++;
    }
  });
  return by;
}

export function formatResident(by) {
  const lines = [];
  for (const [kind, s] of Object.entries(by)) {
    if (!s.n) continue;
    lines.push(
      kind === 'none'
        ? `  none: ${s.confident} of ${s.n} confidently answered (${s.n - s.confident} offer 我要咨询)`
        : `  ${kind}: R@1 ${(s.r1 / s.n).toFixed(2)} (${s.r1}/${s.n}), right and confident ${s.confidentRight}/${s.n}`,
    );
  }
  return lines.join('\n');
}
