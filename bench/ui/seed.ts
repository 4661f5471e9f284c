import { assessmentsSuite } from '../assessments.bench';
import { intakeSuite } from '../intake.bench';
import { generatePatients } from '../generate';
import { openBenchCaseload } from '../harness';

/**
 * Fills an app's (set-up, closed) caseload folder with the DB bench's synthetic caseload: patients
 * with intake records and caseload flags, assessments and sessions for everyone, and one patient
 * with 12 assessments and 300 sessions whose progress screen is timed.
 */
export function seedUiCaseload(dataDir: string, patients: number): { progressPatientId: string; name: string } {
  const running = openBenchCaseload({ dataDir });
  try {
    const { ctx } = running;
    ctx.session.clinicianId ??= (ctx.sqlite.prepare('SELECT id FROM clinician LIMIT 1').get() as { id: string }).id;
    const patientIds = generatePatients(ctx, patients);
    const context = { running, patients, patientIds };
    intakeSuite.prepare!(context);
    assessmentsSuite.prepare!(context);
    ctx.sqlite.exec('ANALYZE');
    const target = ctx.sqlite
      .prepare(
        `SELECT p.id, p.given_name AS given, p.family_name AS family FROM patient p
          WHERE p.id = (SELECT patient_id FROM assessment GROUP BY patient_id ORDER BY count(*) DESC LIMIT 1)`,
      )
      .get() as { id: string; given: string; family: string };
    return { progressPatientId: target.id, name: `${target.given} ${target.family}` };
  } finally {
    running.dispose();
  }
}
