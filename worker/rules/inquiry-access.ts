import type { SessionUser } from '../env';
import type { InquiryRow } from '../db/inquiries';

type Row = Pick<InquiryRow, 'resident_id' | 'unit_id' | 'answerer_id'>;

/** Residents see their own inquiries; staff their unit's; the office all. */
export function canSee(user: SessionUser, i: Row): boolean {
  if (user.role === 'office') return true;
  if (user.role === 'resident') return i.resident_id === user.id;
  return i.unit_id !== null && i.unit_id === user.unitId;
}

/** Who works an inquiry: the unit's answerers and editors, and the office. */
export function canHandle(user: SessionUser, i: Row): boolean {
  if (user.role === 'office') return true;
  return (user.role === 'answerer' || user.role === 'editor') && i.unit_id !== null && i.unit_id === user.unitId;
}

/**
 * Contact details go only to the resident, the staff handling the inquiry (its answerer, or the
 * unit's editors while no answerer has it) and the office.
 */
export function canSeeContact(user: SessionUser, i: Row): boolean {
  if (user.role === 'office') return true;
  if (user.role === 'resident') return i.resident_id === user.id;
  if (i.unit_id !== user.unitId) return false;
  return i.answerer_id === user.id || (i.answerer_id === null && user.role === 'editor');
}
