import Taro from '@tarojs/taro';
import type { Me, Session } from '@shared/schemas/auth';

const KEY = 'zc.session';

/** The session as this device keeps it; `phone` is the number it was verified with, kept only here to prefill forms. */
type Stored = Session & { phone?: string };

function read(): Stored | null {
  try {
    const value: unknown = Taro.getStorageSync(KEY);
    if (value && typeof value === 'object' && 'token' in value && 'user' in value) return value as Stored;
  } catch {
    // Unreadable storage is the same as not being signed in.
  }
  return null;
}

export function readToken(): string | null {
  return read()?.token ?? null;
}

export function readUser(): Me | null {
  return read()?.user ?? null;
}

/** The phone this device signed in with (H5), to prefill 联系电话. */
export function readPhone(): string | null {
  return read()?.phone ?? null;
}

export function saveSession(session: Stored): void {
  Taro.setStorageSync(KEY, session);
}

/** The signed-in person changed on the server (a redeemed invitation, an edited name): keep the token, update who it is. */
export function saveUser(user: Me): void {
  const current = read();
  if (current) saveSession({ ...current, user });
}

export function clearSession(): void {
  Taro.removeStorageSync(KEY);
}
