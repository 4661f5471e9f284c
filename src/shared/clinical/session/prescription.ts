import { daysBetween, isClinicDate, type ClinicDate } from '../../dates';
import type { MedicationFlag } from '../../domain/vocabulary';

export interface HeartRateTargetVerdict {
  /** False when heart-rate targets are unreliable: a target then needs the clinician's reason. */
  allowed: boolean;
  reason: string | null;
  source: string | null;
  /** The recorded medicines that lower heart rate, in words ("Beta-blocker"). */
  medicines: string;
}

/**
 * Beta-blockers and the other heart-rate-lowering medicines blunt the heart-rate response, so
 * targets are guided by RPE; a target range can still be set with a reason (one from the doctor,
 * say), which is why this is a warning, not a refusal.
 */
export function heartRateTargetAllowed(medicationFlags: readonly MedicationFlag[]): HeartRateTargetVerdict {
  const beta = medicationFlags.includes('beta_blocker');
  const other = medicationFlags.includes('heart_rate_lowering');
  if (!beta && !other) return { allowed: true, reason: null, source: null, medicines: '' };
  const medicines = [beta ? 'Beta-blocker' : null, other ? 'other heart-rate-lowering medicine' : null]
    .filter(Boolean)
    .join(' and ');
  return {
    allowed: false,
    reason: `HR targets are unreliable on ${beta && !other ? 'beta-blockers' : 'heart-rate-lowering medicines'}; use RPE 11–13 / talk test, or record why a target range is used (e.g. one set by the doctor)`,
    source: `ACSM GETP (beta-blockers${other ? ', and the rate-limiting calcium-channel blockers, ivabradine and digoxin,' : ''} blunt the heart-rate response; the non-beta-blocker list was not checked against the text here); Cancers 2022;14:1528 Tbl 2 (RPE 11–13, talk test)`,
    medicines: medicines.charAt(0).toUpperCase() + medicines.slice(1),
  };
}

export interface NumberRange {
  min: number;
  max: number;
}

export interface IntensityAnchor {
  label: string;
  hrrPercent: NumberRange | null;
  rpe6to20: NumberRange | null;
  percent1RM: NumberRange | null;
  source: string;
  verified: boolean;
  note?: string;
}

const UNCHECKED_TABLE = "Not checked against the paper's own table (FACTS §1).";

export const intensityAnchors = {
  moderate: {
    label: 'Moderate aerobic',
    hrrPercent: { min: 40, max: 59 },
    rpe6to20: { min: 12, max: 13 },
    percent1RM: null,
    source: 'Campbell et al., MSSE 2019',
    verified: false,
    note: UNCHECKED_TABLE,
  },
  vigorous: {
    label: 'Vigorous aerobic',
    hrrPercent: { min: 60, max: 89 },
    rpe6to20: { min: 14, max: 17 },
    percent1RM: null,
    source: 'Campbell et al., MSSE 2019',
    verified: false,
    note: UNCHECKED_TABLE,
  },
  resistanceModerate: {
    label: 'Moderate resistance',
    hrrPercent: null,
    rpe6to20: null,
    percent1RM: { min: 60, max: 70 },
    source: 'Campbell et al., MSSE 2019',
    verified: false,
    note: UNCHECKED_TABLE,
  },
  deconditioned: {
    label: 'Deconditioned start (aerobic)',
    hrrPercent: null,
    rpe6to20: { min: 11, max: 13 },
    percent1RM: null,
    source: 'Cancers 2022;14:1528 Tbl 2 (PMC8946819)',
    verified: true,
    note: 'Use RPE and the talk test; fatigue and pain may drive RPE more than heart rate does.',
  },
} as const satisfies Record<string, IntensityAnchor>;

export interface HeavyLoadRule {
  maxRepMaxConsideredHeavy: number;
  minPercent1RMConsideredHeavy: number;
  source: string;
}

export const heavyLoadRule: HeavyLoadRule = {
  maxRepMaxConsideredHeavy: 8,
  minPercent1RMConsideredHeavy: 80,
  source: 'PMC9335464 (avoid 6–8RM, ≈80–85% of estimated 1RM, with bone metastases)',
};

/** True when a prescribed load counts as `heavy_load` for the bone-lesion restrictions. */
export function isHeavyLoad(load: { repMax?: number | null; percent1RM?: number | null }): boolean {
  const { repMax, percent1RM } = load;
  if (repMax != null && repMax <= heavyLoadRule.maxRepMaxConsideredHeavy) return true;
  return percent1RM != null && percent1RM >= heavyLoadRule.minPercent1RMConsideredHeavy;
}

export interface CycleRule {
  lighterFromDay: number;
  lighterToDay: number;
  note: string;
}

/** Cycle day 1 is the infusion day (or the first dose of the cycle, for an oral agent). */
export const defaultCycleRule: CycleRule = {
  lighterFromDay: 1,
  lighterToDay: 5,
  note: 'Lighter session: fatigue peaks 3–5 days after infusion; a chemotherapy-periodised plan improved attendance (Kirkham et al., MSSE 2020;52:278).',
};

/** The early-cycle advice in words that fit the drug: Kirkham studied IV chemotherapy. */
export function cycleLighterNote(oral: boolean): string {
  return oral
    ? 'Lighter session early in the cycle, counted from day 1 of the cycle (the first dose). The evidence is from IV chemotherapy, where fatigue peaked 3–5 days after the infusion and a chemotherapy-periodised plan improved attendance (Kirkham et al., MSSE 2020;52:278); for an oral agent it is a guide, not a finding.'
    : defaultCycleRule.note;
}

/** A null rule means the clinic has not set its own, so the default applies. */
export function cycleAdjustment(rule: CycleRule | null, cycleDay: number | null): { lighter: boolean; note: string } {
  const applied = rule ?? defaultCycleRule;
  if (cycleDay == null) return { lighter: false, note: 'No treatment cycle recorded.' };
  const lighter = cycleDay >= applied.lighterFromDay && cycleDay <= applied.lighterToDay;
  return {
    lighter,
    note: lighter
      ? applied.note
      : `Cycle day ${cycleDay}: outside the lighter window (days ${applied.lighterFromDay}–${applied.lighterToDay}).`,
  };
}

export type Attendance = 'attended' | 'cancelled' | 'did_not_attend' | 'held_for_safety';

export interface AttendanceRecord {
  date: ClinicDate;
  attendance: Attendance;
}

export interface AdherenceSummary {
  attended: number;
  offered: number;
  held: number;
  cancelled: number;
  dna: number;
  attendanceRate: number | null;
  plannedSessions?: number;
  adherenceToPlan?: number | null;
}

/**
 * Counts records dated from `from` to `to` inclusive.
 * - offered: every booked session in the period, whatever happened (attended + held + cancelled + dna).
 * - attended: sessions where the person exercised. A session held for safety is not attended.
 * - attendanceRate: attended / offered (null when nothing was offered).
 * - plannedSessions: plannedPerWeek × (days in period / 7), not rounded.
 * - adherenceToPlan: attended / plannedSessions; may exceed 1 when extra sessions were added.
 */
export function adherence(
  records: readonly AttendanceRecord[],
  from: ClinicDate,
  to: ClinicDate,
  plannedPerWeek?: number,
): AdherenceSummary {
  const days = daysBetween(from, to) + 1;
  if (days < 1) throw new RangeError(`Period ends before it starts: ${from} to ${to}`);
  const inPeriod = records.filter((r) => isClinicDate(r.date) && r.date >= from && r.date <= to);
  const count = (kind: Attendance) => inPeriod.filter((r) => r.attendance === kind).length;
  const attended = count('attended');
  const held = count('held_for_safety');
  const cancelled = count('cancelled');
  const dna = count('did_not_attend');
  const offered = attended + held + cancelled + dna;
  const summary: AdherenceSummary = {
    attended,
    offered,
    held,
    cancelled,
    dna,
    attendanceRate: offered === 0 ? null : attended / offered,
  };
  if (plannedPerWeek != null) {
    const plannedSessions = (plannedPerWeek * days) / 7;
    summary.plannedSessions = plannedSessions;
    summary.adherenceToPlan = plannedSessions > 0 ? attended / plannedSessions : null;
  }
  return summary;
}
