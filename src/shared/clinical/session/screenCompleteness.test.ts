import { describe, expect, it } from 'vitest';
import { evaluateScreen } from './safetyScreen';
import { screenCompleteness } from './screenCompleteness';

const vitals = { restingHr: 72, sbp: 128, dbp: 78, spo2: 97 };
const context = {
  date: '2026-11-27',
  cycleDay: null,
  medicationFlags: [],
  hasBoneLesions: false,
  groupSession: false,
} as const;

describe('screen completeness', () => {
  it('an empty screen would evaluate to Go, but is incomplete and names every core vital', () => {
    const result = evaluateScreen({ redFlags: [] }, { ...context, medicationFlags: [] });
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
