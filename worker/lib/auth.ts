import type { Context, MiddlewareHandler } from 'hono';
import { sign, verify } from 'hono/jwt';
import type { Role } from '../../shared/constants';
import { ROLES } from '../../shared/constants';
import type { AppEnv, SessionUser } from '../env';
import { ApiError, forbidden } from './errors';

const TOKEN_DAYS = 30;

function secret(c: Context<AppEnv>): string {
  const s = c.env.JWT_SECRET;
  if (!s || s.length < 16) throw new ApiError('internal', '服务器未配置会话密钥');
  return s;
}

export async function issueToken(c: Context<AppEnv>, user: SessionUser): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return sign(
    { sub: user.id, role: user.role, unit: user.unitId, iat: now, exp: now + TOKEN_DAYS * 86400 },
    secret(c),
    'HS256',
  );
}

/** Reads the bearer token if there is one; a bad or expired token is a 401, never ignored. */
export const session: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set('user', null);
  const header = c.req.header('Authorization');
  if (header) {
    const token = /^Bearer (.+)$/.exec(header)?.[1];
    if (!token) throw new ApiError('unauthorized', '登录凭证格式不正确');
    let payload: Record<string, unknown>;
    try {
      payload = await verify(token, secret(c), 'HS256');
    } catch {
      throw new ApiError('unauthorized', '登录已失效，请重新登录');
    }
    const { sub, role, unit } = payload;
    if (typeof sub !== 'string' || !ROLES.includes(role as Role)) {
      throw new ApiError('unauthorized', '登录凭证无效');
    }
    c.set('user', { id: sub, role: role as Role, unitId: typeof unit === 'string' ? unit : null });
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

/** Office staff act on every unit; other staff only on their own. */
export function canActOnUnit(user: SessionUser, unitId: string): boolean {
  return user.role === 'office' || (user.unitId !== null && user.unitId === unitId);
}

export function assertUnit(user: SessionUser, unitId: string): void {
  if (!canActOnUnit(user, unitId)) throw forbidden('只能管理本单位的内容');
}

/** Any signed-in caller, resident or staff. */
export const signedIn = requireRole(...ROLES);
