import type { PartnerScope } from '../shared/schemas/partner';

export type Env = {
  DB: D1Database;
  /** Policy attachments and interpretation images. */
  FILES: R2Bucket;
  /** "development" only on a developer's machine; anything else is production. */
  ENVIRONMENT: string;
  /** An SMS gateway for sign-in codes and reply notices (see worker/lib/sms.ts); Wrangler secrets in production. */
  SMS_ENDPOINT?: string;
  SMS_TOKEN?: string;
  /** The H5 app's address, for links in invitations and SMS (e.g. https://zixun.example.gov.cn). */
  APP_URL?: string;
  /** WeChat mini-program credentials for subscribe messages; without them only in-app notifications go out. */
  WECHAT_APPID?: string;
  WECHAT_SECRET?: string;
  /** JSON: notification kind → subscribe-message template id, e.g. {"replied":"…","clarify":"…"}. */
  WECHAT_TEMPLATES?: string;
  /** The optional semantic stage (worker/lib/semantic.ts): Workers AI and a Vectorize index; without them search is lexical. */
  AI?: import('./lib/semantic').AiBinding;
  VECTORIZE?: import('./lib/semantic').VectorIndex;
  /** Milliseconds a search waits for the semantic stage (default 800). */
  SEMANTIC_BUDGET_MS?: string;
};

export type SessionUser = {
  id: string;
  role: 'resident' | 'answerer' | 'editor' | 'office';
  unitId: string | null;
  /** The session this request came with (sign-out ends it). */
  sessionId: string;
  /** The units the caller acts on: office staff their district's (or city's) subtree, other staff their own, residents none. */
  units: readonly string[];
};

/** A partner system (a 12345 platform) calling with its key: not a person, so never a `user`. */
export type PartnerPrincipal = {
  id: string;
  name: string;
  scopes: readonly PartnerScope[];
  /** The district (or city) of the office that made the key, and every unit below it. */
  units: readonly string[];
};

export type AppEnv = { Bindings: Env; Variables: { user: SessionUser | null; partner: PartnerPrincipal | null } };
