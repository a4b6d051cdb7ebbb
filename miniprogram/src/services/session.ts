import type { STAFF_ROLES } from '@shared/constants';
import type { DevLoginInput, Me, Session } from '@shared/schemas/auth';
import Taro from '@tarojs/taro';
import { randomKey } from '../utils/random';
import { api, ApiError } from './api';
import { clearSession, readToken, readUser, saveSession } from './token';

export { readUser } from './token';

export type StaffRole = (typeof STAFF_ROLES)[number];

export function isStaff(user: Me | null): user is Me & { role: StaffRole } {
  return !!user && user.role !== 'resident';
}

export function canManage(user: Me | null): user is Me & { role: 'editor' | 'office' } {
  return !!user && (user.role === 'editor' || user.role === 'office');
}

/** Development sign-in; in the weapp production build this becomes wx.login → the worker. */
export async function devSignIn(input: DevLoginInput): Promise<Session> {
  const session = await api.post<Session>('/api/auth/dev', input, { auth: false });
  saveSession(session);
  return session;
}

let pending: Promise<string> | null = null;

const DEVICE = 'zc.device';

/**
 * Dev sign-in gives the same account to the same role, unit and name, so each device signs in
 * as its own resident (in production wx.login does this): people never see each other's inquiries.
 */
async function deviceName(): Promise<string> {
  let id: unknown = null;
  try {
    id = Taro.getStorageSync(DEVICE);
  } catch {
    // unreadable storage: a new device id
  }
  if (typeof id !== 'string' || !id) {
    id = await randomKey();
    Taro.setStorageSync(DEVICE, id);
  }
  return `居民-${(id as string).slice(0, 12)}`;
}

/** A token for calls that need one: the stored session, or a fresh resident session. */
export function ensureSession(): Promise<string> {
  const token = readToken();
  if (token) return Promise.resolve(token);
  // Two taps at once must not create two resident accounts.
  pending ??= deviceName()
    .then((name) => devSignIn({ role: 'resident', name }))
    .then((s) => s.token)
    .finally(() => {
      pending = null;
    });
  return pending;
}

/**
 * Runs a call that needs a signed-in user. A stored resident token the server no longer
 * accepts is replaced once; a staff member's expired session is not silently downgraded.
 */
export async function withSession<T>(call: () => Promise<T>): Promise<T> {
  await ensureSession();
  try {
    return await call();
  } catch (err) {
    const user = readUser();
    if (err instanceof ApiError && err.status === 401 && !isStaff(user)) {
      clearSession();
      await ensureSession();
      return call();
    }
    throw err;
  }
}

export function signOut(): void {
  clearSession();
}

export const ROLE_LABELS: Record<Me['role'], string> = {
  resident: '居民',
  answerer: '政策解答员',
  editor: '单位编辑',
  office: '政务公开办',
};
