import { z } from 'zod';
import { dayNumber, isValidDay, MAX_YEAR, MIN_YEAR } from '../calendar/days';

const inRange = (d: string) => Number(d.slice(0, 4)) >= MIN_YEAR && Number(d.slice(0, 4)) <= MAX_YEAR;
const day = z.string().refine((d) => isValidDay(d) && inRange(d), '日期应为有效的 YYYY-MM-DD');

export const dueQuery = z.object({
  from: z.iso
    .datetime({ offset: true, message: '时间应为带时区的 ISO 8601 时刻，如 2025-09-26T10:00:00+08:00' })
    // Up to 60 working days from the start must stay inside the calendar's years, so the last one is left out.
    .refine((s) => !Number.isNaN(Date.parse(s)) && inRange(new Date(s).toISOString()) && new Date(s).getUTCFullYear() < MAX_YEAR, '年份超出范围'),
  days: z.coerce.number().int('工作日数应为整数').min(1, '工作日数至少为 1').max(60, '工作日数不能超过 60'),
});

export const MAX_RANGE_DAYS = 370;
// zod runs an object's refinements even when a field failed, so each one first checks that both are real days.
const bothDays = (q: { from: string; to: string }) => isValidDay(q.from) && isValidDay(q.to);
export const daysQuery = z
  .object({ from: day, to: day })
  .refine((q) => !bothDays(q) || q.from <= q.to, { message: '结束日期不能早于开始日期', path: ['to'] })
  .refine((q) => !bothDays(q) || dayNumber(q.to) - dayNumber(q.from) < MAX_RANGE_DAYS, {
    message: `一次最多查询 ${MAX_RANGE_DAYS} 天`,
    path: ['to'],
  });

export type DueAnswer = { dueAt: string; provisional: boolean; counted: string[] };

/** What saving a year would do to open deadlines: how many move, and a few of them. */
export type CalendarPreview = {
  year: number;
  /** Open inquiries anywhere whose due date would change. */
  changed: number;
  /** Those whose due date stays but stops being provisional (the year is no longer unannounced). */
  settled: number;
  /** Up to `PREVIEW_EXAMPLES` of the caller's own, earliest deadline first. */
  examples: { id: string; ticket: string; from: string; to: string; provisional: boolean }[];
};

export const PREVIEW_EXAMPLES = 5;
