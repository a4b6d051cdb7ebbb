import type { InquiryCreateOutput } from '../../shared/schemas/inquiry';
import type { InquiryRow } from '../db/inquiries';

/**
 * Whether a request with an Idempotency-Key already used is a retry of the same submission: the
 * words the resident (or the staff member logging it) gave. Routing is left out, since the
 * inquiry may have been transferred since its first copy arrived.
 */
export function sameSubmission(row: InquiryRow, input: InquiryCreateOutput): boolean {
  return (
    row.question === input.question &&
    row.channel === input.channel &&
    row.topic === (input.topic ?? null) &&
    row.contact_name === (input.contactName ?? null) &&
    row.contact_phone === (input.contactPhone ?? null) &&
    (row.consent_publish === 1) === input.consentPublish
  );
}
