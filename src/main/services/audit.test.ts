import { afterEach, describe, expect, it } from 'vitest';
import { openTestCaseload } from '../testing';
import { eq } from 'drizzle-orm';
import { contact, patientDetails } from '../db/schema';
import { auditTrailFor, insertAudited, updateAudited, verifyAuditChain } from './audit';
import { seedPatient } from '../testSeed';
import { createPatient } from './patients';

let current: ReturnType<typeof openTestCaseload> | null = null;
afterEach(() => current?.close());

function withPatients(n: number) {
  current = openTestCaseload();
  for (let i = 0; i < n; i++) {
    createPatient(current.ctx, {
      givenName: `Given${i}`,
      familyName: `Family${i}`,
      preferredName: null,
      dateOfBirth: '1960-01-01',
      sex: 'female',
      mrn: `MRN${i}`,
    });
  }
  return current;
}

describe('audit trail', () => {
  it('records each write with who, which patient and the values after', () => {
    current = openTestCaseload();
    const created = createPatient(current.ctx, {
      givenName: 'Ruth',
      familyName: 'Okafor',
      preferredName: null,
      dateOfBirth: '1958-04-02',
      sex: 'female',
      mrn: 'MRN001',
    });
    const trail = auditTrailFor(current.ctx.db, 'patient', created.id);
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({
      action: 'create',
      patientId: created.id,
      actorId: current.ctx.session.clinicianId,
      beforeJson: null,
    });
    expect(JSON.parse(trail[0]!.afterJson!)).toMatchObject({ familyName: 'Okafor', mrn: 'MRN001' });
  });

  it('verifies a clean chain', () => {
    const { ctx } = withPatients(3);
    const result = verifyAuditChain(ctx.sqlite);
    expect(result.ok).toBe(true);
    // setup writes a clinician and the clinic's name; each patient one entry
    expect(result.checked).toBe(5);
  });

  it('refuses updates and deletes through the triggers', () => {
    const { ctx } = withPatients(1);
    expect(() => ctx.sqlite.prepare("UPDATE audit_event SET actor_id = 'someone'").run()).toThrow(/append-only/);
    expect(() => ctx.sqlite.prepare('DELETE FROM audit_event').run()).toThrow(/append-only/);
  });

  it('detects an entry altered behind the triggers’ back', () => {
    const { ctx } = withPatients(3);
    ctx.sqlite.exec('DROP TRIGGER audit_event_no_update');
    ctx.sqlite
      .prepare("UPDATE audit_event SET after_json = replace(after_json, 'Family1', 'Forged') WHERE seq = 4")
      .run();
    const result = verifyAuditChain(ctx.sqlite);
    expect(result.ok).toBe(false);
    expect(result.brokenAt).toBe(4);
    expect(result.problem).toMatch(/does not match its hash/);
  });

  it('detects a deleted entry', () => {
    const { ctx } = withPatients(3);
    ctx.sqlite.exec('DROP TRIGGER audit_event_no_delete');
    ctx.sqlite.prepare('DELETE FROM audit_event WHERE seq = 4').run();
    const result = verifyAuditChain(ctx.sqlite);
    expect(result).toMatchObject({ ok: false, brokenAt: 5 });
  });
});

describe('insertAudited and updateAudited', () => {
  const contactValues = { fullName: 'Dr Ana Lima', role: 'oncologist' };

  it('stamp who and when, write the row and its entry together, and find a row keyed by its patient', () => {
    current = openTestCaseload({ now: () => new Date('2026-11-27T09:00:00.000Z') });
    const { ctx } = current;
    const actor = ctx.session.clinicianId!;
    const row = ctx.sqlite.transaction(() =>
      insertAudited(ctx, contact, contactValues, { actorId: actor, patientId: null, entity: 'contact' }),
    )();
    expect(row.id).toMatch(/^[0-9A-Z]{26}$/);
    expect(ctx.db.select().from(contact).where(eq(contact.id, row.id)).get()).toMatchObject({
      ...contactValues,
      createdAt: '2026-11-27T09:00:00.000Z',
      createdBy: actor,
      updatedBy: actor,
    });
    const [entry] = auditTrailFor(ctx.db, 'contact', row.id);
    expect(entry!.action).toBe('create');
    expect(JSON.parse(entry!.afterJson!)).toMatchObject({ ...contactValues, createdBy: actor });

    const patientId = seedPatient(ctx, { mrn: 'M1' });
    const audit = { actorId: actor, patientId, entity: 'patient_details' };
    const details = insertAudited(ctx, patientDetails, { patientId, phone: '0400 000 000' }, audit);
    updateAudited(ctx, patientDetails, details, { phone: '0411 111 111' }, audit);
    expect(ctx.db.select().from(patientDetails).where(eq(patientDetails.patientId, patientId)).get()!.phone).toBe(
      '0411 111 111',
    );
    expect(auditTrailFor(ctx.db, 'patient_details', patientId).map((e) => e.action)).toEqual(['create', 'update']);
  });

  it('record a partial before/after when told, against another record, or nothing when logged elsewhere', () => {
    current = openTestCaseload();
    const { ctx } = current;
    const actor = ctx.session.clinicianId!;
    const write = { actorId: actor, patientId: null, entity: 'contact' };
    const row = insertAudited(ctx, contact, contactValues, write);
    updateAudited(
      ctx,
      contact,
      row,
      { active: false },
      {
        ...write,
        action: 'retire',
        before: { active: true },
        after: (after) => ({ active: after.active }),
      },
    );
    const retired = auditTrailFor(ctx.db, 'contact', row.id)[1]!;
    expect([retired.action, retired.beforeJson, retired.afterJson]).toEqual([
      'retire',
      '{"active":true}',
      '{"active":false}',
    ]);

    const quiet = insertAudited(ctx, contact, { ...contactValues, fullName: 'Dr B' }, { ...write, ownEntry: false });
    updateAudited(ctx, contact, quiet, { phone: '1' }, { ...write, ownEntry: false, prepared: 'test.contactPhone' });
    updateAudited(ctx, contact, quiet, { phone: '2' }, { ...write, ownEntry: false, prepared: 'test.contactPhone' });
    expect(ctx.db.select().from(contact).where(eq(contact.id, quiet.id)).get()!.phone).toBe('2');
    expect(auditTrailFor(ctx.db, 'contact', quiet.id)).toEqual([]);

    insertAudited(ctx, contact, { ...contactValues, fullName: 'Dr C' }, { ...write, entityId: row.id });
    expect(auditTrailFor(ctx.db, 'contact', row.id)).toHaveLength(3);
  });
});
