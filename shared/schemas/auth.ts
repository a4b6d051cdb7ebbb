import { z } from 'zod';
import { MOBILE_PHONE, ROLES, STAFF_ROLES, TOPICS, UNIT_KINDS, type UnitKind } from '../constants';
import { text } from './common';

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

/** A mainland mobile number, as a resident types it (spaces and dashes allowed). */
export const mobilePhone = z
  .string({ error: '请填写手机号' })
  .transform((s) => s.replace(/[\s-]/g, '').replace(/^\+?86/, ''))
  .pipe(z.string().regex(MOBILE_PHONE, '请填写 11 位手机号'));

export const codeRequestInput = z.object({ phone: mobilePhone }).strict();
export const codeSignInInput = z
  .object({ phone: mobilePhone, code: z.string().regex(/^\d{6}$/, '验证码是 6 位数字') })
  .strict();
/** What the mini-program's wx.login (or a getPhoneNumber button) hands over: a one-time code. */
export const wechatCodeInput = z.object({ code: z.string().min(1, '缺少微信登录凭证').max(128) }).strict();
export const logoutInput = z.object({ all: z.boolean().optional() }).strict();

export type Session = { token: string; user: Me };
export type Me = {
  id: string;
  role: (typeof ROLES)[number];
  unitId: string | null;
  unitName: string | null;
  name: string | null;
  /** The verified phone, masked (138****0000); only the person themselves sees it. */
  phone: string | null;
};
export type SessionInfo = { id: string; method: string; client: string | null; createdAt: string; lastSeenAt: string; current: boolean };

export type Unit = { id: string; name: string; kind: UnitKind; parentId?: string | null; retired?: boolean };

const unitId = z.string().regex(/^[a-z0-9_]{1,40}$/, '单位编号格式不正确');

export const unitCreateInput = z
  .object({ name: text(40, '单位名称'), kind: z.enum(UNIT_KINDS), parentId: unitId, sort: z.number().int().min(0).max(100000).optional() })
  .strict();
export const unitUpdateInput = z
  .object({ name: text(40, '单位名称').optional(), parentId: unitId.optional(), sort: z.number().int().min(0).max(100000).optional() })
  .strict()
  .refine((v) => Object.keys(v).length > 0, '请至少修改一项');

export const invitationInput = z
  .object({ unitId, role: z.enum(STAFF_ROLES), name: text(40, '姓名').optional() })
  .strict();
export const redeemInput = z
  .object({ code: z.string().trim().toUpperCase().transform((s) => s.replace(/[\s-]/g, '')).pipe(z.string().regex(/^[0-9A-Z]{8}$/, '邀请码是 8 位字母和数字')) })
  .strict();
export type Invitation = {
  id: string;
  unitId: string;
  unitName: string;
  role: (typeof STAFF_ROLES)[number];
  name: string | null;
  createdAt: string;
  expiresAt: string;
  status: 'open' | 'used' | 'expired' | 'revoked';
};
/** The one answer that carries the code itself: it is shown once and never stored. */
export type NewInvitation = Invitation & { code: string; link: string; qrSvg: string };

const workPhone = z
  .string()
  .trim()
  .max(30)
  .regex(/^[0-9()（）\-+ 转]{5,30}$/, '办公电话只能含数字、括号、短横线和“转”');

/** An answerer's public roster profile (政策解答员名录). */
export const profileInput = z
  .object({
    name: text(40, '姓名').optional(),
    title: z.string().trim().max(40, '职务不能超过 40 字').nullable().optional(),
    workPhone: workPhone.nullable().optional(),
    officeHours: z.string().trim().max(60, '办公时间不能超过 60 字').nullable().optional(),
    topics: z.array(z.enum(TOPICS)).max(TOPICS.length).optional(),
    intro: z.string().trim().max(300, '简介不能超过 300 字').nullable().optional(),
  })
  .strict();
export type ProfileInput = z.infer<typeof profileInput>;

export const staffUpdateInput = z
  .object({ role: z.enum(STAFF_ROLES).optional(), unitId: unitId.optional() })
  .strict()
  .refine((v) => v.role || v.unitId, '请至少修改一项');

export const answererQuery = z.object({ unitId: unitId.optional(), topic: z.enum(TOPICS).optional() });

/** One person on the public roster: only what the seeds say is public. */
export type Answerer = {
  id: string;
  name: string;
  title: string | null;
  unitId: string;
  unitName: string;
  workPhone: string | null;
  officeHours: string | null;
  topics: string[];
  intro: string | null;
};

export type StaffMember = Answerer & { role: (typeof STAFF_ROLES)[number]; status: 'active' | 'disabled'; openInquiries: number };

/** A unit that falls short of the roster rule (001 §(六)), with what to fix. */
export type RosterGap = {
  unitId: string;
  unitName: string;
  kind: UnitKind;
  problem: 'no_answerer' | 'too_many_answerers' | 'no_work_phone';
  message: string;
  answererId?: string;
};
