import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCaseload } from '../../testing';
import { auditTrailFor } from '../audit';
import { writeSetting } from '../settings';
import { getSession, recordScreen } from './record';
import { setThresholds, thresholdsView } from './safety';
import { nullScreen, seedPatient } from '../../testSeed';
import { createBooking } from './today';

const DATE = '2026-11-27';
const blank = nullScreen();
let t: ReturnType<typeof openTestCaseload>;
beforeEach(() => {
  t = openTestCaseload({ now: () => new Date(`${DATE}T09:30:00`) });
});
afterEach(() => t.close());

function refusalOf(fn: () => unknown): { message: string; fields?: Record<string, string> } {
  try {
    fn();
  } catch (error) {
    return error as { message: string; fields?: Record<string, string> };
  }
  throw new Error('expected a refusal');
}

describe('bounds on loosening the screen thresholds', () => {
  it('refuses an SpO₂ hold level of 80 %, naming the floor and its source, and stores nothing', () => {
    const before = auditTrailFor(t.ctx.db, 'screen_thresholds', 'sessions.screenThresholds').length;
    const error = refusalOf(() => setThresholds(t.ctx, { values: { spo2HoldBelow: 80 }, reason: 'Our oximeters' }));
    expect(error.fields?.['values.spo2HoldBelow']).toMatch(/^SpO₂: hold below: Never below 85 %/);
    expect(error.fields?.['values.spo2HoldBelow']).toMatch(/ERJ field-walking-test contraindications/);
    expect(thresholdsView(t.ctx).thresholds.spo2HoldBelow.value).toBe(88);
    expect(auditTrailFor(t.ctx.db, 'screen_thresholds', 'sessions.screenThresholds')).toHaveLength(before);
  });

  it('refuses each loosening the issue lists, and accepts the bound itself', () => {
    const error = refusalOf(() =>
      setThresholds(t.ctx, {
        values: {
          temperatureHoldAtOrAbove: 39,
          sbpHoldAbove: 240,
          dbpHoldAbove: 130,
          restingHrHoldAbove: 150,
          plateletsHoldBelow: 5,
          neutrophilsHoldAtOrBelow: 0.1,
          haemoglobinModifyBelow: 70,
        },
        reason: 'Loosen everything',
      }),
    );
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(
      [
        'values.dbpHoldAbove',
        'values.haemoglobinModifyBelow',
        'values.neutrophilsHoldAtOrBelow',
        'values.plateletsHoldBelow',
        'values.restingHrHoldAbove',
        'values.sbpHoldAbove',
        'values.temperatureHoldAtOrAbove',
      ].sort(),
    );
    const view = setThresholds(t.ctx, { values: { spo2HoldBelow: 85, dbpHoldAbove: 120 }, reason: 'Bound' });
    expect(view.thresholds.spo2HoldBelow.value).toBe(85);
  });

  it('screens with the bound when an older stored value is looser than it', () => {
    writeSetting(t.ctx, 'sessions.screenThresholds', { spo2HoldBelow: 80 }, null);
    expect(thresholdsView(t.ctx).thresholds.spo2HoldBelow.value).toBe(85);
    const p = seedPatient(t.ctx, { mrn: 'B1' });
    const s = createBooking(t.ctx, { patientId: p, date: DATE, startTime: '09:00', classId: null });
    const result = recordScreen(t.ctx, {
      sessionId: s.sessionId,
      screen: { ...blank, restingHr: 72, sbp: 128, dbp: 78, spo2: 84, temperatureC: 36.6 },
      clearanceOverrideReason: null,
    });
    expect(result.decision).toBe('hold');
  });
});

describe('screen gaps through the service', () => {
  it('holds Hb 65 g/L and keeps the standing BP and glucose answer with the screen', () => {
    const p = seedPatient(t.ctx, { mrn: 'G1' });
    const s = createBooking(t.ctx, { patientId: p, date: DATE, startTime: '09:00', classId: null });
    const result = recordScreen(t.ctx, {
      sessionId: s.sessionId,
      screen: {
        ...blank,
        restingHr: 72,
        sbp: 128,
        dbp: 78,
        standingSbp: 120,
        spo2: 97,
        temperatureC: 36.6,
        haemoglobinGL: 65,
        glucoseMmol: 16,
        glucoseKetonesOrSymptoms: true,
        bloodsDate: DATE,
        redFlags: [],
      },
      clearanceOverrideReason: null,
    });
    expect(result.decision).toBe('hold');
    expect(result.firedRules.map((r) => r.id)).toEqual(['haemoglobin_very_low', 'glucose_high_symptomatic']);
    expect(getSession(t.ctx, s.sessionId).screen).toMatchObject({ standingSbp: 120, glucoseKetonesOrSymptoms: true });
  });
});
