import { phrase } from '../../shared/match/fts';
import { fuse } from '../../shared/match/fuse';
import { normalize } from '../../shared/match/normalize';
import { commonDf, MAX_TERMS, planQuery } from '../../shared/match/query';
import { answerPart, rank, type EntryText, type PhrasingKind, type Ranked } from '../../shared/match/rank';
import { buildSynonyms, type SynonymTable } from '../../shared/match/synonyms';
import { indexTerms } from '../../shared/match/tokens';
import type { MatchWeights } from '../../shared/match/weights';
import type { SearchItem } from '../../shared/schemas/faq';
import { chunkJson } from '../lib/json-chunks';
import { nearestEntries, type Semantic } from '../lib/semantic';

export type IndexableEntry = { id: string; question: string; answer: string; similar: string[]; keywords: string[]; topic: string };
export type SearchHit = SearchItem;

type TermRow = { e: string; k: PhrasingKind; x: string; t: string };

// Synonyms and the size of the index change rarely; one read per isolate per minute is
// plenty. The synonym routes call invalidateSynonyms() so their own isolate sees an edit at
// once; other isolates within the minute.
const CACHE_MS = 60_000;
let cache: { at: number; synonyms: SynonymTable; rows: number } | null = null;

export function invalidateSynonyms(): void {
  cache = null;
}

function termRows(entry: IndexableEntry): TermRow[] {
  const row = (k: PhrasingKind, x: string): TermRow | null => {
    const t = indexTerms(normalize(x)).join(' ');
    // The answer's text is read from the entry itself; its row holds only the terms.
    return t ? { e: entry.id, k, x: k === 'a' ? '' : x, t } : null;
  };
  const answer = answerPart(entry.question, entry.answer);
  const rows = [
    row('q', entry.question),
    ...entry.similar.map((s) => row('s', s)),
    // Keywords are a bag of words, not a sentence: one row for all of them. The topic is not
    // indexed: a topic word would match every entry of the topic equally; the topic filter does that.
    entry.keywords.length ? row('k', entry.keywords.join(' ')) : null,
    // Residents describe their situation; answers say who qualifies. The answer is found too,
    // and weighs below the questions (shared/match/rank.ts); one that only repeats the question
    // adds nothing but weight to its words.
    answer ? row('a', answer) : null,
  ];
  return rows.filter((r): r is TermRow => r !== null);
}

// The phrasings live in faq_phrasings (found by entry through an ordinary index); triggers keep
// the FTS5 index faq_terms in step (migration 0004).

// With `revision`, a statement applies only to entries stamped with that revision: in a batch
// after a guarded update (updateStatement's `guard`), the index changes only if that update won.
const revisionGuard = (entryId: string, revision?: string) =>
  revision === undefined ? ['', []] as const : [` AND EXISTS (SELECT 1 FROM faq_entries WHERE id = ${entryId} AND revision = ?2)`, [revision]] as const;

/** Statements that drop the index rows of these entries. */
export function unindexStatements(db: D1Database, ids: string[], revision?: string): D1PreparedStatement[] {
  const [guard, binds] = revisionGuard('faq_phrasings.entry_id', revision);
  return chunkJson(ids).map((json) =>
    db.prepare(`DELETE FROM faq_phrasings WHERE entry_id IN (SELECT value FROM json_each(?1))${guard}`).bind(json, ...binds),
  );
}

/** Statements that replace the index rows of these entries; run them in the batch that writes the entries. */
export function indexStatements(db: D1Database, entries: IndexableEntry[], revision?: string): D1PreparedStatement[] {
  // The index is about to grow or change: this isolate re-reads its size on the next search.
  cache = null;
  const [guard, binds] = revisionGuard("value->>'e'", revision);
  const inserts = chunkJson(entries.flatMap(termRows)).map((json) =>
    db
      .prepare(
        `INSERT INTO faq_phrasings (entry_id, kind, text, terms)
         SELECT value->>'e', value->>'k', value->>'x', value->>'t' FROM json_each(?1) WHERE 1${guard}`,
      )
      .bind(json, ...binds),
  );
  return [...unindexStatements(db, entries.map((e) => e.id), revision), ...inserts];
}

export async function loadContext(db: D1Database, now = Date.now()) {
  if (cache && now - cache.at < CACHE_MS) return cache;
  const [groups, count] = await db.batch<{ terms: string } | { rows: number }>([
    db.prepare('SELECT terms FROM synonym_groups ORDER BY id'),
    db.prepare('SELECT count(*) AS rows FROM faq_phrasings'),
  ]);
  const parsed = (groups?.results ?? []).map((r) => JSON.parse((r as { terms: string }).terms) as unknown);
  const lists = parsed.filter((g): g is string[] => Array.isArray(g) && g.every((t) => typeof t === 'string'));
  const rows = (count?.results[0] as { rows: number } | undefined)?.rows ?? 0;
  cache = { at: now, synonyms: buildSynonyms(lists), rows };
  return cache;
}

// One statement, one round trip. It reads how common each term of the question is
// (faq_term_counts, kept by triggers: migration 0023), keeps the rarest (the rule of commonDf in
// shared/match/query.ts), builds the MATCH expression, lets FTS5 keep the best phrasings by
// BM25 and joins their entries, filtered to what the public may see.
// The term counts come back too, as rows of kind 'v' (term in id, count in bm25): the reranker
// weighs the question's characters by them.
const CANDIDATES_SQL = `
  WITH vocab AS MATERIALIZED (
    SELECT term, doc FROM faq_term_counts WHERE term IN (SELECT value FROM json_each(?1))
  ),
  picked AS (
    SELECT term FROM vocab
    -- rare enough, or else the two rarest: a question of only common words still finds something
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
    SELECT entry_id, kind, text, bm25(faq_terms) AS bm25 FROM faq_terms
    WHERE faq_terms MATCH coalesce((SELECT m FROM expr), '""')  -- an empty phrase matches nothing
    ORDER BY bm25 LIMIT ?5
  )
  SELECT 'v' AS kind, term AS id, NULL AS text, doc AS bm25, NULL AS question, NULL AS answer, NULL AS topic,
    NULL AS similar, NULL AS keywords FROM vocab
  UNION ALL
  SELECT * FROM (
    SELECT h.kind, h.entry_id, h.text, h.bm25, e.question, e.answer, e.topic, e.similar, e.keywords
    FROM hits h CROSS JOIN faq_entries e ON e.id = h.entry_id  -- CROSS: the hits drive, by primary key
    WHERE e.status = 'published'
      AND (e.valid_from IS NULL OR e.valid_from <= ?6)
      AND (e.valid_until IS NULL OR e.valid_until >= ?6)
      AND (?7 IS NULL OR e.topic = ?7)
    ORDER BY h.bm25 LIMIT ?8
  )`;

// FTS5 orders phrasings by BM25 and keeps the best CANDIDATES; the reranker reorders them
// with features BM25 cannot see. With a topic filter FTS5 keeps more, so that enough of the
// topic's phrasings survive the filter.
const CANDIDATES = 100;
const HITS_WITH_TOPIC = 1000;

type CandidateRow = {
  id: string;
  kind: PhrasingKind;
  text: string;
  bm25: number;
  question: string;
  answer: string;
  topic: string;
  similar: string;
  keywords: string;
};
type TermCountRow = { kind: 'v'; id: string; bm25: number };
type ResultRow = CandidateRow | TermCountRow;

const strings = (json: string | null): string[] => {
  const v = json ? (JSON.parse(json) as unknown) : [];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
};

// The entries the semantic stage found that the words did not, filtered like the candidates.
const NEIGHBOURS_SQL = `
  SELECT id, question, answer, topic FROM faq_entries
  WHERE id IN (SELECT value FROM json_each(?1)) AND status = 'published'
    AND (valid_from IS NULL OR valid_from <= ?2) AND (valid_until IS NULL OR valid_until >= ?2)
    AND (?3 IS NULL OR topic = ?3)`;

type ShownEntry = Pick<CandidateRow, 'id' | 'question' | 'answer' | 'topic'>;

/**
 * Best first. Only entries published and valid on `today` (YYYY-MM-DD) are returned. With
 * `semantic` (worker/lib/semantic.ts), the entries nearest in meaning are fused with the
 * lexical ranking (shared/match/fuse.ts); if that stage fails or is late, the words alone decide.
 */
export async function searchFaq(
  db: D1Database,
  q: string,
  // `weights` only for the benchmark's cross-validation; the app uses the chosen ones.
  opts: { limit: number; topic?: string; today: string; weights?: MatchWeights; semantic?: Semantic | null },
): Promise<SearchHit[]> {
  const near = opts.semantic && q.trim() ? nearestEntries(opts.semantic, q) : null;
  const { ranked, entries } = await lexical(db, q, opts);
  const neighbours = near ? await near : [];
  let shown = ranked;
  if (neighbours.length) {
    const unseen = neighbours.map((n) => n.id).filter((id) => !entries.has(id));
    if (unseen.length) {
      const { results } = await db.prepare(NEIGHBOURS_SQL).bind(JSON.stringify(unseen), opts.today, opts.topic ?? null).all<ShownEntry>();
      for (const r of results) entries.set(r.id, r);
    }
    shown = fuse(ranked, neighbours.filter((n) => entries.has(n.id)));
  }
  return shown.slice(0, opts.limit).flatMap((r) => {
    const entry = entries.get(r.id);
    if (!entry) return [];
    const hit: SearchHit = { id: r.id, question: entry.question, answer: entry.answer, score: r.score, topic: entry.topic, confident: r.confident };
    if (r.matched) hit.matched = r.matched;
    return [hit];
  });
}

/** The lexical matcher: FTS5's candidates reranked by shared/match/rank.ts, with the entries they came from. */
async function lexical(
  db: D1Database,
  q: string,
  opts: { topic?: string; today: string; weights?: MatchWeights },
): Promise<{ ranked: Ranked[]; entries: Map<string, ShownEntry> }> {
  const context = await loadContext(db);
  const plan = planQuery(q, context.synonyms);
  if (!plan) return { ranked: [], entries: new Map() };
  const { results } = await db
    .prepare(CANDIDATES_SQL)
    .bind(
      JSON.stringify(plan.terms),
      commonDf(context.rows),
      MAX_TERMS,
      JSON.stringify(plan.phrases.map(phrase)),
      opts.topic ? HITS_WITH_TOPIC : CANDIDATES,
      opts.today,
      opts.topic ?? null,
      CANDIDATES,
    )
    .all<ResultRow>();
  const df = new Map<string, number>();
  const rows: CandidateRow[] = [];
  for (const r of results) {
    if (r.kind === 'v') df.set(r.id, r.bm25);
    else rows.push(r);
  }
  const entryOf = new Map<string, CandidateRow>(rows.map((r) => [r.id, r]));
  const texts = new Map<string, EntryText>(
    [...entryOf.values()].map((r) => [r.id, { question: r.question, answer: r.answer, similar: strings(r.similar), keywords: strings(r.keywords) }]),
  );
  const ranked = rank(
    plan,
    rows.map((r) => ({ id: r.id, kind: r.kind, text: r.text, bm25: -r.bm25 })),
    context.synonyms,
    { df, rows: Math.max(context.rows, 1) },
    { entries: texts, weights: opts.weights },
  );
  return { ranked, entries: entryOf };
}
