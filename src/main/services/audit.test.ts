import { afterEach, describe, expect, it } from 'vitest';
import { openTestCaseload } from '../testing';
import { auditTrailFor, verifyAuditChain } from './audit';
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
