import { Hono } from 'hono';
import { addDays } from '../../shared/calendar';
import { statsQuery, type StatsAnswer, type StatsUnitRow } from '../../shared/schemas/stats';
import { loadOverrides } from '../db/calendar';
import { interpretationCounts } from '../db/policies';
import { statsCounts, statsUnits, type StatsScope } from '../db/stats';
import { subtreeOf } from '../db/units';
import { listAnswerers } from '../db/users';
import type { AppEnv, SessionUser } from '../env';
import { currentUser, requireRole } from '../lib/auth';
import { forbidden } from '../lib/errors';
import { validate } from '../lib/validate';
import { rosterGaps } from '../rules/roster';
import { emptyCounts, figures, REPLY_DAYS_LOOKBACK, statsPeriod, sumCounts, workingDayIndex, type StatsCounts } from '../rules/stats';

/** An office sees its jurisdiction (or the part under `unitId`), an editor their own unit; nobody else. */
async function scopeOf(db: D1Database, user: SessionUser, unitId: string | undefined): Promise<StatsScope> {
  if (user.role === 'editor') {
    if (unitId !== undefined && unitId !== user.unitId) throw forbidden('只能查看本单位的统计');
    return { unitIds: user.units, unrouted: false };
  }
  if (unitId === undefined) return { unitIds: user.units, unrouted: true };
  if (!user.units.includes(unitId)) throw forbidden('只能查看本辖区的统计');
  const below = await subtreeOf(db, unitId);
  return { unitIds: below.filter((id) => user.units.includes(id)), unrouted: false };
}

export const statsRoutes = new Hono<AppEnv>().get('/stats', requireRole('editor', 'office'), validate('query', statsQuery), async (c) => {
  const user = currentUser(c);
  const query = c.req.valid('query');
  const db = c.env.DB;
  const now = new Date();
  const period = statsPeriod(query, now);
  const scope = await scopeOf(db, user, query.unitId);
  const overrides = await loadOverrides(db);
  const indexFrom = addDays(period.from, -REPLY_DAYS_LOOKBACK);
  const dayIndex = workingDayIndex(indexFrom, period.to, overrides);

  const [counts, units, interpretation, answerers] = await Promise.all([
    statsCounts(db, scope, { ...period, indexFrom, dayIndex }),
    statsUnits(db, scope.unitIds),
    interpretationCounts(db, scope.unitIds),
    listAnswerers(db, {}),
  ]);
  const of = (unit: string | null): StatsCounts => {
    let row = counts.get(unit);
    if (!row) counts.set(unit, (row = emptyCounts()));
    return row;
  };
  for (const r of interpretation) Object.assign(of(r.unit_id), { policiesNeedingInterpretation: r.needing, policiesInterpreted: r.interpreted });
  const gaps = rosterGaps(
    units.map((u) => ({ id: u.id, name: u.name, kind: u.kind, retired: u.retired })),
    answerers.filter((a) => scope.unitIds.includes(a.unitId)),
  );
  for (const g of gaps) of(g.unitId).rosterGaps += 1;

  const byUnit: StatsUnitRow[] = [];
  for (const u of units) {
    const row = counts.get(u.id);
    // A retired unit stays in the table only while the period has something of it.
    if (u.retired && !row) continue;
    byUnit.push({ unitId: u.id, unitName: u.name, kind: u.kind, ...figures(row ?? emptyCounts()) });
  }
  const unrouted = counts.get(null);
  if (scope.unrouted && unrouted) byUnit.push({ unitId: null, unitName: '未分派', kind: null, ...figures(unrouted) });

  const answer: StatsAnswer = {
    from: period.from,
    to: period.to,
    unitId: query.unitId ?? null,
    generatedAt: now.toISOString(),
    ...figures(sumCounts([...counts.values()])),
    byUnit,
  };
  return c.json(answer);
});
