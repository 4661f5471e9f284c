import type { CoreVital, PrefilledField, SpinalPainReport } from '../../../shared/clinical/session';
import {
  newKey,
  withPerformedValue,
  type AfterField,
  type EntryDraft,
  type EntryNumberField,
  type Num,
  type ScreenNumberField,
  type SessionDraft,
} from './draft';

/** Every change the session screen makes to its draft, each a plain value so it can be tested. */
export type DraftAction =
  | { type: 'screenNumber'; field: ScreenNumberField; value: Num }
  | { type: 'screenText'; field: 'bloodsDate' | 'painSite'; value: string }
  | { type: 'glucoseKetonesOrSymptoms'; value: boolean }
  | { type: 'redFlags'; value: string[] }
  | { type: 'spinalPain'; value: SpinalPainReport }
  | { type: 'confirmReported'; field: PrefilledField }
  | { type: 'notTaken'; value: Partial<Record<CoreVital, string>> }
  | { type: 'overrideReason'; value: string }
  | { type: 'entry'; key: string; next: EntryDraft }
  | { type: 'entryNumber'; key: string; field: EntryNumberField; value: Num }
  | { type: 'removeEntry'; key: string }
  | { type: 'addExercise'; exercise: { id: string; name: string } }
  | { type: 'after'; field: AfterField; value: Num }
  | { type: 'notes'; value: string }
  | { type: 'occurredAt'; value: string };

/** A row for an exercise added during the session (not from the plan): it starts as Completed. */
export function addedEntry(exercise: { id: string; name: string }): EntryDraft {
  return {
    key: newKey(),
    exerciseId: exercise.id,
    exerciseName: exercise.name,
    planned: false,
    sets: '',
    reps: '',
    loadKg: '',
    durationMin: '',
    rpe: '',
    peakHr: '',
    spo2: '',
    painChange: '',
    outcome: 'completed',
    reason: '',
    overrideNote: '',
  };
}

export function draftReducer(draft: SessionDraft, action: DraftAction): SessionDraft {
  switch (action.type) {
    case 'screenNumber': {
      const screen = { ...draft.screen, [action.field]: action.value };
      // A changed value is the clinician's own: any earlier "confirmed as reported" no longer applies.
      const confirmed = draft.checkIn?.confirmed.filter((f) => f !== action.field);
      return draft.checkIn && confirmed!.length !== draft.checkIn.confirmed.length
        ? { ...draft, screen, checkIn: { ...draft.checkIn, confirmed: confirmed! } }
        : { ...draft, screen };
    }
    case 'screenText':
      return { ...draft, screen: { ...draft.screen, [action.field]: action.value } };
    case 'confirmReported':
      if (!draft.checkIn || draft.checkIn.confirmed.includes(action.field)) return draft;
      return { ...draft, checkIn: { ...draft.checkIn, confirmed: [...draft.checkIn.confirmed, action.field] } };
    case 'glucoseKetonesOrSymptoms':
      return { ...draft, screen: { ...draft.screen, glucoseKetonesOrSymptoms: action.value } };
    case 'redFlags':
      return { ...draft, screen: { ...draft.screen, redFlags: action.value } };
    case 'spinalPain':
      return { ...draft, screen: { ...draft.screen, spinalPain: action.value } };
    case 'notTaken':
      return { ...draft, notTaken: action.value };
    case 'overrideReason':
      return { ...draft, overrideReason: action.value };
    case 'entry':
      return { ...draft, entries: draft.entries.map((e) => (e.key === action.key ? action.next : e)) };
    case 'entryNumber':
      return {
        ...draft,
        entries: draft.entries.map((e) =>
          e.key === action.key ? withPerformedValue(e, action.field, action.value) : e,
        ),
      };
    case 'removeEntry':
      return { ...draft, entries: draft.entries.filter((e) => e.key !== action.key) };
    case 'addExercise':
      return { ...draft, entries: [...draft.entries, addedEntry(action.exercise)] };
    case 'after':
      return { ...draft, after: { ...draft.after, [action.field]: action.value } };
    case 'notes':
      return { ...draft, notes: action.value };
    case 'occurredAt':
      return { ...draft, occurredAt: action.value };
  }
}
