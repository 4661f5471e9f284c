import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PrefilledField } from '../../../shared/clinical/session';
import type { ParsedInputOf } from '../../../shared/contract';
import type { AppState } from '../../../shared/contract/setup';
import type { PatientReportView, PatientView } from '../../../shared/contract/checkIn';
import type { SessionView } from '../../../shared/contract/sessions';
import { launchCaseload, type LaunchedCaseload } from '../../launch';
import { auditTrailFor } from '../audit';
import { adverseEvent, checkIn } from '../../db/schema';
import { MIGRATIONS_DIR, openTestCaseload, TEST_ADMIN, TEST_KDF, TEST_SET_UP, tempDir } from '../../testing';
import { normalScreen, seedPatient } from '../../testSeed';
import { effectiveSeries } from '../assessments/progress';
import { scheduleFor } from '../assessments/schedule';
import { amendAssessment } from '../assessments/lifecycle';
import { closeAdverseEvent, gradeAdverseEvent } from './adverseEvents';
import { abandonCheckIn, handBack, reviewPatientFlag, startCheckIn, stillHere, submitCheckIn } from './checkIn';
import { getSession, recordScreen } from './record';
import { createBooking, todayList } from './today';

const DATE = '2026-11-27';
type Answers = ParsedInputOf<'checkIn.submit'>['answers'];
const answers = (over: Partial<Answers> = {}): Answers => ({
  completedBy: 'patient',
  esas: { pain: 7, fatigue: 6, drowsiness: 2, nausea: 1, appetite: 3, shortness_of_breath: 2 },
  other: { problem: 'Constipation', score: 4 },
  redFlags: { chest_pain: 'no', fever_infection: 'no' },
  anythingElse: 'My knee is sore on the stairs',
  ...over,
});

let clock = new Date(`${DATE}T09:00:00`);
let t: ReturnType<typeof openTestCaseload>;
beforeEach(() => {
  clock = new Date(`${DATE}T09:00:00`);
  t = openTestCaseload({ now: () => clock });
});
afterEach(() => t.close());
const later = (ms: number) => (clock = new Date(clock.getTime() + ms));

function booked(given = 'Margaret', preferred: string | null = 'Peggy') {
  const patientId = seedPatient(t.ctx, { mrn: `M-${given}`, given, family: 'Chen' });
  if (preferred) t.ctx.sqlite.prepare('UPDATE patient SET preferred_name = ? WHERE id = ?').run(preferred, patientId);
  const booking = createBooking(t.ctx, { patientId, date: DATE, startTime: '09:30', classId: null });
  return { patientId, sessionId: booking.sessionId };
}

function checkedIn(given: Partial<Answers> = {}) {
  const b = booked();
  const state = startCheckIn(t.ctx, { sessionId: b.sessionId });
  submitCheckIn(t.ctx, { checkInId: state.checkIn!.checkInId, answers: answers(given) });
  return { ...b, checkInId: state.checkIn!.checkInId };
}

type Reviewed = { checkInId: string; confirmed: PrefilledField[] };
const screenWith = (values: Partial<ReturnType<typeof normalScreen>>, checkInBlock?: Reviewed) => ({
  ...normalScreen(),
  ...values,
  ...(checkInBlock ? { checkIn: checkInBlock } : {}),
});

function refusal(run: () => unknown): { message: string; fields: Record<string, string> } {
  try {
    run();
  } catch (error) {
    return error as { message: string; fields: Record<string, string> };
  }
  throw new Error('expected a refusal');
}

describe('starting a check-in', () => {
  it('opens the patient view for one booking, with the preferred name and nothing of the caseload', () => {
    const { sessionId, patientId } = booked();
    const state = startCheckIn(t.ctx, { sessionId });
    expect(state.checkIn).toMatchObject({ preferredName: 'Peggy', phase: 'answering', idleMinutes: 3 });
    expect(state.clinicName).toBeNull();
    expect(state.currentClinician).toBeNull();
    const row = t.ctx.db.select().from(checkIn).get()!;
    expect(row).toMatchObject({ sessionId, patientId, status: 'started', startedBy: t.ctx.session.clinicianId });
    const trail = auditTrailFor(t.ctx.db, 'check_in', row.id);
    expect(trail.map((e) => [e.action, e.actorId])).toEqual([['create', t.ctx.session.clinicianId]]);
    expect(trail[0]!.reason).toMatch(/started/);
  });

  it('uses the given name when no preferred name is recorded', () => {
    const { sessionId } = booked('Rangi', null);
    expect(startCheckIn(t.ctx, { sessionId }).checkIn?.preferredName).toBe('Rangi');
  });

  it('is refused once the screen is recorded, for another day, and while another check-in is open', () => {
    const first = booked('Ana');
    recordScreen(t.ctx, { sessionId: first.sessionId, screen: normalScreen(), clearanceOverrideReason: null });
    expect(refusal(() => startCheckIn(t.ctx, { sessionId: first.sessionId })).message).toMatch(
      /check-in comes before the screen/,
    );
    const patientId = seedPatient(t.ctx, { mrn: 'TMRW' });
    const tomorrow = createBooking(t.ctx, { patientId, date: '2026-11-28', startTime: '09:00', classId: null });
    expect(refusal(() => startCheckIn(t.ctx, { sessionId: tomorrow.sessionId })).message).toMatch(/today’s bookings/);
    const second = booked('Tom');
    startCheckIn(t.ctx, { sessionId: second.sessionId });
    const third = booked('Lia');
    expect(refusal(() => startCheckIn(t.ctx, { sessionId: third.sessionId })).message).toMatch(/already open/);
  });
});

describe('answers arrive in the session', () => {
  it('keeps the answers as given, audited with the clinician who started it, and shows them on Today', () => {
    const { sessionId, checkInId } = checkedIn();
    const row = t.ctx.db.select().from(checkIn).get()!;
    expect(row.status).toBe('completed');
    expect(JSON.parse(row.answersJson!)).toMatchObject({ anythingElse: 'My knee is sore on the stairs' });
    const trail = auditTrailFor(t.ctx.db, 'check_in', checkInId);
    expect(trail.map((e) => e.actorId)).toEqual([t.ctx.session.clinicianId, t.ctx.session.clinicianId]);
    expect(trail[1]!.reason).toMatch(/completed \(filled in by: patient\)/);
    expect(todayList(t.ctx, DATE).bookings.find((b) => b.sessionId === sessionId)?.checkedInAt).toBe(row.completedAt);
  });

  it('prefills the screen’s symptoms from the ESAS-r and lists every red-flag answer', () => {
    const { sessionId } = checkedIn({ redFlags: { chest_pain: 'no', bone_pain: 'not_sure' } });
    const report = getSession(t.ctx, sessionId).checkIn as PatientReportView;
    expect(report.prefill).toEqual({ pain0to10: 7, fatigue0to10: 6, nausea0to10: 1, breathlessness0to10: 2 });
    expect(report.esasAnswered).toBe(6);
    expect(report.other).toEqual({ problem: 'Constipation', score: 4 });
    expect(report.redFlags.find((f) => f.id === 'chest_pain')?.answer).toBe('no');
    expect(report.redFlags.find((f) => f.id === 'confusion')?.answer).toBeNull();
    expect(report.awaitingReview).toEqual(['bone_pain']);
  });

  it('stores the ESAS-r as a patient-reported measure, partial marked, without counting as a reassessment', () => {
    const { patientId } = checkedIn();
    const total = effectiveSeries(t.ctx, patientId).get('esas_r')!;
    expect(total).toHaveLength(1);
    expect(total[0]).toMatchObject({ date: DATE, value: 21, kind: 'patient_reported' });
    expect(total[0]!.incomplete).toEqual({ answered: 6, of: 9 });
    expect(effectiveSeries(t.ctx, patientId).get('esas_r.pain')?.[0]?.value).toBe(7);
    expect(scheduleFor(t.ctx, patientId)?.lastAssessmentOn).toBeNull();
    const esas = t.ctx.sqlite.prepare("SELECT id FROM assessment WHERE kind = 'patient_reported'").get() as {
      id: string;
    };
    expect(refusal(() => amendAssessment(t.ctx, { assessmentId: esas.id, reason: 'typo' })).message).toMatch(
      /stays as they gave it/,
    );
  });

  it('keeps no ESAS-r when every item was skipped', () => {
    const { patientId } = checkedIn({ esas: {}, other: null });
    expect(effectiveSeries(t.ctx, patientId).size).toBe(0);
  });

  it('needs each prefilled symptom confirmed or corrected, and keeps both the patient’s and the clinician’s', () => {
    const { sessionId, checkInId } = checkedIn();
    const asReported = { pain0to10: 7, fatigue0to10: 6, nausea0to10: 1, breathlessness0to10: 2 };
    const refused = refusal(() =>
      recordScreen(t.ctx, { sessionId, screen: screenWith(asReported), clearanceOverrideReason: null }),
    );
    expect(refused.fields['screen.pain0to10']).toBe('Confirm the patient’s pain (7) or correct it');
    expect(Object.keys(refused.fields)).toHaveLength(4);
    // Pain, nausea and breathlessness confirmed; fatigue corrected to 4 after talking it through.
    const outcome = recordScreen(t.ctx, {
      sessionId,
      screen: screenWith(
        { ...asReported, fatigue0to10: 4 },
        { checkInId, confirmed: ['pain0to10', 'nausea0to10', 'breathlessness0to10'] },
      ),
      clearanceOverrideReason: null,
    });
    expect(outcome.decision).not.toBe('hold');
    const view = getSession(t.ctx, sessionId);
    expect(view.screen?.fatigue0to10).toBe(4);
    expect(view.screen?.checkIn).toEqual({
      checkInId,
      confirmed: ['pain0to10', 'nausea0to10', 'breathlessness0to10'],
    });
    expect(view.checkIn?.esas.fatigue).toBe(6);
  });
});

describe('a red flag the patient reports', () => {
  const reportedChestPain = () => checkedIn({ redFlags: { chest_pain: 'yes' } });
  const confirmedAll = (checkInId: string): Reviewed => ({
    checkInId,
    confirmed: ['pain0to10', 'fatigue0to10', 'nausea0to10', 'breathlessness0to10'],
  });
  const reported = { pain0to10: 7, fatigue0to10: 6, nausea0to10: 1, breathlessness0to10: 2 };

  it('holds the screen until reviewed; not confirmed, it opens no incident and the screen may go', () => {
    const { sessionId, checkInId } = reportedChestPain();
    const held = recordScreen(t.ctx, {
      sessionId,
      screen: screenWith(reported, confirmedAll(checkInId)),
      clearanceOverrideReason: null,
    });
    expect(held.decision).toBe('hold');
    expect(held.firedRules.map((r) => r.id)).toContain('patient_flag:chest_pain');
    const report = reviewPatientFlag(t.ctx, {
      sessionId,
      checkInId,
      redFlagId: 'chest_pain',
      finding: 'not_confirmed',
      note: 'Ticked by mistake: no chest pain today, ate too fast at lunch',
    });
    expect(report.awaitingReview).toEqual([]);
    expect(report.redFlags.find((f) => f.id === 'chest_pain')?.review).toMatchObject({
      finding: 'not_confirmed',
      adverseEventId: null,
      byName: 'Alex Morgan',
    });
    expect(t.ctx.db.select().from(adverseEvent).all()).toHaveLength(0);
    const after = recordScreen(t.ctx, {
      sessionId,
      screen: screenWith(reported, confirmedAll(checkInId)),
      clearanceOverrideReason: null,
    });
    expect(after.decision).not.toBe('hold');
  });

  it('confirmed, opens the red-flag incident and the session stays on Hold until it is closed', () => {
    const { sessionId, checkInId } = reportedChestPain();
    reviewPatientFlag(t.ctx, {
      sessionId,
      checkInId,
      redFlagId: 'chest_pain',
      finding: 'confirmed',
      note: 'Tightness on the walk from the car park, settled with rest',
    });
    const events = t.ctx.db.select().from(adverseEvent).all();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ sessionId, redFlag: true, redFlagId: 'chest_pain', severity: null });
    expect(events[0]!.description).toMatch(/reported by the patient at check-in and confirmed: Chest pain/);
    // Unticked on the screen, the open incident still holds it (the same rule as a ticked flag).
    const refused = refusal(() =>
      recordScreen(t.ctx, {
        sessionId,
        screen: screenWith(reported, confirmedAll(checkInId)),
        clearanceOverrideReason: null,
      }),
    );
    expect(refused.message).toMatch(/stays on Hold until that incident is closed/);
    expect(
      recordScreen(t.ctx, {
        sessionId,
        screen: { ...screenWith(reported, confirmedAll(checkInId)), redFlags: ['chest_pain'] },
        clearanceOverrideReason: null,
      }).decision,
    ).toBe('hold');
    gradeAdverseEvent(t.ctx, { adverseEventId: events[0]!.id, severity: 1, actionTaken: 'Rested, obs normal' });
    closeAdverseEvent(t.ctx, {
      adverseEventId: events[0]!.id,
      outcome: 'GP reviewed the same day',
      closingNote: null,
      actionTaken: null,
    });
    expect(
      refusal(() =>
        reviewPatientFlag(t.ctx, {
          sessionId,
          checkInId,
          redFlagId: 'chest_pain',
          finding: 'confirmed',
          note: 'again',
        }),
      ).message,
    ).toMatch(/already been reviewed/);
  });

  it('refuses a review of a flag the patient did not report', () => {
    const { sessionId, checkInId } = reportedChestPain();
    expect(
      refusal(() =>
        reviewPatientFlag(t.ctx, { sessionId, checkInId, redFlagId: 'bone_pain', finding: 'confirmed', note: 'x' }),
      ).fields['redFlagId'],
    ).toMatch(/did not report/);
  });
});

describe('idle time and leaving', () => {
  it('discards unfinished answers after the idle time (clinic policy) and refuses late answers', () => {
    const { sessionId } = booked();
    const { checkIn: view } = startCheckIn(t.ctx, { sessionId });
    later(60_000);
    expect(stillHere(t.ctx).phase).toBe('answering');
    later(3 * 60_000 + 31_000);
    expect(stillHere(t.ctx).phase).toBe('finished');
    const row = t.ctx.db.select().from(checkIn).get()!;
    expect(row).toMatchObject({ status: 'abandoned', abandonReason: 'idle', answersJson: null });
    expect(auditTrailFor(t.ctx.db, 'check_in', row.id).at(-1)?.reason).toMatch(
      /no answer for 3 minutes \(clinic policy\); unfinished answers discarded/,
    );
    expect(refusal(() => submitCheckIn(t.ctx, { checkInId: view!.checkInId, answers: answers() })).message).toMatch(
      /already sent, or the check-in timed out/,
    );
    expect(getSession(t.ctx, sessionId).checkIn).toBeNull();
  });

  it('the patient view’s own timer abandons the check-in at once', () => {
    const { sessionId } = booked();
    const id = startCheckIn(t.ctx, { sessionId }).checkIn!.checkInId;
    expect((abandonCheckIn(t.ctx, { checkInId: id, reason: 'idle' }) as PatientView).phase).toBe('finished');
  });

  it('does not hand back without the clinician’s secret', async () => {
    const { sessionId } = booked();
    startCheckIn(t.ctx, { sessionId });
    // No PIN is set for this clinician, and the test caseload has no key ring: neither secret is right.
    await expect(handBack(t.ctx, { pin: '2468' })).rejects.toMatchObject({
      fields: { pin: expect.stringMatching(/No PIN/) },
    });
    await expect(handBack(t.ctx, { passphrase: 'not it at all' })).rejects.toMatchObject({
      fields: { passphrase: 'That passphrase is not right' },
    });
    expect(t.ctx.checkInDesk.open).not.toBeNull();
  });
});

describe('the main process holds the window to the patient view', () => {
  const launched: LaunchedCaseload[] = [];
  afterEach(() => {
    for (const l of launched.splice(0)) l.close();
  });

  async function clinic() {
    const dataDir = tempDir();
    const app = launchCaseload({
      passphraseKdf: TEST_KDF,
      dataDir,
      migrationsDir: MIGRATIONS_DIR,
      appVersion: 'test',
      log: () => undefined,
      now: () => clock,
      dialogs: { chooseBackupFolder: async () => null, chooseBackupFile: async () => null },
    });
    launched.push(app);
    const call = async <T>(channel: string, input: unknown = {}): Promise<T> => {
      const result = await app.dispatch(channel, input);
      if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
      return result.value as T;
    };
    await call('access.setUp', TEST_SET_UP);
    await call('access.setPin', { pin: '2468', passphrase: TEST_ADMIN.passphrase });
    const patientId = (
      await call<{ id: string }>('patients.create', {
        givenName: 'Margaret',
        familyName: 'Chen',
        preferredName: 'Peggy',
        dateOfBirth: '1950-02-02',
        sex: 'female',
        mrn: 'MC-1',
      })
    ).id;
    await call('patients.create', {
      givenName: 'Tom',
      familyName: 'Becker',
      dateOfBirth: '1955-05-05',
      sex: 'male',
      mrn: 'TB-2',
    });
    const booking = await call<{ sessionId: string }>('bookings.create', {
      patientId,
      date: DATE,
      startTime: '09:30',
    });
    return { app, call, sessionId: booking.sessionId };
  }

  it('answers only the patient view’s channels while the patient holds the device', async () => {
    const { app, call, sessionId } = await clinic();
    const state = await call<AppState>('checkIn.start', { sessionId });
    expect(state.checkIn?.preferredName).toBe('Peggy');
    for (const [channel, input] of [
      ['patients.search', { query: '', offset: 0, limit: 10 }],
      ['today.list', { date: DATE }],
      ['sessions.get', { sessionId }],
      ['checkIn.start', { sessionId }],
      ['access.switchClinician', {}],
      ['access.signIn', TEST_ADMIN],
      ['maintenance.backUp', {}],
    ] as const) {
      const result = await app.dispatch(channel, input);
      expect(result.ok, channel).toBe(false);
      if (!result.ok) expect(result.error.code, channel).toBe('forbidden');
    }
    const appState = await call<AppState>('app.state');
    expect(appState.clinicName).toBeNull();
    expect(appState.currentClinician).toBeNull();
    expect(JSON.stringify(appState)).not.toMatch(/Becker|Chen|MC-1/);
    expect((await call<AppState>('app.state')).checkIn?.phase).toBe('answering');
    await expect(call('checkIn.handBack', { pin: '1111' })).rejects.toMatchObject({
      fields: { pin: 'That PIN is not right (4 tries left)' },
    });
    const back = await call<AppState>('checkIn.handBack', { pin: '2468' });
    expect(back.checkIn).toBeNull();
    expect(back.currentClinician?.fullName).toBe('Alex Morgan');
    expect((await app.dispatch('today.list', { date: DATE })).ok).toBe(true);
    const row = app.running()!.ctx.db.select().from(checkIn).get()!;
    expect(row).toMatchObject({ status: 'abandoned', abandonReason: 'staff', handedBackHow: 'pin' });
  });

  it('a lock discards unfinished answers; the clinician’s unlock takes the device back', async () => {
    const { app, call, sessionId } = await clinic();
    await call('checkIn.start', { sessionId });
    const locked = await call<AppState>('access.lock', { reason: 'idle' });
    expect(locked.access).toBe('locked');
    expect(locked.checkIn?.phase).toBe('finished');
    const unlocked = await call<AppState>('access.unlock', { pin: '2468' });
    expect(unlocked.access).toBe('signed-in');
    expect(unlocked.checkIn).toBeNull();
    const row = app.running()!.ctx.db.select().from(checkIn).get()!;
    expect(row).toMatchObject({ status: 'abandoned', abandonReason: 'locked', handedBackHow: 'unlock' });
    expect((await app.dispatch('checkIn.stillHere', {})).ok).toBe(false);
  });

  it('completed answers reach the session once the device is back', async () => {
    const { call, sessionId } = await clinic();
    const { checkIn: view } = await call<AppState>('checkIn.start', { sessionId });
    later(20_000);
    await call('checkIn.stillHere');
    await call('checkIn.submit', { checkInId: view!.checkInId, answers: answers() });
    expect((await call<AppState>('app.state')).checkIn?.phase).toBe('finished');
    await call('checkIn.handBack', { passphrase: TEST_ADMIN.passphrase });
    const session = await call<SessionView>('sessions.get', { sessionId });
    expect(session.checkIn?.prefill.pain0to10).toBe(7);
  });
});
