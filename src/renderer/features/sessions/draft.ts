import type { CoreVital, PrefilledField, SpinalPainReport } from '../../../shared/clinical/session';
import type { PatientReportView } from '../../../shared/contract/checkIn';
import type { EntryInput, EntryOutcome, ScreenValuesInput, SessionView } from '../../../shared/contract/sessions';

/** Number inputs hold '' while blank; everything here is exactly what the specialist typed. */
export type Num = number | '';

export const screenNumberFields = [
  'restingHr',
  'sbp',
  'dbp',
  'spo2',
  'temperatureC',
  'haemoglobinGL',
  'plateletsX109',
  'neutrophilsX109',
  'glucoseMmol',
  'fatigue0to10',
  'pain0to10',
  'breathlessness0to10',
  'nausea0to10',
  'sleepQuality0to10',
  'energy0to10',
] as const;
type AlwaysDraftedField = (typeof screenNumberFields)[number];
/** The standing pressures came later: drafts saved before them lack the keys. */
export type ScreenNumberField = AlwaysDraftedField | 'standingSbp' | 'standingDbp';

export const afterFields = ['restingHr', 'sbp', 'dbp', 'spo2', 'rpeOverall', 'fatigue', 'pain'] as const;
export type AfterField = (typeof afterFields)[number];

export const entryNumberFields = [
  'sets',
  'reps',
  'loadKg',
  'durationMin',
  'rpe',
  'peakHr',
  'spo2',
  'painChange',
] as const;
export type EntryNumberField = (typeof entryNumberFields)[number];

export interface EntryDraft extends Record<EntryNumberField, Num> {
  key: string;
  exerciseId: string;
  exerciseName: string;
  planned: boolean;
  /** Null while "Not recorded yet": a planned row is not evidence the exercise happened. */
  outcome: EntryOutcome | null;
  reason: string;
  overrideNote: string;
  /** Set by "Complete as planned" (or any edit): the specialist has dealt with this row. */
  done?: boolean;
}

export interface SessionDraft {
  version: 1;
  screen: Record<AlwaysDraftedField, Num> & {
    standingSbp?: Num;
    standingDbp?: Num;
    /** New or worse back or neck pain and the cord-compression answers; absent in older drafts. */
    spinalPain?: SpinalPainReport;
    bloodsDate: string;
    painSite: string;
    redFlags: string[];
    /** Absent in drafts saved before the question existed. */
    glucoseKetonesOrSymptoms?: boolean;
  };
  overrideReason: string;
  /** Core vitals ticked as not taken, with the reason typed so far (a key present means ticked). */
  notTaken?: Partial<Record<CoreVital, string>>;
  /** The patient's check-in behind prefilled symptoms, and those the clinician confirmed as reported. */
  checkIn?: { checkInId: string; confirmed: PrefilledField[] };
  entries: EntryDraft[];
  after: Record<AfterField, Num>;
  notes: string;
  occurredAt: string;
}

const blanks = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, ''])) as Record<K, Num>;

let counter = 0;
export const newKey = () => `e${Date.now().toString(36)}${(counter++).toString(36)}`;

/** The draft to show: the saved one if any, otherwise a fresh one prefilled from the written plan. */
/** A screen with nothing typed yet: every number empty, no red flags. */
export function blankScreen(): SessionDraft['screen'] {
  return {
    ...blanks(screenNumberFields),
    standingSbp: '',
    standingDbp: '',
    bloodsDate: '',
    painSite: '',
    redFlags: [] as string[],
  };
}

export function initialDraft(view: SessionView): SessionDraft {
  const saved = view.draft as Partial<SessionDraft> | null;
  if (saved && saved.version === 1) return saved as SessionDraft;
  const screen = blankScreen();
  const notTaken: Partial<Record<CoreVital, string>> = {};
  if (view.screen) {
    for (const [k, reason] of Object.entries(view.screen.notTaken ?? {})) {
      if (reason) notTaken[k as CoreVital] = reason;
    }
    for (const key of screenNumberFields) screen[key] = view.screen[key] ?? '';
    screen.bloodsDate = view.screen.bloodsDate ?? '';
    screen.painSite = view.screen.painSite ?? '';
    screen.redFlags = [...view.screen.redFlags];
    screen.standingSbp = view.screen.standingSbp ?? '';
    screen.standingDbp = view.screen.standingDbp ?? '';
    if (view.screen.spinalPain) {
      screen.spinalPain = { isNew: view.screen.spinalPain.isNew, answers: { ...view.screen.spinalPain.answers } };
    }
    screen.glucoseKetonesOrSymptoms = view.screen.glucoseKetonesOrSymptoms === true;
  }
  return {
    version: 1,
    screen,
    overrideReason: view.clearanceOverrideReason ?? '',
    notTaken,
    entries: (view.plan?.items ?? []).map((item) => ({
      key: newKey(),
      exerciseId: item.exerciseId,
      exerciseName: item.exerciseName,
      planned: true,
      sets: item.sets ?? '',
      reps: item.reps ?? '',
      loadKg: item.loadKg ?? '',
      durationMin: item.durationMin ?? '',
      rpe: '',
      peakHr: '',
      spo2: '',
      painChange: '',
      outcome: null,
      reason: '',
      overrideNote: item.overrideNote ?? '',
    })),
    after: blanks(afterFields),
    notes: '',
    occurredAt: `${view.date}T${view.startTime}`,
  };
}

/**
 * A check-in the draft has not seen yet: its symptoms fill the fields still blank (a value the
 * clinician already typed stays theirs, and shows as a correction), for the clinician to confirm
 * or correct. Returns the same draft when there is nothing new.
 */
export function withCheckIn(draft: SessionDraft, report: PatientReportView | null): SessionDraft {
  if (!report || draft.checkIn?.checkInId === report.checkInId) return draft;
  const screen = { ...draft.screen };
  for (const [field, value] of Object.entries(report.prefill) as Array<[PrefilledField, number]>) {
    if (screen[field] === '') screen[field] = value;
  }
  return { ...draft, screen, checkIn: { checkInId: report.checkInId, confirmed: [] } };
}

const n = (v: Num) => (v === '' ? null : v);

export function screenPayload(draft: SessionDraft): ScreenValuesInput {
  const out: Record<string, unknown> = {
    redFlags: draft.screen.redFlags,
    bloodsDate: draft.screen.bloodsDate || null,
    painSite: draft.screen.painSite || null,
  };
  for (const key of ['standingSbp', 'standingDbp'] as const) {
    const value = draft.screen[key];
    if (value !== undefined && value !== '') out[key] = value;
  }
  if (draft.screen.spinalPain?.isNew) out['spinalPain'] = draft.screen.spinalPain;
  if (draft.screen.glucoseKetonesOrSymptoms) out['glucoseKetonesOrSymptoms'] = true;
  for (const key of screenNumberFields) out[key] = n(draft.screen[key]);
  const notTaken = notTakenPayload(draft);
  if (Object.keys(notTaken).length > 0) out['notTaken'] = notTaken;
  if (draft.checkIn) out['checkIn'] = { checkInId: draft.checkIn.checkInId, confirmed: draft.checkIn.confirmed };
  return out as ScreenValuesInput;
}

/** Whether a core vital has nothing typed, so "not taken" applies to it. */
export function vitalBlank(draft: SessionDraft, vital: CoreVital): boolean {
  const s = draft.screen;
  if (vital === 'bloodPressure') return s.sbp === '' || s.dbp === '';
  return s[vital] === '';
}

/** Reasons for the ticked vitals that are still blank; a typed value wins over a tick. */
export function notTakenPayload(draft: SessionDraft): Partial<Record<CoreVital, string>> {
  return Object.fromEntries(
    Object.entries(draft.notTaken ?? {}).filter(([k]) => vitalBlank(draft, k as CoreVital)),
  ) as Partial<Record<CoreVital, string>>;
}

/**
 * The row after one performed value changed: typing a value means the exercise was done, so a row
 * not yet recorded becomes Completed; a Modified or Skipped choice stays as chosen.
 */
export function withPerformedValue(entry: EntryDraft, field: EntryNumberField, value: Num): EntryDraft {
  const outcome = value !== '' && entry.outcome === null ? 'completed' : entry.outcome;
  return { ...entry, [field]: value, outcome, done: true };
}

export function entriesPayload(entries: readonly EntryDraft[]): EntryInput[] {
  return entries.map((e) => ({
    exerciseId: e.exerciseId,
    planned: e.planned,
    sets: n(e.sets),
    reps: n(e.reps),
    loadKg: n(e.loadKg),
    durationMin: n(e.durationMin),
    rpe: n(e.rpe),
    peakHr: n(e.peakHr),
    spo2: n(e.spo2),
    painChange: n(e.painChange),
    outcome: e.outcome,
    reason: e.reason || null,
    overrideNote: e.overrideNote || null,
  }));
}

export function afterPayload(draft: SessionDraft) {
  return Object.fromEntries(afterFields.map((k) => [k, n(draft.after[k])]));
}
