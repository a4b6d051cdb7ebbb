import { addWorkingDays, dueDate, shanghaiDay, shanghaiEndOfDay, workingDaysIn, type YearSchedules } from '../../shared/calendar';
import { REPLY_DAYS } from '../../shared/inquiry/states';

/**
 * The reply deadline: 5 working days after receipt (3 for a simple question), plus the working
 * days the clock stood still while the resident was asked for more detail. An inquiry sent back
 * to its unit (reopened after a 回访, or a 追问) counts afresh from that moment.
 */
export function replyDeadline(
  i: { receivedAt: string; simple: boolean; stoppedDays: number; reopenedAt?: string | null },
  overrides: YearSchedules,
): { dueAt: string; provisional: boolean } {
  const days = (i.simple ? REPLY_DAYS.simple : REPLY_DAYS.normal) + i.stoppedDays;
  const due = dueDate(new Date(i.reopenedAt ?? i.receivedAt), days, overrides);
  return { dueAt: due.dueAt.toISOString(), provisional: due.provisional };
}

/** Working days a clock stopped at `pausedAt` and resumed at `now` stood still. */
export function stoppedWorkingDays(pausedAt: string, now: Date, overrides: YearSchedules): number {
  return workingDaysIn(shanghaiDay(new Date(pausedAt)), shanghaiDay(now), overrides).count;
}

/** Working days from today to the due day: 0 on the due day, negative once overdue. */
export function workingDaysLeft(dueAt: string, now: Date, overrides: YearSchedules): number {
  const today = shanghaiDay(now);
  const dueDay = shanghaiDay(new Date(dueAt));
  return today <= dueDay ? workingDaysIn(today, dueDay, overrides).count : -workingDaysIn(dueDay, today, overrides).count;
}

/**
 * 临期: the last working day before the due day has begun. Deadlines up to this instant are
 * due soon: the end of the next working day after today.
 */
export function dueSoonCutoff(now: Date, overrides: YearSchedules): string {
  return shanghaiEndOfDay(addWorkingDays(shanghaiDay(now), 1, overrides).day).toISOString();
}
