import { app } from './app';
import type { Env } from './env';
import { deliverOutbox } from './jobs/deliver';
import { embedPending } from './jobs/embed';
import { runPolicyJobs } from './jobs/policies';
import { pruneExpired } from './jobs/prune';
import { eraseExpiredContacts } from './jobs/retention';
import { runReminders } from './jobs/reminders';

/** Up to 1,000 entries embedded per cron run (a district's whole base, or an import in a few runs). */
const CRON_EMBED_ROUNDS = 5;

export default {
  fetch: app.fetch,
  /** Every few minutes: reminders (only in office hours on working days), expired policies and subscription notices, then delivery with retries, then tidying, the contact details past their retention, and the entries the semantic stage has still to embed. */
  async scheduled(controller, env, ctx) {
    const now = new Date(controller.scheduledTime);
    ctx.waitUntil(
      runReminders(env, now)
        .then(() => runPolicyJobs(env, now))
        .then(() => deliverOutbox(env, now))
        .then(() => pruneExpired(env, now))
        .then(() => eraseExpiredContacts(env, now))
        // The semantic stage, where the Worker has it: entries written since the last run.
        .then(() => embedPending(env, CRON_EMBED_ROUNDS)),
    );
  },
} satisfies ExportedHandler<Env>;
