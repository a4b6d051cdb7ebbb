import { toKey } from './random-key';

export function randomKey(): Promise<string> {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return Promise.resolve(toKey(bytes));
}
