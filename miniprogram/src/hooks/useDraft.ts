import Taro from '@tarojs/taro';
import { useEffect, useRef } from 'react';

// What someone has typed but not yet sent is kept on the device, so closing the mini-program,
// a crash or a lost connection loses nothing. A draft older than a week is stale.
const PREFIX = 'zc.draft.';
const MAX_AGE_MS = 7 * 24 * 3600 * 1000;
const SAVE_DELAY_MS = 400;

type Stored<T> = { value: T; at: number };

/** The draft kept under `key`, or null. Read it once, for the form's first state. */
export function readDraft<T>(key: string): T | null {
  try {
    const stored = Taro.getStorageSync(PREFIX + key) as Stored<T> | '' | undefined;
    if (!stored || typeof stored !== 'object' || Date.now() - stored.at > MAX_AGE_MS) return null;
    return stored.value;
  } catch {
    return null;
  }
}

function write<T>(key: string, value: T) {
  Taro.setStorageSync(PREFIX + key, { value, at: Date.now() } satisfies Stored<T>);
}

function remove(key: string) {
  try {
    Taro.removeStorageSync(PREFIX + key);
  } catch {
    // nothing to remove
  }
}

/**
 * Keeps `value` under `key` a moment after each change while `keep` holds, and drops it when
 * `keep` stops holding (the form is back to where it started). `saveNow` writes at once (just
 * before sending); `clear` drops the draft for good, once the form has been sent.
 */
export function useDraft<T>(key: string, value: T, keep: boolean) {
  const cleared = useRef(false);

  useEffect(() => {
    if (cleared.current) return;
    if (!keep) {
      remove(key);
      return;
    }
    const timer = setTimeout(() => {
      if (!cleared.current) write(key, value);
    }, SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [key, value, keep]);

  return {
    saveNow: (v: T) => write(key, v),
    clear: () => {
      cleared.current = true;
      remove(key);
    },
  };
}
