// npm run bench:load — a bounded load test of the API on this machine (loopback only): a fresh
// local API (wrangler dev, seeded demo district), virtual users mixing searches, reads and new
// inquiries for a fixed time, then a burst of concurrent creates. Prints requests/s,
// p50/p95/p99 (client round trip, and the app's own Server-Timing) and errors.
//   node scripts/bench-load.mjs [--seconds 60] [--users 16] [--burst 200]
// The app's Server-Timing counts from when the worker took the request; under a burst most of a
// request's wait is before that (one local D1 answers one statement at a time).
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { percentile } from './bench/stats.mjs';
import { startFreshApi } from './lib/api-server.mjs';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    users: { type: 'string', default: '16' },
    burst: { type: 'string', default: '200' },
  },
});
const SECONDS = Number(args.seconds);
const USERS = Number(args.users);
const BURST = Number(args.burst);
// What residents mostly do: search, open entries and lists; a few ask.
const MIX = [
  ['search', 60],
  ['read', 30],
  ['create', 10],
];

const QUESTIONS = [
  '灵活就业人员社保补贴怎么申请',
  '公积金怎么提取',
  '居住证办理需要什么材料',
  '孩子上小学怎么报名',
  '失业保险金领取条件',
  '医保报销比例是多少',
  '低保申请流程',
  '创业担保贷款怎么申请',
  '养老金什么时候发',
  '新生儿医保怎么办理',
  '明天下雨吗',
  '个体户怎么交税',
];

const pick = (list) => list[Math.floor(Math.random() * list.length)];
function pickKind() {
  const total = MIX.reduce((s, [, w]) => s + w, 0);
  let r = Math.random() * total;
  for (const [kind, w] of MIX) if ((r -= w) < 0) return kind;
  return MIX[0][0];
}

async function json(url, init) {
  const res = await fetch(url, init);
  const body = await res.json();
  if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${url} → ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
  return body;
}

const signIn = (api, body) =>
  json(`${api.url}/api/auth/dev`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }).then((b) => b.token);

/** One request, timed; the app's own time comes from its Server-Timing header. */
async function timed(kind, url, init) {
  const t0 = performance.now();
  try {
    const res = await fetch(url, init);
    await res.arrayBuffer();
    const client = performance.now() - t0;
    const server = Number(/app;dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '')?.[1] ?? NaN);
    return { kind, status: res.status, client, server };
  } catch (err) {
    return { kind, status: 0, client: performance.now() - t0, server: NaN, error: String(err) };
  }
}

function request(api, kind, ctx, n) {
  if (kind === 'search') return timed(kind, `${api.url}/api/faq/search?${new URLSearchParams({ q: pick(QUESTIONS), limit: '5' })}`);
  if (kind === 'read') {
    const path = Math.random() < 0.7 ? `/api/faq/${pick(ctx.entryIds)}` : pick(['/api/faq?sort=views', '/api/topics', '/api/units', '/api/faq?sort=updated']);
    return timed(kind, `${api.url}${path}`);
  }
  // A new question from one of many residents. The local API sees every caller at 127.0.0.1: each
  // virtual resident gets an address of its own, as residents on their own phones have.
  const resident = ctx.residents[(ctx.creates = (ctx.creates ?? 0) + 1) % ctx.residents.length];
  return timed(kind, `${api.url}/api/inquiries`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${resident.token}`,
      'CF-Connecting-IP': resident.address,
      'Idempotency-Key': `bench-${n}-${Math.random().toString(36).slice(2, 12)}`,
    },
    body: JSON.stringify({ question: `${pick(QUESTIONS)}？（第${n}次）`, consentPublish: false }),
  });
}

const ms = (v) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : '—');
function report(label, runs, seconds) {
  const ok = runs.filter((r) => r.status >= 200 && r.status < 300);
  const limited = runs.filter((r) => r.status === 429).length;
  const errors = runs.filter((r) => r.status === 0 || (r.status >= 400 && r.status !== 429) || r.status >= 500);
  const client = runs.map((r) => r.client);
  const server = runs.map((r) => r.server).filter(Number.isFinite);
  console.log(
    `${label.padEnd(8)} ${String(runs.length).padStart(6)} req${seconds ? ` ${(runs.length / seconds).toFixed(1).padStart(7)} req/s` : ''}` +
      `  p50 ${ms(percentile(client, 50))}  p95 ${ms(percentile(client, 95))}  p99 ${ms(percentile(client, 99))}` +
      `  (app p50 ${ms(percentile(server, 50))}, p95 ${ms(percentile(server, 95))})  ok ${ok.length}  429 ${limited}  errors ${errors.length}`,
  );
  return errors;
}

async function main() {
  console.log(`bench:load — ${USERS} virtual users for ${SECONDS} s (search 60%, read 30%, create 10%), then ${BURST} creates at once`);
  const api = await startFreshApi({ seed: true });
  if (!/^http:\/\/127\.0\.0\.1:/.test(api.url)) throw new Error(`not a loopback address: ${api.url}`);
  try {
    const listed = await json(`${api.url}/api/faq?limit=100`);
    const entryIds = listed.items.map((i) => i.id);
    const residents = [];
    // Enough residents that none reaches the 10 questions an hour each may ask.
    for (let i = 0; i < 150; i++) {
      residents.push({ token: await signIn(api, { role: 'resident', name: `压测居民${i}` }), address: `198.51.100.${i + 1}` });
    }
    const ctx = { entryIds, residents };

    // Warm up the isolate (first search loads the index size and synonyms).
    for (const kind of ['search', 'read']) await request(api, kind, ctx, 0);

    const runs = [];
    let n = 0;
    const end = performance.now() + SECONDS * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: USERS }, async () => {
        while (performance.now() < end) runs.push(await request(api, pickKind(), ctx, n++));
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    console.log(`\nmixed load, ${elapsed.toFixed(1)} s:`);
    const errors = [report('all', runs, elapsed)];
    for (const [kind] of MIX) errors.push(report(kind, runs.filter((r) => r.kind === kind), elapsed));

    // The issue's case: a burst of creates at one moment (a hotline shift's backlog, a notice sent out).
    const burstResidents = [];
    for (let i = 0; i < BURST; i++) burstResidents.push({ token: await signIn(api, { role: 'resident', name: `并发居民${i}` }), address: `203.0.113.${(i % 250) + 1}` });
    // Each create also searches the knowledge base for its answer's `matches`: the same number of
    // searches alone shows how much of the creates' time that is.
    for (const kind of ['search', 'create']) {
      // One context for the whole burst: each create takes the next of its own residents.
      const burstCtx = { ...ctx, residents: burstResidents, creates: 0 };
      const t0 = performance.now();
      const burst = await Promise.all(burstResidents.map((_r, i) => request(api, kind, burstCtx, i)));
      const wall = (performance.now() - t0) / 1000;
      console.log(`\n${BURST} ${kind === 'create' ? 'creates' : 'searches'} at once: all answered in ${wall.toFixed(1)} s`);
      errors.push(report(kind, burst, wall));
    }

    const failed = errors.flat();
    if (failed.length) {
      console.log(`\nerrors (first 5):`);
      for (const e of failed.slice(0, 5)) console.log(`  ${e.kind} ${e.status} ${e.error ?? ''}`);
      process.exitCode = 1;
    }
  } finally {
    await api.stop();
  }
}

await main();
