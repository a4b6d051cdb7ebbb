/**
 * Pure calendar-day helpers. A day is a 'YYYY-MM-DD' string naming a civil date in
 * Asia/Shanghai. All arithmetic is done on UTC day numbers, so nothing here depends on the
 * process time zone. China has had no daylight saving time since 1991: Shanghai is UTC+08:00.
 */

export type Day = string;

const MS_PER_DAY = 86_400_000;
/** Asia/Shanghai offset from UTC, fixed (no DST). */
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The range of dates the calendar answers for (the lunar tables cover 1900–2100). */
export const MIN_YEAR = 1901;
export const MAX_YEAR = 2099;

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses 'YYYY-MM-DD' into its parts, or null when it is not a real calendar date. */
export function parseDay(day: string): { year: number; month: number; date: number } | null {
  const m = DAY_RE.exec(day);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const date = Number(m[3]);
  if (month < 1 || month > 12 || date < 1) return null;
  if (date > daysInMonth(year, month)) return null;
  return { year, month, date };
}

export function isValidDay(day: string): boolean {
  return parseDay(day) !== null;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01 (negative before). Throws RangeError on a malformed date. */
export function dayNumber(day: Day): number {
  const p = parseDay(day);
  if (!p) throw new RangeError(`not a date (YYYY-MM-DD): ${day}`);
  return Math.round(Date.UTC(p.year, p.month - 1, p.date) / MS_PER_DAY);
}

export function fromDayNumber(n: number): Day {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(day: Day, n: number): Day {
  return fromDayNumber(dayNumber(day) + n);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: Day): number {
  return weekdayOfNumber(dayNumber(day));
}

export function weekdayOfNumber(n: number): number {
  // 1970-01-01 was a Thursday (4).
  return (((n + 4) % 7) + 7) % 7;
}

export function isWeekend(day: Day): boolean {
  const w = weekday(day);
  return w === 0 || w === 6;
}

export function yearOf(day: Day): number {
  return Number(day.slice(0, 4));
}

function checkInstant(instant: Date): number {
  const t = instant.getTime();
  if (!Number.isFinite(t)) throw new RangeError('invalid Date');
  return t;
}

/** The Asia/Shanghai civil date of an instant. */
export function shanghaiDay(instant: Date): Day {
  return new Date(checkInstant(instant) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Minutes since Asia/Shanghai midnight of an instant (0–1439). */
export function shanghaiMinuteOfDay(instant: Date): number {
  const local = checkInstant(instant) + SHANGHAI_OFFSET_MS;
  return Math.floor((((local % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY) / 60_000);
}

/** The instant a Shanghai day starts (00:00:00.000 +08:00). */
export function shanghaiStartOfDay(day: Day): Date {
  return new Date(dayNumber(day) * MS_PER_DAY - SHANGHAI_OFFSET_MS);
}

/** The instant 23:59:59.000 +08:00 of a Shanghai day (the deadline convention). */
export function shanghaiEndOfDay(day: Day): Date {
  return new Date((dayNumber(day) + 1) * MS_PER_DAY - SHANGHAI_OFFSET_MS - 1000);
}
