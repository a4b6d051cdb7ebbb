/**
 * The holidays the law itself fixes (《全国年节及纪念日放假办法》, as amended in 2024, in
 * force from 2025): used for a year whose schedule the State Council has not announced yet.
 *
 *   元旦 1月1日 · 春节 农历除夕、正月初一至初三 (4 days) · 清明 (the solar term's day) ·
 *   劳动节 5月1日、2日 · 端午 农历五月初五 · 中秋 农历八月十五 · 国庆节 10月1日至3日
 *
 * Not modelled (the announcement decides them): 补假 for a holiday falling on a weekend,
 * bridging breaks and adjusted weekend workdays. Such a year is always provisional.
 */
import { getSolarDateFromLunar, getSolarTermDate } from 'chinese-days';
import { addDays, dayNumber, isValidDay, type Day } from './days';

const cache = new Map<number, Map<Day, string>>();

/**
 * chinese-days builds dates from local-time fields of JS Dates. Handing it a Date made from
 * local fields (new Date(y, m, d)) and reading the 'YYYY-MM-DD' it formats from local fields
 * keeps the round trip consistent in any process time zone.
 */
function lunarToSolar(year: number, lunarMonth: number, lunarDay: number): Day {
  const { date } = getSolarDateFromLunar(new Date(year, lunarMonth - 1, lunarDay));
  if (!isValidDay(date) || Number(date.slice(0, 4)) !== year) {
    throw new Error(`lunar ${year}-${lunarMonth}-${lunarDay} gave ${date}`);
  }
  return date;
}

/** 清明: the day of the solar term 清明 (April 4 or 5 this century). */
function qingming(year: number): Day {
  const raw = getSolarTermDate(year, 4, 'pure_brightness');
  // chinese-days builds this date at UTC midnight and formats it with local-time getters,
  // which prints the previous day in a zone west of UTC. Undo that shift.
  const probe = new Date(Date.UTC(year, 3, 15));
  const shift = 15 - probe.getDate(); // 0, or 1 west of UTC
  const day = shift ? addDays(raw, shift) : raw;
  if (!isValidDay(day) || !day.startsWith(`${year}-04-`)) throw new Error(`清明 ${year} gave ${raw}`);
  return day;
}

/** Holidays fixed by law for a year, date → name (where two coincide, both names). */
export function statutoryHolidays(year: number): Map<Day, string> {
  const hit = cache.get(year);
  if (hit) return hit;
  const days = new Map<Day, string>();
  const add = (day: Day, name: string) => {
    const had = days.get(day);
    days.set(day, had && had !== name ? `${had}、${name}` : name);
  };
  const pad = (n: number) => String(n).padStart(2, '0');
  const fixed = (month: number, date: number) => `${year}-${pad(month)}-${pad(date)}`;

  add(fixed(1, 1), '元旦');
  // 除夕 is the day before 正月初一 (腊月 has 29 or 30 days, so never "腊月三十").
  const newYear = lunarToSolar(year, 1, 1);
  for (let i = -1; i <= 2; i++) add(addDays(newYear, i), '春节');
  add(qingming(year), '清明');
  add(fixed(5, 1), '劳动节');
  add(fixed(5, 2), '劳动节');
  add(lunarToSolar(year, 5, 5), '端午');
  add(fixed(10, 1), '国庆节');
  add(fixed(10, 2), '国庆节');
  add(fixed(10, 3), '国庆节');
  add(lunarToSolar(year, 8, 15), '中秋');

  const sorted = new Map([...days].sort((a, b) => dayNumber(a[0]) - dayNumber(b[0])));
  cache.set(year, sorted);
  return sorted;
}
