import type { Session } from '@shared/schemas/auth';

export const SIGNS_IN_BY_PHONE = true;

export async function silentSignIn(): Promise<Session | null> {
  return null;
}
