import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useRef } from 'react';

/** Runs `reload` each time the page is shown again (back from a detail or an edit), not on its first show. */
export function useReloadOnReturn(reload: () => void): void {
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) reload();
    shown.current = true;
  });
}

/** Pull-down refresh runs `reload`; the page shows its own loading state, so the native indicator need not wait. */
export function usePullToReload(reload: () => void): void {
  usePullDownRefresh(() => {
    reload();
    setTimeout(() => Taro.stopPullDownRefresh(), 300);
  });
}
