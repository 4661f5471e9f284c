import { z } from 'zod';
import { channel } from './define';
import { id, integerIn, optionalIntegerIn } from './fields';

/** One changed field of an audit entry, already in words: "Preferred name: Sam → Samuel". */
export interface HistoryFieldChange {
  /** The stored key (`preferredName`), for tests and keys. */
  field: string;
  /** In plain words: "Preferred name". */
  label: string;
  /** Readable old value; null when there was none (a new record, or an empty field). */
  before: string | null;
  after: string | null;
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
