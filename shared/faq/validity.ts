/** Where a day falls in an entry's validity dates. Residents see a published entry only while it is current. */
export type Validity = 'current' | 'upcoming' | 'expired';

/** `today` and the dates are Asia/Shanghai civil dates (YYYY-MM-DD); a missing date is open-ended. */
export function validity(entry: { validFrom: string | null; validUntil: string | null }, today: string): Validity {
  if (entry.validFrom && today < entry.validFrom) return 'upcoming';
  if (entry.validUntil && today > entry.validUntil) return 'expired';
  return 'current';
}

/** 「有效期 2026-01-01 至 2027-12-31」, or '' for an entry that always holds. */
export function validityRange(entry: { validFrom: string | null; validUntil: string | null }): string {
  if (!entry.validFrom && !entry.validUntil) return '';
  if (!entry.validUntil) return `${entry.validFrom} 起有效`;
  return `有效期${entry.validFrom ? ` ${entry.validFrom} ` : ''}至 ${entry.validUntil}`;
}
