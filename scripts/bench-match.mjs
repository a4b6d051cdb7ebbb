// npm run bench:match — search quality and speed through the real API (wrangler dev, local D1).
// Each workload gets a fresh API on a fresh database: import the base through POST
// /api/faq/import, then ask GET /api/faq/search one question at a time. Server-side time is
// the Server-Timing header of the app; client round trips are shown for information.
// The resident questions are asked of the demo district (the seeded base) instead.
//   node scripts/bench-match.mjs [--only resident,lcqmc,ncp,50k] [--queries 500]
//   node scripts/bench-match.mjs --remote   the semantic stage, through Workers AI (scripts/bench/remote.mjs)
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { bigWorkload, lcqmcWorkload, ncpEntries, speedQueries } from './bench/datasets.mjs';
import { key } from './bench/lcqmc.mjs';
import { formatResident, loadResident, residentScores } from './bench/resident.mjs';
import { percentile, share } from './bench/stats.mjs';
import { startFreshApi } from './lib/api-server.mjs';

const { values: args } = parseArgs({
  options: { only: { type: 'string', default: 'resident,lcqmc,ncp,50k' }, queries: { type: 'string', default: '500' }, remote: { type: 'boolean', default: false } },
});
if (args.remote) {
  const r = spawnSync(process.execPath, ['--import', './scripts/bench/ts-resolve.mjs', 'scripts/bench/remote.mjs'], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
const only = new Set(args.only.split(','));
const IMPORT_ROWS = 20_000;
const WARMUP = 5;

async function call(url, init = {}) {
  const res = await fetch(url, init);
  const body = await res.json();
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url} → ${res.status} ${JSON.stringify(body).slice(0, 500)}`);
  return { res, body };
}

async function officeToken(api) {
  const { body } = await call(`${api.url}/api/auth/dev`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ role: 'office', unitId: 'u_office' }),
  });
  return body.token;
}

/** Imports the entries; returns their ids in order. */
async function importAll(api, token, entries) {
  const ids = [];
  const t0 = performance.now();
  for (let i = 0; i < entries.length; i += IMPORT_ROWS) {
    const { body } = await call(`${api.url}/api/faq/import`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      // The bases hold questions that read alike once normalized; each is meant as its own entry.
      body: JSON.stringify({ entries: entries.slice(i, i + IMPORT_ROWS), publish: true, defaultTopic: '疫情防控', duplicates: 'import' }),
    });
    ids.push(...body.ids);
  }
  console.log(`  imported ${ids.length} entries in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return ids;
}

/** A call with its server-side time (the app's Server-Timing) and its client round trip. */
async function timedCall(url, init) {
  const t0 = performance.now();
  const { res, body } = await call(url, init);
  const client = performance.now() - t0;
  const server = Number(/app;dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '')?.[1] ?? NaN);
  return { body, server, client };
}

async function search(api, q) {
  const { body, server, client } = await timedCall(`${api.url}/api/faq/search?${new URLSearchParams({ q, limit: '3' })}`);
  return { items: body.items, server, client };
}

/** An office edit of one entry (a new similar phrasing): the entry and its index rows are rewritten. */
function edit(api, token, id, n) {
  return timedCall(`${api.url}/api/faq/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ similar: [`基准测试第${n}次修改的相似问法`] }),
  });
}

const ms = (v) => `${v.toFixed(1)} ms`;
function timing(label, runs) {
  const server = runs.map((r) => r.server).filter(Number.isFinite);
  const client = runs.map((r) => r.client);
  console.log(
    `  ${label}: server p50 ${ms(percentile(server, 50))}  p95 ${ms(percentile(server, 95))}` +
      `  |  client round trip p50 ${ms(percentile(client, 50))}  p95 ${ms(percentile(client, 95))}`,
  );
}

async function withApi(name, entries, work) {
  console.log(`\n== ${name}`);
  const api = await startFreshApi({ seed: false });
  try {
    const token = await officeToken(api);
    const ids = await importAll(api, token, entries);
    for (const q of speedQueries(WARMUP)) await search(api, q);
    await work(api, ids, token);
  } finally {
    await api.stop();
  }
}

/** The resident questions against the demo district, seeded as `npm start` seeds it. */
async function residentQuality() {
  const questions = loadResident();
  console.log(`\n== resident questions: ${questions.length}, asked of the demo district`);
  const api = await startFreshApi({ seed: true });
  try {
    const results = [];
    const runs = [];
    for (const { q } of questions) {
      const run = await search(api, q);
      runs.push(run);
      results.push(run.items);
    }
    console.log(formatResident(residentScores(questions, results)));
    timing('latency', runs);
  } finally {
    await api.stop();
  }
}

async function quality() {
  const { entries, queries, skipped } = lcqmcWorkload();
  console.log(`\n(lcqmc base: every distinct first sentence + the second sentence of every pair labelled 0)`);
  await withApi(`lcqmc quality: ${entries.length} entries`, entries, async (api, ids) => {
    const keyOf = new Map(ids.map((id, i) => [id, key(entries[i].question)]));
    let r1 = 0;
    let r3 = 0;
    const runs = [];
    for (const { q, want } of queries) {
      const run = await search(api, q);
      runs.push(run);
      const at = run.items.findIndex((it) => keyOf.get(it.id) === want);
      if (at === 0) r1++;
      if (at >= 0 && at < 3) r3++;
    }
    const n = queries.length;
    console.log(`  recall@1 ${share(r1, n)}  recall@3 ${share(r3, n)}  N ${n}  skipped ${skipped}`);
    timing('latency', runs);
  });
}

const EDITS = 50;

async function speed(name, entries, note) {
  const queries = speedQueries(Number(args.queries));
  await withApi(`${name}: ${entries.length} entries`, entries, async (api, ids, token) => {
    if (note) console.log(`  base: ${note}`);
    const runs = [];
    for (const q of queries) runs.push(await search(api, q));
    const empty = runs.filter((r) => !r.items.length).length;
    console.log(`  N ${runs.length} queries (half NCP questions, half colloquial LCQMC questions), ${empty} without a result`);
    timing('latency', runs);
    const edits = [];
    for (let n = 0; n < EDITS; n++) edits.push(await edit(api, token, ids[(n * 7919) % ids.length], n));
    timing(`editing an entry (N ${EDITS}, reindexed)`, edits);
  });
}

if (only.has('resident')) await residentQuality();
if (only.has('lcqmc')) await quality();
if (only.has('ncp')) await speed('ncp 5k speed', ncpEntries());
if (only.has('50k')) {
  const big = bigWorkload();
  await speed('50k speed', big.entries, Object.entries(big.parts).map(([k, v]) => `${v} ${k}`).join(' + '));
}
