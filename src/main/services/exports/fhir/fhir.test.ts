import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelName, InputOf, OutputOf } from '../../../../shared/contract';
import type { FhirExportResult } from '../../../../shared/contract/standardExports';
import { openTestCaseload, tempDir } from '../../../testing';
import { seedFullRecord } from '../../../testRecordCase';
import { stopRenderer } from '../../../workers/render';
import { folderExportTarget } from '../target';
import { patientBundle } from './bundle';
import { readPatientFacts } from './read';
import type { Bundle, Observation, PatientResource } from './resources';
import { requiredBindingProblems } from './valueSets';

let t: ReturnType<typeof openTestCaseload>;
let folder: string;
let seeded: Awaited<ReturnType<typeof seedFullRecord>>;
const clock = new Date('2026-05-01T09:00:00Z');

async function call<K extends ChannelName>(channel: K, input: InputOf<K>): Promise<OutputOf<K>> {
  const result = await t.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message} ${JSON.stringify(result.error.fields)}`);
  return result.value as OutputOf<K>;
}

// One record for the whole file (seeding renders a letter): the tests read it; the exports only add files and audit entries.
beforeAll(async () => {
  t = openTestCaseload({ now: () => clock });
  seeded = await seedFullRecord(call, {
    mrn: 'RCH-F1',
    givenName: 'Thị Hoa',
    familyName: 'Nguyễn',
    today: '2026-05-01',
  });
}, 120_000);
beforeEach(() => {
  folder = tempDir('pacewise-fhir-');
  t.ctx.exportTarget = folderExportTarget(folder);
});
afterAll(async () => {
  t.close();
  await stopRenderer();
});

const bundleNow = () => patientBundle(readPatientFacts(t.ctx.sqlite, seeded.patientId), { exportedAt: clock });
const ofType = <T extends PatientResource['resourceType']>(bundle: Bundle, type: T) =>
  bundle.entry
    .map((e) => e.resource)
    .filter((r): r is Extract<PatientResource, { resourceType: T }> => r.resourceType === type);
const codes = (o: { code: { coding?: Array<{ system: string; code: string }> } }) =>
  (o.code.coding ?? []).map((c) => `${c.system}|${c.code}`);
const byCode = (bundle: Bundle, system: string, code: string) =>
  ofType(bundle, 'Observation').filter((o) => codes(o).includes(`${system}|${code}`));
const LOINC = 'http://loinc.org';

/** Every `reference` anywhere in the Bundle. */
function references(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) references(item, found);
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'reference' && typeof inner === 'string') found.push(inner);
      else references(inner, found);
    }
  }
  return found;
}

describe('the patient as a FHIR R4 collection Bundle', () => {
  it('gives every entry a urn:uuid full URL, and every reference points at an entry', () => {
    const bundle = bundleNow();
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    const urls = bundle.entry.map((e) => e.fullUrl);
    for (const url of urls)
      expect(url).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(urls).size).toBe(urls.length);
    const refs = references(bundle.entry.map((e) => e.resource));
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) expect(urls, ref).toContain(ref);
    // The same record keeps the same full URL from one export to the next.
    expect(bundleNow().entry.map((e) => e.fullUrl)).toEqual(urls);
  });

  it('writes the patient with the MRN, names, birth date and contact details', () => {
    const [patient] = ofType(bundleNow(), 'Patient');
    expect(patient).toMatchObject({
      identifier: [{ type: { coding: [{ code: 'MR' }] }, value: 'RCH-F1' }, { value: seeded.patientId }],
      name: [
        { use: 'official', family: 'Nguyễn', given: ['Thị Hoa'] },
        { use: 'usual', given: ['Hoa'] },
      ],
      gender: 'female',
      birthDate: '1961-07-14',
      telecom: [
        { system: 'phone', value: '0412 555 019' },
        { system: 'email', value: 'hoa.patient@example.net' },
      ],
      contact: [{ name: { text: 'Minh Tran' }, relationship: [{ text: 'Son' }] }],
    });
  });

  it('codes the primary cancer, and bone metastases as SNOMED CT 94222008 with each lesion as a body site', () => {
    const conditions = ofType(bundleNow(), 'Condition');
    const primary = conditions.find((c) => codes(c).includes('http://snomed.info/sct|363346000'))!;
    expect(primary.code.text).toBe('Primary cancer: Breast (invasive ductal carcinoma)');
    const bone = conditions.filter((c) => codes(c).includes('http://snomed.info/sct|94222008'));
    expect(bone).toHaveLength(1);
    expect(bone[0]!.bodySite).toEqual([{ text: 'Proximal femur, left' }, { text: 'Thoracic spine (T8)' }]);
    expect(bone[0]!.note?.[0]?.text).toContain('Mirels score 8');
    expect(conditions.find((c) => c.code.text === 'Diabetes: type 2, diet-controlled')).toBeDefined();
  });

  it('lists medications as MedicationStatements with their dose', () => {
    const [statement] = ofType(bundleNow(), 'MedicationStatement');
    expect(statement).toMatchObject({
      status: 'active',
      medicationCodeableConcept: { text: 'Metoprolol' },
      dosage: [{ text: '50 mg twice daily' }],
      note: [{ text: 'Changes how the patient may exercise: Beta-blocker' }],
    });
  });

  it('writes each screen’s vital signs with the vital-signs profile’s LOINC codes and UCUM units', () => {
    const bundle = bundleNow();
    const heartRates = byCode(bundle, LOINC, '8867-4');
    expect(heartRates.map((o) => o.valueQuantity?.value).sort()).toEqual([126, 78]);
    const signed = heartRates.find((o) => o.valueQuantity?.value === 78)!;
    expect(signed).toMatchObject({
      status: 'final',
      category: [{ coding: [{ code: 'vital-signs' }] }],
      valueQuantity: { unit: 'beats/minute', system: 'http://unitsofmeasure.org', code: '/min' },
      meta: { profile: ['http://hl7.org/fhir/StructureDefinition/heartrate'] },
    });
    // The held session's screen was never signed: it is the record as it stood, preliminary.
    expect(heartRates.find((o) => o.valueQuantity?.value === 126)!.status).toBe('preliminary');
    const bp = byCode(bundle, LOINC, '85354-9').find((o) => o.status === 'final')!;
    expect(bp.component?.map((c) => [codes(c as never)[0], c.valueQuantity?.value, c.valueQuantity?.code])).toEqual([
      [`${LOINC}|8480-6`, 132, 'mm[Hg]'],
      [`${LOINC}|8462-4`, 84, 'mm[Hg]'],
    ]);
    expect(codes(byCode(bundle, LOINC, '2708-6')[0]!)).toEqual([`${LOINC}|2708-6`, `${LOINC}|59408-5`]);
    expect(byCode(bundle, LOINC, '8310-5').map((o) => o.valueQuantity?.code)).toEqual(['Cel', 'Cel']);
    expect(byCode(bundle, LOINC, '29463-7').map((o) => o.valueQuantity)).toContainEqual({
      value: 66.5,
      unit: 'kg',
      system: 'http://unitsofmeasure.org',
      code: 'kg',
    });
    expect(byCode(bundle, LOINC, '8302-2')).toHaveLength(3);
  });

  it('codes outcome measures with LOINC where a code exists, and under Pacewise’s code system otherwise', () => {
    const bundle = bundleNow();
    const walks = byCode(bundle, LOINC, '64098-7');
    expect(walks.map((o) => [o.effectiveDateTime, o.valueQuantity?.value, o.valueQuantity?.code])).toEqual([
      ['2026-02-06', 380, 'm'],
      ['2026-04-29', 455, 'm'],
    ]);
    expect(byCode(bundle, LOINC, '89247-1')[0]).toMatchObject({
      valueInteger: 1,
      category: [{ coding: [{ code: 'exam' }] }],
    });
    const right = byCode(bundle, LOINC, '83174-3')[0]!;
    expect(right.valueQuantity).toMatchObject({ value: 22.4, code: 'kgf' });
    expect(byCode(bundle, LOINC, '83173-5')[0]!.valueQuantity?.value).toBe(19);
    const grip = byCode(bundle, 'https://fhir.pacewise.app/CodeSystem/outcome-measure', 'handgrip')[0]!;
    expect(grip.hasMember).toHaveLength(2);
    const fiveTimes = byCode(
      bundle,
      'https://fhir.pacewise.app/CodeSystem/outcome-measure',
      'five_times_sit_to_stand',
    )[0]!;
    expect(fiveTimes.code).toEqual({
      coding: [
        {
          system: 'https://fhir.pacewise.app/CodeSystem/outcome-measure',
          code: 'five_times_sit_to_stand',
          display: 'Five times sit-to-stand',
        },
      ],
      text: 'Five times sit-to-stand',
    });
    // No invented LOINC code: only the measures with a checked code carry one.
    const loincCoded = ofType(bundle, 'Observation')
      .filter((o: Observation) => o.category[0]!.coding![0]!.code !== 'vital-signs')
      .flatMap((o) => (o.code.coding ?? []).filter((c) => c.system === LOINC).map((c) => c.code));
    expect([...new Set(loincCoded)].sort()).toEqual(['64098-7', '83173-5', '83174-3', '89247-1', '89423-8']);
  });

  it('makes each session an ambulatory Encounter, with a Procedure for the exercise delivered', () => {
    const bundle = bundleNow();
    const encounters = ofType(bundle, 'Encounter');
    expect(encounters.map((e) => [e.status, e.class.code])).toEqual([
      ['finished', 'AMB'],
      ['finished', 'AMB'],
      ['cancelled', 'AMB'],
    ]);
    const procedures = ofType(bundle, 'Procedure');
    expect(procedures.map((p) => p.status)).toEqual(['completed', 'not-done']);
    expect(procedures[0]!.code.coding?.[0]?.code).toBe('229065009');
    expect(procedures[0]!.note?.map((n) => n.text)).toEqual([
      expect.stringMatching(/: 15 min, RPE 12 \(completed\)$/),
      expect.stringMatching(/: 2 × 12, RPE 13 \(modified: Lighter band: shoulder sore\)$/),
    ]);
    const url = bundle.entry.find((e) => e.resource === encounters[0])!.fullUrl;
    expect(procedures[0]!.encounter.reference).toBe(url);
  });

  it('records adverse events with their actuality and graded severity', () => {
    const events = ofType(bundleNow(), 'AdverseEvent');
    const fall = events.find((e) => e.event.text?.startsWith('Fall'))!;
    expect(fall).toMatchObject({
      actuality: 'actual',
      event: { text: 'Fall: Stumbled stepping off the bike; no injury found' },
      severity: { coding: [{ code: 'moderate' }], text: 'Grade 2' },
      outcome: { coding: [{ code: 'ongoing' }] },
    });
    expect(fall.encounter).toBeDefined();
  });

  it('carries each finalised letter’s exact PDF, with R4’s SHA-1 hash and the SHA-256 as an identifier', () => {
    const [doc] = ofType(bundleNow(), 'DocumentReference');
    const stored = t.ctx.sqlite
      .prepare('SELECT pdf_bytes, pdf_sha256 FROM letter WHERE id = ?')
      .get(seeded.letterId) as { pdf_bytes: Buffer; pdf_sha256: string };
    const attachment = doc!.content[0]!.attachment;
    const bytes = Buffer.from(attachment.data, 'base64');
    expect(bytes.equals(stored.pdf_bytes)).toBe(true);
    expect(attachment).toMatchObject({ contentType: 'application/pdf', size: stored.pdf_bytes.length });
    expect(attachment.hash).toBe(createHash('sha1').update(stored.pdf_bytes).digest('base64'));
    const named = doc!.identifier!.find((i) => i.value.startsWith('ni:///sha-256;'))!;
    expect(Buffer.from(named.value.slice('ni:///sha-256;'.length), 'base64url').toString('hex')).toBe(
      stored.pdf_sha256,
    );
    expect(doc).toMatchObject({ status: 'current', docStatus: 'final' });
  });

  it('refuses to carry a PDF whose bytes no longer match its recorded SHA-256', () => {
    const facts = readPatientFacts(t.ctx.sqlite, seeded.patientId);
    facts.letters[0]!.pdf = new Uint8Array([...facts.letters[0]!.pdf.slice(0, -1), 0]);
    expect(() => patientBundle(facts, { exportedAt: clock })).toThrow(
      /^The FHIR export was not written: the PDF kept for the letter finalised 2026-05-01 no longer matches its recorded SHA-256\.$/,
    );
  });

  it('keeps every required-binding element inside its R4 value set, and the check notices one that is not', () => {
    const bundle = bundleNow();
    expect(requiredBindingProblems(bundle)).toEqual([]);
    const broken = structuredClone(bundle);
    (broken.entry.find((e) => e.resource.resourceType === 'Encounter')!.resource as { status: string }).status = 'done';
    (
      broken.entry.find((e) => e.resource.resourceType === 'AdverseEvent')!.resource as { actuality: string }
    ).actuality = 'real';
    expect(requiredBindingProblems(broken)).toEqual([
      expect.stringMatching(/\(Encounter\) status/),
      expect.stringMatching(/\(AdverseEvent\) actuality/),
    ]);
  });
});

describe('exporting the Bundle from the overview', () => {
  it(
    'saves it through the export port in the worker, and audits who exported what, where',
    { timeout: 60_000 },
    async () => {
      const result = (await call('exports.patientFhir', { patientId: seeded.patientId })) as Extract<
        FhirExportResult,
        { saved: true }
      >;
      expect(result.saved).toBe(true);
      expect(readdirSync(folder)).toEqual([result.fileName]);
      expect(result.fileName).toMatch(/^pacewise-patient-RCH-F1-\d{4}-\d{2}-\d{2}-\d{4}\.fhir\.json$/);
      const bundle = JSON.parse(readFileSync(join(folder, result.fileName), 'utf8')) as Bundle;
      expect(bundle.entry.length).toBe(result.resources);
      expect(result.resourceTypes).toMatchObject({ Patient: 1, Encounter: 3, DocumentReference: 1 });
      const audit = t.ctx.sqlite
        .prepare(
          "SELECT actor_id, patient_id, after_json FROM audit_event WHERE entity = 'record_export' ORDER BY seq DESC",
        )
        .get() as { actor_id: string; patient_id: string; after_json: string };
      expect(audit.actor_id).toBe(t.ctx.session.clinicianId);
      expect(audit.patient_id).toBe(seeded.patientId);
      expect(JSON.parse(audit.after_json)).toMatchObject({
        kind: 'patient_fhir',
        file: result.fileName,
        resources: result.resources,
      });
    },
  );

  it('writes and audits nothing when the save dialog is cancelled', async () => {
    t.ctx.exportTarget = { choose: async () => null };
    const before = t.ctx.sqlite.prepare('SELECT count(*) AS n FROM audit_event').get() as { n: number };
    expect(await call('exports.patientFhir', { patientId: seeded.patientId })).toEqual({ saved: false });
    expect(t.ctx.sqlite.prepare('SELECT count(*) AS n FROM audit_event').get()).toEqual(before);
  });

  it('names the field when the patient does not exist', async () => {
    const result = await t.dispatch('exports.patientFhir', { patientId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  // Last in the file: it changes the stored letter behind Pacewise's back.
  it(
    'refuses, with a message saying why, when a letter’s PDF was changed outside Pacewise',
    { timeout: 60_000 },
    async () => {
      t.ctx.sqlite.exec('DROP TRIGGER letter_final_no_update');
      t.ctx.sqlite.prepare("UPDATE letter SET pdf_bytes = X'255044462D' WHERE id = ?").run(seeded.letterId);
      const before = t.ctx.sqlite.prepare('SELECT count(*) AS n FROM audit_event').get();
      const result = await t.dispatch('exports.patientFhir', { patientId: seeded.patientId });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'conflict', message: expect.stringMatching(/^The FHIR export was not written: the PDF kept/) },
      });
      expect(readdirSync(folder)).toEqual([]);
      expect(t.ctx.sqlite.prepare('SELECT count(*) AS n FROM audit_event').get()).toEqual(before);
    },
  );
});
