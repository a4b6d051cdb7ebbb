import { phrase } from '../../shared/match/fts';
import { normalize } from '../../shared/match/normalize';
import { commonDf, MAX_TERMS, planQuery } from '../../shared/match/query';
import { rank, type PhrasingKind } from '../../shared/match/rank';
import { WEIGHTS } from '../../shared/match/weights';
import { indexTerms } from '../../shared/match/tokens';
import type { PolicyType } from '../../shared/policy/constants';
import { canonicalDocNumbers, normalizeDocNumber } from '../../shared/policy/doc-number';
import type { Validity } from '../../shared/policy/rules';
import type { PolicySearchHit, PolicySection } from '../../shared/schemas/policy';
import { chunkJson } from '../lib/json-chunks';
import { loadContext } from './search';

// Policies are found by the knowledge base's matcher (shared/match): the same tokens, the same
// query plan with the office's synonyms, the same reranker. Only the index is their own: a
// policy's title, its 文号, its section headings and the sentences of its text, each a row of
// policy_phrasings under the FTS5 index policy_terms (migration 0007), as faq_phrasings is.

export type IndexablePolicy = { id: string; title: string; docNumber: string | null; sections: PolicySection[] };
type Row = { p: string; k: PhrasingKind; x: string; t: string };

// A resident's question is a sentence; so is each phrasing of the text, short enough for the
// reranker's length feature to mean something.
const SENTENCE = /[^。；！？!?;\n]+[。；！？!?;]?/gu;
const MIN_SENTENCE = 6;
const MAX_SENTENCE = 160;

function rows(p: IndexablePolicy): Row[] {
  const row = (k: PhrasingKind, x: string): Row | null => {
    const t = indexTerms(normalize(canonicalDocNumbers(x))).join(' ');
    return t ? { p: p.id, k, x, t } : null;
  };
  const sentences = p.sections.flatMap((s) =>
    (s.text.match(SENTENCE) ?? []).map((x) => x.trim()).filter((x) => x.length >= MIN_SENTENCE).map((x) => x.slice(0, MAX_SENTENCE)),
  );
  return [
    row('q', p.title),
    p.docNumber ? row('q', p.docNumber) : null,
    ...p.sections.filter((s) => s.heading).map((s) => row('s', s.heading)),
    ...sentences.map((x) => row('k', x)),
  ].filter((r): r is Row => r !== null);
}

let policyRows: { at: number; rows: number } | null = null;

/**
 * Statements that replace a policy's index rows; run them in the batch that saves it. With
 * `revision`, they apply only if that batch's guarded update stamped the policy with it.
 */
export function indexPolicyStatements(db: D1Database, p: IndexablePolicy, revision?: string): D1PreparedStatement[] {
  policyRows = null;
  const savedAt = revision;
  const saved = (id: string, at: string) => (savedAt === undefined ? '' : ` AND EXISTS (SELECT 1 FROM policies WHERE id = ${id} AND revision = ${at})`);
  const after = savedAt === undefined ? [] : [savedAt];
  return [
    db.prepare(`DELETE FROM policy_phrasings WHERE policy_id = ?1${saved('?1', '?2')}`).bind(p.id, ...after),
    ...chunkJson(rows(p)).map((json) =>
      db
        .prepare(
          `INSERT INTO policy_phrasings (policy_id, kind, text, terms)
           SELECT value->>'p', value->>'k', value->>'x', value->>'t' FROM json_each(?1) WHERE 1${saved('?2', '?3')}`,
        )
        .bind(json, ...(savedAt === undefined ? [] : [p.id, savedAt])),
    ),
  ];
}

const CACHE_MS = 60_000;
async function indexSize(db: D1Database, now = Date.now()): Promise<number> {
  if (policyRows && now - policyRows.at < CACHE_MS) return policyRows.rows;
  const row = await db.prepare('SELECT count(*) AS rows FROM policy_phrasings').first<{ rows: number }>();
  policyRows = { at: now, rows: row?.rows ?? 0 };
  return policyRows.rows;
}

// The statement of worker/db/search.ts over the policy index: the rarest terms of the question,
// FTS5's best phrasings by BM25, joined to published policies; the term counts come back as rows of kind 'v'.
const CANDIDATES_SQL = `
  WITH vocab AS MATERIALIZED (
    SELECT term, doc FROM policy_term_counts WHERE term IN (SELECT value FROM json_each(?1))
  ),
  picked AS (
    SELECT term FROM vocab
    WHERE doc <= max(?2, coalesce((SELECT doc FROM vocab ORDER BY doc LIMIT 1 OFFSET 1), (SELECT max(doc) FROM vocab), 0))
    ORDER BY doc LIMIT ?3
  ),
  expr AS (
    SELECT group_concat(quoted, ' OR ') AS m FROM (
      SELECT '"' || replace(term, '"', '""') || '"' AS quoted FROM picked
      UNION ALL SELECT value FROM json_each(?4)
    )
  ),
  hits AS (
    SELECT policy_id, kind, text, bm25(policy_terms) AS bm25 FROM policy_terms
    WHERE policy_terms MATCH coalesce((SELECT m FROM expr), '""')
    ORDER BY bm25 LIMIT ?5
  )
  SELECT 'v' AS kind, term AS id, NULL AS text, doc AS bm25 FROM vocab
  UNION ALL
  SELECT * FROM (
    SELECT h.kind, h.policy_id, h.text, h.bm25
    FROM hits h CROSS JOIN policies p ON p.id = h.policy_id
    WHERE p.status = 'published'
    ORDER BY h.bm25 LIMIT ?5
  )`;
const CANDIDATES = 200;

type PolicyHitRow = { id: string; title: string; doc_number: string | null; validity: Validity; type: PolicyType; unit_name: string };

async function hitRows(db: D1Database, ids: string[]): Promise<Map<string, PolicyHitRow>> {
  if (!ids.length) return new Map();
  const { results } = await db
    .prepare(
      `SELECT p.id, p.title, p.doc_number, p.validity, p.type, u.name AS unit_name FROM policies p JOIN units u ON u.id = p.unit_id
       WHERE p.id IN (SELECT value FROM json_each(?1)) AND p.status = 'published'`,
    )
    .bind(JSON.stringify(ids))
    .all<PolicyHitRow>();
  return new Map(results.map((r) => [r.id, r]));
}

/** Published policies best first. A 文号 typed any way finds its policy first. */
export async function searchPolicies(db: D1Database, q: string, opts: { limit: number }): Promise<PolicySearchHit[]> {
  const context = await loadContext(db);
  const text = canonicalDocNumbers(q);
  const exact = normalizeDocNumber(q);
  const exactIds = exact
    ? (await db.prepare("SELECT id FROM policies WHERE doc_key = ?1 AND status = 'published' ORDER BY published_at DESC").bind(exact).all<{ id: string }>()).results.map((r) => r.id)
    : [];
  const plan = planQuery(text, context.synonyms);
  let ranked: { id: string; score: number; matched?: string }[] = [];
  if (plan) {
    const rowsCount = await indexSize(db);
    const { results } = await db
      .prepare(CANDIDATES_SQL)
      .bind(JSON.stringify(plan.terms), commonDf(rowsCount), MAX_TERMS, JSON.stringify(plan.phrases.map(phrase)), CANDIDATES)
      .all<{ kind: PhrasingKind | 'v'; id: string; text: string; bm25: number }>();
    const df = new Map<string, number>();
    const candidates = [];
    for (const r of results) {
      if (r.kind === 'v') df.set(r.id, r.bm25);
      else candidates.push({ id: r.id, kind: r.kind, text: r.text, bm25: -r.bm25 });
    }
    // A document has hundreds of sentences, so almost any question shares a fragment with one of
    // them: a policy is related only when one of its phrasings is as close to the question as a
    // confident answer would be (a 文号 typed any way is found above, regardless).
    ranked = rank(plan, candidates, context.synonyms, { df, rows: Math.max(rowsCount, 1) }).filter((r) => r.score >= WEIGHTS.confident);
  }
  const order: { id: string; score: number; matched?: string }[] = [...exactIds.map((id) => ({ id, score: 1 })), ...ranked.filter((r) => !exactIds.includes(r.id))].slice(0, opts.limit);
  const found = await hitRows(db, order.map((r) => r.id));
  return order.flatMap((r) => {
    const p = found.get(r.id);
    if (!p) return [];
    const hit: PolicySearchHit = { id: p.id, title: p.title, docNumber: p.doc_number, validity: p.validity, type: p.type, unitName: p.unit_name, score: r.score };
    if (r.matched) hit.matched = r.matched;
    return [hit];
  });
}
