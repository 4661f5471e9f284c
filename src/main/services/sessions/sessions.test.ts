import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit';
import { openTestCaseload } from '../../testing';
import { caseloadSummary, exerciseEntry, session } from '../../db/schema';
import { eq } from 'drizzle-orm';
import { listExercises, retireExercise, updateExercise } from './exercises';
import { adverseEventsForPatient, closeAdverseEvent, gradeAdverseEvent, recordAdverseEvent } from './adverseEvents';
import { sessionsChannels } from '../../../shared/contract/sessions';
import { patientSessions } from './history';
import { savePlan } from './plans';
import { amendSession, getSession, recordScreen, saveDraft, signSession } from './record';
import { setThresholds, thresholdsView } from './safety';
import { nullScreen, seedPatient } from '../../testSeed';
import { createBooking, createClass, getClass, todayList } from './today';
import { auditTrailFor } from '../audit';
import type { ParsedInputOf } from '../../../shared/contract';

const DATE = '2026-11-27';
type Screen = ParsedInputOf<'sessions.recordScreen'>['screen'];
const normal = { restingHr: 72, sbp: 128, dbp: 78, spo2: 97, temperatureC: 36.6 };
const screen = (over: Partial<Screen> = {}): Screen => ({ ...nullScreen(), ...normal, ...over });
const entry = (exerciseId: string, over: Record<string, unknown> = {}) => ({
  exerciseId,
  planned: true,
  sets: 2,
  reps: 12,
  loadKg: 2,
  durationMin: null,
  rpe: 12,
  peakHr: null,
  spo2: null,
  painChange: 0,
  outcome: 'completed' as const,
  reason: null,
  overrideNote: null,
  ...over,
});
const after = { sbp: 124, dbp: 76, restingHr: 80, spo2: 97, rpeOverall: 12, fatigue: 3, pain: 1 };

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
const byKey = (key: string) => listExercises(t.ctx, false).find((e) => e.starterKey === key)!.id;

describe('exercise library', () => {
  it('is seeded from the starter set once, and a retired exercise stays readable', () => {
    const all = listExercises(t.ctx, true);
    expect(all.length).toBeGreaterThanOrEqual(48);
    expect(listExercises(t.ctx, true)).toHaveLength(all.length);
    const walking = all.find((e) => e.starterKey === 'walking')!;
    retireExercise(t.ctx, walking.id, true);
    expect(listExercises(t.ctx, false).some((e) => e.id === walking.id)).toBe(false);
    expect(listExercises(t.ctx, true).find((e) => e.id === walking.id)?.retired).toBe(true);
  });
});

describe('clinic thresholds', () => {
  it('records a change with its reason in the audit log, and refuses crossed values', () => {
    const view = setThresholds(t.ctx, { values: { sbpHoldAbove: 180 }, reason: 'Follow ATS 2002' });
    expect(view.thresholds.sbpHoldAbove.value).toBe(180);
    expect(view.changed).toEqual(['sbpHoldAbove']);
    const trail = auditTrailFor(t.ctx.db, 'screen_thresholds', 'sessions.screenThresholds');
    expect(trail.at(-1)?.reason).toBe('Follow ATS 2002');
    expect(() => setThresholds(t.ctx, { values: { spo2HoldBelow: 95, spo2ModifyAtOrBelow: 90 }, reason: 'x' })).toThrow(
      /SpO₂ hold level must be below/,
    );
    expect(thresholdsView(t.ctx).thresholds.spo2HoldBelow.value).toBe(88);
  });
});

describe('sessions', () => {
  it('lists Today with safety badges, and a group class holds each patient', () => {
    const a = seedPatient(t.ctx, { mrn: 'A1', lesions: ['lumbar_spine'] });
    const b = seedPatient(t.ctx, { mrn: 'B1', cleared: false });
    const cls = createClass(t.ctx, { name: 'Tuesday strength', date: DATE, startTime: '10:00', patientIds: [a, b] });
    createBooking(t.ctx, { patientId: a, date: DATE, startTime: '14:00', classId: null });
    const today = todayList(t.ctx, DATE);
    expect(today.bookings).toHaveLength(3);
    expect(today.classes).toEqual([{ id: cls.id, name: 'Tuesday strength', startTime: '10:00', patients: 2 }]);
    const first = today.bookings.find((x) => x.patientId === a)!;
    expect(first.badges.hasBoneMets).toBe(true);
    expect(first.badges.clearanceState).toBe('valid');
    expect(today.bookings.find((x) => x.patientId === b)!.badges.clearanceState).toBe('missing');
  });

  it('lists a class’s patients in the order they were booked, a later booking last', () => {
    const zed = seedPatient(t.ctx, { mrn: 'CO1', given: 'Zed', family: 'Young' });
    const amy = seedPatient(t.ctx, { mrn: 'CO2', given: 'Amy', family: 'Adams' });
    const mia = seedPatient(t.ctx, { mrn: 'CO3', given: 'Mia', family: 'Moana' });
    const ben = seedPatient(t.ctx, { mrn: 'CO4', given: 'Ben', family: 'Baker' });
    const cls = createClass(t.ctx, { name: 'Circuit', date: DATE, startTime: '10:00', patientIds: [zed, amy, mia] });
    createBooking(t.ctx, { patientId: ben, date: DATE, startTime: '10:00', classId: cls.id });
    const patientOf = (sessionId: string) => getSession(t.ctx, sessionId).patientId;
    expect(getClass(t.ctx, cls.id).sessionIds.map(patientOf)).toEqual([zed, amy, mia, ben]);
    expect(todayList(t.ctx, DATE).bookings.map((b) => b.patientId)).toEqual([zed, amy, mia, ben]);
  });

  it('holds for SpO2 86%, opens an incident for a red flag and counts it on the caseload until closed', () => {
    const p = seedPatient(t.ctx, { mrn: 'H1', oncologistPhone: '03 9555 0101' });
    const s = createBooking(t.ctx, { patientId: p, date: DATE, startTime: '09:00', classId: null });
    const spo2 = recordScreen(t.ctx, {
      sessionId: s.sessionId,
      screen: screen({ spo2: 86 }),
      clearanceOverrideReason: null,
    });
    expect(spo2.decision).toBe('hold');
    expect(spo2.firedRules[0]).toMatchObject({ id: 'spo2_low_hold', value: '86 %', threshold: '< 88 %' });
    expect(spo2.adverseEventIds).toEqual([]);
    const flagged = recordScreen(t.ctx, {
      sessionId: s.sessionId,
      screen: screen({ spo2: 86, redFlags: ['chest_pain'] }),
      clearanceOverrideReason: null,
    });
    expect(flagged.adverseEventIds).toHaveLength(1);
    expect(flagged.careTeam[0]).toMatchObject({ fullName: 'Dr Ana Lima', phone: '03 9555 0101' });
    // Recording the screen again does not duplicate the incident.
    recordScreen(t.ctx, {
      sessionId: s.sessionId,
      screen: screen({ redFlags: ['chest_pain'] }),
      clearanceOverrideReason: null,
    });
    const summary = () => t.ctx.db.select().from(caseloadSummary).where(eq(caseloadSummary.patientId, p)).get()!;
    expect(summary()).toMatchObject({ openAdverseEvents: 1, openRedFlags: 1 });
    expect(todayList(t.ctx, DATE).bookings[0]!.badges.openRedFlags).toBe(1);
    expect(summary()).toMatchObject({ ungradedAdverseEvents: 1 });
    const [opened] = adverseEventsForPatient(t.ctx, p);
    // Opened from the flag: no grade and nothing written as done; the guideline is only a hint.
    expect(opened).toMatchObject({ severity: null, actionTaken: null });
    expect(opened!.guidance).toMatch(/^Session held\./);
    expect(() =>
      closeAdverseEvent(t.ctx, {
        adverseEventId: opened!.id,
        outcome: 'Reviewed by GP, ECG normal',
        closingNote: null,
        actionTaken: 'Rested seated, GP called',
      }),
    ).toThrow(/Choose the grade/);
    expect(() =>
      closeAdverseEvent(t.ctx, {
        adverseEventId: opened!.id,
        outcome: 'Reviewed by GP, ECG normal',
        closingNote: null,
        severity: 2,
        actionTaken: null,
      }),
    ).toThrow(/Write what was done/);
    closeAdverseEvent(t.ctx, {
      adverseEventId: opened!.id,
      outcome: 'Reviewed by GP, ECG normal',
      closingNote: null,
      severity: 2,
      actionTaken: 'Rested seated, GP called',
    });
    expect(adverseEventsForPatient(t.ctx, p)[0]).toMatchObject({
      severity: 2,
      actionTaken: 'Rested seated, GP called',
    });
    expect(summary()).toMatchObject({ openAdverseEvents: 0, openRedFlags: 0 });
    const held = getSession(t.ctx, s.sessionId);
    expect(held.attendance).toBe('held_for_safety');
  });

  it('enforces clearance: no reason, no start; the reason is recorded', () => {
    const p = seedPatient(t.ctx, { mrn: 'C1', cleared: false });
    const s = createBooking(t.ctx, { patientId: p, date: DATE, startTime: '09:00', classId: null });
    expect(() =>
      recordScreen(t.ctx, { sessionId: s.sessionId, screen: screen(), clearanceOverrideReason: null }),
    ).toThrow(/without valid clearance/);
    const ok = recordScreen(t.ctx, {
      sessionId: s.sessionId,
      screen: screen(),
      clearanceOverrideReason: 'GP cleared by phone today',
    });
    expect(ok.decision).toBe('go');
    const trail = auditTrailFor(t.ctx.db, 'session', s.sessionId);
    expect(trail.some((e) => e.action === 'override' && e.reason === 'GP cleared by phone today')).toBe(true);
  });

  it('refuses a trunk exercise for a lumbar lesion without an override note, and keeps the note and conflict', () => {
    const p = seedPatient(t.ctx, { mrn: 'L1', lesions: ['lumbar_spine'] });
    const s = createBooking(t.ctx, { patientId: p, date: DATE, startTime: '09:00', classId: null });
    const brace = byKey('seated_abdominal_brace');
    const base = {
      sessionId: s.sessionId,
      screen: screen(),
      clearanceOverrideReason: null,
      after,
      notes: null,
      occurredAt: null,
    };
    expect(() =>
      signSession(t.ctx, { ...base, entries: [entry(byKey('seated_biceps_curl')), entry(brace, { planned: false })] }),
    ).toThrow(/conflicts with a bone-lesion restriction \(Lumbar lesion/);
    let refusal: { fields?: Record<string, string> } | null = null;
    try {
      signSession(t.ctx, { ...base, entries: [entry(brace)] });
    } catch (error) {
      refusal = error as { fields?: Record<string, string> };
    }
    // Signing a conflicting exercise without an override note must be refused, on the note's field.
    expect(refusal?.fields?.['entries.0.overrideNote']).toMatch(/override note/);
    const signed = signSession(t.ctx, {
      ...base,
      entries: [entry(brace, { overrideNote: 'Isometric only, neutral spine, oncologist agreed' })],
    });
    expect(signed.entries[0]!.overrideNote).toMatch(/Isometric/);
    expect(signed.entries[0]!.conflicts.map((c) => c.tag)).toEqual(['trunk_resistance']);
  });

  it('saves screen, eight exercises and sign-off in one transaction: a refusal leaves nothing behind', () => {
    const p = seedPatient(t.ctx, { mrn: 'T1', lesions: ['pelvis'] });
    const s = createBooking(t.ctx, { patientId: p, date: DATE, startTime: '09:00', classId: null });
    const ids = [
      'seated_biceps_curl',
      'band_triceps_pressdown',
      'seated_knee_extension',
      'stationary_cycle',
      'seated_heel_toe_raise',
      'hand_grip_squeeze',
      'diaphragmatic_breathing',
    ].map(byKey);
    const walking = byKey('walking');
    const base = {
      sessionId: s.sessionId,
      screen: screen(),
      clearanceOverrideReason: null,
      after,
      notes: 'Good session',
      occurredAt: null,
    };
    // The eighth exercise conflicts (weight-bearing with a pelvic lesion) and has no note: nothing is kept.
    const auditBefore = t.ctx.sqlite.prepare('SELECT count(*) AS n FROM audit_event').get();
    expect(() => signSession(t.ctx, { ...base, entries: [...ids.map((id) => entry(id)), entry(walking)] })).toThrow(
      /conflicts with a bone-lesion restriction/,
    );
    expect(t.ctx.sqlite.prepare('SELECT count(*) AS n FROM audit_event').get()).toEqual(auditBefore);
    expect(t.ctx.db.select().from(exerciseEntry).all()).toHaveLength(0);
    expect(getSession(t.ctx, s.sessionId).decision).toBeNull();
    const signed = signSession(t.ctx, {
      ...base,
      entries: [...ids.map((id) => entry(id)), entry(walking, { outcome: 'skipped', reason: 'Pelvic lesion' })],
    });
    expect(signed.entries).toHaveLength(8);
    expect(signed.signedAt).not.toBeNull();
    expect(signed.decision).toBe('go');
    expect(verifyAuditChain(t.ctx.sqlite).ok).toBe(true);
  });

  it('refuses to sign or amend while a row is not recorded, naming the exercise on its outcome, and writes nothing', () => {
    const p = seedPatient(t.ctx, { mrn: 'U1' });
    const s = createBooking(t.ctx, { patientId: p, date: DATE, startTime: '09:00', classId: null });
    const cycle = byKey('stationary_cycle');
    const curl = byKey('seated_biceps_curl');
    const input = {
      sessionId: s.sessionId,
      screen: screen(),
      clearanceOverrideReason: null,
      entries: [entry(curl), entry(cycle, { outcome: null, sets: null, reps: null, rpe: null, durationMin: 10 })],
      after,
      notes: 'Untouched cycle row',
      occurredAt: null,
    };
    // The contract lets a row say "not recorded yet" (and still takes rows saved as 'completed')...
    const parsed = sessionsChannels['sessions.sign'].input.parse(input);
    expect(parsed.entries.map((e) => e.outcome)).toEqual(['completed', null]);
    const auditBefore = t.ctx.sqlite.prepare('SELECT count(*) AS n FROM audit_event').get();
    // ...but sign-off refuses it, on that row's outcome, naming the exercise.
    const error = refusalOf(() => signSession(t.ctx, parsed));
    expect(error.fields).toEqual({
      'entries.1.outcome': 'Record whether Stationary cycle was completed, modified or skipped',
    });
    expect(error.message).toContain('Record whether Stationary cycle was completed, modified or skipped');
    expect(t.ctx.sqlite.prepare('SELECT count(*) AS n FROM audit_event').get()).toEqual(auditBefore);
    expect(t.ctx.db.select().from(exerciseEntry).all()).toHaveLength(0);
    const untouched = getSession(t.ctx, s.sessionId);
    expect(untouched.signedAt).toBeNull();
    expect(untouched.decision).toBeNull();

    // Recorded, it signs; an amendment cannot put an unrecorded row back either.
    const signed = signSession(t.ctx, { ...parsed, entries: [entry(curl), entry(cycle, { outcome: 'completed' })] });
    expect(signed.entries.map((e) => e.outcome)).toEqual(['completed', 'completed']);
    const amendRefusal = refusalOf(() =>
      amendSession(t.ctx, {
        sessionId: s.sessionId,
        reason: 'Cycle not done',
        notes: null,
        entries: [entry(curl), entry(cycle, { outcome: null })],
      }),
    );
    expect(amendRefusal.fields?.['entries.1.outcome']).toBe(
      'Record whether Stationary cycle was completed, modified or skipped',
    );
    expect(getSession(t.ctx, s.sessionId).amendments).toHaveLength(0);

    // A Hold session still signs with no exercise rows.
    const held = createBooking(t.ctx, { patientId: p, date: DATE, startTime: '14:00', classId: null });
    const heldSigned = signSession(t.ctx, {
      ...parsed,
      sessionId: held.sessionId,
      screen: screen({ spo2: 86 }),
      entries: [],
    });
    expect(heldSigned.decision).toBe('hold');
    expect(heldSigned.signedAt).not.toBeNull();
  });

  it('locks a signed session: a later edit is refused with a clear message; an amendment keeps the original', () => {
    const p = seedPatient(t.ctx, { mrn: 'S1' });
    const s = createBooking(t.ctx, { patientId: p, date: DATE, startTime: '09:00', classId: null });
    signSession(t.ctx, {
      sessionId: s.sessionId,
      screen: screen(),
      clearanceOverrideReason: null,
      entries: [entry(byKey('walking'))],
      after,
      notes: 'Walked 10 min',
      occurredAt: null,
    });
    expect(() => saveDraft(t.ctx, { sessionId: s.sessionId, draft: { notes: 'x' } })).toThrow(
      /signed by Alex Morgan .* is locked.*amendment/,
    );
    expect(() =>
      signSession(t.ctx, {
        sessionId: s.sessionId,
        screen: screen(),
        clearanceOverrideReason: null,
        entries: [],
        after,
        notes: 'changed',
        occurredAt: null,
      }),
    ).toThrow(/locked/);
    expect(() =>
      recordScreen(t.ctx, { sessionId: s.sessionId, screen: screen(), clearanceOverrideReason: null }),
    ).toThrow(/locked/);
    const amended = amendSession(t.ctx, {
      sessionId: s.sessionId,
      reason: 'Wrong duration',
      notes: 'Walked 15 min',
      entries: null,
    });
    expect(amended.notes).toBe('Walked 10 min');
    expect(amended.amendments).toMatchObject([
      { reason: 'Wrong duration', notes: 'Walked 15 min', byName: 'Alex Morgan' },
    ]);
    expect(t.ctx.db.select({ n: session.notes }).from(session).where(eq(session.id, s.sessionId)).get()?.n).toBe(
      'Walked 10 min',
    );
  });

  it('signs the decision the screen was recorded with: a screen changed since must be recorded again first', () => {
    const p = seedPatient(t.ctx, { mrn: 'SD1' });
    const s = createBooking(t.ctx, { patientId: p, date: DATE, startTime: '09:00', classId: null });
    recordScreen(t.ctx, { sessionId: s.sessionId, screen: screen({ spo2: 86 }), clearanceOverrideReason: null });
    const sign = (values: Screen) =>
      signSession(t.ctx, {
        sessionId: s.sessionId,
        screen: values,
        clearanceOverrideReason: null,
        entries: [],
        after,
        notes: null,
        occurredAt: null,
      });
    // SpO₂ corrected to 97 on the form but not recorded: signing would have locked a Go nobody saw.
    const refused = refusalOf(() => sign(screen()));
    expect(refused.fields?.screen).toBe(
      'The screen was recorded as Hold but now reads Go: record the screen again, then sign',
    );
    expect(getSession(t.ctx, s.sessionId)).toMatchObject({ signedAt: null, decision: 'hold' });
    // The same values as recorded sign; so do new values that come to the same decision.
    expect(sign(screen({ spo2: 85 }))).toMatchObject({ decision: 'hold', firedRules: [{ id: 'spo2_low_hold' }] });
  });

  it('keeps both the session time and the time of writing for a late entry', () => {
    const p = seedPatient(t.ctx, { mrn: 'LE1' });
    const s = createBooking(t.ctx, { patientId: p, date: '2026-11-25', startTime: '09:00', classId: null });
    const signed = signSession(t.ctx, {
      sessionId: s.sessionId,
      screen: screen(),
      clearanceOverrideReason: null,
      entries: [],
      after,
      notes: null,
      occurredAt: '2026-11-25T09:05:00',
    });
    expect(signed.lateEntry).toBe(true);
    expect(signed.occurredAt).toBe(new Date('2026-11-25T09:05:00').toISOString());
    expect(signed.signedAt).toBe(new Date(`${DATE}T09:30:00`).toISOString());
  });

  it('restores a saved draft and prefills the log from the written plan', () => {
    const p = seedPatient(t.ctx, { mrn: 'D1', medicationFlags: ['beta_blocker'] });
    expect(() =>
      savePlan(t.ctx, {
        patientId: p,
        sessionsPerWeek: 2,
        sessionMinutes: 45,
        cycleAdjustment: null,
        milestones: null,
        notes: null,
        items: [
          {
            exerciseId: byKey('walking'),
            sets: null,
            reps: null,
            durationMin: 10,
            loadKg: null,
            rpeMin: 11,
            rpeMax: 13,
            hrMin: 100,
            hrMax: 120,
            talkTest: true,
            restSeconds: null,
            progression: null,
            notes: null,
            overrideNote: null,
          },
        ],
      }),
    ).toThrow(/beta-blocker.*Record the reason for the heart-rate target/);
    const plan = savePlan(t.ctx, {
      patientId: p,
      sessionsPerWeek: 2,
      sessionMinutes: 45,
      cycleAdjustment: 'Lighter on days 1–5',
      milestones: null,
      notes: null,
      items: [
        {
          exerciseId: byKey('walking'),
          sets: null,
          reps: null,
          durationMin: 10,
          loadKg: null,
          rpeMin: 11,
          rpeMax: 13,
          hrMin: null,
          hrMax: null,
          talkTest: true,
          restSeconds: null,
          progression: 'Add 2 min a week',
          notes: null,
          overrideNote: null,
        },
      ],
    });
    expect(plan.version).toBe(1);
    const v2 = savePlan(t.ctx, {
      patientId: p,
      sessionsPerWeek: 3,
      sessionMinutes: 45,
      cycleAdjustment: null,
      milestones: null,
      notes: null,
      items: [],
    });
    expect(v2.version).toBe(2);
    const s = createBooking(t.ctx, { patientId: p, date: DATE, startTime: '09:00', classId: null });
    saveDraft(t.ctx, { sessionId: s.sessionId, draft: { version: 1, notes: 'half typed' } });
    const view = getSession(t.ctx, s.sessionId);
    expect(view.draft).toEqual({ version: 1, notes: 'half typed' });
    expect(view.plan?.version).toBe(2);
    expect(view.heartRateTargets.allowed).toBe(false);
  });

  it('reports attendance and adherence over a period', () => {
    const p = seedPatient(t.ctx, { mrn: 'AD1' });
    const s1 = createBooking(t.ctx, { patientId: p, date: '2026-11-24', startTime: '09:00', classId: null });
    const s2 = createBooking(t.ctx, { patientId: p, date: '2026-11-26', startTime: '09:00', classId: null });
    signSession(t.ctx, {
      sessionId: s1.sessionId,
      screen: screen(),
      clearanceOverrideReason: null,
      entries: [],
      after,
      notes: null,
      occurredAt: null,
    });
    recordScreen(t.ctx, { sessionId: s2.sessionId, screen: screen({ spo2: 86 }), clearanceOverrideReason: null });
    const view = patientSessions(t.ctx, { patientId: p, from: '2026-11-23', to: '2026-11-29' });
    expect(view.adherence).toMatchObject({ attended: 1, held: 1, offered: 2, attendanceRate: 0.5 });
    expect(view.history.map((h) => h.date)).toEqual(['2026-11-26', '2026-11-24']);
  });

  it('counts the exercises each signed session logged, leaving out the skipped ones', () => {
    const p = seedPatient(t.ctx, { mrn: 'AD3' });
    const logged = createBooking(t.ctx, { patientId: p, date: '2026-11-24', startTime: '09:00', classId: null });
    const none = createBooking(t.ctx, { patientId: p, date: '2026-11-26', startTime: '09:00', classId: null });
    signSession(t.ctx, {
      sessionId: logged.sessionId,
      screen: screen(),
      clearanceOverrideReason: null,
      entries: [
        entry(byKey('walking'), { durationMin: 10, sets: null, reps: null, loadKg: null }),
        entry(byKey('sit_to_stand'), { outcome: 'modified', reason: 'Slower, knee sore' }),
        entry(byKey('seated_biceps_curl'), { outcome: 'skipped', reason: 'Shoulder pain today' }),
      ],
      after,
      notes: null,
      occurredAt: null,
    });
    signSession(t.ctx, {
      sessionId: none.sessionId,
      screen: screen(),
      clearanceOverrideReason: null,
      entries: [],
      after,
      notes: null,
      occurredAt: null,
    });
    amendSession(t.ctx, {
      sessionId: logged.sessionId,
      reason: 'Knee pain noted late',
      notes: 'Knee sore after',
      entries: null,
    });
    const view = patientSessions(t.ctx, { patientId: p, from: '2026-11-23', to: '2026-11-29' });
    expect(view.history.map((h) => [h.date, h.exercises, h.amendments])).toEqual([
      ['2026-11-26', 0, 0],
      ['2026-11-24', 2, 1],
    ]);
  });

  it('counts a session as attended only once it is signed, and reports past sessions with no record', () => {
    const p = seedPatient(t.ctx, { mrn: 'AD2' });
    const screenedOnly = createBooking(t.ctx, { patientId: p, date: '2026-11-24', startTime: '09:00', classId: null });
    createBooking(t.ctx, { patientId: p, date: '2026-11-25', startTime: '09:00', classId: null });
    createBooking(t.ctx, { patientId: p, date: '2026-11-28', startTime: '09:00', classId: null });
    recordScreen(t.ctx, { sessionId: screenedOnly.sessionId, screen: screen(), clearanceOverrideReason: null });
    const view = patientSessions(t.ctx, { patientId: p, from: '2026-11-23', to: '2026-11-29' });
    // Screened Go but never signed, and a past booking: neither counts; both are reported. The future one is neither.
    expect(view.adherence).toMatchObject({ attended: 0, offered: 0, attendanceRate: null, notRecorded: 2 });
  });
});

describe('screen completeness on save', () => {
  const refusal = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      return error as { message: string; fields: Record<string, string> };
    }
    throw new Error('expected a refusal');
  };

  it('refuses Go with nothing entered, naming each missing vital, and records nothing', () => {
    const p = seedPatient(t.ctx, { mrn: 'SC1' });
    const s = createBooking(t.ctx, { patientId: p, date: DATE, startTime: '09:00', classId: null });
    const error = refusal(() =>
      recordScreen(t.ctx, { sessionId: s.sessionId, screen: nullScreen(), clearanceOverrideReason: null }),
    );
    expect(error.fields).toEqual({
      'screen.restingHr': 'Enter the resting heart rate, or record why it was not taken',
      'screen.sbp': 'Enter the blood pressure, or record why it was not taken',
      'screen.spo2': 'Enter the SpO₂, or record why it was not taken',
    });
    expect(getSession(t.ctx, s.sessionId).decision).toBeNull();
  });

  it('refuses sign-off of a Go screen without SpO₂, and accepts it with a reason, which the record keeps', () => {
    const p = seedPatient(t.ctx, { mrn: 'SC2' });
    const s = createBooking(t.ctx, { patientId: p, date: DATE, startTime: '09:00', classId: null });
    const base = {
      sessionId: s.sessionId,
      clearanceOverrideReason: null,
      entries: [],
      after,
      notes: null,
      occurredAt: null,
    };
    const error = refusal(() => signSession(t.ctx, { ...base, screen: screen({ spo2: null }) }));
    expect(error.message).toBe('Enter the SpO₂, or record why it was not taken.');
    expect(error.fields).toEqual({ 'screen.spo2': 'Enter the SpO₂, or record why it was not taken' });
    expect(getSession(t.ctx, s.sessionId).signedAt).toBeNull();
    // A Go with modifications is held to the same rule.
    expect(() =>
      signSession(t.ctx, { ...base, screen: screen({ spo2: null, fatigue0to10: 9, restingHr: null }) }),
    ).toThrow(/resting heart rate/);

    const signed = signSession(t.ctx, {
      ...base,
      screen: screen({ spo2: null, notTaken: { spo2: 'Oximeter unavailable' } }),
    });
    expect(signed.decision).toBe('go');
    expect(signed.screen?.notTaken).toEqual({ spo2: 'Oximeter unavailable' });
    const trail = auditTrailFor(t.ctx.db, 'session', s.sessionId);
    expect(trail.at(-1)?.afterJson).toContain('Oximeter unavailable');
  });

  it('always records a Hold, even with no vitals at all', () => {
    const p = seedPatient(t.ctx, { mrn: 'SC3' });
    const s = createBooking(t.ctx, { patientId: p, date: DATE, startTime: '09:00', classId: null });
    const held = recordScreen(t.ctx, {
      sessionId: s.sessionId,
      screen: { ...nullScreen(), redFlags: ['chest_pain'] },
      clearanceOverrideReason: null,
    });
    expect(held.decision).toBe('hold');
    expect(getSession(t.ctx, s.sessionId).attendance).toBe('held_for_safety');
  });
});

describe('review of issue 4: fixes', () => {
  it('shows reassessment due within 7 days and overdue on Today, in the caseload’s terms', () => {
    const due = seedPatient(t.ctx, { mrn: 'R1' });
    const overdue = seedPatient(t.ctx, { mrn: 'R2' });
    const later = seedPatient(t.ctx, { mrn: 'R3' });
    const setDue = (p: string, on: string) =>
      t.ctx.db.update(caseloadSummary).set({ reassessmentDueOn: on }).where(eq(caseloadSummary.patientId, p)).run();
    setDue(due, '2026-12-04');
    setDue(overdue, '2026-11-20');
    setDue(later, '2026-12-05');
    for (const p of [due, overdue, later])
      createBooking(t.ctx, { patientId: p, date: DATE, startTime: '09:00', classId: null });
    const r = (p: string) => todayList(t.ctx, DATE).bookings.find((b) => b.patientId === p)!.badges.reassessment;
    expect(r(due)).toEqual({ dueOn: '2026-12-04', days: 7, state: 'due' });
    expect(r(overdue)).toEqual({ dueOn: '2026-11-20', days: -7, state: 'overdue' });
    expect(r(later)).toMatchObject({ days: 8, state: 'scheduled' });
  });

  it('refuses an amendment that logs exercise for a session signed as Hold', () => {
    const p = seedPatient(t.ctx, { mrn: 'AH1' });
    const s = createBooking(t.ctx, { patientId: p, date: DATE, startTime: '09:00', classId: null });
    signSession(t.ctx, {
      sessionId: s.sessionId,
      screen: screen({ spo2: 86 }),
      clearanceOverrideReason: null,
      entries: [],
      after,
      notes: null,
      occurredAt: null,
    });
    const amend = (outcome: 'completed' | 'skipped') =>
      amendSession(t.ctx, {
        sessionId: s.sessionId,
        reason: 'Forgot the walk',
        notes: null,
        entries: [entry(byKey('walking'), { outcome, reason: outcome === 'skipped' ? 'Held' : null })],
      });
    expect(() => amend('completed')).toThrow(/signed as Hold/);
    expect(getSession(t.ctx, s.sessionId).amendments).toEqual([]);
    expect(amend('skipped').amendments).toHaveLength(1);
  });

  it('refuses to rename an exercise that a signed session already shows, so the record cannot change', () => {
    const p = seedPatient(t.ctx, { mrn: 'RN1' });
    const s = createBooking(t.ctx, { patientId: p, date: DATE, startTime: '09:00', classId: null });
    const walking = listExercises(t.ctx, true).find((e) => e.starterKey === 'walking')!;
    const unused = listExercises(t.ctx, true).find((e) => e.starterKey !== 'walking')!;
    signSession(t.ctx, {
      sessionId: s.sessionId,
      screen: screen(),
      clearanceOverrideReason: null,
      entries: [entry(walking.id, { sets: null, reps: null, loadKg: null, durationMin: 10 })],
      after,
      notes: null,
      occurredAt: null,
    });
    const { id: _id, starterKey: _k, retired: _r, ...fields } = walking;
    expect(() => updateExercise(t.ctx, { ...fields, exerciseId: walking.id, name: 'Treadmill jog' })).toThrow(
      /cannot change.*Retire it/,
    );
    expect(getSession(t.ctx, s.sessionId).entries[0]!.exerciseName).toBe(walking.name);
    // Other details may still be corrected, and an unused exercise may be renamed.
    expect(updateExercise(t.ctx, { ...fields, exerciseId: walking.id, description: 'Walk at an easy pace' }).name).toBe(
      walking.name,
    );
    const { id: uid, starterKey: _k2, retired: _r2, ...ufields } = unused;
    expect(updateExercise(t.ctx, { ...ufields, exerciseId: uid, name: 'Renamed before use' }).name).toBe(
      'Renamed before use',
    );
  });
});

describe('SpO₂ during an exercise', () => {
  it('refuses a completed row whose SpO₂ fell below the hold level, on the SpO₂ field; modified with a reason is kept', () => {
    const p = seedPatient(t.ctx, { mrn: 'SP1' });
    const s = createBooking(t.ctx, { patientId: p, date: DATE, startTime: '09:00', classId: null });
    const sign = (over: Record<string, unknown>) =>
      signSession(t.ctx, {
        sessionId: s.sessionId,
        screen: screen(),
        clearanceOverrideReason: null,
        entries: [entry(byKey('walking'), { sets: null, reps: null, loadKg: null, durationMin: 6, spo2: 86, ...over })],
        after,
        notes: null,
        occurredAt: null,
      });
    let fields: Record<string, string> = {};
    try {
      sign({});
    } catch (e) {
      fields = (e as { fields?: Record<string, string> }).fields ?? {};
    }
    expect(fields['entries.0.spo2']).toMatch(/SpO₂ 86 % is below 88 %: stop/);
    expect(getSession(t.ctx, s.sessionId).signedAt).toBeNull();
    const signed = sign({ outcome: 'modified', reason: 'Stopped at 6 min: SpO₂ 86 %, recovered to 95 % at rest' });
    expect(signed.entries[0]).toMatchObject({ spo2: 86, outcome: 'modified' });
  });
});

describe('times and field messages', () => {
  it('refuses a session time on a later day and an adverse event in the future, each on its field', () => {
    const p = seedPatient(t.ctx, { mrn: 'FT1' });
    const s = createBooking(t.ctx, { patientId: p, date: DATE, startTime: '09:00', classId: null });
    const fieldOf = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return (e as { fields?: Record<string, string> }).fields ?? {};
      }
      return {};
    };
    expect(
      fieldOf(() =>
        signSession(t.ctx, {
          sessionId: s.sessionId,
          screen: screen(),
          clearanceOverrideReason: null,
          entries: [],
          after,
          notes: null,
          occurredAt: '2026-11-28T09:00:00',
        }),
      ).occurredAt,
    ).toMatch(/session time cannot be on a later day/);
    expect(getSession(t.ctx, s.sessionId).signedAt).toBeNull();
    const event = {
      patientId: p,
      sessionId: null,
      type: 'fall' as const,
      severity: 2,
      description: null,
      actionTaken: null,
      outcome: null,
      followUpNeeded: true,
    };
    expect(fieldOf(() => recordAdverseEvent(t.ctx, { ...event, occurredAt: `${DATE}T11:00:00` })).occurredAt).toMatch(
      /cannot be in the future/,
    );
    expect(recordAdverseEvent(t.ctx, { ...event, occurredAt: `${DATE}T09:20:00` }).type).toBe('fall');
  });

  it('names the field in every message a clinician can meet here', () => {
    const issues = (channel: keyof typeof sessionsChannels, input: unknown) =>
      sessionsChannels[channel].input.safeParse(input).error?.issues.map((i) => i.message) ?? [];
    expect(issues('adverseEvents.record', { patientId: 'p', type: 'fall', severity: 2 })).toContain(
      'Enter when it happened',
    );
    const exercise = {
      name: 'Step-ups',
      modality: 'resistance',
      position: 'standing',
      impact: 'low',
      weightBearing: true,
      description: 'Step up and down',
    };
    expect(issues('exercises.add', { ...exercise, equipment: [''] })).toContain('Each piece of equipment needs a name');
    expect(issues('exercises.add', { ...exercise, equipment: Array(11).fill('band') })).toContain(
      'List at most 10 pieces of equipment',
    );
  });
});

describe('a red flag at the screen', () => {
  it('keeps the session on Hold until its incident is closed; unticking the flag alone does not give Go', () => {
    const p = seedPatient(t.ctx, { mrn: 'RF1' });
    const s = createBooking(t.ctx, { patientId: p, date: DATE, startTime: '09:00', classId: null });
    const flagged = recordScreen(t.ctx, {
      sessionId: s.sessionId,
      screen: screen({ redFlags: ['dizziness_fainting'] }),
      clearanceOverrideReason: null,
    });
    expect(flagged.decision).toBe('hold');
    const again = () =>
      recordScreen(t.ctx, { sessionId: s.sessionId, screen: screen(), clearanceOverrideReason: null });
    expect(again).toThrow(/Dizziness or fainting.*stays on Hold until that incident is closed/);
    expect(getSession(t.ctx, s.sessionId).decision).toBe('hold');
    gradeAdverseEvent(t.ctx, {
      adverseEventId: flagged.adverseEventIds[0]!,
      severity: 1,
      actionTaken: 'Asked again: no dizziness',
    });
    expect(t.ctx.db.select().from(caseloadSummary).where(eq(caseloadSummary.patientId, p)).get()).toMatchObject({
      ungradedAdverseEvents: 0,
      openRedFlags: 1,
    });
    closeAdverseEvent(t.ctx, {
      adverseEventId: flagged.adverseEventIds[0]!,
      outcome: 'Ticked in error: patient reports no dizziness',
      closingNote: null,
      actionTaken: null,
    });
    expect(again().decision).toBe('go');
  });

  it('a held session cannot be signed while its red-flag incident has no grade', () => {
    const p = seedPatient(t.ctx, { mrn: 'RF2' });
    const s = createBooking(t.ctx, { patientId: p, date: DATE, startTime: '10:00', classId: null });
    const flagged = recordScreen(t.ctx, {
      sessionId: s.sessionId,
      screen: screen({ redFlags: ['chest_pain'] }),
      clearanceOverrideReason: null,
    });
    const sign = () =>
      signSession(t.ctx, {
        sessionId: s.sessionId,
        screen: screen({ redFlags: ['chest_pain'] }),
        clearanceOverrideReason: null,
        entries: [],
        after,
        notes: null,
        occurredAt: null,
      });
    expect(sign).toThrow(/Grade the incident before signing/);
    expect(getSession(t.ctx, s.sessionId).signedAt).toBeNull();
    gradeAdverseEvent(t.ctx, {
      adverseEventId: flagged.adverseEventIds[0]!,
      severity: 3,
      actionTaken: 'Session held; GP rang, ECG arranged today',
    });
    expect(sign().signedAt).not.toBeNull();
    expect(verifyAuditChain(t.ctx.sqlite).ok).toBe(true);
  });
});

describe('issue 20: a false Go outranks everything', () => {
  // Docetaxel every 21 days from 2026-11-18: the screen on 2026-11-27 is day 10, in the nadir window.
  const docetaxel = {
    type: 'chemotherapy' as const,
    regimen: 'Docetaxel',
    startDate: '2026-11-18',
    cycleLengthDays: 21,
  };

  it('refuses a Go on chemotherapy without a temperature, naming the field (NICE CG151)', () => {
    const p = seedPatient(t.ctx, { mrn: 'N1', treatments: [docetaxel] });
    const s = createBooking(t.ctx, { patientId: p, date: DATE, startTime: '09:00', classId: null });
    const refused = refusalOf(() =>
      recordScreen(t.ctx, {
        sessionId: s.sessionId,
        screen: screen({ temperatureC: null }),
        clearanceOverrideReason: null,
      }),
    );
    expect(refused.fields?.['screen.temperatureC']).toMatch(/needed while chemotherapy is active \(NICE CG151/);
    const recorded = recordScreen(t.ctx, { sessionId: s.sessionId, screen: screen(), clearanceOverrideReason: null });
    expect(recorded.firedRules.map((r) => r.id)).toContain('nadir_window');
  });

  it('modifies on pre-nadir bloods, however normal they look', () => {
    const p = seedPatient(t.ctx, { mrn: 'N2', treatments: [docetaxel] });
    const s = createBooking(t.ctx, { patientId: p, date: DATE, startTime: '09:00', classId: null });
    const outcome = recordScreen(t.ctx, {
      sessionId: s.sessionId,
      screen: screen({ neutrophilsX109: 4.1, plateletsX109: 240, bloodsDate: '2026-11-17' }),
      clearanceOverrideReason: null,
    });
    expect(outcome.decision).toBe('modify');
    expect(outcome.firedRules.find((r) => r.id === 'bloods_pre_nadir')?.value).toMatch(/before day 1 of cycle 1/);
  });

  it('holds on a yes to a cord-compression question and opens the incident for its red flag', () => {
    const p = seedPatient(t.ctx, { mrn: 'N3' });
    const s = createBooking(t.ctx, { patientId: p, date: DATE, startTime: '09:00', classId: null });
    const answers = { upper_spine: 'no', walking: 'yes' } as const;
    const unanswered = refusalOf(() =>
      recordScreen(t.ctx, {
        sessionId: s.sessionId,
        screen: screen({ spinalPain: { isNew: true, answers: { upper_spine: 'no' } } }),
        clearanceOverrideReason: null,
      }),
    );
    expect(unanswered.fields?.['screen.spinalPain']).toMatch(/answer every cord-compression question/);
    const held = recordScreen(t.ctx, {
      sessionId: s.sessionId,
      screen: screen({ spinalPain: { isNew: true, answers } }),
      clearanceOverrideReason: null,
    });
    expect(held.decision).toBe('hold');
    expect(held.redFlags.map((f) => f.id)).toEqual(['difficulty_walking']);
    expect(held.adverseEventIds).toHaveLength(1);
    const view = getSession(t.ctx, s.sessionId);
    expect(view.screen?.redFlags).toEqual(['difficulty_walking']);
    expect(view.screen?.spinalPain).toEqual({ isNew: true, answers });
  });
});

describe('issue 20: rules stricter than the evidence are warnings with a reason', () => {
  it('keeps a heart-rate target on a beta-blocker once the reason is recorded', () => {
    const p = seedPatient(t.ctx, { mrn: 'W1', medicationFlags: ['beta_blocker'] });
    const item = {
      exerciseId: byKey('walking'),
      sets: null,
      reps: null,
      durationMin: 10,
      loadKg: null,
      rpeMin: 11,
      rpeMax: 13,
      hrMin: 95,
      hrMax: 110,
      talkTest: true,
      restSeconds: null,
      progression: null,
      notes: null,
      overrideNote: 'Range from the cardiologist',
    };
    const base = {
      patientId: p,
      sessionsPerWeek: 2,
      sessionMinutes: 45,
      cycleAdjustment: null,
      milestones: null,
      notes: null,
    };
    const plan = savePlan(t.ctx, { ...base, items: [item] });
    expect(plan.items[0]).toMatchObject({ hrMin: 95, hrMax: 110, overrideNote: 'Range from the cardiologist' });
    const refused = refusalOf(() => savePlan(t.ctx, { ...base, items: [{ ...item, overrideNote: null }] }));
    expect(refused.fields?.['items.0.overrideNote']).toMatch(/HR targets are unreliable on beta-blockers/);
  });
});
