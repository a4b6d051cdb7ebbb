import Taro from '@tarojs/taro';
import type { Me, Session } from '@shared/schemas/auth';

const KEY = 'zc.session';

function read(): Session | null {
  try {
    const value: unknown = Taro.getStorageSync(KEY);
    if (value && typeof value === 'object' && 'token' in value && 'user' in value) return value as Session;
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

export function saveSession(session: Session): void {
  Taro.setStorageSync(KEY, session);
}

export function clearSession(): void {
  Taro.removeStorageSync(KEY);
}
