import { z } from 'zod';
// Every schema answers in Chinese, wherever it is used (the app loads zod only where it validates).
import './messages';

/** The one error envelope every failing route answers with. */
export type ApiErrorBody = {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
};

/**
 * Required text of at most `max` characters, trimmed. A missing field reads like an empty one to
 * the person who left it out (a blank CSV cell).
 */
export const text = (max: number, label: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `${label}不能为空` : `${label}应为文字`) })
    .trim()
    .min(1, `${label}不能为空`)
    .max(max, `${label}不能超过 ${max} 字`);

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), '日期无效');

export const idParam = z.object({ id: z.string().regex(/^[a-z0-9_]{1,40}$/, '编号格式不正确') });

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100000).default(0),
});
