import { shanghaiDay } from '../../shared/calendar';
import { randomChars } from '../lib/hash';

/**
 * A ticket number a resident can read out over the phone: the day it was received and six random
 * digits (ZX20261202-482913). Random rather than counted, so no one learns from their own ticket
 * how many questions the district gets a day; a clash with an existing ticket is retried.
 */
export function ticketNumber(now: Date): string {
  return `ZX${shanghaiDay(now).replaceAll('-', '')}-${randomChars(6, '0123456789')}`;
}
