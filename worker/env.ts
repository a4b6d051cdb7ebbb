export type Env = {
  DB: D1Database;
  /** "development" only on a developer's machine; anything else is production. */
  ENVIRONMENT: string;
  /** HMAC secret for session tokens; a Wrangler secret in production. */
  JWT_SECRET?: string;
};

export type SessionUser = {
  id: string;
  role: 'resident' | 'answerer' | 'editor' | 'office';
  unitId: string | null;
};

export type AppEnv = { Bindings: Env; Variables: { user: SessionUser | null } };
