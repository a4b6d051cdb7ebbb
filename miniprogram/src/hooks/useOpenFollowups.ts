import { useDidShow } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { openFollowupCount } from '../services/followups';

/** How many 回访 wait in the office's queue, read on mount and each time the screen shows again; null until known (and for anyone else). */
export function useOpenFollowups(enabled: boolean): number | null {
  const [count, setCount] = useState<number | null>(null);
  const load = () => {
    if (enabled) openFollowupCount().then(setCount, () => setCount(null));
  };
  useEffect(load, [enabled]);
  useDidShow(load);
  return enabled ? count : null;
}
