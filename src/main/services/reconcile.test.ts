import { afterEach, describe, expect, it } from 'vitest';
import { openTestCaseload } from '../testing';
import { createPatient } from './patients';
import { reconcileFile } from './reconcile';
import { recordAdverseEvent } from './sessions/adverseEvents';
import { addExercise, listExercises, retireExercise, updateExercise } from './sessions/exercises';
import { savePlan } from './sessions/plans';
import { appendAudit, auditTrailFor, insertAudited, updateAudited } from './audit';
import { exercise, exercisePlan } from '../db/schema';
import { starterExercises, starterTagCorrections } from '../../shared/clinical/session';
import { signSession } from './sessions/record';
import { normalScreen, seedPatient } from '../testSeed';
import { createBooking } from './sessions/today';
import { checkAuditTrail } from './maintenance';

const DATE = '2026-11-27';
let t: ReturnType<typeof openTestCaseload> | null = null;
afterEach(() => t?.close());

const key = (f: { entity: string; recordId: string; field: string }) => `${f.entity}:${f.recordId}:${f.field}`;

function signedSessionAndEvent(current: NonNullable<typeof t>) {
  const ctx = current.ctx;
  const patientId = seedPatient(ctx, { mrn: 'S1' });
  const booking = createBooking(ctx, { patientId, date: DATE, startTime: '09:00', classId: null });
  const curl = listExercises(ctx, false).find((e) => e.starterKey === 'seated_biceps_curl')!.id;
  signSession(ctx, {
    sessionId: booking.sessionId,
    screen: normalScreen(),
    clearanceOverrideReason: null,
    after: { sbp: 124, dbp: 76, restingHr: 80, spo2: 97, rpeOverall: 12, fatigue: 3, pain: 1 },
    notes: 'Tolerated well',
    occurredAt: null,
    entries: [
      {
        exerciseId: curl,
        planned: true,
        sets: 2,
        reps: 12,
        loadKg: 2,
        durationMin: null,
        rpe: 12,
        peakHr: null,
        spo2: null,
        painChange: 0,
        outcome: 'completed',
        reason: null,
        overrideNote: null,
      },
    ],
  });
  const event = recordAdverseEvent(ctx, {
    patientId,
    sessionId: null,
    type: 'fall',
    severity: 2,
    description: 'Stumbled getting off the bike',
    actionTaken: null,
    outcome: null,
    followUpNeeded: true,
    occurredAt: `${DATE}T09:20:00`,
  });
  return { patientId, sessionId: booking.sessionId, eventId: event.id };
}

describe('reconciling records with the audit trail', () => {
  it('finds nothing on records written through Pacewise', () => {
    t = openTestCaseload();
    createPatient(t.ctx, {
      givenName: 'Ruth',
      familyName: 'Okafor',
      preferredName: null,
      dateOfBirth: '1958-04-02',
      sex: 'female',
      mrn: 'M1',
    });
    const report = reconcileFile(`${t.dir}/caseload.db`, t.dir, new Date());
    expect(report.findings).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.rowsChecked).toBeGreaterThan(0);
  });

  it('reports direct UPDATEs on a patient, a signed session and an adverse event by entity, record and field', () => {
    t = openTestCaseload({ now: () => new Date(`${DATE}T09:30:00`) });
    const ruth = createPatient(t.ctx, {
      givenName: 'Ruth',
      familyName: 'Okafor',
      preferredName: null,
      dateOfBirth: '1958-04-02',
      sex: 'female',
      mrn: 'M1',
    });
    const { sessionId, eventId } = signedSessionAndEvent(t);
    const before = new Set(reconcileFile(`${t.dir}/caseload.db`, t.dir, new Date()).findings.map(key));

    const sqlite = t.ctx.sqlite;
    sqlite.prepare("UPDATE patient SET date_of_birth = '1950-01-01' WHERE id = ?").run(ruth.id);
    sqlite.prepare("UPDATE session SET notes = 'Declined exercise' WHERE id = ?").run(sessionId);
    sqlite.prepare('UPDATE adverse_event SET severity = 1 WHERE id = ?').run(eventId);
    const report = reconcileFile(`${t.dir}/caseload.db`, t.dir, new Date());
    const added = report.findings.filter((f) => !before.has(key(f)));
    expect(added.map((f) => [f.entity, f.recordId, f.field])).toEqual(
      expect.arrayContaining([
        ['patient', ruth.id, 'date_of_birth'],
        ['session', sessionId, 'notes'],
        ['adverse_event', eventId, 'severity'],
      ]),
    );
    expect(added).toHaveLength(3);
    expect(added.find((f) => f.entity === 'patient')).toMatchObject({ audited: '1958-04-02', stored: '1950-01-01' });
    expect(report.ok).toBe(false);
  });
});

describe('the keyed chain', () => {
  it('reports every entry of a tail re-hashed without the key', async () => {
    t = openTestCaseload();
    for (let i = 0; i < 4; i++) {
      createPatient(t.ctx, {
        givenName: `G${i}`,
        familyName: 'F',
        preferredName: null,
        dateOfBirth: '1960-01-01',
        sex: 'female',
        mrn: `R${i}`,
      });
    }
    const { createHash } = await import('node:crypto');
    const sqlite = t.ctx.sqlite;
    const head = (sqlite.prepare('SELECT max(seq) AS n FROM audit_event').get() as { n: number }).n;
    sqlite.exec('DROP TRIGGER audit_event_no_update');
    // Edit the third-last entry and recompute it and every later hash, as someone with the file (not the key) could.
    const rows = sqlite.prepare('SELECT * FROM audit_event WHERE seq >= ? ORDER BY seq').all(head - 2) as Array<
      Record<string, unknown>
    >;
    let prev = rows[0]!['prev_hash'] as string;
    for (const row of rows) {
      const after =
        row['seq'] === head - 2 ? String(row['after_json']).replace('1960-01-01', '1961-01-01') : row['after_json'];
      const hash = createHash('sha256')
        .update(
          JSON.stringify([
            row['seq'],
            row['id'],
            row['at'],
            row['actor_id'],
            row['patient_id'],
            row['entity'],
            row['entity_id'],
            row['action'],
            row['before_json'],
            after,
            row['reason'],
            prev,
          ]),
        )
        .digest('hex');
      sqlite
        .prepare('UPDATE audit_event SET after_json = ?, prev_hash = ?, hash = ? WHERE seq = ?')
        .run(after, prev, hash, row['seq']);
      prev = hash;
    }
    const check = checkAuditTrail(t.ctx);
    expect(check.ok).toBe(false);
    expect(check.breaks.map((b) => b.seq)).toEqual(expect.arrayContaining([head - 2, head - 1, head]));
    expect(check.breakCount).toBeGreaterThanOrEqual(3);
  });

  it('reports entries cut off the end against the anchor', () => {
    t = openTestCaseload();
    for (let i = 0; i < 3; i++) {
      createPatient(t.ctx, {
        givenName: `G${i}`,
        familyName: 'F',
        preferredName: null,
        dateOfBirth: '1960-01-01',
        sex: 'female',
        mrn: `T${i}`,
      });
    }
    t.syncAnchor();
    const head = (t.ctx.sqlite.prepare('SELECT max(seq) AS n FROM audit_event').get() as { n: number }).n;
    t.ctx.sqlite.exec('DROP TRIGGER audit_event_no_delete');
    t.ctx.sqlite.prepare('DELETE FROM audit_event WHERE seq > ?').run(head - 2);
    const check = checkAuditTrail(t.ctx);
    expect(check.ok).toBe(false);
    expect(check.problem).toMatch(new RegExp(`entries ${head - 1}–${head} are missing from the end`));
  });
});

type Running = ReturnType<typeof openTestCaseload>;
const findingsOf = (current: Running) => reconcileFile(`${current.dir}/caseload.db`, current.dir, new Date()).findings;

function planInput(patientId: string, exerciseId: string, sessionsPerWeek: number) {
  return {
    patientId,
    sessionsPerWeek,
    sessionMinutes: 45,
    cycleAdjustment: null,
    milestones: null,
    notes: null,
    items: [
      {
        exerciseId,
        sets: 2,
        reps: 10,
        durationMin: null,
        loadKg: null,
        rpeMin: 11,
        rpeMax: 13,
        hrMin: null,
        hrMax: null,
        talkTest: true,
        restSeconds: null,
        progression: null,
        notes: null,
        overrideNote: null,
      },
    ],
  };
}

const newExercise = {
  name: 'Step-ups onto a low step',
  modality: 'resistance' as const,
  position: 'standing' as const,
  equipment: ['Low step'],
  impact: 'low' as const,
  weightBearing: true,
  chairBased: false,
  tags: [],
  description: 'Step up and down with a rail to hand.',
};

/**
 * How a plan save recorded the version it replaced before each plan had entries of its own (main
 * at ecd8267): superseded_at written with no entry, the new version's entry naming the old one.
 */
function legacySupersede(ctx: Running['ctx'], patientId: string, sessionsPerWeek: number) {
  const actor = ctx.session.clinicianId!;
  const previous = ctx.db
    .select()
    .from(exercisePlan)
    .all()
    .find((p) => p.supersededAt === null)!;
  ctx.sqlite.transaction(() => {
    const at = ctx.now().toISOString();
    updateAudited(
      ctx,
      exercisePlan,
      previous,
      { supersededAt: at },
      {
        actorId: actor,
        patientId,
        entity: 'exercise_plan',
        at,
        ownEntry: false,
      },
    );
    insertAudited(
      ctx,
      exercisePlan,
      {
        patientId,
        version: previous.version + 1,
        sessionsPerWeek,
        sessionMinutes: 45,
        cycleAdjustment: null,
        milestones: null,
        notes: null,
        supersededAt: null,
      },
      {
        actorId: actor,
        patientId,
        entity: 'exercise_plan',
        at,
        before: { id: previous.id, version: previous.version },
        after: (row) => ({ ...row, items: [] }),
      },
    );
  })();
}

/**
 * How the starter library was seeded and tag-reviewed before each exercise had entries of its
 * own (main at ecd8267): rows with no entry, one `exercise_library` entry listing the keys. The
 * knee lifts are seeded with their tags from before the review, then reviewed the same way.
 */
function legacySeedAndReview(ctx: Running['ctx']) {
  const actor = ctx.session.clinicianId!;
  const write = { actorId: actor, patientId: null, entity: 'exercise', ownEntry: false } as const;
  ctx.sqlite.transaction(() => {
    for (const e of starterExercises) {
      insertAudited(
        ctx,
        exercise,
        {
          starterKey: e.key,
          name: e.name,
          modality: e.modality,
          position: e.position,
          equipmentJson: JSON.stringify(e.equipment),
          impact: e.impact,
          weightBearing: e.weightBearing,
          chairBased: e.chairBased,
          tagsJson: JSON.stringify(starterTagCorrections[e.key] ?? e.tags),
          description: e.description,
          retired: false,
        },
        write,
      );
    }
    appendAudit(ctx.db, ctx, {
      actorId: actor,
      patientId: null,
      entity: 'exercise_library',
      entityId: 'starter',
      action: 'create',
      after: { added: starterExercises.map((e) => e.key) },
      reason: 'Starter exercise library',
    });
  })();
  ctx.sqlite.transaction(() => {
    const changes = Object.keys(starterTagCorrections).map((key) => {
      const row = ctx.db
        .select()
        .from(exercise)
        .all()
        .find((r) => r.starterKey === key)!;
      const tags = starterExercises.find((e) => e.key === key)!.tags;
      updateAudited(ctx, exercise, row, { tagsJson: JSON.stringify(tags) }, write);
      return { key, before: JSON.parse(row.tagsJson) as unknown, after: tags };
    });
    appendAudit(ctx.db, ctx, {
      actorId: actor,
      patientId: null,
      entity: 'exercise_library',
      entityId: 'starter',
      action: 'update',
      after: { retagged: changes },
      reason: 'Starter library tag review: knee lifts are hip flexion',
    });
  })();
}

const idOfKey = (ctx: Running['ctx'], key: string) => listExercises(ctx, true).find((e) => e.starterKey === key)!.id;

/** Through createPatient only: the test seed writes intake facts behind the trail. */
const patientOf = (ctx: Running['ctx'], mrn: string) =>
  createPatient(ctx, {
    givenName: 'Ruth',
    familyName: 'Okafor',
    preferredName: null,
    dateOfBirth: '1958-04-02',
    sex: 'female',
    mrn,
  }).id;

describe('reconciling plan versions', () => {
  it('finds nothing after a plan is saved again, and still sees a superseded version altered', () => {
    t = openTestCaseload();
    const patientId = patientOf(t.ctx, 'P1');
    const curl = idOfKey(t.ctx, 'seated_biceps_curl');
    const first = savePlan(t.ctx, planInput(patientId, curl, 2));
    savePlan(t.ctx, planInput(patientId, curl, 3));
    savePlan(t.ctx, planInput(patientId, curl, 4));
    expect(findingsOf(t)).toEqual([]);
    expect(auditTrailFor(t.ctx.db, 'exercise_plan', first.id).map((e) => [e.action, e.reason])).toEqual([
      ['create', null],
      ['update', 'Version 1 replaced by version 2'],
    ]);

    t.ctx.sqlite.prepare('UPDATE exercise_plan SET superseded_at = NULL WHERE id = ?').run(first.id);
    expect(findingsOf(t).map((f) => [f.entity, f.recordId, f.field])).toEqual([
      ['exercise_plan', first.id, 'superseded_at'],
    ]);
  });

  it('reads a version superseded before plans had entries of their own from the entry that replaced it', () => {
    t = openTestCaseload();
    const patientId = patientOf(t.ctx, 'P2');
    const curl = idOfKey(t.ctx, 'seated_biceps_curl');
    const first = savePlan(t.ctx, planInput(patientId, curl, 2));
    legacySupersede(t.ctx, patientId, 3);
    expect(findingsOf(t)).toEqual([]);
    // A save with this release on top of the older one.
    savePlan(t.ctx, planInput(patientId, curl, 4));
    expect(findingsOf(t)).toEqual([]);

    t.ctx.sqlite
      .prepare("UPDATE exercise_plan SET superseded_at = '2020-01-01T00:00:00.000Z' WHERE id = ?")
      .run(first.id);
    expect(findingsOf(t).map((f) => [f.entity, f.recordId, f.field])).toEqual([
      ['exercise_plan', first.id, 'superseded_at'],
    ]);
  });
});

describe('reconciling the exercise library', () => {
  it('finds nothing after exercises are added, edited and retired, and still sees a seeded one altered', () => {
    t = openTestCaseload();
    const added = addExercise(t.ctx, newExercise);
    const marching = listExercises(t.ctx, true).find((e) => e.starterKey === 'seated_marching')!;
    updateExercise(t.ctx, { ...marching, exerciseId: marching.id, tags: [...marching.tags, 'flexibility'] });
    retireExercise(t.ctx, added.id, true);
    retireExercise(t.ctx, idOfKey(t.ctx, 'walking'), true);
    expect(findingsOf(t)).toEqual([]);

    const bike = idOfKey(t.ctx, 'stationary_cycle');
    t.ctx.sqlite.prepare("UPDATE exercise SET name = 'Rowing' WHERE id = ?").run(bike);
    expect(findingsOf(t).map((f) => [f.entity, f.recordId, f.field])).toEqual([['exercise', bike, 'name']]);
  });

  it('reads a library seeded before exercises had entries of their own from the library entries', () => {
    t = openTestCaseload();
    legacySeedAndReview(t.ctx);
    // Nothing for this release to seed or review: the caseload is as the older one left it.
    const entries = () => (t!.ctx.sqlite.prepare('SELECT count(*) AS n FROM audit_event').get() as { n: number }).n;
    const before = entries();
    listExercises(t.ctx, true);
    expect(entries()).toBe(before);
    expect(findingsOf(t)).toEqual([]);

    const added = addExercise(t.ctx, newExercise);
    const curl = listExercises(t.ctx, true).find((e) => e.starterKey === 'seated_biceps_curl')!;
    updateExercise(t.ctx, { ...curl, exerciseId: curl.id, tags: [...curl.tags, 'flexibility'] });
    retireExercise(t.ctx, idOfKey(t.ctx, 'walking'), true);
    retireExercise(t.ctx, added.id, true);
    expect(findingsOf(t)).toEqual([]);

    // The reviewed tags are in the trail; a deleted seeded row is missed.
    const marching = idOfKey(t.ctx, 'seated_marching');
    t.ctx.sqlite.prepare("UPDATE exercise SET tags_json = '[]' WHERE id = ?").run(marching);
    t.ctx.sqlite.prepare("DELETE FROM exercise WHERE starter_key = 'tai_chi_cloud_hands'").run();
    expect(findingsOf(t).map((f) => [f.entity, f.recordId, f.field, f.problem])).toEqual(
      expect.arrayContaining([
        ['exercise', marching, 'tags_json', 'stored value differs from the latest audited value'],
        [
          'exercise',
          'starter exercise tai_chi_cloud_hands',
          '(whole record)',
          'audited record is missing from the database',
        ],
      ]),
    );
    expect(findingsOf(t)).toHaveLength(2);
  });
});
