export type Env = {
  DB: D1Database;
  /** "development" only on a developer's machine; anything else is production. */
  ENVIRONMENT: string;
  /** HMAC secret for session tokens; a Wrangler secret in production. */
  JWT_SECRET?: string;
  /** WeChat mini-program credentials for subscribe messages; without them only in-app notifications go out. */
  WECHAT_APPID?: string;
  WECHAT_SECRET?: string;
  /** JSON: notification kind → subscribe-message template id, e.g. {"replied":"…","clarify":"…"}. */
  WECHAT_TEMPLATES?: string;
};

export type SessionUser = {
  id: string;
  role: 'resident' | 'answerer' | 'editor' | 'office';
  unitId: string | null;
};

export type AppEnv = { Bindings: Env; Variables: { user: SessionUser | null } };
