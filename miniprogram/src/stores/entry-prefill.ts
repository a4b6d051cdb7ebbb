import type { Topic } from '@shared/constants';
import type { Unit } from '@shared/schemas/auth';

/** A new entry's starting content, handed from 高频问题 to the editor (a reply can be too long for a route). */
export type EntryPrefill = {
  question: string;
  similar: string[];
  answer: string;
  topic: Topic | '';
  unit: Unit | null;
};

// In memory only: the editor takes it once, and a reopened editor starts empty (or from its draft).
let pending: EntryPrefill | null = null;

export function handEntryPrefill(prefill: EntryPrefill): void {
  pending = prefill;
}

export function takeEntryPrefill(): EntryPrefill | null {
  const p = pending;
  pending = null;
  return p;
}
