import { describe, expect, it } from 'vitest';
import { esasFormItems, esasSymptoms, measureCatalog } from '../measures';
import { scoreMeasure } from '../measures/scoring';
import { symptomRanges } from '../../contract/sessions';
import {
  esasComponentsFrom,
  esasScreenFields,
  flagsAwaitingReview,
  prefilledFields,
  reportedRedFlags,
  screenPrefill,
  unreviewedPrefills,
  type CheckInAnswers,
} from './checkIn';
import { patientRedFlagQuestions, redFlagQuestions } from './redFlagQuestions';
import { redFlagIds, redFlags } from './redFlags';
import { evaluateScreen, type ScreenContext } from './safetyScreen';

const answers = (over: Partial<CheckInAnswers> = {}): CheckInAnswers => ({
  completedBy: 'patient',
  esas: {},
  other: null,
  redFlags: {},
  anythingElse: null,
  ...over,
});

const context: ScreenContext = {
  date: '2026-03-10',
  cycles: [],
  chemotherapyActive: false,
  medicationFlags: [],
  hasBoneLesions: false,
  hasSpinalLesion: false,
  groupSession: false,
};

describe('check-in answers to the pre-session screen', () => {
  it('prefills only the screen symptoms the ESAS-r also asks, with the patient’s numbers', () => {
    const prefill = screenPrefill(
      answers({ esas: { pain: 7, fatigue: 6, drowsiness: 4, nausea: 0, shortness_of_breath: 3, wellbeing: 5 } }),
    );
    expect(prefill).toEqual({ pain0to10: 7, fatigue0to10: 6, nausea0to10: 0, breathlessness0to10: 3 });
    // Drowsiness and wellbeing have no field on the screen; sleep quality and energy are not ESAS-r items.
    expect(Object.keys(prefill)).not.toContain('sleepQuality0to10');
    expect(Object.keys(prefill)).not.toContain('energy0to10');
  });

  it('leaves a skipped item blank rather than inventing a zero', () => {
    expect(screenPrefill(answers({ esas: { fatigue: 2 } }))).toEqual({ fatigue0to10: 2 });
    expect(screenPrefill(answers())).toEqual({});
  });

  it('maps to real screen fields, listed once', () => {
    expect([...prefilledFields].sort()).toEqual(Object.values(esasScreenFields).sort());
    for (const field of prefilledFields) expect(symptomRanges[field]).toBeDefined();
  });

  it('treats "yes" and "not sure" as reported red flags and "no" or unanswered as not', () => {
    const given = answers({
      redFlags: { chest_pain: 'yes', bone_pain: 'not_sure', confusion: 'no', fever_infection: 'no' },
    });
    expect(reportedRedFlags(given)).toEqual(['chest_pain', 'bone_pain']);
    expect(flagsAwaitingReview(given, ['bone_pain'])).toEqual(['chest_pain']);
    expect(flagsAwaitingReview(given, ['bone_pain', 'chest_pain'])).toEqual([]);
  });

  it('holds the screen for each flag awaiting review, and not once it is reviewed', () => {
    const held = evaluateScreen({ redFlags: [], patientFlagsToReview: ['chest_pain'] }, context);
    expect(held.decision).toBe('hold');
    expect(held.firedRules.map((r) => r.id)).toContain('patient_flag:chest_pain');
    expect(held.firedRules.find((r) => r.id === 'patient_flag:chest_pain')?.label).toMatch(/Chest pain/);
    expect(evaluateScreen({ redFlags: [], patientFlagsToReview: [] }, context).decision).toBe('go');
  });

  it('asks for confirmation of a prefilled value left as reported, and takes a changed one as a correction', () => {
    const prefill = { pain0to10: 7, fatigue0to10: 6, nausea0to10: 0 };
    const unchanged = unreviewedPrefills(prefill, { pain0to10: 7, fatigue0to10: 6, nausea0to10: 0 }, []);
    expect(unchanged.map((p) => p.field)).toEqual(['pain0to10', 'fatigue0to10', 'nausea0to10']);
    expect(unchanged[0]!.message).toBe('Confirm the patient’s pain (7) or correct it');
    // Pain confirmed, fatigue corrected to 4, nausea blanked (a correction): nothing left to review.
    expect(unreviewedPrefills(prefill, { pain0to10: 7, fatigue0to10: 4, nausea0to10: null }, ['pain0to10'])).toEqual(
      [],
    );
  });

  it('scores a partial ESAS-r from the answers as the measure does, the tenth item outside the total', () => {
    const components = esasComponentsFrom(
      answers({ esas: { pain: 3, fatigue: 5 }, other: { problem: 'Constipation', score: 6 } }),
    );
    expect(Object.keys(components).sort()).toEqual([...esasSymptoms, 'other'].sort());
    const scored = scoreMeasure('esas_r', components);
    expect(scored.value).toBe(8);
    expect(scored.derived['missing']).toBe(
      'drowsiness,nausea,appetite,shortness_of_breath,depression,anxiety,wellbeing',
    );
    expect(scored.derived['esas_r.other']).toBe(6);
  });
});

describe('the ESAS-r as the patient sees it', () => {
  it('asks the nine symptoms in the form’s order with its end labels and short definitions', () => {
    expect(esasFormItems.map((i) => i.symptom)).toEqual([...esasSymptoms]);
    expect(esasFormItems.find((i) => i.symptom === 'fatigue')?.definition).toBe('Tiredness = lack of energy');
    expect(esasFormItems.find((i) => i.symptom === 'drowsiness')?.definition).toBe('Drowsiness = feeling sleepy');
    expect(esasFormItems.find((i) => i.symptom === 'depression')?.definition).toBe('Depression = feeling sad');
    expect(esasFormItems.find((i) => i.symptom === 'anxiety')?.definition).toBe('Anxiety = feeling nervous');
    expect(esasFormItems.find((i) => i.symptom === 'wellbeing')?.low).toBe('Best wellbeing');
    for (const item of esasFormItems) expect(item.high).toMatch(/^Worst possible /);
    expect(measureCatalog.esas_r.components.map((c) => c.key)).toEqual([...esasSymptoms, 'other']);
  });
});

describe('red-flag questions in plain words', () => {
  it('asks every red flag of the screen a patient can tell, in the checklist’s order, as a question', () => {
    // Only findings of the clinician's own examination or questions are not asked.
    const notAsked = ['spinal_tenderness', 'spinal_metastasis_pain'];
    expect(patientRedFlagQuestions.map((q) => q.flag.id)).toEqual(redFlagIds.filter((id) => !notAsked.includes(id)));
    expect(Object.keys(redFlagQuestions).sort()).toEqual([...redFlagIds].sort());
    for (const { flag, question } of patientRedFlagQuestions) {
      expect(question, flag.id).toMatch(/\?$/);
      // Plain words: none of the checklist's clinical shorthand reaches the patient.
      expect(question, flag.id).not.toMatch(/DVT|PE\b|MSCC|angina|arrhythmia|thoracic|syncope/);
    }
    expect(redFlags.length - notAsked.length).toBe(patientRedFlagQuestions.length);
  });

  it('covers the symptoms the issue names', () => {
    const text = patientRedFlagQuestions.map((q) => q.question).join(' ');
    for (const words of [/chest/, /dizzy/, /fainted/, /bone pain/, /swelling/, /calf/, /feverish/, /confusion/]) {
      expect(text).toMatch(words);
    }
    expect(redFlagQuestions.spinal_cord_compression).toMatch(/numbness or weakness in your legs/);
  });
});
