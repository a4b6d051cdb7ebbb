import type { Day } from './days';

/** A named date in a year schedule: a holiday, or an adjusted workday (调休上班日). */
export type NamedDay = { date: Day; name: string };

/**
 * The holiday schedule of one year as announced by the State Council. `workdays` are the
 * adjusted workdays that fall on a Saturday or Sunday. Every date lies inside the year.
 */
export type YearSchedule = { holidays: readonly NamedDay[]; workdays: readonly NamedDay[] };

/**
 * Office overrides, by year, as loaded from D1. An entry replaces the packaged schedule for
 * that year entirely. Treat the objects as immutable once passed in (lookups are cached per
 * object).
 */
export type YearSchedules = ReadonlyMap<number, YearSchedule>;

/**
 * Where a year's schedule comes from:
 * - 'office': entered by the office (overrides everything else);
 * - 'package': announced, shipped in chinese-days;
 * - 'statutory': not announced yet — only the holidays the law fixes, no adjusted
 *   workdays; results that depend on it are provisional.
 */
export type ScheduleSource = 'office' | 'package' | 'statutory';

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'adjusted_workday';

export type DayInfo = {
  date: Day;
  workday: boolean;
  /** The holiday's name, or for an adjusted workday the holiday it makes up for. */
  name?: string;
  kind: DayKind;
  provisional: boolean;
};

export type DueDate = {
  /** 23:59:59 Asia/Shanghai of the last counted working day. */
  dueAt: Date;
  dueDay: Day;
  provisional: boolean;
  /** The working days counted, in order; the last one is dueDay. */
  counted: Day[];
};
