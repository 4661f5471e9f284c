import type { PatientSafetyContext } from '../../domain/safetyContext';
import { treatmentTypes } from '../../domain/vocabulary';
import type { ScreenContext, ScreenInput } from './safetyScreen';

/** The screen's view of a patient: the same function in the renderer (live) and in main (on save). */
export function screenContextFor(safety: PatientSafetyContext, groupSession: boolean): ScreenContext {
  const cycling = safety.activeTreatments.find((t) => t.cycleDay !== null);
  return {
    date: safety.date,
    cycleDay: cycling?.cycleDay
      ? { day: cycling.cycleDay.day, treatmentLabel: cycling.regimen ?? treatmentTypes.labels[cycling.type] }
      : null,
    medicationFlags: safety.medicationFlags,
    hasBoneLesions: safety.boneLesions.length > 0,
    groupSession,
  };
}

/** Screen values as stored (nulls for blanks) to the rule engine's input (absent for blanks). */
export function screenInputFrom(values: Record<string, unknown> & { redFlags?: readonly string[] }) {
  const out: Record<string, unknown> = { redFlags: [...(values.redFlags ?? [])] };
  for (const [key, value] of Object.entries(values)) {
    if (key === 'redFlags' || key === 'notTaken' || value === null || value === undefined || value === '') continue;
    out[key] = value;
  }
  return out as unknown as ScreenInput;
}
