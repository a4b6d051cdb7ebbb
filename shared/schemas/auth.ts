import { z } from 'zod';
import { ROLES } from '../constants';

export const devLoginInput = z
  .object({
    role: z.enum(ROLES),
    unitId: z.string().min(1).max(40).optional(),
    name: z.string().min(1).max(40).optional(),
  })
  .strict()
  .refine((v) => v.role === 'resident' || v.unitId, {
    message: '工作人员必须指定所属单位 unitId',
    path: ['unitId'],
  });
export type DevLoginInput = z.infer<typeof devLoginInput>;

export type Session = { token: string; user: Me };
export type Me = {
  id: string;
  role: (typeof ROLES)[number];
  unitId: string | null;
  unitName: string | null;
  name: string | null;
};

export type Unit = { id: string; name: string; kind: 'office' | 'department' | 'street' };
