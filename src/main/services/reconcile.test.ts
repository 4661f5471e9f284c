import { afterEach, describe, expect, it } from 'vitest';
import { openTestCaseload } from '../testing';
import { createPatient } from './patients';
import { reconcileFile } from './reconcile';
import { recordAdverseEvent } from './sessions/adverseEvents';
import { listExercises } from './sessions/exercises';
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
