import { progressCharts, progressComparison, progressOverview } from '../src/main/services/assessments/progress';
import { esasSymptoms } from '../src/shared/clinical/measures/catalog';
import { addDays, todayLocal } from '../src/shared/dates';
import { random } from './generate';
import { compare, type BenchRow } from './harness';
import type { BenchContext, BenchSuite } from './suite';

/** Session rows in the whole file at 10,000 patients (issue 5), scaled with the caseload size. */
const SESSION_ROWS_AT_10K = 1_000_000;
const TARGET_SESSIONS = 300;
const TARGET_ASSESSMENTS = 12;

/** The patient whose progress is timed: the same position in each caseload's list (plain and encrypted twin). */
const targetOf = (patientIds: readonly string[]) => patientIds[Math.floor(patientIds.length / 2)]!;

const esas = esasSymptoms;

/**
 * Reassessment (issue 5): the comparison and every chart's data for one patient with 300
 * sessions and 12 assessments, in a file where every patient has assessments and sessions.
 */
export const assessmentsSuite: BenchSuite = {
  name: 'assessments',
  prepare({ running, patientIds, patients }: BenchContext) {
    const { ctx } = running;
    const sqlite = ctx.sqlite;
    const rng = random(5);
    const actor = ctx.session.clinicianId!;
    const at = ctx.now().toISOString();
    const targetId = targetOf(patientIds);
    const insertAssessment = sqlite.prepare(
      `INSERT INTO assessment (id, patient_id, kind, assessed_on, clinician_id, height_cm, weight_kg, planned_measures_json,
         finalised_at, finalised_by, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, 170, 72, '[]', ?, ?, ?, ?, ?, ?)`,
    );
    const insertResult = sqlite.prepare(
      `INSERT INTO measure_result (id, assessment_id, patient_id, assessed_on, measure_key, parent_result_id, value,
         components_json, derived_json, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, '{}', '{}', ?, ?, ?, ?)`,
    );
    const insertSession = sqlite.prepare(
      `INSERT INTO session (id, patient_id, date, start_time, attendance, after_json, signed_at, signed_by,
         created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, ?, '09:00', ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const assess = (patientId: string, on: string, kind: string) => {
      const id = ctx.newId();
      insertAssessment.run(id, patientId, kind, on, actor, at, actor, at, actor, at, actor);
      const result = (key: string, value: number, parent: string | null = null) => {
        const rid = ctx.newId();
        insertResult.run(rid, id, patientId, on, key, parent, value, at, actor, at, actor);
        return rid;
      };
      result('six_minute_walk', rng.int(250, 600));
      result('timed_up_and_go', rng.int(60, 200) / 10);
      result('sit_to_stand_30s', rng.int(5, 20));
      result('handgrip', rng.int(120, 450) / 10);
      const scores = esas.map(() => rng.int(0, 8));
      const parent = result(
        'esas_r',
        scores.reduce((a, b) => a + b, 0),
      );
      esas.forEach((symptom, i) => result(`esas_r.${symptom}`, scores[i]!, parent));
    };
    const attendance = [
      'attended',
      'attended',
      'attended',
      'attended',
      'did_not_attend',
      'cancelled',
      'held_for_safety',
    ];
    const session = (patientId: string, date: string) => {
      const state = rng.pick(attendance);
      const after =
        state === 'attended'
          ? JSON.stringify({
              sbp: 128,
              dbp: 80,
              restingHr: 72,
              spo2: 97,
              rpeOverall: rng.int(9, 15),
              fatigue: rng.int(0, 8),
              pain: rng.int(0, 6),
            })
          : null;
      insertSession.run(
        ctx.newId(),
        patientId,
        date,
        state,
        after,
        after ? at : null,
        after ? actor : null,
        at,
        actor,
        at,
        actor,
      );
    };
    const existingSessions = (sqlite.prepare('SELECT count(*) AS n FROM session').get() as { n: number }).n;
    const sessionTarget = Math.round((SESSION_ROWS_AT_10K * patients) / 10_000);
    sqlite.transaction(() => {
      // The patient being timed: 12 assessments eight weeks apart and 300 sessions, the last of
      // them this week (a patient still in the programme, so the Progress screen's recent weeks are full).
      const start = addDays(todayLocal(), -Math.floor((TARGET_SESSIONS - 1) * 2.2));
      for (let i = 0; i < TARGET_ASSESSMENTS; i++) {
        assess(targetId, addDays(start, i * 56), i === 0 ? 'baseline' : 'reassessment');
      }
      for (let i = 0; i < TARGET_SESSIONS; i++) session(targetId, addDays(start, Math.floor(i * 2.2)));
      sqlite
        .prepare(
          `INSERT INTO exercise_plan (id, patient_id, version, sessions_per_week, session_minutes, created_at, created_by, updated_at, updated_by)
           VALUES (?, ?, 1, 3, 45, ?, ?, ?, ?)`,
        )
        .run(ctx.newId(), targetId, `${start}T08:00:00.000Z`, actor, at, actor);
      const goal = sqlite.prepare(
        `INSERT INTO goal (id, patient_id, in_own_words, category, measure_key, target_value, status, created_at, created_by, updated_at, updated_by)
         VALUES (?, ?, ?, ?, ?, ?, 'active', ?, ?, ?, ?)`,
      );
      const milestone = sqlite.prepare(
        `INSERT INTO goal_milestone (id, goal_id, description, achieved_on, created_at, created_by, updated_at, updated_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const [words, category, key, target] of [
        ['Walk to the shops and back', 'mobility', 'six_minute_walk', '500'],
        ['Carry my grandchild', 'strength', 'handgrip', '30'],
        ['Less tired in the afternoons', 'fatigue', 'esas_r.fatigue', '3'],
      ] as const) {
        const gid = ctx.newId();
        goal.run(gid, targetId, words, category, key, target, at, actor, at, actor);
        milestone.run(ctx.newId(), gid, 'First step', '2023-03-01', at, actor, at, actor);
        milestone.run(ctx.newId(), gid, 'Second step', null, at, actor, at, actor);
      }
      // Everyone else: a baseline and one reassessment, and sessions up to the file's target size.
      for (const id of patientIds) {
        if (id === targetId) continue;
        assess(id, '2024-01-08', 'baseline');
        assess(id, '2024-03-04', 'reassessment');
      }
      const missing = Math.max(0, sessionTarget - existingSessions - TARGET_SESSIONS);
      for (let i = 0; i < missing; i++) {
        session(patientIds[i % patientIds.length]!, addDays('2022-01-03', Math.floor(i / patientIds.length) * 2));
      }
    })();
  },
  run({ running, patientIds }): BenchRow[] {
    const targetId = targetOf(patientIds);
    const { ctx } = running;
    const sqlite = ctx.sqlite;
    const rawSeries = sqlite.prepare(
      `SELECT r.measure_key, r.value, r.assessed_on, r.assessment_id, a.kind
         FROM measure_result r JOIN assessment a ON a.id = r.assessment_id
        WHERE r.patient_id = ? AND r.value IS NOT NULL AND a.finalised_at IS NOT NULL
          AND a.id NOT IN (SELECT b.amends_id FROM assessment b WHERE b.patient_id = ? AND b.amends_id IS NOT NULL AND b.finalised_at IS NOT NULL)
        ORDER BY r.measure_key, r.assessed_on, a.finalised_at`,
    );
    const rawPerson = sqlite.prepare('SELECT sex, date_of_birth FROM patient WHERE id = ?');
    // The limit: one pass over the sessions feeds attendance and scores (the signed sessions'
    // after-JSON parsed once in JS, which measured faster than three json_extract calls a row);
    // the screen reads the person and the results once for both the comparison and the charts.
    const rawSessions = sqlite
      .prepare(
        `SELECT date, attendance, CASE WHEN signed_at IS NOT NULL THEN after_json END AS after
           FROM session WHERE patient_id = ? AND date <= ? ORDER BY date`,
      )
      .raw(true);
    const rawPlans = sqlite.prepare(
      'SELECT sessions_per_week, created_at, superseded_at FROM exercise_plan WHERE patient_id = ? ORDER BY version',
    );
    const rawGoals = sqlite.prepare(
      `SELECT g.*, (SELECT count(*) FROM goal_milestone m WHERE m.goal_id = g.id) AS total,
              (SELECT count(*) FROM goal_milestone m WHERE m.goal_id = g.id AND m.achieved_on IS NOT NULL) AS achieved
         FROM goal g WHERE g.patient_id = ? ORDER BY g.created_at`,
    );
    const today = new Date().toISOString().slice(0, 10);
    const sessionsAndScores = () =>
      (rawSessions.all(targetId, today) as Array<[string, string, string | null]>).map(([date, attendance, after]) => [
        date,
        attendance,
        after ? JSON.parse(after) : null,
      ]);
    const rawComparison = () => [rawPerson.get(targetId), rawSeries.all(targetId, targetId)];
    const rawRest = () => [sessionsAndScores(), rawPlans.all(targetId), rawGoals.all(targetId)];
    const rawCharts = () => [rawComparison(), rawRest()];
    const check = progressCharts(ctx, targetId);
    if (check.measures[0]?.points.length !== TARGET_ASSESSMENTS || check.sessionScores.length === 0) {
      throw new Error('assessments bench: the target patient was not generated as expected');
    }
    return [
      compare('progress comparison (12 assessments)', 3, () => progressComparison(ctx, targetId), rawComparison),
      compare(
        'progress charts (12 assessments, 300 sessions, goals)',
        2,
        () => progressCharts(ctx, targetId),
        rawCharts,
      ),
      compare('progress screen: comparison + every chart', 3, () => progressOverview(ctx, targetId), rawCharts),
    ];
  },
};
