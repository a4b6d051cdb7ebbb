import { Hono } from 'hono';
import { cors } from 'hono/cors';
import '../shared/schemas/messages';
import type { AppEnv } from './env';
import { session } from './lib/auth';
import { ApiError, errorResponse, handleError } from './lib/errors';
import { authRoutes } from './routes/auth';
import { calendarRoutes } from './routes/calendar';
import { devRoutes } from './routes/dev';
import { exportRoutes } from './routes/exports';
import { faqRoutes } from './routes/faq';
import { faqManageRoutes } from './routes/faq-manage';
import { followupRoutes } from './routes/followups';
import { healthRoutes } from './routes/health';
import { inquiryActionRoutes } from './routes/inquiry-actions';
import { inquiryRoutes } from './routes/inquiries';
import { kbGapRoutes } from './routes/kb-gaps';
import { notificationRoutes } from './routes/notifications';
import { openApiRoutes } from './routes/openapi';
import { partnerKeyRoutes } from './routes/partner-keys';
import { policyImportRoutes } from './routes/policy-import';
import { policyRoutes } from './routes/policies';
import { privacyRoutes } from './routes/privacy';
import { publicationRoutes } from './routes/publications';
import { routingRoutes } from './routes/routing';
import { staffRoutes } from './routes/staff';
import { statsRoutes } from './routes/stats';
import { synonymRoutes } from './routes/synonyms';
import { unitRoutes } from './routes/units';

const api = new Hono<AppEnv>()
  .route('/', healthRoutes)
  .route('/', openApiRoutes)
  .route('/', authRoutes)
  .route('/', unitRoutes)
  .route('/', staffRoutes)
  .route('/', faqRoutes)
  .route('/', faqManageRoutes)
  .route('/', policyImportRoutes)
  .route('/', policyRoutes)
  .route('/', synonymRoutes)
  .route('/', calendarRoutes)
  // Before the inquiries: /inquiries/export would otherwise be read as an inquiry's id.
  .route('/', exportRoutes)
  .route('/', inquiryRoutes)
  .route('/', inquiryActionRoutes)
  .route('/', followupRoutes)
  .route('/', routingRoutes)
  .route('/', notificationRoutes)
  .route('/', privacyRoutes)
  .route('/', publicationRoutes)
  .route('/', statsRoutes)
  .route('/', kbGapRoutes)
  .route('/', partnerKeyRoutes)
  .route('/', devRoutes);

export const app = new Hono<AppEnv>()
  .use('*', async (c, next) => {
    const start = performance.now();
    await next();
    c.res.headers.set('Server-Timing', `app;dur=${(performance.now() - start).toFixed(1)}`);
  })
  // The API carries bearer tokens, never cookies, so any origin (the H5 app, a 12345 platform) may call it.
  .use('/api/*', cors({ origin: '*', allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Client'], exposeHeaders: ['Server-Timing', 'Retry-After', 'Content-Disposition'] }))
  .use('/api/*', session)
  .route('/api', api)
  .notFound((c) => errorResponse(c, new ApiError('not_found', '接口不存在')))
  .onError(handleError);

export type AppType = typeof app;
