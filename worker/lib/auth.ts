import type { Context, MiddlewareHandler } from 'hono';
import type { Role } from '../../shared/constants';
import { ROLES } from '../../shared/constants';
import { createSession, readSession } from '../db/sessions';
import type { AppEnv, SessionUser } from '../env';
import { ApiError, forbidden } from './errors';
import { sha256Hex } from './hash';
import { partnerOf } from './partner';

/** A session lasts this long after its last use. */
export const SESSION_DAYS = 30;

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The device's own words for itself (URI-encoded: a header carries only ASCII), for the session list. */
function clientOf(header: string | undefined): string | null {
  if (!header) return null;
  try {
    return decodeURIComponent(header).slice(0, 60);
  } catch {
    return null;
  }
}

/** Opens a server-side session for `userId` and returns its bearer token (stored only as a hash). */
export async function issueToken(c: Context<AppEnv>, userId: string, method: 'weapp' | 'sms' | 'dev'): Promise<string> {
  const token = `zc1_${base64url(crypto.getRandomValues(new Uint8Array(32)))}`;
  const client = clientOf(c.req.header('X-Client'));
  await createSession(c.env.DB, { id: await sha256Hex(token), userId, method, client, now: new Date(), days: SESSION_DAYS });
  return token;
}

/**
 * Reads the bearer token if there is one and looks its session up with its user, so a sign-out,
 * a disabled account or a changed role counts on the very next request. A bad, expired or
 * ended session is a 401, never ignored.
 */
export const session: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set('user', null);
  c.set('partner', null);
  const header = c.req.header('Authorization');
  // A partner system's key is a principal of its own (scopes, no role), never a user.
  if (header?.startsWith('Bearer zck_')) c.set('partner', await partnerOf(c, header.slice('Bearer '.length)));
  else if (header) {
    const token = /^Bearer (zc1_[A-Za-z0-9_-]{43})$/.exec(header)?.[1];
    if (!token) throw new ApiError('unauthorized', '登录凭证无效，请重新登录');
    const found = await readSession(c.env.DB, await sha256Hex(token), new Date(), SESSION_DAYS);
    if (!found) throw new ApiError('unauthorized', '登录已失效，请重新登录');
    if (found.status !== 'active') throw new ApiError('unauthorized', '账号已停用，请联系本单位或政务公开办');
    c.set('user', found.user);
  }
  await next();
};

export function currentUser(c: Context<AppEnv>): SessionUser {
  const user = c.get('user');
  if (!user) throw new ApiError('unauthorized', '请先登录');
  return user;
}

/** The caller must be signed in with one of these roles. */
export const requireRole =
  (...roles: Role[]): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const user = currentUser(c);
    if (!roles.includes(user.role)) throw forbidden();
    await next();
  };

/** Office staff act on the units of their district (or city); other staff only on their own. */
export function canActOnUnit(user: SessionUser, unitId: string): boolean {
  return user.units.includes(unitId);
}

export function assertUnit(user: SessionUser, unitId: string): void {
  if (!canActOnUnit(user, unitId)) throw forbidden('只能管理本单位（本辖区）的内容');
}

/** Any signed-in caller, resident or staff. */
export const signedIn = requireRole(...ROLES);

/** A signed-in caller, or a partner key (the session middleware has already checked its scope for this route). */
export const signedInOrPartner: MiddlewareHandler<AppEnv> = async (c, next) => (c.get('partner') ? next() : signedIn(c, next));
