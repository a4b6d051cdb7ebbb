import { z } from 'zod';
import { dayNumber, isValidDay, MAX_YEAR, MIN_YEAR } from '../calendar/days';
import type { Channel, Rating } from '../inquiry/states';
import type { UnitKind } from '../constants';
import './common';

/** Three years at most: an annual report with the two years before it. */
export const STATS_MAX_DAYS = 1096;

const inRange = (d: string) => Number(d.slice(0, 4)) >= MIN_YEAR && Number(d.slice(0, 4)) < MAX_YEAR;
const day = z.string().refine((d) => isValidDay(d) && inRange(d), '日期应为有效的 YYYY-MM-DD');
// zod runs an object's refinements even when a field failed, so each one first checks that both are real days.
const bothDays = (q: { from?: string; to?: string }): q is { from: string; to: string } =>
  q.from !== undefined && q.to !== undefined && isValidDay(q.from) && isValidDay(q.to);

/** A period of Asia/Shanghai days, both included; without them, this month so far. */
export const statsQuery = z
  .object({
    from: day.optional(),
    to: day.optional(),
    unitId: z.string().regex(/^[a-z0-9_]{1,40}$/, '单位编号格式不正确').optional(),
  })
  .strict()
  .refine((q) => !bothDays(q) || q.from <= q.to, { message: '结束日期不能早于开始日期', path: ['to'] })
  .refine((q) => !bothDays(q) || dayNumber(q.to) - dayNumber(q.from) < STATS_MAX_DAYS, {
    message: `一次最多统计 ${STATS_MAX_DAYS} 天`,
    path: ['to'],
  });
export type StatsQuery = z.input<typeof statsQuery>;

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
