import { normalize } from '../../shared/match/normalize';
import type { SynonymGroup } from '../../shared/schemas/faq';

type Row = { id: number; terms: string; updated_at: string };
const toGroup = (r: Row): SynonymGroup => ({ id: r.id, terms: JSON.parse(r.terms) as string[], updatedAt: r.updated_at });

export async function listSynonymGroups(db: D1Database): Promise<SynonymGroup[]> {
  const { results } = await db.prepare('SELECT id, terms, updated_at FROM synonym_groups ORDER BY id').all<Row>();
  return results.map(toGroup);
}

/**
 * The first of `terms` that another group already holds, with that group. The matcher would
 * keep only the first group's meaning of such a word, so the office is told instead.
 */
export async function findTakenTerm(db: D1Database, terms: string[], exceptId?: number) {
  const wanted = new Map(terms.map((t) => [normalize(t), t]));
  for (const group of await listSynonymGroups(db)) {
    if (group.id === exceptId) continue;
    const taken = group.terms.find((t) => wanted.has(normalize(t)));
    if (taken !== undefined) return { term: wanted.get(normalize(taken))!, group };
  }
  return null;
}

export async function insertSynonymGroup(db: D1Database, terms: string[], now: string): Promise<SynonymGroup> {
  const row = await db
    .prepare('INSERT INTO synonym_groups (terms, updated_at) VALUES (?1, ?2) RETURNING id, terms, updated_at')
    .bind(JSON.stringify(terms), now)
    .first<Row>();
  return toGroup(row!);
}

export async function updateSynonymGroup(db: D1Database, id: number, terms: string[], now: string) {
  const row = await db
    .prepare('UPDATE synonym_groups SET terms = ?2, updated_at = ?3 WHERE id = ?1 RETURNING id, terms, updated_at')
    .bind(id, JSON.stringify(terms), now)
    .first<Row>();
  return row ? toGroup(row) : null;
}

export async function deleteSynonymGroup(db: D1Database, id: number): Promise<boolean> {
  const r = await db.prepare('DELETE FROM synonym_groups WHERE id = ?1').bind(id).run();
  return r.meta.changes > 0;
}
