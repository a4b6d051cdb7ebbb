import Taro from '@tarojs/taro';
import type { Session } from '@shared/schemas/auth';
import { api } from './api';

export const SIGNS_IN_BY_PHONE = false;

export async function silentSignIn(): Promise<Session | null> {
  const { code } = await Taro.login();
  return api.post<Session>('/api/auth/weapp', { code }, { auth: false });
}
