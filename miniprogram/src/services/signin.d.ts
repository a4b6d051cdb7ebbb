import type { Session } from '@shared/schemas/auth';

/**
 * How this platform signs someone in without asking: in the mini-program wx.login's code goes
 * to the worker; in H5 there is no such way, so a phone code is asked for when it is needed.
 */
export function silentSignIn(): Promise<Session | null>;
/** Whether asking a question first needs a phone code (H5 outside WeChat). */
export const SIGNS_IN_BY_PHONE: boolean;
/** What this device is, in a few words, for the staff member's list of signed-in devices. */
export function clientLabel(): string;
