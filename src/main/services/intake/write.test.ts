import { afterEach, describe, expect, it } from 'vitest';
import { openTestCaseload } from '../../testing';
import { createPatient } from '../patients';
import { saveDetails } from './sections';

let current: ReturnType<typeof openTestCaseload> | null = null;
afterEach(() => current?.close());

const details = {
  givenName: 'Ruth',
  familyName: 'Okafor',
  preferredName: null,
  dateOfBirth: '1958-04-02',
  sex: 'female' as const,
  mrn: 'MRN001',
  gender: null,
  phone: '0400 111 222',
  email: null,
  address: null,
  preferredLanguage: null,
  interpreterNeeded: false,
  emergencyContactName: null,
  emergencyContactRelationship: null,
  emergencyContactPhone: null,
  reassessmentIntervalWeeks: 8,
  leadClinicianId: null,
};

describe('intake writes', () => {
  it('saving a section unchanged writes nothing to the record or the audit trail; a real change does', () => {
    current = openTestCaseload();
    const { ctx } = current;
    const { id: patientId } = createPatient(ctx, { ...details, preferredName: null });
    const auditCount = () => (ctx.sqlite.prepare('SELECT count(*) AS n FROM audit_event').get() as { n: number }).n;
    const updatedAt = () =>
      (
        ctx.sqlite.prepare('SELECT updated_at AS at FROM patient_details WHERE patient_id = ?').get(patientId) as {
          at: string;
        }
      ).at;

    saveDetails(ctx, { patientId, ...details });
    const afterFirst = auditCount();
    const stamp = updatedAt();

    saveDetails(ctx, { patientId, ...details });
    expect(auditCount()).toBe(afterFirst);
    expect(updatedAt()).toBe(stamp);

    saveDetails(ctx, { patientId, ...details, phone: '0400 999 888' });
    expect(auditCount()).toBe(afterFirst + 1);
    const last = ctx.sqlite
      .prepare('SELECT entity, before_json, after_json FROM audit_event ORDER BY seq DESC LIMIT 1')
      .get() as {
      entity: string;
      before_json: string;
      after_json: string;
    };
    expect(last.entity).toBe('patient_details');
    expect(JSON.parse(last.before_json).phone).toBe('0400 111 222');
    expect(JSON.parse(last.after_json).phone).toBe('0400 999 888');
  });
});
