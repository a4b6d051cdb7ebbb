// npm run bench:stats — GET /api/stats at scale on this machine (loopback only): a local API on
// a fresh D1 holding the demo district plus 100,000 inquiries and 1,000,000 ledger events over
// the last year, written straight into the D1's SQLite file while the API is stopped. Prints
// p50/p95 of the client round trip and of the app's Server-Timing for the district's office
// (a month and the whole year) and for one unit's editor, and of the trend by month and by week.
//   node scripts/bench-stats.mjs [--inquiries 100000] [--events 1000000] [--runs 40]
import { readdirSync, rmSync, mkdtempSync, statSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { percentile } from './bench/stats.mjs';
import { freePort, startApi } from './lib/api-server.mjs';

const { values: args } = parseArgs({
  options: {
    inquiries: { type: 'string', default: '100000' },
    events: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '40' },
  },
});
const INQUIRIES = Number(args.inquiries);
const EVENTS = Number(args.events);
const RUNS = Number(args.runs);
const DAY = 86_400_000;

/** The SQLite file wrangler keeps the local D1 in. */
function sqliteFile(dir) {
  for (const name of readdirSync(dir, { recursive: true })) {
    const file = path.join(dir, String(name));
    if (file.endsWith('.sqlite') && statSync(file).isFile() && !file.includes('metadata')) return file;
  }
  throw new Error(`no D1 database under ${dir}`);
}

/** A small deterministic generator, so every run loads the same rows. */
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CHANNELS = ['miniprogram', 'miniprogram', 'miniprogram', 'hotline', 'hotline', 'phone', 'mailbox', 'window'];
const RATINGS = ['非常满意', '非常满意', '满意', '满意', '满意', '基本满意', '不满意', '非常不满意'];
const FILLER = ['assigned', 'classified', 'due_changed'];

function load(file, now) {
  const db = new DatabaseSync(file);
  const units = db
    .prepare("SELECT id FROM units WHERE kind IN ('department', 'street') AND retired_at IS NULL ORDER BY id")
    .all()
    .map((r) => r.id);
  const entries = db.prepare("SELECT id FROM faq_entries WHERE status = 'published' ORDER BY id").all().map((r) => r.id);
  const rnd = random(14);
  const inquiry = db.prepare(
    `INSERT INTO inquiries (id, ticket, channel, question, unit_id, status, received_at, due_at, replied_at, rating, rated_at,
       stopped_days, created_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 'bench', ?7)`,
  );
  const event = db.prepare('INSERT INTO inquiry_events (inquiry_id, at, type, public, data) VALUES (?1, ?2, ?3, 1, ?4)');
  const kb = db.prepare("INSERT INTO kb_resolutions (question, entry_id, at, channel) VALUES ('批量问题', ?1, ?2, 'miniprogram')");
  const followup = db.prepare('INSERT INTO followups (inquiry_id, rating, status, created_at) VALUES (?1, ?2, ?3, ?4)');
  const perInquiry = Math.max(1, Math.round(EVENTS / INQUIRIES));
  let events = 0;
  db.exec('BEGIN');
  for (let k = 0; k < INQUIRIES; k++) {
    const id = `bench_q${k}`;
    const received = now - Math.floor(rnd() * 365 * DAY);
    const due = received + 7 * DAY;
    const unit = units[k % units.length];
    const fate = rnd();
    const iso = (t) => new Date(t).toISOString();
    const list = [['submitted', received, {}], ['assigned', received + 60_000, {}]];
    let status = 'assigned';
    let replied = null;
    let rating = null;
    let stopped = 0;
    const later = [];
    if (fate < 0.15) list.push(['clarification_requested', received + DAY, {}]);
    if (fate < 0.12) {
      list.push(['supplemented', received + 2 * DAY, { stoppedDays: 1 }]);
      stopped = 1;
    }
    if (fate > 0.92) list.push(['transferred', received + 3_600_000, { fromUnitId: units[(k + 1) % units.length], unitId: unit }]);
    if (fate < 0.88 && !(fate >= 0.12 && fate < 0.15)) {
      replied = Math.min(now - 60_000, received + Math.floor((0.3 + rnd() * 8.7) * DAY));
      status = 'answered';
      list.push(['replied', replied, { onTime: replied <= due }]);
      if (rnd() < 0.4) {
        rating = RATINGS[Math.floor(rnd() * RATINGS.length)];
        status = 'closed';
        list.push(['rated', replied + DAY, { rating }]);
        if (rating === '不满意' || rating === '非常不满意') {
          list.push(['followup_opened', replied + DAY, {}]);
          later.push(() => followup.run(id, rating, rnd() < 0.5 ? 'open' : 'done', iso(replied + DAY)));
        }
      }
    } else if (fate >= 0.12 && fate < 0.15) status = 'awaiting_resident';
    while (list.length < perInquiry) list.push([FILLER[list.length % FILLER.length], received + list.length * 3_600_000, {}]);
    inquiry.run(id, `BENCH${k}`, CHANNELS[k % CHANNELS.length], `批量咨询 ${k}`, unit, status, iso(received), iso(due), replied && iso(replied), rating, rating && iso(replied + DAY), stopped);
    for (const [type, at, data] of list) {
      event.run(id, iso(at), type, JSON.stringify(data));
      events += 1;
    }
    for (const run of later) run();
    if (entries.length && k % 3 === 0) kb.run(entries[k % entries.length], iso(received + 1000));
  }
  db.exec('COMMIT');
  db.exec('ANALYZE');
  db.close();
  return { units: units.length, events };
}

async function time(url, token) {
  const t0 = performance.now();
  const res = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
  const body = await res.json();
  const client = performance.now() - t0;
  if (!res.ok) throw new Error(`${url} → ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
  const server = Number(/app;dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '')?.[1] ?? NaN);
  return { client, server, body };
}

async function signIn(url, body) {
  const res = await fetch(`${url}/api/auth/dev`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status}`);
  return (await res.json()).token;
}

const dbDir = mkdtempSync(path.join(tmpdir(), 'zc-stats-'));
let api;
try {
  const port = await freePort();
  // First start: migrations and the demo district; then the bulk rows go in while nothing runs.
  await (await startApi({ port, dbDir, seed: true, quiet: true })).stop();
  const now = Date.now();
  const t0 = performance.now();
  const loaded = load(sqliteFile(dbDir), now);
  console.log(`loaded ${INQUIRIES.toLocaleString('en')} inquiries and ${loaded.events.toLocaleString('en')} events over ${loaded.units} units in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  api = await startApi({ port, dbDir, seed: false, quiet: true });
  const office = await signIn(api.url, { role: 'office', unitId: 'u_office' });
  const editor = await signIn(api.url, { role: 'editor', unitId: 'u_rsj' });
  const today = new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);
  const monthAgo = new Date(now + 8 * 3_600_000 - 30 * DAY).toISOString().slice(0, 10);
  const yearAgo = new Date(now + 8 * 3_600_000 - 364 * DAY).toISOString().slice(0, 10);
  const cases = [
    ['district, last 30 days', office, `from=${monthAgo}&to=${today}`],
    ['district, last year', office, `from=${yearAgo}&to=${today}`],
    ['one unit (editor), last 30 days', editor, `from=${monthAgo}&to=${today}`],
    ['one unit (office, unitId), last year', office, `from=${yearAgo}&to=${today}&unitId=u_rsj`],
    ['trend: district, 12 months', office, `to=${today}&interval=month`, '/api/stats/trend'],
    ['trend: district, 12 weeks', office, `to=${today}&interval=week`, '/api/stats/trend'],
  ];
  console.log('| case | received | replied | p50 / p95 server | p50 / p95 round trip |');
  console.log('|---|---|---|---|---|');
  for (const [name, token, query, route = '/api/stats'] of cases) {
    const url = `${api.url}${route}?${query}`;
    await time(url, token); // warm
    const runs = [];
    for (let r = 0; r < RUNS; r++) runs.push(await time(url, token));
    const ms = (list, p) => `${percentile(list, p).toFixed(0)}`;
    const server = runs.map((r) => r.server);
    const client = runs.map((r) => r.client);
    // A trend's counts are its buckets' sum.
    const b = runs[0].body.buckets
      ? Object.fromEntries(['received', 'replied'].map((k) => [k, runs[0].body.buckets.reduce((n, x) => n + x[k], 0)]))
      : runs[0].body;
    console.log(`| ${name} | ${b.received.toLocaleString('en')} | ${b.replied.toLocaleString('en')} | ${ms(server, 50)} / ${ms(server, 95)} ms | ${ms(client, 50)} / ${ms(client, 95)} ms |`);
  }
} finally {
  await api?.stop();
  rmSync(dbDir, { recursive: true, force: true });
}
