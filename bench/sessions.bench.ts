import { createHash } from 'node:crypto';
import { getSafetyContext } from '../src/main/services/intake/safetyContext';
import { ensureExerciseLibrary, listExercises } from '../src/main/services/sessions/exercises';
import { signInTransaction } from '../src/main/services/sessions/record';
import { todayList } from '../src/main/services/sessions/today';
import { addDays } from '../src/shared/dates';
import { random } from './generate';
import { WARM_UP, compare, type BenchRow } from './harness';
import type { BenchContext, BenchSuite } from './suite';

/** The day Today is timed on: a busy clinic day of 40 bookings on top of a million past sessions. */
const TODAY = '2026-11-27';
const TODAY_BOOKINGS = 40;
const SIGN_BOOKINGS = 2_000;
const HISTORY_ROWS = 1_000_000;

/** What prepare chose for each caseload (the plain file and its encrypted twin are prepared before either runs). */
const prepared = new WeakMap<object, { signTargets: { service: string[]; raw: string[] }; exerciseIds: string[] }>();

/**
 * Sessions (issue 4): Today's list and saving a whole session (screen, eight exercise rows and
 * sign-off) in one transaction, each against the same work written by hand in SQL.
 */
export const sessionsSuite: BenchSuite = {
  name: 'sessions',
  prepare({ running, patientIds }: BenchContext) {
    const { ctx } = running;
    const rng = random(7);
    ensureExerciseLibrary(ctx);
    const exerciseIds = listExercises(ctx, false)
      .filter((e) => e.tags.length === 0 || e.tags.every((t) => t.includes('aerobic') || t === 'flexibility'))
      .map((e) => e.id);
    const actor = ctx.session.clinicianId!;
    const at = ctx.now().toISOString();
    let signTargets: { service: string[]; raw: string[] } = { service: [], raw: [] };
    const insert = ctx.sqlite.prepare(
      `INSERT INTO session (id, patient_id, date, start_time, class_id, attendance, decision, screen_json, fired_rules_json,
         occurred_at, signed_at, signed_by, notes, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, ?, ?, NULL, ?, ?, ?, '[]', ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const booked = ctx.sqlite.prepare(
      `INSERT INTO session (id, patient_id, date, start_time, attendance, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, ?, ?, 'booked', ?, ?, ?, ?)`,
    );
    const summary = ctx.sqlite.prepare(
      `INSERT OR IGNORE INTO caseload_summary (patient_id, status, clearance_state, clearance_review_by, has_bone_mets, updated_at)
       VALUES (?, 'active', ?, '2027-06-30', ?, ?)`,
    );
    const clearance = ctx.sqlite.prepare(
      `INSERT INTO clearance (id, patient_id, received_on, received_from_name, decision, review_by, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, '2026-06-01', 'Dr Bench', 'no_restrictions', '2027-06-30', ?, ?, ?, ?)`,
    );
    const active = (
      ctx.sqlite.prepare("SELECT id FROM patient WHERE status = 'active'").all() as Array<{ id: string }>
    ).map((r) => r.id);
    const times = ['08:30', '09:00', '09:30', '10:00', '10:30', '11:00', '13:30', '14:00', '14:30', '15:00'];
    const screen = JSON.stringify({ restingHr: 76, sbp: 128, dbp: 80, spo2: 97, temperatureC: 36.6, redFlags: [] });
    const started = Date.now();
    // A large page cache while building keeps the date index's pages in memory between inserts.
    const cacheSize = ctx.sqlite.pragma('cache_size', { simple: true }) as number;
    ctx.sqlite.pragma('cache_size = -262144');
    // Secondary indexes are rebuilt after the bulk insert from their own stored definitions (so
    // they cannot drift from the schema): one sort each instead of a million scattered inserts.
    const indexes = ctx.sqlite
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'session' AND sql IS NOT NULL")
      .all() as Array<{ name: string; sql: string }>;
    ctx.sqlite.transaction(() => {
      for (const index of indexes) ctx.sqlite.exec(`DROP INDEX ${index.name}`);
      for (const id of patientIds) {
        summary.run(id, 'valid', rng.next() < 0.3 ? 1 : 0, at);
        clearance.run(ctx.newId(), id, at, actor, at, actor);
      }
      // A million past sessions (about 330 a day over the previous nine years; none on TODAY), written
      // patient by patient so the (patient_id, date) index is appended to rather than split at random.
      const dates = Array.from({ length: 3000 }, (_, d) => addDays(TODAY, -3000 + d));
      const perPatient = Math.ceil(HISTORY_ROWS / patientIds.length);
      let written = 0;
      // Sortable 26-character IDs like the app's ULIDs, without paying for randomness a million times.
      const idPrefix = ctx.newId().slice(0, 10);
      const rowId = (n: number) => `${idPrefix}${n.toString(32).toUpperCase().padStart(16, '0')}`;
      for (const patientId of patientIds) {
        const first = rng.int(0, 2999);
        for (let k = 0; k < perPatient && written < HISTORY_ROWS; k++, written++) {
          const date = dates[(first + k * 29) % 3000]!;
          const held = rng.next() < 0.05;
          insert.run(
            rowId(written),
            patientId,
            date,
            times[(k + first) % times.length]!,
            held ? 'held_for_safety' : 'attended',
            held ? 'hold' : 'go',
            screen,
            `${date}T09:00:00.000Z`,
            `${date}T10:00:00.000Z`,
            actor,
            null,
            at,
            actor,
            at,
            actor,
          );
        }
      }
      for (let i = 0; i < TODAY_BOOKINGS; i++) {
        booked.run(
          ctx.newId(),
          patientIds[rng.int(0, patientIds.length - 1)]!,
          TODAY,
          rng.pick(times),
          at,
          actor,
          at,
          actor,
        );
      }
      const service: string[] = [];
      const raw: string[] = [];
      for (let i = 0; i < SIGN_BOOKINGS; i++) {
        const id = ctx.newId();
        booked.run(
          id,
          active[rng.int(0, active.length - 1)]!,
          // Sessions already held: a sign-off for a later day than today is refused.
          addDays(TODAY, -1 - (i % 20)),
          '09:00',
          at,
          actor,
          at,
          actor,
        );
        (i % 2 === 0 ? service : raw).push(id);
      }
      signTargets = { service, raw };
      for (const index of indexes) ctx.sqlite.exec(index.sql);
    })();
    // Other suites add their own clearances; sign only patients who may start without an override.
    const ownerOf = ctx.sqlite.prepare('SELECT patient_id AS p, date AS d FROM session WHERE id = ?');
    const keep = (id: string) => {
      const { p, d } = ownerOf.get(id) as { p: string; d: string };
      return getSafetyContext(ctx, p, d).mayStart.verdict === 'may_start';
    };
    signTargets = { service: signTargets.service.filter(keep), raw: signTargets.raw.filter(keep) };
    prepared.set(running, { signTargets, exerciseIds });
    ctx.sqlite.pragma(`cache_size = ${cacheSize}`);
    // Fold the bulk insert into the main file now, so no timed call pays for that checkpoint.
    ctx.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    console.log(
      `sessions: ${HISTORY_ROWS.toLocaleString()} session rows in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  },

  run({ running }): BenchRow[] {
    const { ctx } = running;
    const { signTargets, exerciseIds } = prepared.get(running)!;
    const { sqlite } = ctx;
    const rawToday = sqlite.prepare(
      `SELECT s.id, s.patient_id, p.given_name, p.family_name, p.preferred_name, p.mrn, s.start_time, s.class_id, g.name,
              s.attendance, s.decision, s.signed_at, s.draft_saved_at, c.clearance_state, c.clearance_review_by,
              c.has_bone_mets, c.skeletal_risk_level, c.treatment_from, c.treatment_to, c.open_adverse_events, c.open_red_flags,
              c.reassessment_due_on
         FROM session s JOIN patient p ON p.id = s.patient_id
         LEFT JOIN caseload_summary c ON c.patient_id = s.patient_id
         LEFT JOIN group_class g ON g.id = s.class_id
        WHERE s.date = ? ORDER BY s.start_time, s.id`,
    );
    const rawClasses = sqlite.prepare(
      'SELECT id, name, start_time FROM group_class WHERE date = ? ORDER BY start_time',
    );

    const screen = {
      restingHr: 76,
      sbp: 128,
      dbp: 80,
      spo2: 97,
      temperatureC: 36.6,
      haemoglobinGL: null,
      plateletsX109: null,
      neutrophilsX109: null,
      glucoseMmol: null,
      bloodsDate: null,
      fatigue0to10: 3,
      pain0to10: 1,
      painSite: null,
      breathlessness0to10: 2,
      nausea0to10: 0,
      sleepQuality0to10: 6,
      energy0to10: 6,
      redFlags: [],
    };
    const entries = exerciseIds.slice(0, 8).map((exerciseId) => ({
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
    }));
    const after = { sbp: 124, dbp: 78, restingHr: 82, spo2: 97, rpeOverall: 12, fatigue: 3, pain: 1 };
    const actor = ctx.session.clinicianId!;
    const sign = ctx.sqlite.transaction((sessionId: string) =>
      signInTransaction(ctx, actor, {
        sessionId,
        screen,
        clearanceOverrideReason: null,
        entries,
        after,
        notes: 'Routine session',
        occurredAt: null,
      }),
    );

    // The same work by hand: read the patient's safety facts, write the screen, eight rows, the
    // sign-off and its hash-chained audit entry, in one transaction.
    const facts = [
      sqlite.prepare('SELECT * FROM patient WHERE id = ?'),
      sqlite.prepare('SELECT * FROM clearance WHERE patient_id = ?'),
      sqlite.prepare('SELECT * FROM bone_lesion WHERE patient_id = ?'),
      sqlite.prepare('SELECT * FROM medication WHERE patient_id = ?'),
      sqlite.prepare('SELECT * FROM treatment WHERE patient_id = ?'),
      sqlite.prepare('SELECT * FROM care_team_member m JOIN contact c ON c.id = m.contact_id WHERE m.patient_id = ?'),
    ];
    const getSession = sqlite.prepare('SELECT * FROM session WHERE id = ?');
    const writeScreen = sqlite.prepare(
      `UPDATE session SET screen_json = ?, decision = 'go', fired_rules_json = '[]', thresholds_json = ?, attendance = 'attended',
         updated_at = ?, updated_by = ? WHERE id = ?`,
    );
    const insertEntry = sqlite.prepare(
      `INSERT INTO exercise_entry (id, session_id, position, exercise_id, planned, sets, reps, load_kg, duration_min, rpe, peak_hr,
         spo2, pain_change, outcome, reason, override_note, conflicts_json, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, ?, ?, 1, 2, 12, 2, NULL, 12, NULL, NULL, 0, 'completed', NULL, NULL, NULL, ?, ?, ?, ?)`,
    );
    const signRow = sqlite.prepare(
      `UPDATE session SET after_json = ?, notes = ?, occurred_at = ?, signed_at = ?, signed_by = ?, draft_json = NULL,
         draft_saved_at = NULL, updated_at = ?, updated_by = ? WHERE id = ?`,
    );
    const lastAudit = sqlite.prepare('SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1');
    const insertAudit = sqlite.prepare(
      `INSERT INTO audit_event (id, seq, at, actor_id, patient_id, entity, entity_id, action, before_json, after_json, reason, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, 'session', ?, ?, NULL, ?, NULL, ?, ?)`,
    );
    const audit = (patientId: string, sessionId: string, action: string, after: string) => {
      const last = lastAudit.get() as { seq: number; hash: string };
      const at = new Date().toISOString();
      const hash = createHash('sha256')
        .update(`${last.seq + 1}${at}${after}${last.hash}`)
        .digest('hex');
      insertAudit.run(ctx.newId(), last.seq + 1, at, actor, patientId, sessionId, action, after, last.hash, hash);
    };
    const thresholds = sqlite.prepare("SELECT value_json FROM setting WHERE key = 'sessions.screenThresholds'");
    const rawSign = sqlite.transaction((sessionId: string) => {
      const row = getSession.get(sessionId) as { patient_id: string; date: string };
      for (const q of facts) q.all(row.patient_id);
      thresholds.get();
      const at = new Date().toISOString();
      const screenJson = JSON.stringify(screen);
      writeScreen.run(screenJson, '{}', at, actor, sessionId);
      entries.forEach((e, i) => insertEntry.run(ctx.newId(), sessionId, i, e.exerciseId, at, actor, at, actor));
      signRow.run(
        JSON.stringify(after),
        'Routine session',
        `${row.date}T09:00:00.000Z`,
        at,
        actor,
        at,
        actor,
        sessionId,
      );
      audit(row.patient_id, sessionId, 'sign', JSON.stringify({ screen, entries, after }));
    });

    return [
      compare(
        `Today's list (${TODAY_BOOKINGS} bookings, ${HISTORY_ROWS.toLocaleString()} sessions on file)`,
        2,
        () => todayList(ctx, TODAY),
        () => [rawToday.all(TODAY), rawClasses.all(TODAY)],
      ),
      compare(
        'save a whole session (screen + 8 exercises + sign-off)',
        5,
        (i) => sign(signTargets.service[i]!),
        (i) => rawSign(signTargets.raw[i]!),
        Math.min(signTargets.service.length, signTargets.raw.length) - WARM_UP,
      ),
    ];
  },
};
