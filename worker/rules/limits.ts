/**
 * Limits against abuse: at most `max` per `seconds`, counted per person or per address. Per
 * address limits are loose because many residents share one mobile carrier address.
 */
export const LIMITS = {
  /** Sign-in attempts (WeChat, phone codes) from one address. */
  'signin.address': { max: 30, seconds: 3600 },
  /** A code to one phone: one a minute, five an hour. */
  'code.phone': { max: 1, seconds: 60 },
  'code.phone.hour': { max: 5, seconds: 3600 },
  'code.address': { max: 20, seconds: 3600 },
  /** Questions a resident asks; staff log calls and letters for many residents. */
  'inquiry.resident': { max: 10, seconds: 3600 },
  'inquiry.staff': { max: 300, seconds: 3600 },
  'inquiry.address': { max: 60, seconds: 3600 },
  'feedback.user': { max: 30, seconds: 600 },
  'resolution.address': { max: 30, seconds: 600 },
  'grant.user': { max: 30, seconds: 600 },
  'invitation.user': { max: 50, seconds: 3600 },
  /** Every call of one partner key (a 12345 platform logs, reads and searches for many residents). */
  'partner.key': { max: 300, seconds: 60 },
  'partnerkey.user': { max: 20, seconds: 3600 },
  /** Views counted towards 热门 from one address; more are shown but not counted. */
  'view.address': { max: 60, seconds: 600 },
} as const satisfies Record<string, { max: number; seconds: number }>;

export type LimitName = keyof typeof LIMITS;

/** "3 分钟后" / "40 秒后": when to try again, as the app says it. */
export function retryText(seconds: number): string {
  return seconds >= 90 ? `${Math.ceil(seconds / 60)} 分钟后` : `${seconds} 秒后`;
}
