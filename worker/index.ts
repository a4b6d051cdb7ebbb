import { app } from './app';
import type { Env } from './env';
import { deliverOutbox } from './jobs/deliver';
import { runPolicyJobs } from './jobs/policies';
import { pruneExpired } from './jobs/prune';
import { eraseExpiredContacts } from './jobs/retention';
import { runReminders } from './jobs/reminders';

export default {
  fetch: app.fetch,
  /** Every few minutes: reminders (only in office hours on working days), expired policies and subscription notices, then delivery with retries, then tidying and the contact details past their retention. */
  async scheduled(controller, env, ctx) {
    const now = new Date(controller.scheduledTime);
    ctx.waitUntil(
      runReminders(env, now)
        .then(() => runPolicyJobs(env, now))
        .then(() => deliverOutbox(env, now))
        .then(() => pruneExpired(env, now))
        .then(() => eraseExpiredContacts(env, now)),
    );
  },
} satisfies ExportedHandler<Env>;
