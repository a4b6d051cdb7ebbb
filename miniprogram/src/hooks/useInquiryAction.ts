import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ApiError, errorMessage } from '../services/api';

type Options = {
  /** Bring the notice into view when it appears (a long screen). */
  scrollToNotice?: boolean;
  /** What to do when reading the inquiry again fails after a successful action. */
  onRefreshError?: (err: unknown) => void;
};

/**
 * Actions on one inquiry, one at a time. A 409 (someone else acted first, or the state moved on)
 * shows the API's reason as a notice and the inquiry as it is now; other failures show a toast.
 */
export function useInquiryAction(refresh: () => Promise<void>, { scrollToNotice = false, onRefreshError }: Options = {}) {
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState('');

  /** Runs `call` as the action `name`; true when it succeeded. */
  const act = async (name: string, call: () => Promise<unknown>, done: string): Promise<boolean> => {
    if (busy) return false;
    setBusy(name);
    setNotice('');
    try {
      await call();
      void Taro.showToast({ title: done, icon: 'success', duration: 1500 });
      await refresh().catch((err: unknown) => onRefreshError?.(err));
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        setNotice(err.message);
        if (scrollToNotice) void Taro.pageScrollTo({ scrollTop: 0, duration: 200 });
        await refresh().catch(() => undefined);
      } else {
        void Taro.showToast({ title: errorMessage(err), icon: 'none', duration: 2500 });
      }
      return false;
    } finally {
      setBusy(null);
    }
  };

  return { busy, notice, act };
}
