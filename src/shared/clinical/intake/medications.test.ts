import { describe, expect, it } from 'vitest';
import { medicationFlags } from '../../domain/vocabulary';
import { exerciseFlagsFrom, medicationFlagAdvice, medicationGenerics, suggestMedicationFlags } from './medications';

describe('medication flag suggestions', () => {
  it.each([
    ['Metoprolol succinate 47.5 mg', 'beta_blocker'],
    ['BISOPROLOL', 'beta_blocker'],
    ['carvedilol', 'beta_blocker'],
    ['Sotalol', 'beta_blocker'],
    ['labetalol', 'beta_blocker'],
    ['Apixaban 5mg BD', 'anticoagulant'],
    ['enoxaparin sodium', 'anticoagulant'],
    ['Heparin', 'anticoagulant'],
    ['fondaparinux', 'anticoagulant'],
    ['Insulin glargine', 'glucose_lowering'],
    ['insulin_aspart', 'glucose_lowering'],
    ['Gliclazide MR', 'glucose_lowering'],
    ['glyburide', 'glucose_lowering'],
    // Issue 20: meglitinides carry the same hypoglycaemia risk; rate-limiting drugs lower heart rate.
    ['Repaglinide 1 mg', 'glucose_lowering'],
    ['nateglinide', 'glucose_lowering'],
    ['Diltiazem MR', 'heart_rate_lowering'],
    ['verapamil', 'heart_rate_lowering'],
    ['Ivabradine 5 mg BD', 'heart_rate_lowering'],
    ['Digoxin', 'heart_rate_lowering'],
    ['Dexamethasone 4 mg', 'corticosteroid'],
    ['Methylprednisolone', 'corticosteroid'],
    ['prednisone', 'corticosteroid'],
    ['Oxycodone/naloxone', 'opioid'],
    ['Fentanyl patch', 'opioid'],
    ['Dihydrocodeine', 'opioid'],
    ['MORPHINE sulfate', 'opioid'],
    ['Hydromorphone', 'opioid'],
    ['buprenorphine', 'opioid'],
  ] as const)('%s → %s', (name, flag) => {
    expect(suggestMedicationFlags(name)).toEqual([flag]);
  });

  it('covers every generic the clinical team listed', () => {
    const listed = {
      beta_blocker: [
        'metoprolol',
        'atenolol',
        'bisoprolol',
        'carvedilol',
        'propranolol',
        'nebivolol',
        'labetalol',
        'sotalol',
      ],
      anticoagulant: [
        'warfarin',
        'apixaban',
        'rivaroxaban',
        'edoxaban',
        'dabigatran',
        'enoxaparin',
        'dalteparin',
        'heparin',
        'fondaparinux',
      ],
      heart_rate_lowering: ['diltiazem', 'verapamil', 'ivabradine', 'digoxin'],
      glucose_lowering: [
        'insulin',
        'gliclazide',
        'glipizide',
        'glimepiride',
        'glibenclamide',
        'glyburide',
        'repaglinide',
        'nateglinide',
      ],
      corticosteroid: ['dexamethasone', 'prednisolone', 'prednisone', 'methylprednisolone', 'hydrocortisone'],
      opioid: [
        'morphine',
        'oxycodone',
        'hydromorphone',
        'fentanyl',
        'tramadol',
        'codeine',
        'tapentadol',
        'methadone',
        'buprenorphine',
      ],
    } as const;
    for (const flag of medicationFlags.values) {
      for (const name of listed[flag]) expect(suggestMedicationFlags(name), name).toEqual([flag]);
      expect(medicationGenerics[flag].length).toBeGreaterThan(0);
    }
  });

  it('suggests nothing for other medicines or blank text', () => {
    expect(suggestMedicationFlags('Paracetamol')).toEqual([]);
    expect(suggestMedicationFlags('Zoledronic acid')).toEqual([]);
    expect(suggestMedicationFlags('Metformin')).toEqual([]);
    expect(suggestMedicationFlags('   ')).toEqual([]);
  });

  it('can return more than one flag, in vocabulary order', () => {
    expect(suggestMedicationFlags('tramadol + dexamethasone')).toEqual(['corticosteroid', 'opioid']);
  });
});

describe('medication advice', () => {
  it('has advice for every flag', () => {
    for (const flag of medicationFlags.values) {
      expect(medicationFlagAdvice[flag].title.length).toBeGreaterThan(0);
      expect(medicationFlagAdvice[flag].advice.length).toBeGreaterThan(0);
    }
  });

  it('states the glucose threshold and carbohydrate dose with its source', () => {
    expect(medicationFlagAdvice.glucose_lowering.advice).toMatch(/5\.5 mmol\/L.*5–30 g carbohydrate/);
    expect(medicationFlagAdvice.glucose_lowering.source).toMatch(/Cancer Exercise Toolkit/);
    expect(medicationFlagAdvice.beta_blocker.advice).toMatch(/RPE and the talk test/);
  });
});

describe('current exercise flags', () => {
  it('gives distinct flags from medicines not yet stopped', () => {
    const flags = exerciseFlagsFrom(
      [
        { flags: ['opioid'] },
        { flags: ['opioid', 'corticosteroid'], stoppedOn: null },
        { flags: ['anticoagulant'], stoppedOn: '2026-03-01' },
        { flags: ['beta_blocker'], stoppedOn: '2026-03-10' },
        { flags: ['glucose_lowering'], startedOn: '2026-03-11' },
      ],
      '2026-03-10',
    );
    expect(flags).toEqual(['beta_blocker', 'corticosteroid', 'opioid']);
  });

  it('is empty with no medicines', () => {
    expect(exerciseFlagsFrom([], '2026-03-10')).toEqual([]);
  });
});
