import { z } from 'zod';
import { dayNumber, isValidDay, MAX_YEAR, MIN_YEAR } from '../calendar/days';
import './common';

/** Misses are kept a year (the cron deletes older ones), so a longer period would read nothing more. */
export const KB_GAPS_MAX_DAYS = 366;

const inRange = (d: string) => Number(d.slice(0, 4)) >= MIN_YEAR && Number(d.slice(0, 4)) < MAX_YEAR;
const day = z.string().refine((d) => isValidDay(d) && inRange(d), '日期应为有效的 YYYY-MM-DD');
const bothDays = (q: { from?: string; to?: string }): q is { from: string; to: string } =>
  q.from !== undefined && q.to !== undefined && isValidDay(q.from) && isValidDay(q.to);

/** A period of Asia/Shanghai days, both included; without them, the last 30 days. */
export const kbGapsQuery = z
  .object({
    from: day.optional(),
    to: day.optional(),
    unitId: z.string().regex(/^[a-z0-9_]{1,40}$/, '单位编号格式不正确').optional(),
  })
  .strict()
  .refine((q) => !bothDays(q) || q.from <= q.to, { message: '结束日期不能早于开始日期', path: ['to'] })
  .refine((q) => !bothDays(q) || dayNumber(q.to) - dayNumber(q.from) < KB_GAPS_MAX_DAYS, {
    message: `一次最多查看 ${KB_GAPS_MAX_DAYS} 天`,
    path: ['to'],
  });
export type KbGapsQuery = z.input<typeof kbGapsQuery>;

/** Why a question was logged: nothing answered the search, 没帮助 on an entry it reached, or an inquiry asked after it. */
export const MISS_REASONS = ['no_answer', 'unhelpful', 'inquiry'] as const;
export type MissReason = (typeof MISS_REASONS)[number];

/** One question residents keep asking that the knowledge base does not answer. */
export type KbGap = {
  /** The wording asked most often: the new entry's question. */
  text: string;
  /** How many times it was asked (searches, 没帮助 and inquiries; nobody is identified, so not people). */
  count: number;
  /** Up to three other wordings, most often asked first. */
  examples: string[];
  reasons: Record<MissReason, number>;
  /** The unit most of its inquiries (or the entries it reached) belong to; null when nothing tells. */
  unitId: string | null;
  unitName: string | null;
  /** The best reply an answered inquiry of the group received (best rated, then newest). */
  bestReply: { inquiryId: string; ticket: string; reply: string; topic: string | null } | null;
};

export type KbGapsAnswer = {
  from: string;
  to: string;
  unitId: string | null;
  /** Misses read: the newest `limit` of the period at most. */
  read: number;
  limit: number;
  groups: KbGap[];
};
