// Offline twin of `npm run bench:match`: the same worker/db/search.ts over node:sqlite instead
// of D1 through wrangler. For fast iteration only; the API benchmark is the one that counts.
//   node --import ./scripts/bench/ts-resolve.mjs scripts/bench/offline.mjs [lcqmc|ncp|50k]...
import { performance } from 'node:perf_hooks';
import { openD1 } from './d1-sqlite.mjs';
import { bigWorkload, lcqmcWorkload, ncpEntries, speedQueries } from './datasets.mjs';
import { key } from './lcqmc.mjs';
import { indexStatements, searchFaq } from '../../worker/db/search.ts';
import { percentile, share } from './stats.mjs';

const TODAY = '2026-01-01';

async function load(entries) {
  const db = openD1();
  db.raw.exec(`INSERT INTO units (id, name, kind) VALUES ('u_bench', '基准测试', 'office')`);
  const rows = entries.map((e, i) => ({ id: `e${i}`, ...e, similar: [], keywords: [], topic: '疫情防控' }));
  const t0 = performance.now();
  for (let i = 0; i < rows.length; i += 20_000) {
    const chunk = rows.slice(i, i + 20_000);
    const insert = db.prepare(
      `INSERT INTO faq_entries (id, question, answer, topic, unit_id, status, created_at, updated_at)
       SELECT value->>'id', value->>'question', value->>'answer', value->>'topic', 'u_bench', 'published', ?2, ?2
       FROM json_each(?1)`,
    );
    await db.batch([insert.bind(JSON.stringify(chunk), TODAY), ...indexStatements(db, chunk)]);
  }
  console.log(`  indexed ${rows.length} entries in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return { db, rows };
}

async function timed(db, q) {
  const t0 = performance.now();
  const items = await searchFaq(db, q, { limit: 3, today: TODAY });
  return { items, ms: performance.now() - t0 };
}

async function quality() {
  const { entries, queries, skipped } = lcqmcWorkload();
  const { db, rows } = await load(entries);
  const keyOf = new Map(rows.map((r) => [r.id, key(r.question)]));
  let r1 = 0, r3 = 0;
  const ms = [];
  for (const { q, want } of queries) {
    const res = await timed(db, q);
    ms.push(res.ms);
    const at = res.items.findIndex((it) => keyOf.get(it.id) === want);
    if (at === 0) r1++;
    if (at >= 0 && at < 3) r3++;
  }
  const n = queries.length;
  console.log(`lcqmc: R@1 ${share(r1, n)}  R@3 ${share(r3, n)}  N ${n}  skipped ${skipped}  p50 ${percentile(ms, 50).toFixed(1)} ms  p95 ${percentile(ms, 95).toFixed(1)} ms`);
}

async function speed(name, entries) {
  const { db } = await load(entries);
  const ms = [];
  for (const q of speedQueries()) ms.push((await timed(db, q)).ms);
  console.log(`${name}: N ${ms.length}  p50 ${percentile(ms, 50).toFixed(1)} ms  p95 ${percentile(ms, 95).toFixed(1)} ms  max ${Math.max(...ms).toFixed(1)} ms`);
}

const which = process.argv.slice(2);
const want = (w) => !which.length || which.includes(w);
if (want('lcqmc')) await quality();
if (want('ncp')) await speed('ncp 5k', ncpEntries());
if (want('50k')) {
  const big = bigWorkload();
  console.log('  50k base:', JSON.stringify(big.parts));
  await speed('50k', big.entries);
}
