import type { Channel } from '../../shared/inquiry/states';
import type { SessionUser } from '../env';
import type { InquiryRow } from '../db/inquiries';

type Row = Pick<InquiryRow, 'resident_id' | 'unit_id' | 'answerer_id'>;

/**
 * Residents (and visitors) ask for themselves in the mini-program; staff act for a resident and
 * say where the question came from (hotline, phone, mailbox, window). Why not, or null if allowed.
 */
export function channelRefusal(user: Pick<SessionUser, 'role'> | null | undefined, channel: Channel): string | null {
  const staff = !!user && user.role !== 'resident';
  if (channel !== 'miniprogram' && !staff) return '只有工作人员可以代居民登记热线、电话、信箱或窗口咨询';
  if (channel === 'miniprogram' && staff) return '工作人员代为登记时请选择来源渠道';
  return null;
}

/** The office oversees its district's (or city's) units, and every question not yet routed to a unit. */
const officeOver = (user: SessionUser, i: Row) => user.role === 'office' && (i.unit_id === null || user.units.includes(i.unit_id));

/** Residents see their own inquiries; staff their unit's; the office its district's. */
export function canSee(user: SessionUser, i: Row): boolean {
  if (user.role === 'office') return officeOver(user, i);
  if (user.role === 'resident') return i.resident_id === user.id;
  return i.unit_id !== null && i.unit_id === user.unitId;
}

/** Who works an inquiry: the unit's answerers and editors, and the office over it. */
export function canHandle(user: SessionUser, i: Row): boolean {
  if (user.role === 'office') return officeOver(user, i);
  return (user.role === 'answerer' || user.role === 'editor') && i.unit_id !== null && i.unit_id === user.unitId;
}

/**
 * Contact details go only to the resident, the staff handling the inquiry (its answerer, or the
 * unit's editors while no answerer has it) and the office over it.
 */
export function canSeeContact(user: SessionUser, i: Row): boolean {
  if (user.role === 'office') return officeOver(user, i);
  if (user.role === 'resident') return i.resident_id === user.id;
  if (i.unit_id !== user.unitId) return false;
  return i.answerer_id === user.id || (i.answerer_id === null && user.role === 'editor');
}
