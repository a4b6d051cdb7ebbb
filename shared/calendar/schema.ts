/**
 * Input for the office's entry of an announced year's schedule:
 * PUT body `{ holidays: [{ date, name }], workdays: [{ date, name }] }`, year from the path.
 *
 * `yearScheduleInput` checks everything that does not need the year; `yearScheduleInputFor(year)`
 * adds "every date lies inside that year". Routes should parse with the latter.
 */
import { z } from 'zod';
import { MAX_YEAR, MIN_YEAR, isValidDay, isWeekend } from './days';

export const YEAR_SCHEDULE_LIMITS = { entries: 60, name: 20 } as const;

const namedDay = z
  .object({
    date: z.string().refine(isValidDay, '日期应为有效的 YYYY-MM-DD'),
    name: z
      .string()
      .trim()
      .min(1, '名称不能为空')
      .max(YEAR_SCHEDULE_LIMITS.name, `名称不能超过 ${YEAR_SCHEDULE_LIMITS.name} 字`),
  })
  .strict();

const list = (label: string) =>
  z.array(namedDay).max(YEAR_SCHEDULE_LIMITS.entries, `${label}最多 ${YEAR_SCHEDULE_LIMITS.entries} 条`);

export const yearScheduleInput = z
  .object({ holidays: list('放假日期'), workdays: list('调休上班日期') })
  .strict()
  .superRefine((v, ctx) => {
    for (const key of ['holidays', 'workdays'] as const) {
      const seen = new Set<string>();
      v[key].forEach((d, i) => {
        if (seen.has(d.date)) ctx.addIssue({ code: 'custom', path: [key, i, 'date'], message: `日期重复：${d.date}` });
        seen.add(d.date);
      });
    }
    const holidays = new Set(v.holidays.map((d) => d.date));
    v.workdays.forEach((d, i) => {
      if (!isValidDay(d.date)) return;
      if (holidays.has(d.date)) {
        ctx.addIssue({ code: 'custom', path: ['workdays', i, 'date'], message: `${d.date} 不能既放假又上班` });
      }
      if (!isWeekend(d.date)) {
        ctx.addIssue({ code: 'custom', path: ['workdays', i, 'date'], message: `调休上班日应为周六或周日：${d.date}` });
      }
    });
  });

export type YearScheduleInput = z.output<typeof yearScheduleInput>;

/** The PUT body schema for one year: `yearScheduleInput` plus "all dates inside `year`". */
export function yearScheduleInputFor(year: number) {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) throw new RangeError(`unsupported year: ${year}`);
  const prefix = `${year}-`;
  return yearScheduleInput.superRefine((v, ctx) => {
    for (const key of ['holidays', 'workdays'] as const) {
      v[key].forEach((d, i) => {
        if (!d.date.startsWith(prefix)) {
          ctx.addIssue({ code: 'custom', path: [key, i, 'date'], message: `日期应在 ${year} 年内：${d.date}` });
        }
      });
    }
  });
}

/** Path parameter `:year`. */
export const yearParam = z.object({
  year: z.coerce
    .number()
    .int('年份应为整数')
    .min(MIN_YEAR, `年份不能早于 ${MIN_YEAR}`)
    .max(MAX_YEAR, `年份不能晚于 ${MAX_YEAR}`),
});
