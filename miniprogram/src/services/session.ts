import type { STAFF_ROLES } from '@shared/constants';
import type { DevLoginInput, Me, Session } from '@shared/schemas/auth';
import { api, ApiError } from './api';
import { clientLabel, SIGNS_IN_BY_PHONE, silentSignIn } from './signin';
import { clearSession, readToken, readUser, saveSession, saveUser } from './token';

export { readPhone, readUser } from './token';
export { SIGNS_IN_BY_PHONE } from './signin';

export type StaffRole = (typeof STAFF_ROLES)[number];

export function isStaff(user: Me | null): user is Me & { role: StaffRole } {
  return !!user && user.role !== 'resident';
}

export function canManage(user: Me | null): user is Me & { role: 'editor' | 'office' } {
  return !!user && (user.role === 'editor' || user.role === 'office');
}

/** What this deployment offers (GET /api/auth/config): dev sign-in exists only on a developer's machine. */
export type SignInConfig = { dev: boolean; phone: boolean; weapp: boolean; templates: { replied: string | null; clarify: string | null } };

let config: Promise<SignInConfig> | null = null;
export function signInConfig(): Promise<SignInConfig> {
  config ??= api.get<SignInConfig>('/api/auth/config', { auth: false }).catch((err: unknown) => {
    config = null;
    throw err;
  });
  return config;
}

/** Development sign-in (only where the API offers it): any role, to try every screen. */
export async function devSignIn(input: DevLoginInput): Promise<Session> {
  const session = await api.post<Session>('/api/auth/dev', input, { auth: false });
  saveSession(session);
  return session;
}

/** A call needs someone signed in and this platform cannot do it without asking (H5): the screen asks for a phone code. */
export class SignInNeeded extends ApiError {
  constructor() {
    super(401, 'sign_in_needed', '请先用手机号验证登录');
  }
}

export function requestCode(phone: string) {
  return api.post<{ sent: true; expiresIn: number; resendIn: number }>('/api/auth/phone/code', { phone }, { auth: false });
}

/** Signs in with a phone code; the number stays on this device to prefill 联系电话. */
export async function signInWithPhone(phone: string, code: string): Promise<Session> {
  const session = await api.post<Session>('/api/auth/phone', { phone, code }, { auth: false, headers: { 'X-Client': encodeURIComponent(clientLabel()) } });
  saveSession({ ...session, phone: phone.replace(/[\s-]/g, '') });
  return session;
}

let pending: Promise<string> | null = null;

/** A token for calls that need one: the stored session, or a silent sign-in where the platform has one. */
export function ensureSession(): Promise<string> {
  const token = readToken();
  if (token) return Promise.resolve(token);
  // Two taps at once must not sign in twice.
  pending ??= silentSignIn()
    .then((s) => {
      if (!s) throw new SignInNeeded();
      saveSession(s);
      return s.token;
    })
    .finally(() => {
      pending = null;
    });
  return pending;
}

/**
 * Runs a call that needs a signed-in user. A resident's session the server no longer accepts is
 * replaced once where that needs no asking (WeChat); a staff member's is not silently downgraded.
 */
export async function withSession<T>(call: () => Promise<T>): Promise<T> {
  await ensureSession();
  try {
    return await call();
  } catch (err) {
    if (err instanceof ApiError && err.status === 401 && !isStaff(readUser())) {
      clearSession();
      if (SIGNS_IN_BY_PHONE) throw new SignInNeeded();
      await ensureSession();
      return call();
    }
    throw err;
  }
}

export function getMe() {
  return api.get<Me>('/api/me');
}

/** Reads who is signed in from the server and keeps it (after an invitation was redeemed, or a role changed). */
export async function refreshMe(): Promise<Me> {
  const me = await getMe();
  saveUser(me);
  return me;
}

export async function redeemInvitation(code: string): Promise<Me> {
  const me = await withSession(() => api.post<Me>('/api/invitations/redeem', { code }));
  saveUser(me);
  return me;
}

export type SessionInfo = { id: string; method: string; client: string | null; createdAt: string; lastSeenAt: string; current: boolean };
export const listSessions = () => api.get<{ items: SessionInfo[] }>('/api/auth/sessions');

/** Ends this device's session on the server too; the device forgets it either way. */
export async function signOut(): Promise<void> {
  try {
    if (readToken()) await api.post('/api/auth/logout', {});
  } catch {
    // Offline or already ended: forgetting it here is what matters to the person.
  } finally {
    clearSession();
  }
}

/** Ends every session of this person (a lost phone): only once the server has done it does the device forget its own. */
export async function signOutEverywhere(): Promise<void> {
  await api.post('/api/auth/logout', { all: true });
  clearSession();
}

export const ROLE_LABELS: Record<Me['role'], string> = {
  resident: '居民',
  answerer: '政策解答员',
  editor: '单位编辑',
  office: '政务公开办',
};
