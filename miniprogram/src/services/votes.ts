import Taro from '@tarojs/taro';

// The server keeps one vote per person per entry (a new vote replaces the old one); this
// only remembers which button to show as chosen on this device.
const KEY = 'zc.votes';

function all(): Record<string, boolean> {
  try {
    const value: unknown = Taro.getStorageSync(KEY);
    return value && typeof value === 'object' ? (value as Record<string, boolean>) : {};
  } catch {
    return {};
  }
}

export function readVote(id: string): boolean | null {
  const vote = all()[id];
  return typeof vote === 'boolean' ? vote : null;
}

export function saveVote(id: string, helpful: boolean): void {
  const votes = all();
  votes[id] = helpful;
  // Keep the record small: the most recent 200 entries are plenty.
  const keys = Object.keys(votes);
  for (const key of keys.slice(0, Math.max(0, keys.length - 200))) delete votes[key];
  Taro.setStorageSync(KEY, votes);
}
