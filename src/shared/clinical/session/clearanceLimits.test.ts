import { describe, expect, it } from 'vitest';
import { noClearanceLimits } from '../intake/clearance';
import { describeLimits, entryLimitProblems, planItemLimitProblems } from './clearanceLimits';

const limits = { rpeCeiling: 13, hrCeiling: 120, avoidTags: ['hip_flexion_extension' as const], noGroupSessions: true };
const marching = { tags: ['hip_flexion_extension' as const, 'weight_bearing_aerobic' as const] };
const curl = { tags: ['elbow_flexion_extension' as const] };

describe('clearance limits', () => {
  it('warns on a logged RPE above the ceiling, not at it', () => {
    expect(entryLimitProblems({ rpe: 15, peakHr: null, outcome: 'completed' }, curl, limits)).toEqual([
      { kind: 'rpe', message: "RPE 15 is above the doctor's ceiling of RPE 13" },
    ]);
    expect(entryLimitProblems({ rpe: 13, peakHr: 120, outcome: 'completed' }, curl, limits)).toEqual([]);
  });

  it('warns on peak HR above the ceiling and on an avoided movement; a skipped row has none', () => {
    const found = entryLimitProblems({ rpe: null, peakHr: 131, outcome: 'modified' }, marching, limits);
    expect(found.map((p) => p.kind)).toEqual(['tag', 'hr']);
    expect(found[0]!.message).toBe('The doctor asked to avoid hip flexion/extension');
    expect(entryLimitProblems({ rpe: 19, peakHr: 180, outcome: 'skipped' }, marching, limits)).toEqual([]);
  });

  it('checks a plan item’s targets and movements; no limits, no problems', () => {
    expect(planItemLimitProblems({ rpeMax: 15, hrMax: null }, marching, limits).map((p) => p.kind)).toEqual([
      'tag',
      'rpe',
    ]);
    expect(planItemLimitProblems({ rpeMax: 20, hrMax: 200 }, marching, noClearanceLimits)).toEqual([]);
  });

  it('reads as the doctor wrote it', () => {
    expect(describeLimits(limits)).toEqual([
      'RPE ≤ 13',
      'Heart rate ≤ 120 bpm',
      'Avoid hip flexion/extension',
      'No group sessions',
    ]);
    expect(describeLimits(noClearanceLimits)).toEqual([]);
  });
});
