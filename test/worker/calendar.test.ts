import { getDayDetail, isWorkday } from 'chinese-days';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addWorkingDays,
  announcedYears,
  dayInfo,
  dueDate,
  isWorkingTime,
  scheduleSource,
  shanghaiDay,
  statutoryHolidays,
  workingDaysIn,
  yearSchedule,
  yearScheduleInput,
  yearScheduleInputFor,
  type Day,
  type YearSchedules,
} from '../../shared/calendar';

const none: YearSchedules = new Map();

/** A Date whose local-time fields are the day: what chinese-days reads, in any process time zone. */
const localDate = (day: Day) => new Date(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));

function days(from: Day, to: Day): Day[] {
  const out: Day[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

const kinds = (list: Day[], overrides: YearSchedules = none) => list.map((d) => `${d} ${dayInfo(d, overrides).kind}`);

describe('due dates over National Day 2025 (the DESIGN example)', () => {
  it('counts 09-28 (Sunday, 调休上班), 09-29, 09-30, 10-09, 10-10 and ends at 23:59:59 +08:00', () => {
    const due = dueDate(new Date('2025-09-26T10:00:00+08:00'), 5, none);
    expect(due.counted).toEqual(['2025-09-28', '2025-09-29', '2025-09-30', '2025-10-09', '2025-10-10']);
    expect(due.dueDay).toBe('2025-10-10');
    expect(due.dueAt.toISOString()).toBe('2025-10-10T15:59:59.000Z');
    expect(due.provisional).toBe(false);
  });

  it('names the days around it', () => {
    expect(dayInfo('2025-09-28', none)).toEqual({
      date: '2025-09-28',
      workday: true,
      name: '国庆节',
      kind: 'adjusted_workday',
      provisional: false,
    });
    expect(dayInfo('2025-10-01', none)).toEqual({
      date: '2025-10-01',
      workday: false,
      name: '国庆节',
      kind: 'holiday',
      provisional: false,
    });
    // 2025's 中秋 falls inside the National Day break; the package names it separately.
    expect(dayInfo('2025-10-06', none)).toMatchObject({ workday: false, kind: 'holiday', name: '中秋' });
    // A holiday on a Saturday is a holiday, not a weekend.
    expect(dayInfo('2025-10-04', none)).toMatchObject({ workday: false, kind: 'holiday', name: '国庆节' });
    expect(dayInfo('2025-10-11', none)).toMatchObject({ workday: true, kind: 'adjusted_workday', name: '国庆节' });
    expect(dayInfo('2025-09-27', none)).toEqual({ date: '2025-09-27', workday: false, kind: 'weekend', provisional: false });
    expect(dayInfo('2025-09-29', none)).toEqual({ date: '2025-09-29', workday: true, kind: 'workday', provisional: false });
  });
});

describe('Spring Festival boundaries', () => {
  it('2024: 02-04 and 02-18 (Sundays) are workdays, 02-10…02-17 holidays, 除夕 02-09 a workday', () => {
    expect(kinds(['2024-02-04', '2024-02-09', '2024-02-10', '2024-02-17', '2024-02-18', '2024-02-19'])).toEqual([
      '2024-02-04 adjusted_workday',
      '2024-02-09 workday',
      '2024-02-10 holiday',
      '2024-02-17 holiday',
      '2024-02-18 adjusted_workday',
      '2024-02-19 workday',
    ]);
    expect(dayInfo('2024-02-12', none).name).toBe('春节');
  });

  it('2025: 01-26 (Sunday) and 02-08 (Saturday) are workdays, 01-28…02-04 holidays', () => {
    expect(kinds(['2025-01-26', '2025-01-27', '2025-01-28', '2025-02-04', '2025-02-05', '2025-02-08', '2025-02-09'])).toEqual([
      '2025-01-26 adjusted_workday',
      '2025-01-27 workday',
      '2025-01-28 holiday',
      '2025-02-04 holiday',
      '2025-02-05 workday',
      '2025-02-08 adjusted_workday',
      '2025-02-09 weekend',
    ]);
    expect(dueDate(new Date('2025-01-24T12:00:00+08:00'), 3, none).counted).toEqual([
      '2025-01-26',
      '2025-01-27',
      '2025-02-05',
    ]);
  });

  it('2026: 02-14 (Saturday) is a workday, 02-15…02-23 holidays, 02-28 (Saturday) a workday', () => {
    expect(kinds(['2026-02-14', '2026-02-15', '2026-02-17', '2026-02-23', '2026-02-24', '2026-02-28'])).toEqual([
      '2026-02-14 adjusted_workday',
      '2026-02-15 holiday',
      '2026-02-17 holiday',
      '2026-02-23 holiday',
      '2026-02-24 workday',
      '2026-02-28 adjusted_workday',
    ]);
    const due = dueDate(new Date('2026-02-13T09:00:00+08:00'), 3, none);
    expect(due.counted).toEqual(['2026-02-14', '2026-02-24', '2026-02-25']);
    expect(due.dueAt.toISOString()).toBe('2026-02-25T15:59:59.000Z');
  });
});

describe('the day of receipt', () => {
  it('is not counted even when it is a working day', () => {
    expect(dueDate(new Date('2025-11-17T10:00:00+08:00'), 1, none).dueDay).toBe('2025-11-18');
  });

  it('on a holiday or weekend, counting starts with the first working day after it', () => {
    expect(dueDate(new Date('2025-10-03T10:00:00+08:00'), 2, none).counted).toEqual(['2025-10-09', '2025-10-10']);
    expect(dueDate(new Date('2025-10-08T23:00:00+08:00'), 1, none).dueDay).toBe('2025-10-09');
    expect(dueDate(new Date('2025-11-16T10:00:00+08:00'), 1, none).dueDay).toBe('2025-11-17'); // Sunday
    // Received on the Saturday adjusted workday 10-11: Sunday 10-12 is a weekend again.
    expect(dueDate(new Date('2025-10-11T10:00:00+08:00'), 1, none).dueDay).toBe('2025-10-13');
  });

  it('is the Asia/Shanghai day: Thursday 23:30 (15:30Z) vs Friday 00:30 (Thursday 16:30Z), N=3', () => {
    const thu = new Date('2025-11-13T15:30:00Z');
    const fri = new Date('2025-11-13T16:30:00Z');
    expect(shanghaiDay(thu)).toBe('2025-11-13');
    expect(shanghaiDay(fri)).toBe('2025-11-14');
    const a = dueDate(thu, 3, none);
    const b = dueDate(fri, 3, none);
    expect(a.counted).toEqual(['2025-11-14', '2025-11-17', '2025-11-18']);
    expect(a.dueAt.toISOString()).toBe('2025-11-18T15:59:59.000Z');
    expect(b.counted).toEqual(['2025-11-17', '2025-11-18', '2025-11-19']);
    expect(b.dueAt.toISOString()).toBe('2025-11-19T15:59:59.000Z');
  });

  it('rejects nonsense', () => {
    expect(() => dueDate(new Date('2025-11-13T10:00:00Z'), 0, none)).toThrow(RangeError);
    expect(() => dueDate(new Date('2025-11-13T10:00:00Z'), 2.5, none)).toThrow(RangeError);
    expect(() => dueDate(new Date('nope'), 3, none)).toThrow(RangeError);
    expect(() => dayInfo('2025-02-29', none)).toThrow(RangeError);
    expect(() => dayInfo('2025-9-1', none)).toThrow(RangeError);
  });
});

describe('a year nobody has announced (2027)', () => {
  it('is unknown to chinese-days, which calls its 元旦 a workday — so we must not ask it', () => {
    expect(isWorkday(localDate('2027-01-01'))).toBe(true);
    expect(announcedYears()).toEqual(expect.arrayContaining([2024, 2025, 2026]));
    expect(announcedYears()).not.toContain(2027);
    expect(scheduleSource(2026, none)).toBe('package');
    expect(scheduleSource(2027, none)).toBe('statutory');
  });

  it('gets the holidays the law fixes, provisionally', () => {
    const info = (d: Day) => dayInfo(d, none);
    expect(info('2027-02-06')).toEqual({ date: '2027-02-06', workday: false, name: '春节', kind: 'holiday', provisional: true });
    expect(kinds(days('2027-02-04', '2027-02-09'))).toEqual([
      '2027-02-04 workday',
      '2027-02-05 holiday', // 除夕 (Friday)
      '2027-02-06 holiday', // 正月初一
      '2027-02-07 holiday',
      '2027-02-08 holiday', // 初三 (Monday)
      '2027-02-09 workday',
    ]);
    expect(info('2027-01-01')).toMatchObject({ workday: false, name: '元旦', provisional: true });
    expect(info('2027-04-05')).toMatchObject({ workday: false, name: '清明' });
    expect(info('2027-05-01')).toMatchObject({ kind: 'holiday', name: '劳动节' });
    expect(info('2027-05-02')).toMatchObject({ kind: 'holiday', name: '劳动节' });
    expect(info('2027-05-03')).toMatchObject({ kind: 'workday' });
    expect(info('2027-06-09')).toMatchObject({ workday: false, name: '端午' });
    expect(info('2027-09-15')).toMatchObject({ workday: false, name: '中秋' });
    expect(kinds(days('2027-10-01', '2027-10-04'))).toEqual([
      '2027-10-01 holiday',
      '2027-10-02 holiday',
      '2027-10-03 holiday',
      '2027-10-04 workday',
    ]);
    expect(info('2027-10-04')).toEqual({ date: '2027-10-04', workday: true, kind: 'workday', provisional: true });
    expect(info('2027-10-09')).toMatchObject({ kind: 'weekend', provisional: true }); // no adjusted workdays
    expect(yearSchedule(2027, none)).toMatchObject({ source: 'statutory', provisional: true, workdays: [] });
    expect(yearSchedule(2027, none).holidays).toHaveLength(13);
  });

  it('places 除夕 on the day before 正月初一 even when 腊月 has 29 days, and merges coinciding festivals', () => {
    // 2028: 正月初一 is 01-26, 除夕 (腊月廿九) 01-25; 中秋 falls on 10-03, inside 国庆.
    expect(kinds(['2028-01-24', '2028-01-25', '2028-01-28', '2028-01-29'])).toEqual([
      '2028-01-24 workday',
      '2028-01-25 holiday',
      '2028-01-28 holiday',
      '2028-01-29 weekend',
    ]);
    expect(dayInfo('2028-10-03', none).name).toBe('国庆节、中秋');
    expect(statutoryHolidays(2028).size).toBe(12);
  });

  it('agrees with the announced schedules of 2025 and 2026: every day the law fixes is a holiday there', () => {
    for (const year of [2025, 2026]) {
      const statutory = [...statutoryHolidays(year).keys()];
      expect(statutory).toHaveLength(13);
      for (const d of statutory) expect(`${d} ${dayInfo(d, none).kind}`).toBe(`${d} holiday`);
    }
  });

  it('makes a due date crossing from 2026 into 2027 provisional, one ending on 2026-12-31 not', () => {
    const crossing = dueDate(new Date('2026-12-30T10:00:00+08:00'), 3, none);
    expect(crossing.counted).toEqual(['2026-12-31', '2027-01-04', '2027-01-05']);
    expect(crossing.provisional).toBe(true);
    const inside = dueDate(new Date('2026-12-28T10:00:00+08:00'), 3, none);
    expect(inside.counted).toEqual(['2026-12-29', '2026-12-30', '2026-12-31']);
    expect(inside.provisional).toBe(false);
  });

  it('stays provisional when the count passes through 2027 and ends in a year the office entered', () => {
    const only2028: YearSchedules = new Map([[2028, { holidays: [{ date: '2028-01-03', name: '元旦' }], workdays: [] }]]);
    const long = dueDate(new Date('2026-12-30T10:00:00+08:00'), 260, only2028);
    expect(long.dueDay.startsWith('2028-')).toBe(true);
    expect(dayInfo(long.dueDay, only2028).provisional).toBe(false);
    expect(long.provisional).toBe(true);
    expect(workingDaysIn('2026-12-30', long.dueDay, only2028)).toEqual({ count: 260, provisional: true });
    expect(workingDaysIn('2027-12-31', long.dueDay, only2028).provisional).toBe(false);
  });
});

describe('office overrides', () => {
  const springFestival2027: YearSchedules = new Map([
    [
      2027,
      {
        holidays: days('2027-02-06', '2027-02-13').map((date) => ({ date, name: '春节' })),
        workdays: [{ date: '2027-02-14', name: '春节' }],
      },
    ],
  ]);

  it('win over the statutory fallback and make 2027 non-provisional', () => {
    expect(scheduleSource(2027, springFestival2027)).toBe('office');
    expect(dayInfo('2027-02-14', springFestival2027)).toEqual({
      date: '2027-02-14',
      workday: true,
      name: '春节',
      kind: 'adjusted_workday',
      provisional: false,
    });
    expect(dayInfo('2027-02-13', springFestival2027)).toMatchObject({ kind: 'holiday', provisional: false });
    // The entry replaces the year entirely: 除夕 and 元旦 are not in it, so they are workdays.
    expect(dayInfo('2027-02-05', springFestival2027)).toMatchObject({ kind: 'workday', provisional: false });
    expect(dayInfo('2027-01-01', springFestival2027)).toMatchObject({ kind: 'workday', provisional: false });

    const received = new Date('2027-02-05T10:00:00+08:00');
    const withOffice = dueDate(received, 2, springFestival2027);
    expect(withOffice.counted).toEqual(['2027-02-14', '2027-02-15']);
    expect(withOffice.provisional).toBe(false);
    const fallback = dueDate(received, 2, none);
    expect(fallback.counted).toEqual(['2027-02-09', '2027-02-10']);
    expect(fallback.provisional).toBe(true);
  });

  it('let a listed workday win over a holiday on the same date (input the schema would refuse)', () => {
    const clash: YearSchedules = new Map([
      [2027, { holidays: [{ date: '2027-03-01', name: '假' }, { date: '2027-03-02', name: '假' }], workdays: [{ date: '2027-03-01', name: '班' }] }],
    ]);
    expect(dayInfo('2027-03-01', clash)).toMatchObject({ workday: true, kind: 'workday' }); // a Monday
    expect(dayInfo('2027-03-02', clash)).toMatchObject({ workday: false, kind: 'holiday' });
    expect(workingDaysIn('2027-02-28', '2027-03-03', clash).count).toBe(2); // 03-01 and 03-03
    expect(addWorkingDays('2027-02-28', 2, clash).counted).toEqual(['2027-03-01', '2027-03-03']);
  });

  it('replace the packaged schedule of an announced year too', () => {
    const blank2026: YearSchedules = new Map([[2026, { holidays: [], workdays: [] }]]);
    expect(dayInfo('2026-10-01', none).kind).toBe('holiday');
    expect(dayInfo('2026-10-01', blank2026)).toMatchObject({ kind: 'workday', provisional: false });
    expect(dayInfo('2026-02-14', blank2026).kind).toBe('weekend');
    expect(scheduleSource(2026, blank2026)).toBe('office');
    expect(dayInfo('2025-10-01', blank2026).kind).toBe('holiday'); // other years untouched
  });
});

describe('working time (reminders)', () => {
  it('is 09:00 ≤ t < 18:00 Asia/Shanghai on a working day', () => {
    // Monday 2025-11-17.
    expect(isWorkingTime(new Date('2025-11-17T08:59:00+08:00'), none)).toBe(false);
    expect(isWorkingTime(new Date('2025-11-17T09:00:00+08:00'), none)).toBe(true);
    expect(isWorkingTime(new Date('2025-11-17T01:00:00Z'), none)).toBe(true); // the same instant
    expect(isWorkingTime(new Date('2025-11-17T17:59:59+08:00'), none)).toBe(true);
    expect(isWorkingTime(new Date('2025-11-17T18:00:00+08:00'), none)).toBe(false);
  });

  it('counts a Saturday adjusted workday, not an ordinary Saturday or a holiday', () => {
    expect(isWorkingTime(new Date('2025-10-11T10:00:00+08:00'), none)).toBe(true);
    expect(isWorkingTime(new Date('2025-10-18T10:00:00+08:00'), none)).toBe(false);
    expect(isWorkingTime(new Date('2025-10-01T10:00:00+08:00'), none)).toBe(false);
  });
});

describe('working days in a range (clock stops)', () => {
  it('counts fromDay < d ≤ toDay', () => {
    expect(workingDaysIn('2025-09-26', '2025-10-10', none)).toEqual({ count: 5, provisional: false });
    expect(workingDaysIn('2025-11-17', '2025-11-17', none).count).toBe(0);
    expect(workingDaysIn('2025-11-17', '2025-11-18', none).count).toBe(1);
    expect(workingDaysIn('2025-11-18', '2025-11-17', none).count).toBe(0);
    expect(workingDaysIn('2025-11-14', '2025-11-16', none).count).toBe(0); // Friday → Sunday
    expect(workingDaysIn('2026-12-30', '2027-01-05', none)).toEqual({ count: 3, provisional: true });
  });

  it('is the inverse of addWorkingDays, across years and overrides', () => {
    const overrides: YearSchedules = new Map([
      [2027, { holidays: [{ date: '2027-02-08', name: '春节' }], workdays: [{ date: '2027-02-13', name: '春节' }] }],
    ]);
    for (const start of ['2024-01-31', '2024-12-27', '2025-09-26', '2025-10-04', '2026-02-13', '2026-12-24']) {
      for (const n of [0, 1, 3, 7, 20, 61, 250]) {
        const end = addWorkingDays(start, n, overrides);
        expect(end.counted).toHaveLength(n);
        expect(workingDaysIn(start, end.day, overrides).count).toBe(n);
        if (n > 0) expect(dayInfo(end.day, overrides).workday).toBe(true);
      }
    }
  });

  it('moves a due date by the working days a clock was stopped', () => {
    // Received Fri 2025-09-26 (N=5, due 10-10); clarification asked Mon 09-29, answered Thu 10-09.
    const stopped = workingDaysIn('2025-09-29', '2025-10-09', none);
    expect(stopped.count).toBe(2); // 09-30 and 10-09
    const received = new Date('2025-09-26T10:00:00+08:00');
    // 10-10 moved by 2 working days: 10-11 (Saturday, 调休上班) and 10-13.
    expect(dueDate(received, 5 + stopped.count, none).dueDay).toBe('2025-10-13');
    expect(addWorkingDays(dueDate(received, 5, none).dueDay, stopped.count, none).day).toBe('2025-10-13');
  });

  // chinese-days builds its in-memory tables from UTC midnights formatted in local time, so
  // in a process zone west of UTC its own functions are a day off (its published JSON, which
  // we read, is not). workerd runs in UTC; skip the comparison where it cannot hold.
  const westOfUtc = new Date(Date.UTC(2025, 0, 1)).getDate() !== 1;

  it.skipIf(westOfUtc)('matches chinese-days day by day over 2024–2026', () => {
    const all = days('2024-01-01', '2026-12-31');
    const mismatches = all.filter((d) => dayInfo(d, none).workday !== isWorkday(localDate(d)));
    expect(mismatches).toEqual([]);
    // workingDaysIn excludes its first day (2024-01-01, 元旦 — not a working day anyway).
    const expected = all.slice(1).filter((d) => isWorkday(localDate(d))).length;
    expect(expected).toBeGreaterThan(700);
    expect(workingDaysIn('2024-01-01', '2026-12-31', none)).toEqual({ count: expected, provisional: false });
    expect(getDayDetail(localDate('2026-10-01')).name).toContain('国庆节');
  });
});

describe('yearScheduleInput', () => {
  const good = {
    holidays: [
      { date: '2027-02-06', name: ' 春节 ' },
      { date: '2027-02-07', name: '春节' },
    ],
    workdays: [{ date: '2027-02-14', name: '春节' }],
  };

  function issues(year: number, body: unknown): string[] {
    const r = yearScheduleInputFor(year).safeParse(body);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  }

  it('accepts a plain schedule and trims names', () => {
    const r = yearScheduleInputFor(2027).safeParse(good);
    expect(r.success).toBe(true);
    expect(r.data?.holidays[0]).toEqual({ date: '2027-02-06', name: '春节' });
    expect(yearScheduleInput.safeParse({ holidays: [], workdays: [] }).success).toBe(true);
  });

  it('rejects dates outside the year', () => {
    expect(issues(2027, { ...good, holidays: [{ date: '2026-12-31', name: '元旦' }] })).toEqual([
      'holidays.0.date: 日期应在 2027 年内：2026-12-31',
    ]);
    expect(issues(2026, good)).toHaveLength(3);
  });

  it('rejects a date that is both a holiday and a workday, and duplicates', () => {
    expect(issues(2027, { holidays: [{ date: '2027-02-13', name: '春节' }], workdays: [{ date: '2027-02-13', name: '春节' }] })).toEqual([
      'workdays.0.date: 2027-02-13 不能既放假又上班',
    ]);
    expect(issues(2027, { ...good, holidays: [...good.holidays, { date: '2027-02-06', name: '春节' }] })).toEqual([
      'holidays.2.date: 日期重复：2027-02-06',
    ]);
  });

  it('rejects a workday that is not a Saturday or Sunday', () => {
    expect(issues(2027, { ...good, workdays: [{ date: '2027-02-15', name: '春节' }] })).toEqual([
      'workdays.0.date: 调休上班日应为周六或周日：2027-02-15',
    ]);
  });

  it('rejects bad names, malformed dates, too many entries and unknown fields', () => {
    expect(issues(2027, { ...good, workdays: [{ date: '2027-02-14', name: '   ' }] })).toEqual(['workdays.0.name: 名称不能为空']);
    expect(issues(2027, { ...good, workdays: [{ date: '2027-02-14', name: '调'.repeat(21) }] })).toEqual([
      'workdays.0.name: 名称不能超过 20 字',
    ]);
    expect(issues(2027, { ...good, workdays: [{ date: '2027-02-14', name: '调'.repeat(20) }] })).toEqual([]);
    expect(issues(2027, { ...good, holidays: [{ date: '2027-02-29', name: '春节' }] })).toEqual([
      'holidays.0.date: 日期应为有效的 YYYY-MM-DD',
    ]);
    const many = days('2027-01-01', '2027-03-02').map((date) => ({ date, name: '假' }));
    expect(many).toHaveLength(61);
    expect(issues(2027, { holidays: many, workdays: [] })).toEqual(['holidays: 放假日期最多 60 条']);
    expect(issues(2027, { holidays: many.slice(0, 60), workdays: [] })).toEqual([]);
    expect(issues(2027, { ...good, extra: 1 })).toHaveLength(1);
    expect(issues(2027, { holidays: [] })).toHaveLength(1);
  });
});
