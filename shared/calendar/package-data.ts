/**
 * The announced schedules shipped in chinese-days. We read the package's published data
 * file (documented in its README) rather than its day functions: the file is plain
 * 'YYYY-MM-DD' keys, so nothing depends on the process time zone, and it tells us which
 * years are announced at all — the package's functions call any day of an unannounced
 * year (e.g. 2027-01-01) an ordinary workday or weekend.
 */
import data from 'chinese-days/dist/chinese-days.json';
import type { Day } from './days';

type Table = Record<string, string>;
const table = data as unknown as { holidays: Table; workdays: Table };

export type PackageYear = { holidays: Map<Day, string>; workdays: Map<Day, string> };

let byYear: Map<number, PackageYear> | undefined;

/** 'National Day,国庆节,3' → '国庆节' (English name, Chinese name, length of the break). */
function chineseName(value: string): string {
  const parts = value.split(',');
  return (parts.length >= 2 ? parts[1] : value)!.trim();
}

function build(): Map<number, PackageYear> {
  const years = new Map<number, PackageYear>();
  const get = (day: string) => {
    const y = Number(day.slice(0, 4));
    let entry = years.get(y);
    if (!entry) years.set(y, (entry = { holidays: new Map(), workdays: new Map() }));
    return entry;
  };
  for (const [day, value] of Object.entries(table.holidays)) get(day).holidays.set(day, chineseName(value));
  for (const [day, value] of Object.entries(table.workdays)) get(day).workdays.set(day, chineseName(value));
  // A year counts as announced only if it has holidays (a stray adjusted workday listed
  // in the previous December for the next year's 元旦 would not make a year announced).
  for (const [y, entry] of years) if (entry.holidays.size === 0) years.delete(y);
  return years;
}

/** The packaged schedule of an announced year, or undefined when the package does not know it. */
export function packageYear(year: number): PackageYear | undefined {
  byYear ??= build();
  return byYear.get(year);
}

/** The years the package has an announced schedule for, ascending. */
export function packageYears(): number[] {
  byYear ??= build();
  return [...byYear.keys()].sort((a, b) => a - b);
}
