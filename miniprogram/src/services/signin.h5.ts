import type { Session } from '@shared/schemas/auth';

export const SIGNS_IN_BY_PHONE = true;

export async function silentSignIn(): Promise<Session | null> {
  return null;
}

export function clientLabel(): string {
  const ua = typeof navigator === 'undefined' ? '' : navigator.userAgent;
  const system = /Android|iPhone|iPad|Windows|Mac OS|Linux/.exec(ua)?.[0] ?? '';
  const browser = /MicroMessenger|Edg|Chrome|Firefox|Safari/.exec(ua)?.[0] ?? '';
  return ['网页', system, browser === 'MicroMessenger' ? '微信内' : browser].filter(Boolean).join(' · ');
}
