// `npm run bench:match -- --remote`: the resident questions with the semantic stage, where the
// service exists. The demo district is seeded into node:sqlite (the same SQL and matcher code as
// the worker), its entries are embedded by worker/jobs/embed.ts through Workers AI's REST API,
// the vectors kept in memory (as Vectorize keeps them), and each question asked with and
// without the stage. Needs CLOUDFLARE_ACCOUNT_ID and CLOUDFLARE_API_TOKEN (Workers AI: Read).
const { CLOUDFLARE_ACCOUNT_ID: account, CLOUDFLARE_API_TOKEN: token } = process.env;
if (!account || !token) {
  console.error('bench:match --remote needs CLOUDFLARE_ACCOUNT_ID and CLOUDFLARE_API_TOKEN (a token allowed to run Workers AI).');
  process.exit(2);
}
const { openD1 } = await import('./d1-sqlite.mjs');
const { demoEntries, formatResident, loadResident, residentScores } = await import('./resident.mjs');
const { embedPending } = await import('../../worker/jobs/embed.ts');
const { indexStatements, searchFaq } = await import('../../worker/db/search.ts');
const { semanticOf } = await import('../../worker/lib/semantic.ts');
const { DEMO_ENTRIES } = await import('../../worker/seed/demo-data.ts');
// The in-memory index the worker tests use in Vectorize's place: brute-force cosine, exact.
const { fakeIndex: memoryIndex } = await import('../../test/worker/fake-semantic.ts');

/** The Workers AI binding's `run`, over the REST API. */
const ai = {
  async run(model, input) {
    const res = await fetch(`https://api.cloudflare.com/client/v4/accounts/${account}/ai/run/${model}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    });
    const body = await res.json();
    if (!res.ok || !body.success) throw new Error(`Workers AI ${res.status}: ${JSON.stringify(body.errors ?? body).slice(0, 300)}`);
    return body.result;
  },
};

const TODAY = new Date().toISOString().slice(0, 10);
const db = openD1();
const entries = demoEntries(DEMO_ENTRIES);
db.raw.exec(`INSERT INTO units (id, name, kind) VALUES ('u_bench', '基准测试', 'office')`);
await db.batch([
  db
    .prepare(
      `INSERT INTO faq_entries (id, question, answer, similar, keywords, topic, unit_id, status, created_at, updated_at)
       SELECT value->>'id', value->>'question', value->>'answer', value->'similar', value->'keywords', value->>'topic', 'u_bench', 'published', ?2, ?2
       FROM json_each(?1)`,
    )
    .bind(JSON.stringify(entries), new Date().toISOString()),
  ...indexStatements(db, entries),
]);
// Generous: the REST API is farther away than a Worker's binding.
const env = { DB: db, AI: ai, VECTORIZE: memoryIndex(), SEMANTIC_BUDGET_MS: '10000' };
let embedded = 0;
for (;;) {
  const run = await embedPending(env);
  if (run.failed) throw new Error('embedding failed (see the warning above)');
  if (!run.embedded && !run.removed) break;
  embedded += run.embedded;
}
console.log(`embedded ${embedded} entries (${env.VECTORIZE.vectors.size} vectors)`);

const questions = loadResident();
for (const [label, semantic] of [['lexical alone', null], ['with the semantic stage', semanticOf(env)]]) {
  const results = [];
  for (const { q } of questions) results.push(await searchFaq(db, q, { limit: 3, today: TODAY, semantic }));
  console.log(`\n== resident questions, ${label}`);
  console.log(formatResident(residentScores(questions, results)));
}
