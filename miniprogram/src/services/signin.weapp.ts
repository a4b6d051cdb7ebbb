import Taro from '@tarojs/taro';
import type { Session } from '@shared/schemas/auth';
import { api } from './api';

export const SIGNS_IN_BY_PHONE = false;

export async function silentSignIn(): Promise<Session | null> {
  const { code } = await Taro.login();
  return api.post<Session>('/api/auth/weapp', { code }, { auth: false, headers: { 'X-Client': encodeURIComponent(clientLabel()) } });
}

export function clientLabel(): string {
  try {
    const info = Taro.getSystemInfoSync();
    return ['小程序', info.model, info.system].filter(Boolean).join(' · ').slice(0, 60);
  } catch {
    return '小程序';
  }
}
