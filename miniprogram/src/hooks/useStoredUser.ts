import type { Me } from '@shared/schemas/auth';
import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { readUser } from '../services/token';

/** Who is signed in on this device, read again whenever the page is shown (a sign-in or out elsewhere). */
export function useStoredUser() {
  const [user, setUser] = useState<Me | null>(() => readUser());
  useDidShow(() => setUser(readUser()));
  return [user, setUser] as const;
}
