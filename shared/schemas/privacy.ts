import { z } from 'zod';

/** How long contact details stay on a finished inquiry, in months; the office sets it. */
export const RETENTION = { defaultMonths: 36, minMonths: 1, maxMonths: 120 } as const;

export const retentionInput = z
  .object({
    months: z
      .number()
      .int('保存期限应为整月数')
      .min(RETENTION.minMonths, `保存期限至少 ${RETENTION.minMonths} 个月`)
      .max(RETENTION.maxMonths, `保存期限不能超过 ${RETENTION.maxMonths} 个月`),
  })
  .strict();

export type Retention = { months: number; updatedAt: string | null; updatedBy: string | null };

/** Deleting one's account cannot be undone: the request says so explicitly. */
export const accountDeleteInput = z.object({ confirm: z.literal(true, { message: '请确认注销账号' }) }).strict();

export type AccountDeleted = { deleted: true; withdrawn: number; erased: number };
