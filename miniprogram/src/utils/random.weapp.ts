import Taro from '@tarojs/taro';
import { toKey } from './random-key';

const LENGTH = 18;

// The mini-program runtime has no Web Crypto; WeChat's own secure random (base library
// 2.21.3+) is asynchronous. On an older client, fall back to time plus Math.random: still
// unique enough to tell two form fills apart, which is all an Idempotency-Key needs.
export function randomKey(): Promise<string> {
  return new Promise((resolve) => {
    const fallback = () => {
      const bytes = new Uint8Array(LENGTH);
      let t = Date.now();
      for (let i = 0; i < LENGTH; i++) {
        bytes[i] = (Math.random() * 256) ^ (t & 0xff);
        t = Math.floor(t / 256);
      }
      resolve(toKey(bytes));
    };
    try {
      Taro.getUserCryptoManager().getRandomValues({
        length: LENGTH,
        success: (res) => resolve(toKey(new Uint8Array(res.randomValues))),
        fail: fallback,
      });
    } catch {
      fallback();
    }
  });
}
