import { z } from 'zod';
import { addDays, dayNumber, isValidDay, MAX_YEAR, MIN_YEAR } from '../calendar/days';
import type { Channel, Rating } from '../inquiry/states';
import type { UnitKind } from '../constants';
import './common';

/** Three years at most: an annual report with the two years before it. */
export const STATS_MAX_DAYS = 1096;

const inRange = (d: string) => Number(d.slice(0, 4)) >= MIN_YEAR && Number(d.slice(0, 4)) < MAX_YEAR;
/** A Shanghai day as a query gives it. */
export const queryDay = z.string().refine((d) => isValidDay(d) && inRange(d), '日期应为有效的 YYYY-MM-DD');
const day = queryDay;
// zod runs an object's refinements even when a field failed, so each one first checks that both are real days.
const bothDays = (q: { from?: string; to?: string }): q is { from: string; to: string } =>
  q.from !== undefined && q.to !== undefined && isValidDay(q.from) && isValidDay(q.to);

/** The order of a period's days, for any query that takes `from` and `to`. */
type PeriodCheck = [(q: { from?: string; to?: string }) => boolean, { message: string; path: string[] }];
export const fromNotAfterTo: PeriodCheck = [(q) => !bothDays(q) || q.from <= q.to, { message: '结束日期不能早于开始日期', path: ['to'] }];

const unitIdField = z.string().regex(/^[a-z0-9_]{1,40}$/, '单位编号格式不正确');
const periodFields = { from: day.optional(), to: day.optional(), unitId: unitIdField.optional() };
const notTooLong: PeriodCheck = [
  (q) => !bothDays(q) || dayNumber(q.to) - dayNumber(q.from) < STATS_MAX_DAYS,
  { message: `一次最多统计 ${STATS_MAX_DAYS} 天`, path: ['to'] },
];

/** A period of Asia/Shanghai days, both included; without them, this month so far. */
export const statsQuery = z
  .object(periodFields)
  .strict()
  .refine(...fromNotAfterTo)
  .refine(...notTooLong);
export type StatsQuery = z.input<typeof statsQuery>;

export const TREND_INTERVALS = ['week', 'month'] as const;
export type TrendInterval = (typeof TREND_INTERVALS)[number];
/** A chart of more points than this is unreadable on a phone; a longer span takes a longer interval. */
export const TREND_MAX_BUCKETS = 60;

/** Monday of the ISO week a day falls in. */
export const weekStart = (d: string) => {
  const n = dayNumber(d);
  // Day number 0 (1970-01-01) was a Thursday.
  return addDays(d, -((((n + 3) % 7) + 7) % 7));
};

/** The buckets a period spans: weeks from Monday (ISO), or calendar months, both in Shanghai days. */
export function trendBuckets(from: string, to: string, interval: TrendInterval): { key: string; from: string; to: string }[] {
  const out: { key: string; from: string; to: string }[] = [];
  let start = from;
  while (start <= to && out.length <= TREND_MAX_BUCKETS) {
    const key = interval === 'week' ? weekStart(start) : start.slice(0, 7);
    const next = interval === 'week' ? addDays(key, 7) : nextMonth(key);
    const last = addDays(next, -1);
    out.push({ key, from: start, to: last < to ? last : to });
    start = next;
  }
  return out;
}

const nextMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
};

/** Received, replied, on time, the knowledge base and satisfaction per week or month; without a period, the last 12 of them. */
export const statsTrendQuery = z
  .object({ ...periodFields, interval: z.enum(TREND_INTERVALS).default('month') })
  .strict()
  .refine(...fromNotAfterTo)
  .refine(...notTooLong)
  .refine((q) => !bothDays(q) || trendBuckets(q.from, q.to, q.interval).length <= TREND_MAX_BUCKETS, {
    message: `一次最多 ${TREND_MAX_BUCKETS} 个时间段，请缩短时间范围或按月统计`,
    path: ['from'],
  });
export type StatsTrendQuery = z.input<typeof statsTrendQuery>;

/** One week or month of a trend: counted as /api/stats counts the period. */
export type TrendBucket = {
  /** The week's Monday (YYYY-MM-DD) or the month (YYYY-MM). */
  key: string;
  /** The days of the period it covers (the first and last bucket may be partial). */
  from: string;
  to: string;
  received: number;
  replied: number;
  repliedOnTime: number;
  /** Of the bucket's replies, the share given on time (open overdue inquiries belong to a moment, not a week). */
  onTimeRate: number | null;
  kbResolved: number;
  kbRate: number | null;
  rated: number;
  satisfied: number;
  satisfactionRate: number | null;
};

export type StatsTrend = { from: string; to: string; interval: TrendInterval; unitId: string | null; buckets: TrendBucket[] };

/** The figures of a period for the whole scope, and the same for each unit (the league table). */
export type StatsFigures = {
  /** Inquiries received in the period, and by channel. */
  received: number;
  byChannel: Record<Channel, number>;
  /** Replies given in the period; on time: by the due date in force when replying. */
  replied: number;
  repliedOnTime: number;
  /** Inquiries still owed a reply whose deadline passed by the period's end (or now, if sooner). */
  openOverdue: number;
  /** repliedOnTime ÷ (replied + openOverdue), DESIGN §3; null when both are 0. */
  onTimeRate: number | null;
  /** Working days from receipt to reply (the clock's stopped days left out): mean and 90th percentile. */
  replyDaysAverage: number | null;
  replyDaysP90: number | null;
  /** Requests for detail (the clock stopped) and transfers out of a unit, in the period. */
  clarifications: number;
  transfers: number;
  /** Questions the knowledge base answered, and kbResolved ÷ (kbResolved + received). */
  kbResolved: number;
  kbRate: number | null;
  /** Ratings given in the period, per 好差评 level; the rate is the share of the first three. */
  rated: number;
  satisfaction: Record<Rating, number>;
  satisfactionRate: number | null;
  /** 回访 opened in the period: still open, and done. */
  followupsOpen: number;
  followupsClosed: number;
  /** Published policies needing an interpretation (now), and how many have one. */
  policiesNeedingInterpretation: number;
  policiesInterpreted: number;
  interpretationRate: number | null;
  /** Roster shortfalls (001 §(六)) now. */
  rosterGaps: number;
  /** Knowledge-base entries flagged 需复核, and published ones past their valid-until day, now. */
  entriesFlagged: number;
  entriesExpired: number;
};

export type StatsUnitRow = StatsFigures & {
  /** null: questions not yet routed to any unit (the office's). */
  unitId: string | null;
  unitName: string;
  kind: UnitKind | null;
};

export type StatsAnswer = StatsFigures & {
  from: string;
  to: string;
  unitId: string | null;
  generatedAt: string;
  byUnit: StatsUnitRow[];
};
