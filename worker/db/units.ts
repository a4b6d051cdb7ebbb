import type { Unit } from '../../shared/schemas/auth';

type UnitRow = { id: string; name: string; kind: Unit['kind']; parent_id: string | null; retired_at: string | null };
const toUnit = (r: UnitRow): Unit => ({ id: r.id, name: r.name, kind: r.kind, parentId: r.parent_id, retired: r.retired_at !== null });

/**
 * The units an office serves: the district (or city) its own unit sits in, and everything below.
 * A 政务公开办 is a unit of its district, so its district's subtree is its jurisdiction; a city's
 * office therefore reaches every district of the city. `userExpr` is SQL giving the user's id.
 */
export const JURISDICTION_OF_USER = (userExpr: string) => `
  WITH RECURSIVE down(id) AS (
    SELECT CASE WHEN n.kind = 'office' AND n.parent_id IS NOT NULL THEN n.parent_id ELSE n.id END
      FROM users x JOIN units n ON n.id = x.unit_id WHERE x.id = ${userExpr} AND x.role = 'office'
    UNION SELECT c.id FROM units c JOIN down d ON c.parent_id = d.id)
  SELECT id FROM down`;

/** A unit and everything below it. */
const SUBTREE = `
  WITH RECURSIVE down(id) AS (SELECT ?1 UNION SELECT c.id FROM units c JOIN down d ON c.parent_id = d.id)
  SELECT id FROM down`;

export async function listUnits(db: D1Database, { retired = false } = {}): Promise<Unit[]> {
  const { results } = await db
    .prepare(`SELECT id, name, kind, parent_id, retired_at FROM units WHERE ?1 = 1 OR retired_at IS NULL ORDER BY sort, name`)
    .bind(retired ? 1 : 0)
    .all<UnitRow>();
  return results.map(toUnit);
}

export async function getUnit(db: D1Database, id: string): Promise<Unit | null> {
  const row = await db.prepare('SELECT id, name, kind, parent_id, retired_at FROM units WHERE id = ?1').bind(id).first<UnitRow>();
  return row && toUnit(row);
}

/** A unit that can take new work (an inquiry, an answerer, an entry): it exists and is not retired. */
export async function getActiveUnit(db: D1Database, id: string): Promise<Unit | null> {
  const unit = await getUnit(db, id);
  return unit && !unit.retired ? unit : null;
}

export async function subtreeOf(db: D1Database, id: string): Promise<string[]> {
  const { results } = await db.prepare(SUBTREE).bind(id).all<{ id: string }>();
  return results.map((r) => r.id);
}

/** Office staff whose jurisdiction holds `unitId` (every office account when the question has no unit yet). */
export async function officeStaffFor(db: D1Database, unitId: string | null): Promise<string[]> {
  const { results } = await db
    .prepare(
      `WITH RECURSIVE up(id) AS (SELECT ?1 UNION SELECT n.parent_id FROM units n JOIN up ON n.id = up.id WHERE n.parent_id IS NOT NULL)
       SELECT x.id FROM users x JOIN units o ON o.id = x.unit_id
       WHERE x.role = 'office' AND x.status = 'active'
         AND (?1 IS NULL OR (CASE WHEN o.kind = 'office' AND o.parent_id IS NOT NULL THEN o.parent_id ELSE o.id END) IN (SELECT id FROM up))
       ORDER BY x.id`,
    )
    .bind(unitId)
    .all<{ id: string }>();
  return results.map((r) => r.id);
}

export async function insertUnit(db: D1Database, u: { id: string; name: string; kind: Unit['kind']; parentId: string; sort: number }) {
  await db
    .prepare('INSERT INTO units (id, name, kind, parent_id, sort) VALUES (?1, ?2, ?3, ?4, ?5)')
    .bind(u.id, u.name, u.kind, u.parentId, u.sort)
    .run();
}

export async function updateUnit(db: D1Database, id: string, u: { name?: string; parentId?: string; sort?: number }) {
  await db
    .prepare('UPDATE units SET name = COALESCE(?2, name), parent_id = COALESCE(?3, parent_id), sort = COALESCE(?4, sort) WHERE id = ?1')
    .bind(id, u.name ?? null, u.parentId ?? null, u.sort ?? null)
    .run();
}

/** Retires a unit (its history stays); answers false if it was already retired. */
export async function retireUnit(db: D1Database, id: string, now: string): Promise<boolean> {
  const r = await db.prepare('UPDATE units SET retired_at = ?2 WHERE id = ?1 AND retired_at IS NULL').bind(id, now).run();
  return r.meta.changes === 1;
}

export async function unitNameTaken(db: D1Database, name: string, exceptId: string | null): Promise<boolean> {
  const row = await db.prepare('SELECT id FROM units WHERE name = ?1 AND id <> COALESCE(?2, \'\')').bind(name, exceptId).first();
  return row !== null;
}
