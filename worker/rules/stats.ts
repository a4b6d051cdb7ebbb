import { addDays, dayNumber, shanghaiDay, shanghaiStartOfDay, workingDaysIn, type Day, type YearSchedules } from '../../shared/calendar';
import { CHANNELS, RATINGS, type Channel, type Rating } from '../../shared/inquiry/states';
import type { StatsFigures } from '../../shared/schemas/stats';

/**
 * The instants a period of Shanghai days covers: [start, end). Open inquiries count as overdue
 * when their deadline passed before `overdueBefore`: the period's end, or now when that is sooner.
 */
export function statsPeriod(q: { from?: Day; to?: Day }, now: Date) {
  const to = q.to ?? shanghaiDay(now);
  const from = q.from ?? `${to.slice(0, 7)}-01`;
  const start = shanghaiStartOfDay(from).toISOString();
  const end = shanghaiStartOfDay(addDays(to, 1)).toISOString();
  const nowIso = now.toISOString();
  return { from, to, start, end, overdueBefore: nowIso < end ? nowIso : end, today: shanghaiDay(now) };
}

/** A reply to a question received longer ago than this before the period counts its working days from then on. */
export const REPLY_DAYS_LOOKBACK = 366;

/**
 * Each day from `from` to `to` with the number of working days after `from` up to it, so that
 * the working days between two days d1 < d2 are index[d2] − index[d1] (the day received is not
 * counted, the day replied is: DESIGN §3). The database joins replies against it.
 */
export function workingDayIndex(from: Day, to: Day, overrides: YearSchedules): Record<Day, number> {
  const index: Record<Day, number> = {};
  const days = dayNumber(to) - dayNumber(from);
  for (let k = 0, d = from; k <= days; k++, d = addDays(d, 1)) index[d] = workingDaysIn(from, d, overrides).count;
  return index;
}

/** A share, or null when there is nothing to divide by (a rate of 0 would read as a failure). */
export const rate = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** DESIGN §3: replies on time ÷ (all replies + open inquiries already overdue). */
export const onTimeRate = (f: Pick<StatsFigures, 'repliedOnTime' | 'replied' | 'openOverdue'>) => rate(f.repliedOnTime, f.replied + f.openOverdue);

/** Resolved by the knowledge base ÷ (that + inquiries), issue 14. */
export const kbRate = (f: Pick<StatsFigures, 'kbResolved' | 'received'>) => rate(f.kbResolved, f.kbResolved + f.received);

/** 好差评: 非常满意, 满意 and 基本满意 are satisfied. */
export const SATISFIED: readonly Rating[] = ['非常满意', '满意', '基本满意'];
export const satisfactionRate = (s: Record<Rating, number>) =>
  rate(
    SATISFIED.reduce((n, r) => n + s[r], 0),
    RATINGS.reduce((n, r) => n + s[r], 0),
  );

/** Working days used per reply, as counts: value → how many replies took that long. */
export type DaysHistogram = Map<number, number>;

/** Mean and 90th percentile (nearest rank: the least value at or below which 90% of replies lie). */
export function replyDays(h: DaysHistogram): { average: number | null; p90: number | null } {
  const values = [...h.entries()].filter(([, n]) => n > 0).sort(([a], [b]) => a - b);
  const total = values.reduce((s, [, n]) => s + n, 0);
  if (!total) return { average: null, p90: null };
  const sum = values.reduce((s, [v, n]) => s + v * n, 0);
  const rank = Math.ceil(0.9 * total);
  let seen = 0;
  let p90 = values.at(-1)![0];
  for (const [v, n] of values) {
    seen += n;
    if (seen >= rank) {
      p90 = v;
      break;
    }
  }
  return { average: Math.round((sum / total) * 100) / 100, p90 };
}

/** The counts the database gives for one unit (or the whole scope), before the rates are derived. */
export type StatsCounts = Omit<StatsFigures, 'onTimeRate' | 'kbRate' | 'satisfactionRate' | 'interpretationRate' | 'replyDaysAverage' | 'replyDaysP90'> & {
  days: DaysHistogram;
};

export function emptyCounts(): StatsCounts {
  return {
    received: 0,
    byChannel: Object.fromEntries(CHANNELS.map((c) => [c, 0])) as Record<Channel, number>,
    replied: 0,
    repliedOnTime: 0,
    openOverdue: 0,
    clarifications: 0,
    transfers: 0,
    kbResolved: 0,
    rated: 0,
    satisfaction: Object.fromEntries(RATINGS.map((r) => [r, 0])) as Record<Rating, number>,
    followupsOpen: 0,
    followupsClosed: 0,
    policiesNeedingInterpretation: 0,
    policiesInterpreted: 0,
    rosterGaps: 0,
    entriesFlagged: 0,
    entriesExpired: 0,
    days: new Map(),
  };
}

const PLAIN = [
  'received', 'replied', 'repliedOnTime', 'openOverdue', 'clarifications', 'transfers', 'kbResolved', 'rated',
  'followupsOpen', 'followupsClosed', 'policiesNeedingInterpretation', 'policiesInterpreted', 'rosterGaps',
  'entriesFlagged', 'entriesExpired',
] as const satisfies readonly (keyof StatsCounts)[];

/** The scope's counts: the sum of its units'. */
export function sumCounts(rows: readonly StatsCounts[]): StatsCounts {
  const total = emptyCounts();
  for (const r of rows) {
    for (const k of PLAIN) total[k] += r[k];
    for (const c of CHANNELS) total.byChannel[c] += r.byChannel[c];
    for (const s of RATINGS) total.satisfaction[s] += r.satisfaction[s];
    for (const [v, n] of r.days) total.days.set(v, (total.days.get(v) ?? 0) + n);
  }
  return total;
}

/** Counts with their rates, in the order the answer lists them. */
export function figures(c: StatsCounts): StatsFigures {
  const days = replyDays(c.days);
  return {
    received: c.received,
    byChannel: c.byChannel,
    replied: c.replied,
    repliedOnTime: c.repliedOnTime,
    openOverdue: c.openOverdue,
    onTimeRate: onTimeRate(c),
    replyDaysAverage: days.average,
    replyDaysP90: days.p90,
    clarifications: c.clarifications,
    transfers: c.transfers,
    kbResolved: c.kbResolved,
    kbRate: kbRate(c),
    rated: c.rated,
    satisfaction: c.satisfaction,
    satisfactionRate: satisfactionRate(c.satisfaction),
    followupsOpen: c.followupsOpen,
    followupsClosed: c.followupsClosed,
    policiesNeedingInterpretation: c.policiesNeedingInterpretation,
    policiesInterpreted: c.policiesInterpreted,
    interpretationRate: rate(c.policiesInterpreted, c.policiesNeedingInterpretation),
    rosterGaps: c.rosterGaps,
    entriesFlagged: c.entriesFlagged,
    entriesExpired: c.entriesExpired,
  };
}
