// The LCQMC retrieval task of the issue: the knowledge base is every distinct first sentence
// plus the second sentence of each pair labelled 0; each pair labelled 1 asks its second
// sentence and expects its first. Texts compare without punctuation and spaces, and a query
// whose own text is a different entry of the base is skipped (it would be ambiguous).
import { readFileSync } from 'node:fs';

export const key = (s) => s.replace(/[\p{P}\p{S}\s]+/gu, '');

export function loadLcqmc(file) {
  const pairs = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const [s1 = '', s2 = '', label = ''] = line.split('\t');
      return { s1, s2, label: label.trim() };
    });
  const entries = new Map(); // key -> text as first seen
  const add = (s) => {
    const k = key(s);
    if (k && !entries.has(k)) entries.set(k, s);
  };
  for (const p of pairs) add(p.s1);
  for (const p of pairs) if (p.label === '0') add(p.s2);
  const queries = [];
  let skipped = 0;
  for (const p of pairs) {
    if (p.label !== '1') continue;
    const q = key(p.s2);
    const want = key(p.s1);
    if (!q || !want || (q !== want && entries.has(q))) {
      skipped++;
      continue;
    }
    queries.push({ q: p.s2, want });
  }
  return { entries: [...entries.values()], queries, skipped };
}

export function loadNcp(file) {
  return readFileSync(file, 'utf8')
    .split('\n')
    .slice(1)
    .filter((line) => line.trim())
    .map((line) => {
      const [id = '', docid = '', question = '', answer = ''] = line.split('\t');
      return { id, docid, question: question.trim(), answer: answer.trim() };
    })
    .filter((r) => r.question && r.answer);
}
