/**
 * The working-day calendar (DESIGN §3 "Working days"), as pure functions.
 *
 * Every function takes the office overrides (`YearSchedules`, loaded from D1 by the caller;
 * pass `new Map()` when there are none). Per year, the schedule comes from, in order:
 * the office's entry, the announced schedule shipped in chinese-days, or — for a year
 * nobody has announced — the holidays fixed by law (see statutory.ts), in which case every
 * result that depends on that year is `provisional`.
 *
 * Days are 'YYYY-MM-DD' civil dates in Asia/Shanghai; instants are converted with a fixed
 * +08:00 offset, never through the process time zone.
 */
import {
  MAX_YEAR,
  MIN_YEAR,
  dayNumber,
  fromDayNumber,
  isWeekend,
  parseDay,
  shanghaiDay,
  shanghaiEndOfDay,
  shanghaiMinuteOfDay,
  weekdayOfNumber,
  yearOf,
  type Day,
} from './days';
import { packageYear, packageYears } from './package-data';
import { statutoryHolidays } from './statutory';
import type { DayInfo, DueDate, NamedDay, ScheduleSource, YearSchedule, YearSchedules } from './types';

type ResolvedYear = {
  year: number;
  source: ScheduleSource;
  provisional: boolean;
  holidays: ReadonlyMap<Day, string>;
  /** Adjusted workdays; they win over a holiday listed on the same date. */
  workdays: ReadonlyMap<Day, string>;
  /** Day numbers of Jan 1 and Dec 31. */
  first: number;
  last: number;
  /** Day numbers of Monday–Friday holidays (not also listed as workdays). */
  offWeekdays: ReadonlySet<number>;
  /** Day numbers of Saturday/Sunday adjusted workdays. */
  onWeekends: ReadonlySet<number>;
};

function resolved(
  year: number,
  source: ScheduleSource,
  holidays: ReadonlyMap<Day, string>,
  workdays: ReadonlyMap<Day, string>,
): ResolvedYear {
  const offWeekdays = new Set<number>();
  const onWeekends = new Set<number>();
  for (const date of holidays.keys()) {
    const n = dayNumber(date);
    if (!isWeekendNumber(n) && !workdays.has(date)) offWeekdays.add(n);
  }
  for (const date of workdays.keys()) {
    const n = dayNumber(date);
    if (isWeekendNumber(n)) onWeekends.add(n);
  }
  return {
    year,
    source,
    provisional: source === 'statutory',
    holidays,
    workdays,
    first: dayNumber(`${year}-01-01`),
    last: dayNumber(`${year}-12-31`),
    offWeekdays,
    onWeekends,
  };
}

/** Whether day number n (inside y's year) is a working day. */
function worksOn(n: number, y: ResolvedYear): boolean {
  return isWeekendNumber(n) ? y.onWeekends.has(n) : !y.offWeekdays.has(n);
}

const NO_DAYS: ReadonlyMap<Day, string> = new Map();
const officeCache = new WeakMap<YearSchedule, ResolvedYear>();
const fixedCache = new Map<number, ResolvedYear>();

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`year outside the supported calendar ${MIN_YEAR}–${MAX_YEAR}: ${year}`);
  }
}

function checkDay(day: Day): void {
  const p = parseDay(day);
  if (!p) throw new RangeError(`not a date (YYYY-MM-DD): ${day}`);
  checkYear(p.year);
}

function officeYear(year: number, schedule: YearSchedule): ResolvedYear {
  const hit = officeCache.get(schedule);
  if (hit && hit.year === year) return hit;
  const prefix = `${year}-`;
  const toMap = (list: readonly NamedDay[]) =>
    new Map(list.filter((d) => d.date.startsWith(prefix) && parseDay(d.date)).map((d) => [d.date, d.name] as const));
  const y = resolved(year, 'office', toMap(schedule.holidays), toMap(schedule.workdays));
  officeCache.set(schedule, y);
  return y;
}

function resolveYear(year: number, overrides: YearSchedules): ResolvedYear {
  checkYear(year);
  const office = overrides.get(year);
  if (office) return officeYear(year, office);
  const hit = fixedCache.get(year);
  if (hit) return hit;
  const pkg = packageYear(year);
  const y = pkg
    ? resolved(year, 'package', pkg.holidays, pkg.workdays)
    : resolved(year, 'statutory', statutoryHolidays(year), NO_DAYS);
  fixedCache.set(year, y);
  return y;
}

function classify(day: Day, y: ResolvedYear): DayInfo {
  const provisional = y.provisional;
  const weekend = isWeekend(day);
  const workName = y.workdays.get(day);
  if (workName !== undefined) {
    return weekend
      ? { date: day, workday: true, name: workName, kind: 'adjusted_workday', provisional }
      : { date: day, workday: true, kind: 'workday', provisional };
  }
  const holidayName = y.holidays.get(day);
  if (holidayName !== undefined) return { date: day, workday: false, name: holidayName, kind: 'holiday', provisional };
  return weekend
    ? { date: day, workday: false, kind: 'weekend', provisional }
    : { date: day, workday: true, kind: 'workday', provisional };
}

/** What kind of day `date` is. Throws RangeError on a malformed or out-of-range date. */
export function dayInfo(date: Day, overrides: YearSchedules): DayInfo {
  checkDay(date);
  return classify(date, resolveYear(yearOf(date), overrides));
}

/** Where a year's schedule comes from (see ScheduleSource). */
export function scheduleSource(year: number, overrides: YearSchedules): ScheduleSource {
  return resolveYear(year, overrides).source;
}

/** The years chinese-days ships an announced schedule for (derived from its data). */
export function announcedYears(): number[] {
  return packageYears();
}

/**
 * The effective schedule of a year — for showing the office what is in force, or
 * pre-filling its entry form. Sorted by date.
 */
export function yearSchedule(
  year: number,
  overrides: YearSchedules,
): { year: number; source: ScheduleSource; provisional: boolean; holidays: NamedDay[]; workdays: NamedDay[] } {
  const y = resolveYear(year, overrides);
  const list = (m: ReadonlyMap<Day, string>) =>
    [...m].map(([date, name]) => ({ date, name })).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { year, source: y.source, provisional: y.provisional, holidays: list(y.holidays), workdays: list(y.workdays) };
}

const MAX_WORKING_DAYS = 5000;

/**
 * The `n`th working day strictly after `day` (n = 0 gives `day` back). `counted` lists the
 * working days counted, in order. `provisional` is true when any day after `day` up to the
 * result lies in an unannounced year.
 */
export function addWorkingDays(
  day: Day,
  n: number,
  overrides: YearSchedules,
): { day: Day; provisional: boolean; counted: Day[] } {
  checkDay(day);
  if (!Number.isInteger(n) || n < 0 || n > MAX_WORKING_DAYS) {
    throw new RangeError(`working days must be an integer 0–${MAX_WORKING_DAYS}: ${n}`);
  }
  const counted: Day[] = [];
  let provisional = false;
  let current = dayNumber(day);
  let y: ResolvedYear | undefined;
  while (counted.length < n) {
    current += 1;
    if (!y || current > y.last) {
      y = resolveYear(yearOf(fromDayNumber(current)), overrides);
      provisional ||= y.provisional;
    }
    if (worksOn(current, y)) counted.push(fromDayNumber(current));
  }
  return { day: counted.length ? counted[counted.length - 1]! : day, provisional, counted };
}

/**
 * When a reply is due: the day of receipt (Asia/Shanghai) is not counted, counting starts
 * with the next working day (so an inquiry received on a non-working day counts from the
 * first working day after it), and the reply is due by 23:59:59 +08:00 of the `days`th
 * working day.
 *
 * A clock stopped while awaiting the resident moves the due date by the working days it
 * was stopped: `dueDate(received, days + stopped)` where `stopped` is the sum of
 * `workingDaysIn(stopDay, resumeDay)` — recompute both when the calendar changes.
 */
export function dueDate(from: Date, days: number, overrides: YearSchedules): DueDate {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`days must be a positive integer: ${days}`);
  const r = addWorkingDays(shanghaiDay(from), days, overrides);
  return { dueAt: shanghaiEndOfDay(r.day), dueDay: r.day, provisional: r.provisional, counted: r.counted };
}

/**
 * The number of working days d with fromDay < d ≤ toDay (half-open: the first day is
 * excluded, the last included — the same convention as dueDate, so
 * `workingDaysIn(a, addWorkingDays(a, n).day) === n`). 0 when toDay ≤ fromDay.
 * For a clock stopped on `fromDay` and resumed on `toDay`, this is how far to move the
 * due date. Computed per year from the schedule, not day by day.
 */
export function workingDaysIn(
  fromDay: Day,
  toDay: Day,
  overrides: YearSchedules,
): { count: number; provisional: boolean } {
  checkDay(fromDay);
  checkDay(toDay);
  const start = dayNumber(fromDay); // exclusive
  const end = dayNumber(toDay); // inclusive
  if (end <= start) return { count: 0, provisional: false };
  let count = 0;
  let provisional = false;
  for (let year = yearOf(fromDayNumber(start + 1)); year <= yearOf(toDay); year++) {
    const y = resolveYear(year, overrides);
    provisional ||= y.provisional;
    const a = Math.max(start, y.first - 1); // exclusive
    const b = Math.min(end, y.last); // inclusive
    count += weekdaysIn(a, b);
    for (const n of y.offWeekdays) if (n > a && n <= b) count -= 1;
    for (const n of y.onWeekends) if (n > a && n <= b) count += 1;
  }
  return { count, provisional };
}

function isWeekendNumber(n: number): boolean {
  const w = weekdayOfNumber(n);
  return w === 0 || w === 6;
}

/** Monday–Friday day numbers n with a < n ≤ b. */
function weekdaysIn(a: number, b: number): number {
  const span = b - a;
  let count = Math.floor(span / 7) * 5;
  for (let n = a + Math.floor(span / 7) * 7 + 1; n <= b; n++) if (!isWeekendNumber(n)) count += 1;
  return count;
}

export const OFFICE_HOURS = { startMinute: 9 * 60, endMinute: 18 * 60 } as const;

/** True on a working day between 09:00 (inclusive) and 18:00 (exclusive) Asia/Shanghai. */
export function isWorkingTime(now: Date, overrides: YearSchedules): boolean {
  const minute = shanghaiMinuteOfDay(now);
  if (minute < OFFICE_HOURS.startMinute || minute >= OFFICE_HOURS.endMinute) return false;
  return dayInfo(shanghaiDay(now), overrides).workday;
}
