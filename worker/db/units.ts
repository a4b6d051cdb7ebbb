import type { Unit } from '../../shared/schemas/auth';

export async function listUnits(db: D1Database): Promise<Unit[]> {
  const { results } = await db
    .prepare('SELECT id, name, kind FROM units ORDER BY sort, name')
    .all<Unit>();
  return results;
}

export async function getUnit(db: D1Database, id: string): Promise<Unit | null> {
  return db.prepare('SELECT id, name, kind FROM units WHERE id = ?1').bind(id).first<Unit>();
}
