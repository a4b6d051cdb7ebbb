const ALPHABET = '0123456789abcdefghijklmnopqrstuv';

/** A random id such as `faq_k3v9...`: 80 bits, lowercase, safe in URLs. */
export function newId(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let s = '';
  for (const b of bytes) s += ALPHABET[b & 31];
  return `${prefix}_${s}`;
}
