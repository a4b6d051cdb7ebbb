/** Inquiry states (DESIGN §3). `overdue` is computed from the due date, never stored. */
export const INQUIRY_STATUSES = ['submitted', 'assigned', 'awaiting_resident', 'answered', 'closed', 'withdrawn'] as const;
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number];

export const STATUS_LABELS: Record<InquiryStatus, string> = {
  submitted: '待分派',
  assigned: '办理中',
  awaiting_resident: '待补充',
  answered: '已答复',
  closed: '已办结',
  withdrawn: '已撤回',
};

/** States in which the unit still owes the resident a reply. */
export const AWAITING_REPLY: readonly InquiryStatus[] = ['submitted', 'assigned'];
/** States that are not finished (the clock may be running or stopped). */
export const OPEN: readonly InquiryStatus[] = ['submitted', 'assigned', 'awaiting_resident'];

export const ACTIONS = {
  reply: { from: ['submitted', 'assigned'], to: 'answered', label: '答复' },
  clarify: { from: ['submitted', 'assigned'], to: 'awaiting_resident', label: '请居民补充' },
  supplement: { from: ['awaiting_resident'], to: 'assigned', label: '补充说明' },
  assign: { from: ['submitted', 'assigned'], to: 'assigned', label: '分派' },
  transfer: { from: ['submitted', 'assigned'], to: 'assigned', label: '转办' },
  classify: { from: ['submitted', 'assigned', 'awaiting_resident'], to: null, label: '标记简单问题' },
  withdraw: { from: ['submitted', 'assigned', 'awaiting_resident'], to: 'withdrawn', label: '撤回' },
  rate: { from: ['answered'], to: 'closed', label: '评价' },
  // Both send an answered inquiry back to its unit (status assigned, or submitted without an answerer).
  reopen: { from: ['answered', 'closed'], to: 'assigned', label: '退回重办' },
  followup_question: { from: ['answered', 'closed'], to: 'assigned', label: '追问' },
} as const satisfies Record<string, { from: readonly InquiryStatus[]; to: InquiryStatus | null; label: string }>;
export type InquiryAction = keyof typeof ACTIONS;

/** The state after `action`, or an explanation of why it is not allowed now. */
export function nextStatus(
  status: InquiryStatus,
  action: InquiryAction,
): { ok: true; status: InquiryStatus } | { ok: false; message: string } {
  const rule = ACTIONS[action];
  if (!(rule.from as readonly InquiryStatus[]).includes(status)) {
    return { ok: false, message: `咨询当前为「${STATUS_LABELS[status]}」，不能${rule.label}` };
  }
  return { ok: true, status: rule.to ?? status };
}

/** Overdue: the unit still owes a reply and the deadline has passed. A stopped clock is never overdue. */
export function isOverdue(i: { status: InquiryStatus; dueAt: string }, now: Date): boolean {
  return AWAITING_REPLY.includes(i.status) && now.getTime() > Date.parse(i.dueAt);
}

export const RATINGS = ['非常满意', '满意', '基本满意', '不满意', '非常不满意'] as const;
export type Rating = (typeof RATINGS)[number];
/** A rating that opens a follow-up (回访) for the office. */
export const needsFollowup = (r: Rating) => r === '不满意' || r === '非常不满意';

export const CHANNELS = ['miniprogram', 'hotline', 'phone', 'mailbox', 'window'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = {
  miniprogram: '小程序',
  hotline: '12345 热线',
  phone: '电话',
  mailbox: '信箱',
  window: '窗口',
};

/** Reply time limits in working days (000 §(十三)). */
export const REPLY_DAYS = { normal: 5, simple: 3 } as const;
