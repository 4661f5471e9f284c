import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  caseloadSummary,
  exercisePlan,
  goal,
  goalMilestone,
  patientDetails,
  session,
  treatment,
} from '../../db/schema';
import { ApiError } from '../../errors';
import { openTestCaseload } from '../../testing';
import { verifyAuditChain } from '../audit';
import { createPatient } from '../patients';
import { createCustomMeasure, defaultBattery, setDefaultBattery } from './measures';
import { caseloadFlag, progressCharts, progressComparison } from './progress';
import {
  amendAssessment,
  createAssessment,
  finaliseAssessment,
  getAssessment,
  listAssessments,
  recordMeasure,
  updateAssessment,
} from './records';

const NOW = new Date('2026-03-02T10:00:00Z');
let t: ReturnType<typeof openTestCaseload>;
let patientId: string;

beforeEach(() => {
  t = openTestCaseload({ now: () => NOW });
  patientId = createPatient(t.ctx, {
    givenName: 'Ruth',
    familyName: 'Okafor',
    preferredName: null,
    dateOfBirth: '1958-04-02',
    sex: 'female',
    mrn: 'RMH-1',
  }).id;
});
afterEach(() => t.close());

const header = (assessedOn: string, kind: 'baseline' | 'reassessment' = 'baseline') => ({
  patientId,
  kind,
  assessedOn,
  clinicianId: null,
  notes: null,
  heightCm: 165,
  weightKg: 70,
});

function assess(on: string, kind: 'baseline' | 'reassessment', walk: number, tug: number, fatigue: number) {
  const a = createAssessment(t.ctx, {
    ...header(on, kind),
    measureKeys: ['six_minute_walk', 'timed_up_and_go', 'esas_r'],
  });
  recordMeasure(t.ctx, { assessmentId: a.id, measureKey: 'six_minute_walk', components: { distance_m: walk } });
  recordMeasure(t.ctx, { assessmentId: a.id, measureKey: 'timed_up_and_go', components: { seconds: tug } });
  const esas = {
    pain: 2,
    fatigue,
    drowsiness: 1,
    nausea: 0,
    appetite: 3,
    shortness_of_breath: 1,
    depression: 0,
    anxiety: 2,
    wellbeing: 3,
  };
  recordMeasure(t.ctx, { assessmentId: a.id, measureKey: 'esas_r', components: esas });
  return finaliseAssessment(t.ctx, a.id);
}

describe('assessment records', () => {
  it('scores in main on save: 6MWT % predicted from the patient and the assessment', () => {
    const a = createAssessment(t.ctx, { ...header('2026-03-01'), measureKeys: ['six_minute_walk'] });
    const saved = recordMeasure(t.ctx, {
      assessmentId: a.id,
      measureKey: 'six_minute_walk',
      components: { distance_m: 420 },
    });
    const walk = saved.results.find((r) => r.measureKey === 'six_minute_walk')!;
    expect(walk.value).toBe(420);
    // Woman, 67 on the day, 165 cm, 70 kg: 2.11·165 − 2.29·70 − 5.78·67 + 667 = 467.59 m.
    expect(walk.derived.predicted_m).toBe(468);
    expect(walk.derived.percent_predicted).toBe(90);
  });

  it('refuses a half-entered measure, naming the component, and stores nothing', () => {
    const a = createAssessment(t.ctx, { ...header('2026-03-01'), measureKeys: ['sppb'] });
    try {
      recordMeasure(t.ctx, { assessmentId: a.id, measureKey: 'sppb', components: { side_by_side_s: 10 } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).fields['components.semi_tandem_s']).toMatch(/semi-tandem/);
    }
    expect(getAssessment(t.ctx, a.id).results).toEqual([]);
  });

  it('finalising locks the assessment against every change', () => {
    const a = assess('2026-03-01', 'baseline', 400, 10, 7);
    expect(a.status).toBe('finalised');
    const attempts = [
      () =>
        recordMeasure(t.ctx, { assessmentId: a.id, measureKey: 'six_minute_walk', components: { distance_m: 500 } }),
      () => updateAssessment(t.ctx, { assessmentId: a.id, ...header('2026-03-01'), notes: 'changed' }),
      () => finaliseAssessment(t.ctx, a.id),
    ];
    for (const attempt of attempts) {
      expect(attempt).toThrow(/finalised and cannot be changed/);
    }
    expect(getAssessment(t.ctx, a.id).results.find((r) => r.measureKey === 'six_minute_walk')!.value).toBe(400);
  });

  it('an amendment corrects a finalised assessment and keeps the original readable', () => {
    const original = assess('2026-03-01', 'baseline', 400, 10, 7);
    const draft = amendAssessment(t.ctx, { assessmentId: original.id, reason: 'Distance misread: 30 m laps, not 25' });
    expect(draft.amendsId).toBe(original.id);
    expect(draft.status).toBe('draft');
    expect(draft.results.find((r) => r.measureKey === 'six_minute_walk')!.value).toBe(400);
    recordMeasure(t.ctx, { assessmentId: draft.id, measureKey: 'six_minute_walk', components: { distance_m: 480 } });
    // Until the correction is finalised, the original still counts.
    expect(
      progressComparison(t.ctx, patientId).rows.find((r) => r.measureKey === 'six_minute_walk')!.current!.value,
    ).toBe(400);
    finaliseAssessment(t.ctx, draft.id);

    const kept = getAssessment(t.ctx, original.id);
    expect(kept.results.find((r) => r.measureKey === 'six_minute_walk')!.value).toBe(400);
    expect(kept.supersededById).toBe(draft.id);
    const list = listAssessments(t.ctx, patientId).assessments;
    expect(list.map((a) => a.id).sort()).toEqual([original.id, draft.id].sort());
    const walk = progressComparison(t.ctx, patientId).rows.find((r) => r.measureKey === 'six_minute_walk')!;
    expect(walk.current!.value).toBe(480);
    expect(walk.baseline!.assessmentId).toBe(draft.id);
    expect(() => amendAssessment(t.ctx, { assessmentId: original.id, reason: 'again' })).toThrow(
      /already been corrected/,
    );
    expect(verifyAuditChain(t.ctx.sqlite).ok).toBe(true);
  });

  it('compares baseline with an eight-week reassessment using the shared verdicts', () => {
    assess('2026-01-05', 'baseline', 380, 10.2, 7);
    assess('2026-03-02', 'reassessment', 425, 9.8, 4);
    const rows = progressComparison(t.ctx, patientId).rows;
    const walk = rows.find((r) => r.measureKey === 'six_minute_walk')!;
    expect(walk.changeFromBaseline).toMatchObject({ verdict: 'improved', change: 45 });
    const tug = rows.find((r) => r.measureKey === 'timed_up_and_go')!;
    expect(tug.changeFromBaseline).toMatchObject({ verdict: 'stable' });
    expect(tug.changeFromBaseline!.change).toBeCloseTo(-0.4, 9);
    const fatigue = rows.find((r) => r.measureKey === 'esas_r.fatigue')!;
    expect(fatigue.changeFromBaseline).toMatchObject({ verdict: 'improved', change: -3 });
    const charts = progressCharts(t.ctx, patientId);
    expect(charts.measures.find((m) => m.measureKey === 'six_minute_walk')!.points.map((p) => p.value)).toEqual([
      380, 425,
    ]);
  });

  it('builds the default battery into new forms and allows clinic measures', () => {
    expect(defaultBattery(t.ctx)).toContain('six_minute_walk');
    const custom = createCustomMeasure(t.ctx, {
      name: 'Stair climb',
      unit: 's',
      better: 'lower',
      mcid: 2,
      source: 'Clinic audit 2025',
      decimals: 1,
      rangeMin: 0,
      rangeMax: 300,
      instructions: null,
    });
    setDefaultBattery(t.ctx, ['handgrip', custom.key]);
    const a = createAssessment(t.ctx, header('2026-03-01'));
    expect(a.plannedMeasureKeys).toEqual(['handgrip', custom.key]);
    const saved = recordMeasure(t.ctx, { assessmentId: a.id, measureKey: custom.key, components: { value: 31.5 } });
    expect(saved.results[0]!.value).toBe(31.5);
    expect(() =>
      recordMeasure(t.ctx, { assessmentId: a.id, measureKey: custom.key, components: { value: 301 } }),
    ).toThrow(/0–300/);
  });
});

describe('reassessment schedule in the caseload summary', () => {
  const summary = () =>
    t.ctx.db
      .select({ last: caseloadSummary.lastAssessmentOn, due: caseloadSummary.reassessmentDueOn })
      .from(caseloadSummary)
      .where(eq(caseloadSummary.patientId, patientId))
      .get()!;

  it('is due eight weeks after the last finalised assessment, and clears when reassessed', () => {
    assess('2026-01-05', 'baseline', 380, 10.2, 7);
    expect(summary()).toEqual({ last: '2026-01-05', due: '2026-03-02' });
    expect(caseloadFlag(t.ctx, patientId).state).toBe('due');
    assess('2026-03-02', 'reassessment', 425, 9.8, 4);
    expect(summary()).toEqual({ last: '2026-03-02', due: '2026-04-27' });
    expect(caseloadFlag(t.ctx, patientId).state).toBe('not_due');
  });

  it('uses the interval on the intake record, and a treatment change brings it forward', () => {
    const at = NOW.toISOString();
    const who = { createdAt: at, createdBy: 'x', updatedAt: at, updatedBy: 'x' };
    t.ctx.db
      .insert(patientDetails)
      .values({ patientId, reassessmentIntervalWeeks: 12, ...who })
      .run();
    assess('2026-01-05', 'baseline', 380, 10.2, 7);
    expect(summary().due).toBe('2026-03-30');
    t.ctx.db
      .insert(treatment)
      .values({ id: '01TREATMENT000000000000001', patientId, type: 'chemotherapy', startDate: '2026-02-10', ...who })
      .run();
    assess('2026-01-06', 'reassessment', 390, 10, 6);
    // The change on 10 Feb came after the last assessment (6 Jan), so the due date moves to it.
    expect(summary()).toEqual({ last: '2026-01-06', due: '2026-02-10' });
    expect(listAssessments(t.ctx, patientId).schedule).toMatchObject({ state: 'overdue', dueOn: '2026-02-10' });
  });
});

describe('progress charts from sessions and goals', () => {
  it('counts attendance by ISO week against the plan, and charts signed sessions’ RPE and symptoms', () => {
    const at = NOW.toISOString();
    const who = { createdAt: at, createdBy: 'x', updatedAt: at, updatedBy: 'x' };
    t.ctx.db
      .insert(exercisePlan)
      .values({
        id: '01PLAN00000000000000000001',
        patientId,
        version: 1,
        sessionsPerWeek: 2,
        sessionMinutes: 45,
        ...who,
        createdAt: '2026-01-01T09:00:00.000Z',
      })
      .run();
    const sessions: Array<[string, string, object | null]> = [
      ['2026-02-02', 'attended', { rpeOverall: 12, fatigue: 4, pain: 1 }], // Monday
      ['2026-02-08', 'did_not_attend', null], // Sunday, same week
      ['2026-02-09', 'attended', { rpeOverall: 13, fatigue: 3, pain: 1 }],
      ['2026-02-11', 'attended', { rpeOverall: 14, fatigue: 2, pain: 0 }],
      ['2026-02-12', 'held_for_safety', null],
      ['2026-03-09', 'booked', null], // after today: not counted
    ];
    sessions.forEach(([date, attendance, after], i) =>
      t.ctx.db
        .insert(session)
        .values({
          id: `01SESSION0000000000000000${i}`,
          patientId,
          date,
          startTime: '09:00',
          attendance,
          afterJson: after ? JSON.stringify(after) : null,
          signedAt: after ? at : null,
          ...who,
        })
        .run(),
    );
    t.ctx.db
      .insert(goal)
      .values({
        id: '01GOAL00000000000000000001',
        patientId,
        inOwnWords: 'Walk to the shops',
        category: 'mobility',
        measureKey: 'six_minute_walk',
        targetValue: '440',
        ...who,
      })
      .run();
    t.ctx.db
      .insert(goalMilestone)
      .values({
        id: '01MILESTONE000000000000001',
        goalId: '01GOAL00000000000000000001',
        description: 'Walk 10 minutes',
        achievedOn: '2026-02-01',
        ...who,
      })
      .run();
    assess('2026-01-05', 'baseline', 380, 10.2, 7);
    assess('2026-03-02', 'reassessment', 425, 9.8, 4);

    const charts = progressCharts(t.ctx, patientId);
    expect(charts.attendance).toEqual([
      {
        weekOf: '2026-02-02',
        attended: 1,
        didNotAttend: 1,
        cancelled: 0,
        heldForSafety: 0,
        planned: 2,
        adherencePercent: 50,
      },
      {
        weekOf: '2026-02-09',
        attended: 2,
        didNotAttend: 0,
        cancelled: 0,
        heldForSafety: 1,
        planned: 2,
        adherencePercent: 100,
      },
    ]);
    expect(charts.sessionScores.map((p) => [p.date, p.rpe, p.fatigue])).toEqual([
      ['2026-02-02', 12, 4],
      ['2026-02-09', 13, 3],
      ['2026-02-11', 14, 2],
    ]);
    expect(charts.goals[0]).toMatchObject({
      baselineValue: 380,
      latestValue: 425,
      percentToTarget: 75, // 45 of the 60 m between baseline and target
      milestonesTotal: 1,
      milestonesAchieved: 1,
    });
  });
});
