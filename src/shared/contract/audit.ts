import { z } from 'zod';
import { channel } from './define';
import { id, integerIn, optionalIntegerIn } from './fields';

/**
 * A value as its screen writes it. Dates and instants are kept apart from the words, so the window
 * writes them in the clinic's date format and on the 24-hour clock, as every other screen does.
 */
export type HistoryText = Array<string | { date: string } | { at: string }>;

/** A value's words, with its dates and instants written by `format` (the clinic's format, in the window). */
export function writeHistoryText(
  text: HistoryText,
  format: { date(date: string): string; at(instant: string): string },
): string {
  return text
    .map((part) => (typeof part === 'string' ? part : 'date' in part ? format.date(part.date) : format.at(part.at)))
    .join('');
}

/** One changed field of an audit entry, already in words: "Preferred name: Sam → Samuel". */
export interface HistoryFieldChange {
  /** The stored key (`preferredName`), for tests and keys. */
  field: string;
  /** In plain words: "Preferred name". */
  label: string;
  /** Readable old value; null when there was none (a new record, or an empty field). */
  before: HistoryText | null;
  after: HistoryText | null;
}

/** One clinical change to a patient's record, read from the append-only audit log. */
export interface HistoryEntry {
  seq: number;
  /** ISO instant of the change. */
  at: string;
  actorId: string | null;
  /** The clinician's name, or null for a change made by the system. */
  actorName: string | null;
  entity: string;
  /** "Bone lesion". */
  entityLabel: string;
  action: string;
  /** "Changed", "Amended", "Signed"… */
  actionLabel: string;
  reason: string | null;
  changes: HistoryFieldChange[];
}

export interface HistoryPage {
  entries: HistoryEntry[];
  /** Pass as `beforeSeq` to read the next, older page; null when there is nothing older. */
  nextBeforeSeq: number | null;
}

export const patientHistoryInput = z.object({
  patientId: id('Patient'),
  beforeSeq: optionalIntegerIn('starting entry', 1, Number.MAX_SAFE_INTEGER),
  limit: integerIn('number of entries', 1, 200).default(50),
});

/** Channels for reading the audit trail: a patient's history of changes. */
export const auditChannels = {
  'audit.patientHistory': channel(patientHistoryInput).returns<HistoryPage>(),
};
