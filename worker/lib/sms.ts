import type { Env } from '../env';

/**
 * Text messages go through one pluggable sender. In production it is an SMS gateway set by
 * secrets: SMS_ENDPOINT receives `POST { phone, text }` with `Authorization: Bearer SMS_TOKEN`
 * (a district's own gateway, or a small adapter in front of its provider's signed API).
 * On a developer's machine without a gateway, the message is printed to the worker's log.
 */
export type SmsSender = (phone: string, text: string) => Promise<void>;

/** What the development sender printed, so local tools can read a code back (GET /api/dev/sms). */
export const devTexts: { phone: string; text: string }[] = [];

export function smsSender(env: Pick<Env, 'SMS_ENDPOINT' | 'SMS_TOKEN' | 'ENVIRONMENT'>): SmsSender | null {
  if (env.SMS_ENDPOINT) {
    const endpoint = env.SMS_ENDPOINT;
    return async (phone, text) => {
      const res = await fetch(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(env.SMS_TOKEN ? { Authorization: `Bearer ${env.SMS_TOKEN}` } : {}) },
        body: JSON.stringify({ phone, text }),
      });
      if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
    };
  }
  if (env.ENVIRONMENT === 'development') {
    return async (phone, text) => {
      console.log(`[短信] ${phone} ${text}`);
      devTexts.push({ phone, text });
      devTexts.splice(0, Math.max(0, devTexts.length - 200));
    };
  }
  return null;
}
