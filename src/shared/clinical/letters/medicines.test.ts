import { describe, expect, it } from 'vitest';
import { medicationFlags } from '../../domain/vocabulary';
import { medicineGroupOf, medicinesByGroup } from './medicines';

const today = '2026-12-07';

describe('medicines in a guidance request sit under the heading that fits them', () => {
  it('puts anticoagulants and insulin under their own headings, not heart-rate response', () => {
    const text = medicinesByGroup(
      [
        { name: 'Metoprolol', dose: '50 mg twice daily', flags: ['beta_blocker'] },
        { name: 'Apixaban', dose: '5 mg twice daily', flags: ['anticoagulant'] },
        { name: 'Insulin glargine', dose: null, flags: ['glucose_lowering'] },
        { name: 'Dexamethasone', dose: '4 mg', flags: ['corticosteroid'] },
        { name: 'Oxycodone', dose: null, flags: ['opioid'] },
        { name: 'Paracetamol', dose: null, flags: [] },
      ],
      today,
    );
    expect(text.heartRate).toMatch(/^Metoprolol 50 mg twice daily \(Beta-blocker\)\. Because the heart-rate response/);
    expect(text.heartRate).not.toMatch(/Apixaban|Insulin/);
    expect(text.bleeding).toMatch(/^Apixaban 5 mg twice daily \(Anticoagulant\)\. We take care to prevent falls/);
    expect(text.glucose).toMatch(/^Insulin glargine \(Insulin, sulfonylurea or meglitinide\)\. We check blood glucose/);
    expect(text.glucose).toContain('5.5 mmol/L');
    expect(text.other).toBe('Dexamethasone 4 mg (Corticosteroid); Oxycodone (Opioid).');
    expect(Object.values(text).join(' ')).not.toContain('Paracetamol');
  });

  it('always answers the heart-rate question, and leaves other headings empty (so left out)', () => {
    const text = medicinesByGroup([{ name: 'Apixaban', dose: null, flags: ['anticoagulant'] }], today);
    expect(text.heartRate).toBe(
      'None of the current medicines on record is known to change the heart-rate or blood-pressure response to exercise.',
    );
    expect(text.glucose).toBe('');
    expect(text.other).toBe('');
  });

  it('leaves out medicines stopped before, or started after, the letter date', () => {
    const text = medicinesByGroup(
      [
        { name: 'Warfarin', dose: null, flags: ['anticoagulant'], stoppedOn: '2026-12-06' },
        { name: 'Enoxaparin', dose: null, flags: ['anticoagulant'], startedOn: '2026-12-08' },
        { name: 'Rivaroxaban', dose: null, flags: ['anticoagulant'], stoppedOn: today },
      ],
      today,
    );
    expect(text.bleeding).toMatch(/^Rivaroxaban \(Anticoagulant\)\./);
  });

  it('gives every flag a heading, a flag without its own falling under "other"', () => {
    for (const flag of medicationFlags.values) {
      expect(['heartRate', 'bleeding', 'glucose', 'other']).toContain(medicineGroupOf(flag));
    }
    expect(medicineGroupOf('opioid')).toBe('other');
  });
});
