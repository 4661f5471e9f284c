import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { redFlags } from '../../../shared/clinical/session';
import type { ParsedInputOf } from '../../../shared/contract';
import { adverseEvent } from '../../db/schema';
import { readMigrations } from '../../db/migrate';
import { MIGRATIONS_DIR, openTestCaseload } from '../../testing';
import { adverseEventsForSession } from './adverseEvents';
import { listExercises } from './exercises';
import { recordScreen } from './record';
import { nullScreen, seedPatient } from '../../testSeed';
import { createBooking } from './today';

const DATE = '2026-11-27';
type Screen = ParsedInputOf<'sessions.recordScreen'>['screen'];
const screen = (redFlagIds: Screen['redFlags']): Screen => ({
  ...nullScreen(),
  restingHr: 72,
  sbp: 128,
  dbp: 78,
  spo2: 97,
  temperatureC: 36.6,
  redFlags: redFlagIds,
});

let t: ReturnType<typeof openTestCaseload>;
beforeEach(() => {
  t = openTestCaseload({ now: () => new Date(`${DATE}T09:30:00`) });
});
afterEach(() => t.close());

function heldForChestPain() {
  const p = seedPatient(t.ctx, { mrn: 'R1' });
  const s = createBooking(t.ctx, { patientId: p, date: DATE, startTime: '09:00', classId: null });
  recordScreen(t.ctx, { sessionId: s.sessionId, screen: screen(['chest_pain']), clearanceOverrideReason: null });
  return s.sessionId;
}

describe('red-flag incidents are matched to their flag by id', () => {
  it('stores the flag id, and relabelling the flag does not open a second incident', () => {
    const sessionId = heldForChestPain();
    expect(adverseEventsForSession(t.ctx, sessionId)).toHaveLength(1);
    expect(t.ctx.db.select({ id: adverseEvent.redFlagId }).from(adverseEvent).all()).toEqual([{ id: 'chest_pain' }]);
    const flag = redFlags.find((f) => f.id === 'chest_pain')! as { label: string };
    const label = flag.label;
    flag.label = 'Chest pain, tightness or pressure';
    try {
      recordScreen(t.ctx, { sessionId, screen: screen(['chest_pain']), clearanceOverrideReason: null });
    } finally {
      flag.label = label;
    }
    expect(adverseEventsForSession(t.ctx, sessionId)).toHaveLength(1);
  });

  it('the migration backfills the id of incidents stored before it, from the text the screen wrote', () => {
    heldForChestPain();
    t.ctx.db.update(adverseEvent).set({ redFlagId: null }).run();
    listExercises(t.ctx, true);
    t.ctx.sqlite.prepare("UPDATE exercise SET tags_json = '[]' WHERE starter_key = 'tandem_stance'").run();
    const file = readMigrations(MIGRATIONS_DIR).find((m) => m.tag.endsWith('red_flag_id_movement_clearance'))!;
    const handWritten = file.sql.slice(file.sql.indexOf('-- hand-written:'));
    for (const statement of handWritten.split('--> statement-breakpoint')) t.ctx.sqlite.exec(statement);
    expect(t.ctx.db.select({ id: adverseEvent.redFlagId }).from(adverseEvent).all()).toEqual([{ id: 'chest_pain' }]);
    const tandem = t.ctx.sqlite
      .prepare("SELECT tags_json AS tags FROM exercise WHERE starter_key = 'tandem_stance'")
      .get();
    expect(JSON.parse((tandem as { tags: string }).tags)).toEqual(['single_leg_balance', 'standing_lower_limb_load']);
  });
});
