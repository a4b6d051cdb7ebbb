import type { YearSchedules } from '../../shared/calendar';
import { followupQuestionRefusal, followupQuestionUntil } from '../../shared/inquiry/followup';
import { OPEN, isOverdue } from '../../shared/inquiry/states';
import type { InquiryEvent, InquiryView } from '../../shared/schemas/inquiry';
import type { InquiryRow } from '../db/inquiries';
import type { SessionUser } from '../env';
import { canSeeContact } from './inquiry-access';
import { workingDaysLeft } from './deadline';

/** What `user` may see of an inquiry. */
export function inquiryView(
  r: InquiryRow,
  user: SessionUser,
  now: Date,
  overrides: YearSchedules,
  events?: InquiryEvent[],
): InquiryView {
  const view: InquiryView = {
    id: r.id,
    ticket: r.ticket,
    channel: r.channel,
    question: r.question,
    topic: r.topic,
    unitId: r.unit_id,
    unitName: r.unit_name,
    answererId: r.answerer_id,
    answererName: r.answerer_name,
    status: r.status,
    overdue: isOverdue({ status: r.status, dueAt: r.due_at }, now),
    simple: r.simple === 1,
    receivedAt: r.received_at,
    dueAt: r.due_at,
    dueProvisional: r.due_provisional === 1,
    workingDaysLeft: OPEN.includes(r.status) ? workingDaysLeft(r.due_at, now, overrides) : null,
    reply: r.reply,
    repliedAt: r.replied_at,
    rating: r.rating,
    consentPublish: r.consent_publish === 1,
    version: r.version,
    reopenedAt: r.reopened_at,
    followupQuestionAt: r.followup_question_at,
    followupQuestionUntil:
      r.replied_at && !followupQuestionRefusal({ status: r.status, repliedAt: r.replied_at, followupQuestionAt: r.followup_question_at }, now)
        ? followupQuestionUntil(r.replied_at)
        : null,
  };
  if (canSeeContact(user, r)) view.contact = { name: r.contact_name, phone: r.contact_phone };
  if (events) view.events = events;
  return view;
}
