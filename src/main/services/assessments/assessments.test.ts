import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  boneLesion,
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
import { auditTrailFor, verifyAuditChain } from '../audit';
import { treatmentInput } from '../../../shared/contract/intake';
import { saveTreatment } from '../intake/sections';
import { createPatient } from '../patients';
import { createCustomMeasure, defaultBattery, setDefaultBattery } from './measures';
import { caseloadFlag, progressCharts, progressComparison } from './progress';
import {
  amendAssessment,
  createAssessment,
  discardAssessment,
  finaliseAssessment,
  updateAssessment,
} from './lifecycle';
import { recordMeasure } from './results';
import { getAssessment, listAssessments } from './view';

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

describe('review fixes (issue 5 review)', () => {
  it('P2 #6: baseline comes from the finalised baseline; a later first value is "first recorded"', () => {
    assess('2026-01-05', 'baseline', 380, 10.2, 7);
    const r = createAssessment(t.ctx, {
      ...header('2026-03-01', 'reassessment'),
      measureKeys: ['six_minute_walk', 'sit_to_stand_30s'],
    });
    recordMeasure(t.ctx, { assessmentId: r.id, measureKey: 'six_minute_walk', components: { distance_m: 425 } });
    recordMeasure(t.ctx, { assessmentId: r.id, measureKey: 'sit_to_stand_30s', components: { stands: 11 } });
    finaliseAssessment(t.ctx, r.id);
    const rows = progressComparison(t.ctx, patientId).rows;
    const walk = rows.find((x) => x.measureKey === 'six_minute_walk')!;
    expect(walk.baselineKind).toBe('baseline');
    expect(walk.baseline!.date).toBe('2026-01-05');
    const sts = rows.find((x) => x.measureKey === 'sit_to_stand_30s')!;
    expect(sts.baselineKind).toBe('first_recorded');
    expect(sts.baseline!.assessmentId).toBe(r.id);
    expect(sts.changeFromBaseline).toBeNull();
    const chart = progressCharts(t.ctx, patientId).measures.find((m) => m.measureKey === 'sit_to_stand_30s')!;
    expect(chart.baselineKind).toBe('first_recorded');
  });

  it('P2 #6: refuses a reassessment or discharge dated before the finalised baseline, on the date field', () => {
    assess('2026-02-01', 'baseline', 380, 10.2, 7);
    const refusal = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return (error as ApiError).fields?.assessedOn;
      }
      return 'accepted';
    };
    expect(refusal(() => createAssessment(t.ctx, header('2026-01-20', 'reassessment')))).toBe(
      'A reassessment cannot be dated before the baseline of 1 Feb 2026',
    );
    expect(refusal(() => createAssessment(t.ctx, { ...header('2026-01-31'), kind: 'discharge' }))).toMatch(
      /^A discharge assessment cannot be dated before the baseline/,
    );
    const ok = createAssessment(t.ctx, header('2026-02-01', 'reassessment'));
    expect(
      refusal(() => updateAssessment(t.ctx, { assessmentId: ok.id, ...header('2026-01-15', 'reassessment') })),
    ).toMatch(/cannot be dated before the baseline/);
    expect(getAssessment(t.ctx, ok.id).assessedOn).toBe('2026-02-01');
  });

  it('P2 #6: a baseline cannot end up dated after a finalised reassessment', () => {
    const draftBaseline = createAssessment(t.ctx, { ...header('2026-02-10'), measureKeys: ['six_minute_walk'] });
    recordMeasure(t.ctx, {
      assessmentId: draftBaseline.id,
      measureKey: 'six_minute_walk',
      components: { distance_m: 380 },
    });
    // No finalised baseline yet, so a reassessment can be recorded first (e.g. baseline entered late) ...
    discardAssessment(t.ctx, { assessmentId: draftBaseline.id, reason: 'Re-enter after the reassessment' });
    assess('2026-02-01', 'reassessment', 400, 10, 5);
    // ... but a baseline dated after it is refused on the date field.
    try {
      createAssessment(t.ctx, header('2026-02-10'));
      expect.unreachable();
    } catch (error) {
      expect((error as ApiError).fields.assessedOn).toBe(
        'The baseline cannot be dated after the reassessment of 1 Feb 2026',
      );
    }
    expect(createAssessment(t.ctx, header('2026-01-20')).kind).toBe('baseline');
  });

  it('P2 #11: a draft can be discarded: kept, marked, audited, excluded, and no longer blocking', () => {
    const draft = createAssessment(t.ctx, { ...header('2026-02-20'), measureKeys: ['six_minute_walk'] });
    recordMeasure(t.ctx, { assessmentId: draft.id, measureKey: 'six_minute_walk', components: { distance_m: 999 } });
    expect(() => createAssessment(t.ctx, header('2026-02-21'))).toThrow(/already has a draft/);
    const discarded = discardAssessment(t.ctx, { assessmentId: draft.id, reason: 'Started on the wrong patient' });
    expect(discarded.status).toBe('discarded');
    expect(discarded.discardReason).toBe('Started on the wrong patient');
    expect(discarded.results).toHaveLength(1); // kept, not deleted
    expect(() =>
      recordMeasure(t.ctx, { assessmentId: draft.id, measureKey: 'six_minute_walk', components: { distance_m: 1 } }),
    ).toThrow(/discarded/);
    expect(() => finaliseAssessment(t.ctx, draft.id)).toThrow(/discarded/);
    const trail = auditTrailFor(t.ctx.db, 'assessment', draft.id);
    expect(trail.at(-1)).toMatchObject({ action: 'discard', reason: 'Draft discarded: Started on the wrong patient' });
    // A new baseline may now start; the discarded one neither blocks it nor counts.
    const fresh = assess('2026-02-21', 'baseline', 400, 10, 5);
    const list = listAssessments(t.ctx, patientId).assessments;
    expect(list.find((a) => a.id === draft.id)!.status).toBe('discarded');
    const walk = progressComparison(t.ctx, patientId).rows.find((r) => r.measureKey === 'six_minute_walk')!;
    expect(walk.baseline!.assessmentId).toBe(fresh.id);
    expect(walk.current!.value).toBe(400);
    // A finalised assessment cannot be discarded.
    expect(() => discardAssessment(t.ctx, { assessmentId: fresh.id, reason: 'x' })).toThrow(/cannot be discarded/);
    // Discarding a correction leaves the original counting.
    const correction = amendAssessment(t.ctx, { assessmentId: fresh.id, reason: 'Recheck' });
    recordMeasure(t.ctx, {
      assessmentId: correction.id,
      measureKey: 'six_minute_walk',
      components: { distance_m: 10 },
    });
    discardAssessment(t.ctx, { assessmentId: correction.id, reason: 'Original was right' });
    expect(getAssessment(t.ctx, fresh.id).supersededById).toBeNull();
    expect(
      progressComparison(t.ctx, patientId).rows.find((r) => r.measureKey === 'six_minute_walk')!.current!.value,
    ).toBe(400);
    expect(amendAssessment(t.ctx, { assessmentId: fresh.id, reason: 'Another look' }).status).toBe('draft');
    expect(verifyAuditChain(t.ctx.sqlite).ok).toBe(true);
  });

  it('P2 #15: re-scoring a draft records the changed values in the audit log', () => {
    const a = createAssessment(t.ctx, { ...header('2026-03-01'), measureKeys: ['six_minute_walk'] });
    const saved = recordMeasure(t.ctx, {
      assessmentId: a.id,
      measureKey: 'six_minute_walk',
      components: { distance_m: 420 },
    });
    const resultId = saved.results.find((r) => r.measureKey === 'six_minute_walk')!.id;
    const entriesBefore = auditTrailFor(t.ctx.db, 'measure_result', resultId).length;
    // Taller: the Enright–Sherrill prediction changes, so the stored % predicted changes.
    updateAssessment(t.ctx, { assessmentId: a.id, ...header('2026-03-01'), heightCm: 180 });
    const resultTrail = auditTrailFor(t.ctx.db, 'measure_result', resultId);
    expect(resultTrail.length).toBe(entriesBefore + 1);
    const entry = resultTrail.at(-1)!;
    expect(entry.reason).toBe('Re-scored after the assessment details changed');
    expect(JSON.parse(entry.beforeJson!).derivedJson).toContain('"predicted_m":468');
    expect(JSON.parse(entry.afterJson!).derivedJson).toContain('"predicted_m":499');
    const header_ = auditTrailFor(t.ctx.db, 'assessment', a.id).at(-1)!;
    const rescored = JSON.parse(header_.afterJson!).rescoredResults;
    expect(rescored).toEqual([
      expect.objectContaining({
        measureKey: 'six_minute_walk',
        before: expect.objectContaining({ derived: expect.objectContaining({ predicted_m: 468 }) }),
        after: expect.objectContaining({ derived: expect.objectContaining({ predicted_m: 499 }) }),
      }),
    ]);
    // A save that changes nothing adds no result entry.
    updateAssessment(t.ctx, { assessmentId: a.id, ...header('2026-03-01'), heightCm: 180, notes: 'same' });
    expect(auditTrailFor(t.ctx.db, 'measure_result', resultId).length).toBe(entriesBefore + 1);
    expect(verifyAuditChain(t.ctx.sqlite).ok).toBe(true);
  });
});

describe('a treatment edited in place brings the reassessment forward (review P2 #7)', () => {
  it('counts a changed type, regimen or cycle length, dated when it was recorded; not other edits', () => {
    assess('2026-02-20', 'baseline', 380, 10.2, 7);
    const regular = listAssessments(t.ctx, patientId).schedule;
    expect(regular).toMatchObject({ dueOn: '2026-04-17', state: 'not_due' });
    const base = {
      patientId,
      id: null,
      type: 'chemotherapy',
      regimen: 'Carboplatin + paclitaxel',
      startDate: '2026-01-05',
      endDate: null,
      cycleLengthDays: 21,
      day1Dates: [],
      notes: null,
    };
    saveTreatment(t.ctx, treatmentInput.parse(base));
    const id = t.ctx.db.select({ id: treatment.id }).from(treatment).get()!.id;
    // Started before the baseline: no change after it.
    expect(listAssessments(t.ctx, patientId).schedule.dueOn).toBe('2026-04-17');
    // A notes-only edit is not a treatment change.
    saveTreatment(t.ctx, treatmentInput.parse({ ...base, id, notes: 'Tolerating well' }));
    expect(listAssessments(t.ctx, patientId).schedule.dueOn).toBe('2026-04-17');
    // A new regimen, edited into the same row on 2 Mar: due that day.
    saveTreatment(t.ctx, treatmentInput.parse({ ...base, id, regimen: 'Docetaxel', notes: 'Tolerating well' }));
    const schedule = listAssessments(t.ctx, patientId).schedule;
    expect(schedule).toMatchObject({ dueOn: '2026-03-02', state: 'due' });
    expect(schedule.reason).toMatch(/^Chemotherapy changed on 2 Mar 2026/);
    const row = t.ctx.db
      .select({ due: caseloadSummary.reassessmentDueOn })
      .from(caseloadSummary)
      .where(eq(caseloadSummary.patientId, patientId))
      .get()!;
    expect(row.due).toBe('2026-03-02');
  });
});

describe('outcome tests checked against the lesions (issue 20, item 6)', () => {
  it('warns on a six-minute walk with a Mirels 8 proximal-femur lesion and keeps it only with a reason, audited', () => {
    const at = NOW.toISOString();
    const actor = t.ctx.session.clinicianId!;
    t.ctx.db
      .insert(boneLesion)
      .values({
        id: t.ctx.newId(),
        patientId,
        site: 'proximal_femur',
        lesionType: 'lytic',
        weightBearing: 'full',
        mirelsJson: JSON.stringify({
          site: 'peritrochanteric',
          lesion: 'lytic',
          size: 'lt_one_third',
          pain: 'mild',
        }),
        createdAt: at,
        createdBy: actor,
        updatedAt: at,
        updatedBy: actor,
      })
      .run();
    const a = createAssessment(t.ctx, { ...header('2026-03-02'), measureKeys: ['six_minute_walk', 'handgrip'] });
    expect(a.testConflicts.map((c) => c.measureKey)).toEqual(['six_minute_walk']);
    expect(a.testConflicts[0]!.conflicts[0]).toMatchObject({ site: 'proximal_femur', tag: 'weight_bearing_aerobic' });
    const walk = { assessmentId: a.id, measureKey: 'six_minute_walk', components: { distance_m: 240 } };
    let refused: ApiError | null = null;
    try {
      recordMeasure(t.ctx, walk);
    } catch (error) {
      refused = error as ApiError;
    }
    expect(refused?.fields['overrideNote']).toMatch(/six minutes of weight-bearing walking.*Femoral lesion/);
    expect(getAssessment(t.ctx, a.id).results).toEqual([]);
    const saved = recordMeasure(t.ctx, {
      ...walk,
      overrideNote: 'Orthopaedic review: walking test agreed, with a frame',
    });
    expect(saved.results[0]).toMatchObject({
      value: 240,
      overrideNote: 'Orthopaedic review: walking test agreed, with a frame',
    });
    const trail = auditTrailFor(t.ctx.db, 'measure_result', saved.results[0]!.id);
    expect(JSON.parse(trail.at(-1)!.afterJson!)).toMatchObject({
      overrideNote: 'Orthopaedic review: walking test agreed, with a frame',
    });
    // Grip strength loads nothing the lesion rules out: no reason asked.
    expect(
      recordMeasure(t.ctx, { assessmentId: a.id, measureKey: 'handgrip', components: { right_1: 22 } }).results,
    ).toHaveLength(2);
  });
});
