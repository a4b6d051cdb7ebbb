import { addDays, shanghaiDay, shanghaiEndOfDay } from '../calendar/days';
import { REPLY_DAYS, type InquiryStatus } from './states';

/** A resident may ask one follow-up question (追问) within this many calendar days of the reply. */
export const FOLLOWUP_QUESTION_DAYS = 15;
/** A reopened inquiry, or one with a 追问, is due this many working days later. */
export const REOPEN_REPLY_DAYS = REPLY_DAYS.normal;

/** The last instant a 追问 may be asked: the end (Asia/Shanghai) of the 15th day after the reply's day. */
export function followupQuestionUntil(repliedAt: string): string {
  return shanghaiEndOfDay(addDays(shanghaiDay(new Date(repliedAt)), FOLLOWUP_QUESTION_DAYS)).toISOString();
}

type Asked = { status: InquiryStatus; repliedAt: string | null; followupQuestionAt: string | null };

/** Why the resident cannot ask a 追问 now, or null when they can. */
export function followupQuestionRefusal(i: Asked, now: Date): string | null {
  if (i.followupQuestionAt) return '每条咨询只能追问一次';
  if ((i.status !== 'answered' && i.status !== 'closed') || !i.repliedAt) return '咨询答复后才能追问';
  if (now.toISOString() > followupQuestionUntil(i.repliedAt)) return `已超过答复后 ${FOLLOWUP_QUESTION_DAYS} 天的追问期限，如有新问题请重新提交咨询`;
  return null;
}
