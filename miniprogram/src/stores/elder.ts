import Taro from '@tarojs/taro';
import { useSyncExternalStore } from 'react';
import { applyElderRoot } from '../utils/elder-root';

// 长辈模式 (large text), remembered on this device. `offered` records that the first-use
// offer on 首页 was answered, so it is asked once.
const KEY = 'zc.elder';
type State = { on: boolean; offered: boolean };

function load(): State {
  try {
    const v: unknown = Taro.getStorageSync(KEY);
    if (v && typeof v === 'object') {
      const s = v as Partial<State>;
      return { on: s.on === true, offered: s.offered === true };
    }
  } catch {
    // storage unreadable: start in normal mode
  }
  return { on: false, offered: false };
}

let state = load();
applyElderRoot(state.on);
const listeners = new Set<() => void>();

function save(next: State) {
  state = next;
  Taro.setStorageSync(KEY, next);
  applyElderRoot(next.on);
  for (const l of listeners) l();
}

export function setElder(on: boolean): void {
  save({ on, offered: true });
}

export function dismissElderOffer(): void {
  save({ ...state, offered: true });
}

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function useElder(): State {
  return useSyncExternalStore(subscribe, () => state, () => state);
}
