import { Hono } from 'hono';
import { addDays, shanghaiDay } from '../../shared/calendar';
import {
  statsQuery,
  statsTrendQuery,
  TREND_MAX_BUCKETS,
  trendBuckets,
  weekStart,
  type StatsAnswer,
  type StatsTrend,
  type StatsUnitRow,
} from '../../shared/schemas/stats';
import { loadOverrides } from '../db/calendar';
import { interpretationCounts } from '../db/policies';
import { statsCounts, statsTrend, statsUnits, type StatsScope } from '../db/stats';
import { subtreeOf } from '../db/units';
import { listAnswerers } from '../db/users';
import type { AppEnv, SessionUser } from '../env';
import { currentUser, requireRole } from '../lib/auth';
import { ApiError, forbidden } from '../lib/errors';
import { validate } from '../lib/validate';
import { rosterGaps } from '../rules/roster';
import { emptyCounts, figures, kbRate, rate, REPLY_DAYS_LOOKBACK, statsPeriod, sumCounts, workingDayIndex, type StatsCounts } from '../rules/stats';

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
})
  .get('/stats/trend', requireRole('editor', 'office'), validate('query', statsTrendQuery), async (c) => {
    const user = currentUser(c);
    const query = c.req.valid('query');
    const db = c.env.DB;
    const to = query.to ?? shanghaiDay(new Date());
    // Without a start: the last 12 weeks or months, the current one included.
    const first = query.interval === 'week' ? addDays(weekStart(to), -7 * 11) : `${addMonths(to, -11)}-01`;
    const from = query.from ?? first;
    const buckets = from <= to ? trendBuckets(from, to, query.interval) : [];
    if (!buckets.length || buckets.length > TREND_MAX_BUCKETS) {
      const message = from > to ? '结束日期不能早于开始日期' : `一次最多 ${TREND_MAX_BUCKETS} 个时间段，请缩短时间范围或按月统计`;
      throw new ApiError('validation', message, [{ path: from > to ? 'to' : 'from', message }]);
    }
    const scope = await scopeOf(db, user, query.unitId);
    const period = statsPeriod({ from, to }, new Date());
    const counts = await statsTrend(db, scope, period, query.interval);
    const answer: StatsTrend = {
      from,
      to,
      interval: query.interval,
      unitId: query.unitId ?? null,
      buckets: buckets.map((b) => {
        const n = counts.get(b.key) ?? { received: 0, replied: 0, repliedOnTime: 0, kbResolved: 0, rated: 0, satisfied: 0 };
        return {
          ...b,
          ...n,
          onTimeRate: rate(n.repliedOnTime, n.replied),
          kbRate: kbRate(n),
          satisfactionRate: rate(n.satisfied, n.rated),
        };
      }),
    };
    return c.json(answer);
  });

/** The month (YYYY-MM) `n` months from a day's. */
function addMonths(day: string, n: number): string {
  const months = Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1 + n;
  return `${Math.floor(months / 12)}-${String((months % 12) + 1).padStart(2, '0')}`;
}
