import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, entryBody, login, termCountMismatches, type Json } from './helpers';

// Every guarded write, sent many times at once: exactly one wins, the rest are 409s that wrote
// nothing, and the database afterwards (ledger, notices, search index) holds the winner's change only.

const ROUNDS = 4;
const AT_ONCE = 8;
// Rare characters, one pair per contender, so a search for one finds only the phrasing that holds it.
const WORDS = ['麒麟', '凤凰', '饕餮', '貔貅', '鲲鹏', '獬豸', '狻猊', '睚眦'];

afterEach(() => {
  vi.useRealTimers();
});

/** A Worker's clock moves only on I/O: in half the rounds every contender reads the same millisecond. */
function maybeFreeze(round: number) {
  if (round % 2 === 0) vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 1000 });
}

const winners = (results: { status: number }[]) => results.flatMap((r, i) => (r.status === 200 ? [i] : []));

async function all<T>(sql: string, ...binds: unknown[]) {
  return (await env.DB.prepare(sql).bind(...binds).all<T>()).results;
}

/** FTS5's own check that each index matches its content table, and the phrasings match their entries. */
async function expectIndexConsistent() {
  await env.DB.prepare("INSERT INTO faq_terms (faq_terms, rank) VALUES ('integrity-check', 1)").run();
  await env.DB.prepare("INSERT INTO policy_terms (policy_terms, rank) VALUES ('integrity-check', 1)").run();
  expect(await termCountMismatches('faq')).toEqual([]);
  expect(await termCountMismatches('policy')).toEqual([]);
  const entries = await all<{ id: string; question: string; similar: string; keywords: string }>('SELECT id, question, similar, keywords FROM faq_entries');
  const phrasings = await all<{ entry_id: string; kind: string; text: string }>("SELECT entry_id, kind, text FROM faq_phrasings WHERE kind IN ('q', 's', 'k') ORDER BY id");
  const held = new Map<string, string[]>();
  for (const p of phrasings) (held.get(p.entry_id) ?? held.set(p.entry_id, []).get(p.entry_id)!).push(`${p.kind}:${p.text}`);
  const expected = new Map(
    entries.map((e) => {
      const keywords = JSON.parse(e.keywords) as string[];
      return [e.id, [`q:${e.question}`, ...(JSON.parse(e.similar) as string[]).map((s) => `s:${s}`), ...(keywords.length ? [`k:${keywords.join(' ')}`] : [])].sort()];
    }),
  );
  for (const id of held.keys()) expect(expected.has(id), `phrasings of a missing entry ${id}`).toBe(true);
  for (const [id, rows] of expected) expect((held.get(id) ?? []).sort(), `phrasings of ${id}`).toEqual(rows);
}

async function searchIds(q: string) {
  const res = await api(`/api/faq/search?q=${encodeURIComponent(q)}&limit=10`);
  expect(res.status).toBe(200);
  return (res.body.items as Json[]).map((i) => i.id as string);
}

describe('concurrent guarded writes', () => {
  it('FAQ edits from one version: one wins, the others write nothing, index included', async () => {
    const editor = await login('editor', 'u_t_rsj');
    for (let round = 0; round < ROUNDS; round++) {
      const created = await api('/api/faq', { token: editor, body: entryBody({ publish: true, similar: [], keywords: [] }) });
      expect(created.status).toBe(201);
      const entry = created.body;
      maybeFreeze(round);
      const results = await Promise.all(
        WORDS.map((w) =>
          api(`/api/faq/${entry.id}`, { method: 'PATCH', token: editor, body: { similar: [`${w}补贴怎么领取`], keywords: [`${w}津贴`], baseUpdatedAt: entry.updatedAt } }),
        ),
      );
      vi.useRealTimers();
      const won = winners(results);
      expect(won, `round ${round}`).toHaveLength(1);
      expect(results.filter((r) => r.status === 409)).toHaveLength(AT_ONCE - 1);
      const word = WORDS[won[0]!]!;
      const [row] = await all<{ similar: string; keywords: string }>('SELECT similar, keywords FROM faq_entries WHERE id = ?1', entry.id);
      expect(JSON.parse(row!.similar)).toEqual([`${word}补贴怎么领取`]);
      expect(JSON.parse(row!.keywords)).toEqual([`${word}津贴`]);
      await expectIndexConsistent();
      expect(await searchIds(word)).toContain(entry.id);
      for (const loser of WORDS.filter((w) => w !== word)) expect(await searchIds(loser), loser).not.toContain(entry.id);
    }
  });

  it('replies to one inquiry: one answer, one event, one notice', async () => {
    const answerer = await login('answerer', 'u_t_rsj', '并发解答员');
    const editor = await login('editor', 'u_t_rsj');
    const office = await login('office', 'u_office');
    const staff = [answerer, editor, office];
    for (let round = 0; round < ROUNDS; round++) {
      const resident = await login('resident');
      const asked = await api('/api/inquiries', { token: resident, body: { question: `第${round}轮：失业保险金怎么申领？`, unitId: 'u_t_rsj' } });
      expect(asked.status).toBe(201);
      const id = asked.body.id as string;
      maybeFreeze(round);
      const results = await Promise.all(
        WORDS.map((w, i) => api(`/api/inquiries/${id}/reply`, { token: staff[i % staff.length], body: { reply: `${w}：请携带身份证到窗口办理。` } })),
      );
      vi.useRealTimers();
      const won = winners(results);
      expect(won, `round ${round}`).toHaveLength(1);
      expect(results.filter((r) => r.status === 409)).toHaveLength(AT_ONCE - 1);
      const [row] = await all<{ reply: string; status: string; version: number }>('SELECT reply, status, version FROM inquiries WHERE id = ?1', id);
      expect(row).toMatchObject({ reply: `${WORDS[won[0]!]}：请携带身份证到窗口办理。`, status: 'answered', version: asked.body.version + 1 });
      expect(await all('SELECT id FROM inquiry_events WHERE inquiry_id = ?1 AND type = ?2', id, 'replied')).toHaveLength(1);
      expect(await all("SELECT id FROM outbox WHERE inquiry_id = ?1 AND kind = 'replied'", id)).toHaveLength(1);
    }
  });

  it('ratings of one answer: one rating, one follow-up at most', async () => {
    const answerer = await login('answerer', 'u_t_ybj', '评价解答员');
    const ratings = ['非常满意', '满意', '基本满意', '不满意', '非常不满意', '不满意', '满意', '非常不满意'];
    for (let round = 0; round < ROUNDS; round++) {
      const resident = await login('resident');
      const asked = await api('/api/inquiries', { token: resident, body: { question: `第${round}轮：医保报销比例是多少？`, unitId: 'u_t_ybj' } });
      const replied = await api(`/api/inquiries/${asked.body.id}/reply`, { token: answerer, body: { reply: '按规定比例报销。' } });
      expect(replied.status).toBe(200);
      maybeFreeze(round);
      const results = await Promise.all(ratings.map((rating) => api(`/api/inquiries/${asked.body.id}/rate`, { token: resident, body: { rating } })));
      vi.useRealTimers();
      const won = winners(results);
      expect(won, `round ${round}`).toHaveLength(1);
      expect(results.filter((r) => r.status === 409)).toHaveLength(AT_ONCE - 1);
      const rating = ratings[won[0]!]!;
      const [row] = await all<{ rating: string; status: string }>('SELECT rating, status FROM inquiries WHERE id = ?1', asked.body.id);
      expect(row).toEqual({ rating, status: 'closed' });
      expect(await all("SELECT id FROM inquiry_events WHERE inquiry_id = ?1 AND type = 'rated'", asked.body.id)).toHaveLength(1);
      const followups = await all<{ rating: string }>('SELECT rating FROM followups WHERE inquiry_id = ?1', asked.body.id);
      expect(followups).toEqual(rating.includes('不满意') ? [{ rating }] : []);
    }
  });

  it('transfers of one inquiry: it lands in one unit, whose staff alone are told', async () => {
    const units = Array.from({ length: AT_ONCE }, (_, i) => `u_race_${i}`);
    await env.DB.batch(units.map((u, i) => env.DB.prepare("INSERT OR IGNORE INTO units (id, name, kind, parent_id) VALUES (?1, ?2, 'department', 'u_district')").bind(u, `并发转办单位${i}`)));
    const answerers = new Map<string, string>();
    for (const u of units) {
      await login('answerer', u, `${u}解答员`);
      const [a] = await all<{ id: string }>("SELECT id FROM users WHERE unit_id = ?1 AND role = 'answerer'", u);
      answerers.set(u, a!.id);
    }
    const editor = await login('editor', 'u_t_jd');
    for (let round = 0; round < ROUNDS; round++) {
      const resident = await login('resident');
      const asked = await api('/api/inquiries', { token: resident, body: { question: `第${round}轮：这件事该找哪个部门？`, unitId: 'u_t_jd' } });
      expect(asked.status).toBe(201);
      const id = asked.body.id as string;
      maybeFreeze(round);
      const results = await Promise.all(units.map((unitId) => api(`/api/inquiries/${id}/transfer`, { token: editor, body: { unitId, reason: '职责不属本单位' } })));
      vi.useRealTimers();
      const won = winners(results);
      expect(won, `round ${round}`).toHaveLength(1);
      expect(results.filter((r) => r.status === 409)).toHaveLength(AT_ONCE - 1);
      const unit = units[won[0]!]!;
      const [row] = await all<{ unit_id: string; answerer_id: string; due_at: string }>('SELECT unit_id, answerer_id, due_at FROM inquiries WHERE id = ?1', id);
      expect(row).toEqual({ unit_id: unit, answerer_id: answerers.get(unit), due_at: asked.body.dueAt });
      expect(await all("SELECT id FROM inquiry_events WHERE inquiry_id = ?1 AND type = 'transferred'", id)).toHaveLength(1);
      const told = await all<{ user_id: string }>("SELECT user_id FROM outbox WHERE inquiry_id = ?1 AND kind = 'assigned' AND user_id IN (SELECT id FROM users WHERE unit_id LIKE 'u_race_%')", id);
      expect(told.map((t) => t.user_id)).toEqual([answerers.get(unit)]);
    }
  });

  it('one submission sent many times with its Idempotency-Key: one inquiry, one ticket, one ledger', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const resident = await login('resident');
      const key = `race-key-${round}-${crypto.randomUUID()}`;
      const body = { question: `第${round}轮：孩子入学需要哪些材料？`, topic: '教育' };
      maybeFreeze(round);
      const results = await Promise.all(Array.from({ length: AT_ONCE }, () => api('/api/inquiries', { token: resident, body, headers: { 'Idempotency-Key': key } })));
      vi.useRealTimers();
      expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
      expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
      expect(new Set(results.map((r) => r.body.ticket)).size).toBe(1);
      const id = results[0]!.body.id as string;
      expect(await all('SELECT id FROM inquiries WHERE idempotency_key = ?1', key)).toHaveLength(1);
      expect(await all("SELECT id FROM inquiry_events WHERE inquiry_id = ?1 AND type = 'submitted'", id)).toHaveLength(1);
    }
  });

  it('one Idempotency-Key sent with different words at once: one inquiry, the others 409', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const resident = await login('resident');
      const key = `race-other-${round}-${crypto.randomUUID()}`;
      maybeFreeze(round);
      const results = await Promise.all(
        WORDS.map((w) => api('/api/inquiries', { token: resident, body: { question: `${w}：第${round}轮的不同问题` }, headers: { 'Idempotency-Key': key } })),
      );
      vi.useRealTimers();
      const created = results.flatMap((r, i) => (r.status === 201 ? [i] : []));
      expect(created, `round ${round}`).toHaveLength(1);
      expect(results.filter((r) => r.status === 409)).toHaveLength(AT_ONCE - 1);
      const rows = await all<{ question: string }>('SELECT question FROM inquiries WHERE idempotency_key = ?1', key);
      expect(rows).toEqual([{ question: `${WORDS[created[0]!]}：第${round}轮的不同问题` }]);
    }
  });
});
