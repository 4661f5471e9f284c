import type { PatientSafetyContext } from '../../domain/safetyContext';
import { treatmentTypes, type BoneLesionSite } from '../../domain/vocabulary';
import { isOralRegimen, isZoledronate } from '../intake/treatmentKinds';
import type { ScreenValuesInput } from '../../contract/sessions';
import type { ScreenContext, ScreenInput, TreatmentCycleOnDate } from './safetyScreen';

export const spinalLesionSites: readonly BoneLesionSite[] = [
  'cervical_spine',
  'thoracic_spine',
  'lumbar_spine',
  'sacral_spine',
];

/** The screen's view of a patient: the same function in the renderer (live) and in main (on save). */
export function screenContextFor(safety: PatientSafetyContext, groupSession: boolean): ScreenContext {
  const cycles = safety.activeTreatments.flatMap((t): TreatmentCycleOnDate[] =>
    t.cycleDay
      ? [
          {
            type: t.type,
            treatmentLabel: t.regimen ?? treatmentTypes.labels[t.type],
            cycleNumber: t.cycleDay.cycleNumber,
            day: t.cycleDay.day,
            lastDay1: t.cycleDay.lastDay1,
            projected: t.cycleDay.projected,
            oral: isOralRegimen(t.regimen),
            zoledronate: isZoledronate(t.regimen),
          },
        ]
      : [],
  );
  return {
    date: safety.date,
    cycles,
    chemotherapyActive: safety.activeTreatments.some((t) => t.type === 'chemotherapy'),
    medicationFlags: safety.medicationFlags,
    hasBoneLesions: safety.boneLesions.length > 0,
    hasSpinalLesion: safety.boneLesions.some((l) => spinalLesionSites.includes(l.site)),
    groupSession,
  };
}

const reading = (value: number | null | undefined) => value ?? undefined;

/**
 * Screen values as stored or typed (nulls for blanks) to the rule engine's input (absent for
 * blanks). Field by field, so renaming a vital in the contract or in the rules fails the type check.
 */
export function screenInputFrom(values: ScreenValuesInput): ScreenInput {
  return {
    restingHr: reading(values.restingHr),
    sbp: reading(values.sbp),
    dbp: reading(values.dbp),
    spo2: reading(values.spo2),
    temperatureC: reading(values.temperatureC),
    standingSbp: reading(values.standingSbp),
    standingDbp: reading(values.standingDbp),
    haemoglobinGL: reading(values.haemoglobinGL),
    plateletsX109: reading(values.plateletsX109),
    neutrophilsX109: reading(values.neutrophilsX109),
    glucoseMmol: reading(values.glucoseMmol),
    glucoseKetonesOrSymptoms: values.glucoseKetonesOrSymptoms === true,
    bloodsDate: values.bloodsDate || undefined,
    fatigue0to10: reading(values.fatigue0to10),
    pain0to10: reading(values.pain0to10),
    painSite: values.painSite || undefined,
    breathlessness0to10: reading(values.breathlessness0to10),
    nausea0to10: reading(values.nausea0to10),
    sleepQuality0to10: reading(values.sleepQuality0to10),
    energy0to10: reading(values.energy0to10),
    spinalPain: values.spinalPain
      ? { isNew: values.spinalPain.isNew, answers: { ...values.spinalPain.answers } }
      : null,
    redFlags: [...(values.redFlags ?? [])],
  };
}
