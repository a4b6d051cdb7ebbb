import type { NamedDay, YearSchedule, YearSchedules } from '../../shared/calendar';

type Row = { year: number; holidays: string; workdays: string };

/** The office's entered years; they override the packaged schedule year by year. */
export async function loadOverrides(db: D1Database): Promise<YearSchedules> {
  const { results } = await db.prepare('SELECT year, holidays, workdays FROM calendar_years').all<Row>();
  return new Map(
    results.map((r) => [
      r.year,
      { holidays: JSON.parse(r.holidays) as NamedDay[], workdays: JSON.parse(r.workdays) as NamedDay[] },
    ]),
  );
}

export function saveYearStatement(db: D1Database, year: number, schedule: YearSchedule, userId: string, now: string) {
  return db
    .prepare(
      `INSERT INTO calendar_years (year, holidays, workdays, updated_by, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
       ON CONFLICT (year) DO UPDATE SET holidays = excluded.holidays, workdays = excluded.workdays,
         updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    )
    .bind(year, JSON.stringify(schedule.holidays), JSON.stringify(schedule.workdays), userId, now);
}
