import type { NewMessage } from '../db/inquiries';

/** Notification texts; `key` makes each one unique so a retry or a re-run never sends it twice. */
export const messages = {
  // No text carries the question: 消息 reads it from the inquiry, so it shows only while the
  // reader may still see that inquiry (not after it was transferred to another unit).
  assigned: (userId: string, i: { id: string }, version: number): NewMessage => ({
    key: `assigned:${i.id}:${version}:${userId}`,
    userId,
    inquiryId: i.id,
    kind: 'assigned',
    title: '新的政策咨询待答复',
    body: '咨询已交办，请在期限内答复。',
  }),
  // The version tells a second reply (after a 追问 or a reopening) from the first.
  replied: (userId: string, i: { id: string; ticket: string; version: number }): NewMessage => ({
    key: `replied:${i.id}:${i.version}`,
    userId,
    inquiryId: i.id,
    kind: 'replied',
    title: '您的政策咨询已答复',
    body: `咨询 ${i.ticket} 已有答复，请查看并评价。`,
  }),
  clarify: (userId: string, i: { id: string; ticket: string }, version: number): NewMessage => ({
    key: `clarify:${i.id}:${version}`,
    userId,
    inquiryId: i.id,
    kind: 'clarify',
    title: '请补充咨询信息',
    body: `咨询 ${i.ticket} 需要您补充说明，补充后继续办理。`,
  }),
  supplemented: (userId: string, i: { id: string; ticket: string }, version: number): NewMessage => ({
    key: `supplemented:${i.id}:${version}:${userId}`,
    userId,
    inquiryId: i.id,
    kind: 'supplemented',
    title: '居民已补充说明',
    body: `咨询 ${i.ticket} 的居民已补充说明，答复期限相应顺延。`,
  }),
  dueSoon: (userId: string, i: { id: string; ticket: string; due_at: string }): NewMessage => ({
    key: `due_soon:${i.id}:${i.due_at}:${userId}`,
    userId,
    inquiryId: i.id,
    kind: 'due_soon',
    title: '咨询即将到期',
    body: `咨询 ${i.ticket} 将于 ${shanghaiText(i.due_at)} 到期，请尽快答复。`,
  }),
  overdue: (userId: string, i: { id: string; ticket: string; due_at: string }): NewMessage => ({
    key: `overdue:${i.id}:${i.due_at}:${userId}`,
    userId,
    inquiryId: i.id,
    kind: 'overdue',
    title: '咨询已超期',
    body: `咨询 ${i.ticket} 已超过答复期限（${shanghaiText(i.due_at)}），请立即处理。`,
  }),
  followup: (userId: string, i: { id: string; ticket: string }, rating: string): NewMessage => ({
    key: `followup:${i.id}:${userId}`,
    userId,
    inquiryId: i.id,
    kind: 'followup',
    title: '需要回访',
    body: `咨询 ${i.ticket} 的答复被评价为「${rating}」，请安排回访。`,
  }),
  // The office sent the inquiry back to its unit after a 回访: a pointer; the inbox lists it again.
  reopened: (userId: string, i: { id: string; ticket: string; version: number }, dueAt: string): NewMessage => ({
    key: `reopened:${i.id}:${i.version}:${userId}`,
    userId,
    inquiryId: i.id,
    kind: 'reopened',
    title: '咨询退回重办',
    body: `政务公开办回访后将咨询 ${i.ticket} 退回重办，请于 ${shanghaiText(dueAt)} 前重新答复。`,
  }),
  followupQuestion: (userId: string, i: { id: string; ticket: string; version: number }, dueAt: string): NewMessage => ({
    key: `followup_question:${i.id}:${i.version}:${userId}`,
    userId,
    inquiryId: i.id,
    kind: 'followup_question',
    title: '居民追问',
    body: `咨询 ${i.ticket} 的居民对答复有追问，请于 ${shanghaiText(dueAt)} 前答复。`,
  }),
};

function shanghaiText(iso: string): string {
  const d = new Date(Date.parse(iso) + 8 * 3_600_000);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}
