import { describe, expect, it } from 'vitest';
import { evaluateScreen } from './safetyScreen';
import { screenCompleteness } from './screenCompleteness';

const vitals = { restingHr: 72, sbp: 128, dbp: 78, spo2: 97 };
const context = {
  date: '2026-11-27',
  cycles: [],
  chemotherapyActive: false,
  medicationFlags: [],
  hasBoneLesions: false,
  hasSpinalLesion: false,
  groupSession: false,
} as const;

describe('screen completeness', () => {
  it('an empty screen would evaluate to Go, but is incomplete and names every core vital', () => {
    const result = evaluateScreen({ redFlags: [] }, { ...context, cycles: [], medicationFlags: [] });
    expect(result.decision).toBe('go');
    const c = screenCompleteness({}, {}, result.decision);
    expect(c.complete).toBe(false);
    expect(c.missing.map((m) => [m.vital, m.field, m.message])).toEqual([
      ['restingHr', 'restingHr', 'Enter the resting heart rate, or record why it was not taken'],
      ['bloodPressure', 'sbp', 'Enter the blood pressure, or record why it was not taken'],
      ['spo2', 'spo2', 'Enter the SpO₂, or record why it was not taken'],
    ]);
  });

  it('is complete for Go and Go with modifications once HR, both pressures and SpO₂ are entered', () => {
    expect(screenCompleteness(vitals, undefined, 'go')).toEqual({ complete: true, missing: [], notTaken: [] });
    expect(screenCompleteness(vitals, null, 'modify').complete).toBe(true);
  });

  it('needs both blood pressures, and says which one is missing', () => {
    const noDbp = screenCompleteness({ ...vitals, dbp: undefined }, {}, 'go');
    expect(noDbp.complete).toBe(false);
    expect(noDbp.missing).toEqual([
      expect.objectContaining({
        field: 'dbp',
        message: 'Enter the diastolic blood pressure, or record why it was not taken',
      }),
    ]);
    const noSbp = screenCompleteness({ ...vitals, sbp: undefined }, {}, 'modify');
    expect(noSbp.missing[0]).toMatchObject({ field: 'sbp', message: expect.stringContaining('systolic') });
  });

  it('accepts a vital recorded as not taken with a reason, and reports the reason', () => {
    const c = screenCompleteness({ ...vitals, spo2: undefined }, { spo2: '  Oximeter unavailable ' }, 'go');
    expect(c.complete).toBe(true);
    expect(c.notTaken).toEqual([{ vital: 'spo2', label: 'SpO₂', reason: 'Oximeter unavailable' }]);
  });

  it('does not accept a tick without a reason (blank or spaces)', () => {
    expect(screenCompleteness({ ...vitals, spo2: undefined }, { spo2: '   ' }, 'go').complete).toBe(false);
    expect(screenCompleteness({ ...vitals, spo2: undefined }, { spo2: null }, 'go').complete).toBe(false);
  });

  it('ignores a not-taken reason for a vital that was in fact measured', () => {
    expect(screenCompleteness(vitals, { spo2: 'Oximeter unavailable' }, 'go').notTaken).toEqual([]);
  });

  it('never stops a Hold from being recorded, but still lists what is missing', () => {
    const c = screenCompleteness({}, {}, 'hold');
    expect(c.complete).toBe(true);
    expect(c.missing).toHaveLength(3);
  });

  it('treats NaN as not entered', () => {
    expect(screenCompleteness({ ...vitals, restingHr: Number.NaN }, {}, 'go').missing[0]?.vital).toBe('restingHr');
  });
});

describe('screen completeness: temperature on chemotherapy and the spinal-pain questions (issue 20)', () => {
  it('needs a temperature while chemotherapy is active (NICE CG151), with no "not taken"', () => {
    const needs = { temperatureRequired: true };
    const without = screenCompleteness(vitals, {}, 'go', needs);
    expect(without.complete).toBe(false);
    expect(without.missing).toEqual([
      expect.objectContaining({
        vital: 'temperature',
        field: 'temperatureC',
        message: expect.stringMatching(/NICE CG151/),
      }),
    ]);
    expect(screenCompleteness({ ...vitals, temperatureC: 36.8 }, {}, 'go', needs).complete).toBe(true);
    expect(screenCompleteness(vitals, {}, 'go').complete).toBe(true);
    // A Hold never waits for a thermometer.
    expect(screenCompleteness(vitals, {}, 'hold', needs).complete).toBe(true);
  });

  it('a day-10 docetaxel screen with no temperature is not a Go', () => {
    const chemo = { ...context, cycles: [], medicationFlags: [], chemotherapyActive: true };
    const result = evaluateScreen({ ...vitals, redFlags: [] }, chemo);
    expect(result.missing).toContain('temperatureC');
    expect(screenCompleteness(vitals, {}, result.decision, { temperatureRequired: true }).complete).toBe(false);
  });

  it('needs every cord-compression question answered once new spinal pain is reported', () => {
    const some = { isNew: true, answers: { upper_spine: 'no', walking: 'no' } } as const;
    const partly = screenCompleteness(vitals, {}, 'modify', { spinalPain: some });
    expect(partly.complete).toBe(false);
    expect(partly.missing[0]).toMatchObject({
      vital: 'spinalPain',
      field: 'spinalPain',
      label: expect.stringMatching(/7 unanswered/),
    });
    const all = Object.fromEntries(
      [
        'upper_spine',
        'worsening_lower_back',
        'straining',
        'night_pain',
        'band_or_radiating',
        'tenderness',
        'limb_weakness_numbness',
        'walking',
        'bladder_bowel',
      ].map((id) => [id, 'no']),
    );
    expect(screenCompleteness(vitals, {}, 'modify', { spinalPain: { isNew: true, answers: all } }).complete).toBe(true);
    expect(screenCompleteness(vitals, {}, 'go', { spinalPain: { isNew: false, answers: {} } }).complete).toBe(true);
  });
});
