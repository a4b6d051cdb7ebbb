// Cross-validation of the matcher's weights (shared/match/weights.ts), offline over node:sqlite:
// the resident questions in k folds and LCQMC's dev queries in two halves. For each fold, the
// weights that do best on the other folds are judged on it; the report is those judgements.
//   node --import ./scripts/bench/ts-resolve.mjs scripts/bench/tune.mjs [--folds 4] [--grid name=v1,v2 ...]
//   node --import ./scripts/bench/ts-resolve.mjs scripts/bench/tune.mjs --try '{"answer":0}'
// --lcqmc N asks every n-th of LCQMC's queries (about N) instead of all; --no-lexicon leaves the lexicon out.
import { parseArgs } from 'node:util';
import { openD1 } from './d1-sqlite.mjs';
import { lcqmcWorkload } from './datasets.mjs';
import { key } from './lcqmc.mjs';
import { demoEntries, loadResident } from './resident.mjs';
import { DEMO_ENTRIES } from '../../worker/seed/demo-data.ts';
import { indexStatements, invalidateSynonyms, searchFaq } from '../../worker/db/search.ts';
import { WEIGHTS } from '../../shared/match/weights.ts';

const { values: args } = parseArgs({
  options: {
    folds: { type: 'string', default: '4' },
    grid: { type: 'string', multiple: true, default: [] },
    try: { type: 'string', multiple: true, default: [] },
    lcqmc: { type: 'string', default: 'all' },
    'no-lexicon': { type: 'boolean', default: false },
  },
});
const TODAY = '2026-06-01';

async function load(rows) {
  const db = openD1(':memory:', 'worker/migrations', args['no-lexicon'] ? ['domain_lexicon'] : []);
  db.raw.exec(`INSERT INTO units (id, name, kind) VALUES ('u_bench', '基准测试', 'office')`);
  for (let i = 0; i < rows.length; i += 20_000) {
    const chunk = rows.slice(i, i + 20_000);
    const insert = db.prepare(
      `INSERT INTO faq_entries (id, question, answer, similar, keywords, topic, unit_id, status, created_at, updated_at)
       SELECT value->>'id', value->>'question', value->>'answer', value->'similar', value->'keywords', value->>'topic', 'u_bench', 'published', ?2, ?2
       FROM json_each(?1)`,
    );
    await db.batch([insert.bind(JSON.stringify(chunk), TODAY), ...indexStatements(db, chunk)]);
  }
  return db;
}

// The resident base: the demo district. LCQMC: its dev queries, or with --lcqmc N a sample (every n-th), for speed.
const residentDb = await load(demoEntries(DEMO_ENTRIES));
const resident = loadResident();
const lq = lcqmcWorkload();
const lcqmcRows = lq.entries.map((e, i) => ({ id: `e${i}`, ...e, similar: [], keywords: [], topic: '疫情防控' }));
const lcqmcDb = await load(lcqmcRows);
const keyOf = new Map(lcqmcRows.map((r) => [r.id, key(r.question)]));
const step = args.lcqmc === 'all' ? 1 : Math.max(1, Math.floor(lq.queries.length / Number(args.lcqmc)));
const lcqmc = lq.queries.filter((_, i) => i % step === 0);

/** Per question: rank of the right entry (or -1), the first two scores, whether the first is confident. */
async function run(db, questions, weights, want) {
  // The search caches the base's synonyms and size per isolate; here two bases share one.
  invalidateSynonyms();
  const out = [];
  for (const item of questions) {
    const items = await searchFaq(db, item.q, { limit: 3, today: TODAY, weights });
    out.push({ at: items.findIndex((it) => want(it, item)), s1: items[0]?.score ?? 0, s2: items[1]?.score ?? weights.minScore, confident: Boolean(items[0]?.confident) });
  }
  return out;
}

// Confidence does not change the order, so its two numbers are tried on the stored scores.
const CONFIDENT = [0.3, 0.33, 0.36, 0.39, 0.42, 0.45];
const LEAD = [0, 1, 2, 3];
const withConfidence = (results, confident, lead) =>
  results.map((r) => ({ ...r, confident: r.s1 > 0 && r.s1 + lead * (r.s1 - r.s2) >= confident }));

const folds = Number(args.folds);
const foldOf = (i) => i % folds;

function residentFigures(results, pick) {
  const by = {};
  resident.forEach((r, i) => {
    if (!pick(i)) return;
    const s = (by[r.kind] ??= { n: 0, r1: 0, confident: 0, rightConfident: 0 });
    s.n++;
    if (results[i].confident) s.confident++;
    if (r.want && results[i].at === 0) {
      s.r1++;
      if (results[i].confident) s.rightConfident++;
    }
  });
  return by;
}

/** One number to compare weights by: mean R@1 of the answerable kinds and of LCQMC, less the share of `none` answered confidently. */
function objective(res, lc, pickR, pickL) {
  const by = residentFigures(res, pickR);
  const kinds = ['colloquial', 'contrast', 'numbers', 'short'].filter((k) => by[k]?.n);
  const answerable = kinds.reduce((a, k) => a + by[k].r1 / by[k].n, 0) / kinds.length;
  const confidentRight = kinds.reduce((a, k) => a + by[k].rightConfident / by[k].n, 0) / kinds.length;
  const none = by.none?.n ? by.none.confident / by.none.n : 0;
  const lcSel = lc.filter((_, i) => pickL(i));
  const l1 = lcSel.filter((r) => r.at === 0).length / lcSel.length;
  return answerable + l1 + 0.5 * confidentRight - 2 * Math.max(0, none - 0.125);
}

function* configs() {
  for (const t of args.try) yield { ...WEIGHTS, ...JSON.parse(t) };
  if (!args.grid.length) return;
  const axes = args.grid.map((g) => {
    const [name, values] = g.split('=');
    return [name, values.split(',').map(Number)];
  });
  const walk = function* (i, acc) {
    if (i === axes.length) return yield { ...WEIGHTS, ...acc };
    for (const v of axes[i][1]) yield* walk(i + 1, { ...acc, [axes[i][0]]: v });
  };
  yield* walk(0, {});
}

const all = [];
for (const w of configs()) {
  const res = await run(residentDb, resident, w, (it, r) => it.id === r.want);
  const lc = await run(lcqmcDb, lcqmc, w, (it, r) => keyOf.get(it.id) === r.want);
  for (const confident of CONFIDENT) {
    for (const lead of LEAD) all.push({ w: { ...w, confident, lead }, res: withConfidence(res, confident, lead), lc });
  }
  const by = residentFigures(res, () => true);
  const fmt = Object.entries(by).map(([k, s]) => (k === 'none' ? `none ${s.confident}/${s.n}` : `${k} ${(s.r1 / s.n).toFixed(2)}`)).join('  ');
  const n1 = lc.filter((r) => r.at === 0).length;
  const n3 = lc.filter((r) => r.at >= 0 && r.at < 3).length;
  const diff = Object.entries(w).filter(([k, v]) => WEIGHTS[k] !== v).map(([k, v]) => `${k}=${v}`).join(' ') || 'chosen';
  console.log(`${diff.padEnd(40)} ${fmt}  lcqmc R@1 ${(n1 / lc.length).toFixed(3)} (${n1}) R@3 ${(n3 / lc.length).toFixed(3)} (${n3})`);
}

if (all.length > 1) {
  // Cross-validated: fold f of the resident questions and half h of LCQMC are judged with the
  // weights that score best on everything else.
  const held = [];
  for (let f = 0; f < folds; f++) {
    for (let h = 0; h < 2; h++) {
      const train = all.map((c) => objective(c.res, c.lc, (i) => foldOf(i) !== f, (i) => i % 2 !== h));
      const best = all[train.indexOf(Math.max(...train))];
      held.push({ f, h, best });
    }
  }
  const merged = { res: resident.map(() => null), lc: lcqmc.map(() => null) };
  for (let f = 0; f < folds; f++) {
    // A resident fold is judged by the weights chosen without it (and without LCQMC half 0).
    const { best } = held.find((x) => x.f === f && x.h === 0);
    resident.forEach((_, i) => { if (foldOf(i) === f) merged.res[i] = best.res[i]; });
  }
  for (let h = 0; h < 2; h++) {
    const { best } = held.find((x) => x.f === 0 && x.h === h);
    lcqmc.forEach((_, i) => { if (i % 2 === h) merged.lc[i] = best.lc[i]; });
  }
  const by = residentFigures(merged.res, () => true);
  console.log('\ncross-validated (each fold judged by weights chosen without it):');
  for (const [k, s] of Object.entries(by)) console.log(k === 'none' ? `  none: ${s.confident} of ${s.n} confidently answered` : `  ${k}: R@1 ${(s.r1 / s.n).toFixed(2)} (${s.r1}/${s.n})`);
  const l1 = merged.lc.filter((r) => r.at === 0).length / merged.lc.length;
  const l3 = merged.lc.filter((r) => r.at >= 0 && r.at < 3).length / merged.lc.length;
  console.log(`  lcqmc (${lcqmc.length} of ${lq.queries.length} queries): R@1 ${l1.toFixed(3)} R@3 ${l3.toFixed(3)}`);
  console.log('  chosen per fold:', held.map(({ f, h, best }) => `${f}/${h}: ${Object.entries(best.w).filter(([k, v]) => WEIGHTS[k] !== v).map(([k, v]) => `${k}=${v}`).join(' ') || 'defaults'}`).join(' | '));
}
