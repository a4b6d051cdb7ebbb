import { z } from 'zod';
import { TOPICS } from '../constants';
import { CHANNELS, INQUIRY_STATUSES, RATINGS, type Channel, type InquiryStatus, type Rating } from '../inquiry/states';
import { pageQuery, text } from './common';
import { fromNotAfterTo, queryDay } from './stats';

export const phone = z
  .string()
  .trim()
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8}|\d{5,6})$/, '电话号码格式不正确');

export const inquiryCreateInput = z
  .object({
    question: text(1000, '问题'),
    topic: z.enum(TOPICS).optional(),
    unitId: z.string().min(1).max(40).optional(),
    answererId: z.string().min(1).max(60).optional(),
    contactName: z.string().trim().max(20, '姓名不能超过 20 字').optional(),
    contactPhone: phone.optional(),
    consentPublish: z.boolean().default(false),
    /** Staff logging a hotline/phone/mailbox/walk-in question on a resident's behalf. */
    channel: z.enum(CHANNELS).default('miniprogram'),
    /** The words came from a search that found no answer: logged for 高频问题, without who asked. */
    fromSearch: z.boolean().optional(),
  })
  .strict();
export type InquiryCreateInput = z.input<typeof inquiryCreateInput>;
export type InquiryCreateOutput = z.output<typeof inquiryCreateInput>;

export const idempotencyKey = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'Idempotency-Key 应为 8–64 位字母、数字、- 或 _');

export const replyInput = z.object({ reply: text(5000, '答复') }).strict();
export const messageInput = z.object({ message: text(1000, '内容') }).strict();
export const transferInput = z.object({ unitId: z.string().min(1).max(40), reason: text(200, '转办理由') }).strict();
export const assignInput = z.object({ answererId: z.string().min(1).max(60) }).strict();
export const classifyInput = z.object({ simple: z.boolean() }).strict();
export const rateInput = z.object({ rating: z.enum(RATINGS), comment: z.string().trim().max(500).optional() }).strict();
export const resolvedInput = z
  .object({
    question: text(1000, '问题'),
    entryId: z.string().min(1).max(40),
    /** Staff answering a hotline/phone/mailbox/walk-in question from the knowledge base. */
    channel: z.enum(CHANNELS).default('miniprogram'),
  })
  .strict();

export const INBOX_TABS = ['pending', 'due_soon', 'overdue', 'answered'] as const;
export type InboxTab = (typeof INBOX_TABS)[number];
const flag = z.enum(['1'], { message: '只能为 1' });
/**
 * A staff list, optionally narrowed to what a figure of 统计 counts: received in a period (or,
 * with `replied`, replied in it; with `rated`, rated so in it), under a unit, open and overdue
 * now, in a state, by a channel. With any of these and no tab, the list holds every state.
 */
export const inquiryListQuery = pageQuery
  .extend({
    tab: z.enum(INBOX_TABS).optional(),
    from: queryDay.optional(),
    to: queryDay.optional(),
    unitId: z.string().regex(/^[a-z0-9_]{1,40}$/, '单位编号格式不正确').optional(),
    overdue: flag.optional(),
    status: z.enum(INQUIRY_STATUSES).optional(),
    channel: z.enum(CHANNELS).optional(),
    rated: z.enum(RATINGS).optional(),
    replied: flag.optional(),
  })
  .refine(...fromNotAfterTo);
export type InquiryListQuery = z.input<typeof inquiryListQuery>;
/** A list's filters beyond the tab and the page, as the route reads them. */
export type InquiryListFilter = Omit<z.output<typeof inquiryListQuery>, 'tab' | 'limit' | 'offset'>;
/** The list filters beyond the tab, as the inbox carries them in its route. */
export const INBOX_FILTERS = ['from', 'to', 'unitId', 'overdue', 'status', 'channel', 'rated', 'replied'] as const;
export type InboxFilter = Partial<Record<(typeof INBOX_FILTERS)[number], string>>;
/** How many inquiries each 工作台 tab holds, counted like the tab's list. */
export type InboxCounts = Record<InboxTab, number>;

export type InquiryEvent = {
  id: number;
  at: string;
  type: string;
  actorRole: string | null;
  /** Who did it, by name: for staff only (residents see the role). */
  actorName?: string | null;
  data: Record<string, unknown>;
};

export type InquiryView = {
  id: string;
  ticket: string;
  channel: Channel;
  question: string;
  topic: string | null;
  unitId: string | null;
  unitName: string | null;
  answererId: string | null;
  answererName: string | null;
  status: InquiryStatus;
  overdue: boolean;
  simple: boolean;
  receivedAt: string;
  dueAt: string;
  dueProvisional: boolean;
  /** Working days left before the due date, counted from today (0 on the due day; negative when overdue). */
  workingDaysLeft: number | null;
  reply: string | null;
  repliedAt: string | null;
  rating: Rating | null;
  consentPublish: boolean;
  version: number;
  /** When it was last sent back to its unit (reopened after a 回访, or a 追问); the due date counts from here. */
  reopenedAt: string | null;
  /** When the resident asked their one 追问. */
  followupQuestionAt: string | null;
  /** Until when the resident may still ask a 追问; null when they cannot (not answered, asked already, too late). */
  followupQuestionUntil: string | null;
  /** Only for the resident themself, the staff handling the inquiry, and the office. */
  contact?: { name: string | null; phone: string | null };
  events?: InquiryEvent[];
};

/** A page of a staff member's 工作台 tab, with every tab's count. */
export type InboxPage = { items: InquiryView[]; total: number; counts: InboxCounts };
