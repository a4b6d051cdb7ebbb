import { Hono, type Context } from 'hono';
import { addDays, dayInfo, dueDate, yearParam, yearSchedule, yearScheduleInputFor } from '../../shared/calendar';
import { daysQuery, dueQuery, PREVIEW_EXAMPLES, type CalendarPreview, type DueAnswer } from '../../shared/schemas/calendar';
import { loadOverrides, saveYearStatement } from '../db/calendar';
import type { AppEnv } from '../env';
import { currentUser, requireRole } from '../lib/auth';
import { validationError } from '../lib/errors';
import { validate } from '../lib/validate';
import { recomputeDueStatements } from '../jobs/recompute-due';

/** The working-day calendar: public reads (the app shows the expected reply date), office writes. */
export const calendarRoutes = new Hono<AppEnv>()
  .get('/calendar/due', validate('query', dueQuery), async (c) => {
    const { from, days } = c.req.valid('query');
    const due = dueDate(new Date(from), days, await loadOverrides(c.env.DB));
    const answer: DueAnswer = { dueAt: due.dueAt.toISOString(), provisional: due.provisional, counted: due.counted };
    return c.json(answer);
  })

  .get('/calendar/days', validate('query', daysQuery), async (c) => {
    const { from, to } = c.req.valid('query');
    const overrides = await loadOverrides(c.env.DB);
    const items = [];
    for (let d = from; d <= to; d = addDays(d, 1)) items.push(dayInfo(d, overrides));
    return c.json({ items });
  })

  .get('/calendar/years/:year', validate('param', yearParam), async (c) => {
    return c.json(yearSchedule(c.req.valid('param').year, await loadOverrides(c.env.DB)));
  })

  /** What saving this body would do, written nowhere: the office sees it before it saves. */
  .post('/calendar/years/:year/preview', requireRole('office'), validate('param', yearParam), async (c) => {
    const user = currentUser(c);
    const { year } = c.req.valid('param');
    const { changes } = await recompute(c, year);
    const moved = changes.filter((ch) => ch.from !== ch.to);
    const answer: CalendarPreview = {
      year,
      changed: moved.length,
      settled: changes.length - moved.length,
      // Ticket numbers of other districts' inquiries are theirs: the examples come from the office's own units.
      examples: moved
        .filter((ch) => ch.unitId !== null && user.units.includes(ch.unitId))
        .slice(0, PREVIEW_EXAMPLES)
        .map(({ id, ticket, from, to, provisional }) => ({ id, ticket, from, to, provisional })),
    };
    return c.json(answer);
  })

  /** A newly announced year; it replaces the packaged schedule, and open deadlines move with it. */
  .put('/calendar/years/:year', requireRole('office'), validate('param', yearParam), async (c) => {
    const user = currentUser(c);
    const { year } = c.req.valid('param');
    const { schedule, overrides, statements, changed, now } = await recompute(c, year);
    const db = c.env.DB;
    await db.batch([saveYearStatement(db, year, schedule, user.id, now), ...statements]);
    return c.json({ ...yearSchedule(year, overrides), recomputed: changed });
  });

/** The office's year as sent, the calendar it makes, and the deadline moves that follow from it. */
async function recompute(c: Context<AppEnv>, year: number) {
  const user = currentUser(c);
  const parsed = yearScheduleInputFor(year).safeParse(await c.req.json().catch(() => undefined));
  if (!parsed.success) throw validationError(parsed.error);
  const db = c.env.DB;
  const now = new Date().toISOString();
  const overrides = new Map(await loadOverrides(db)).set(year, parsed.data);
  const { statements, changed, changes } = await recomputeDueStatements(db, overrides, now, user);
  return { schedule: parsed.data, overrides, statements, changed, changes, now };
}
