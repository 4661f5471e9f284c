import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelName, InputOf, OutputOf } from '../../../../shared/contract';
import { validateBundleResources } from '../../../../../e2e/support/fhirValidator';
import { openTestCaseload } from '../../../testing';
import { seedFullRecord } from '../../../testRecordCase';
import { stopRenderer } from '../../../workers/render';
import { patientBundle } from './bundle';
import { readPatientFacts } from './read';
import type { Bundle } from './resources';

let t: ReturnType<typeof openTestCaseload>;
let bundle: Bundle;
const clock = new Date('2026-05-01T09:00:00Z');

async function call<K extends ChannelName>(channel: K, input: InputOf<K>): Promise<OutputOf<K>> {
  const result = await t.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as OutputOf<K>;
}

beforeAll(async () => {
  t = openTestCaseload({ now: () => clock });
  const { patientId } = await seedFullRecord(call, {
    mrn: 'RCH-V1',
    givenName: 'Thị Hoa',
    familyName: 'Nguyễn',
    today: '2026-05-01',
  });
  bundle = patientBundle(readPatientFacts(t.ctx.sqlite, patientId), { exportedAt: clock });
}, 180_000);
afterAll(async () => {
  t.close();
  await stopRenderer();
});

describe('validation against the FHIR R4 StructureDefinitions (Medplum 4.5.2)', () => {
  it(
    'finds no error and no warning in any resource, each vital sign checked against its profile too',
    { timeout: 180_000 },
    () => {
      const result = validateBundleResources(bundle);
      expect(result.errors).toEqual([]);
      expect(result.warnings).toEqual([]);
      // Heart rate, SpO₂, blood pressure and temperature on two screens; height and weight on three assessments.
      expect(result.profiled).toBe(14);
    },
  );

  it('reports a resource that breaks R4 (so a clean result means something)', { timeout: 180_000 }, () => {
    const broken = structuredClone(bundle);
    const observation = broken.entry.find((e) => e.resource.resourceType === 'Observation' && !e.resource.meta)!
      .resource as unknown as Record<string, unknown>;
    observation.effectiveDateTime = '2026-13-01';
    delete observation.code;
    const heartRate = broken.entry.find((e) =>
      (e.resource.meta?.profile ?? []).includes('http://hl7.org/fhir/StructureDefinition/heartrate'),
    )!.resource as unknown as { code: { coding: Array<{ code: string }> } };
    heartRate.code.coding[0]!.code = '8310-5';
    const { errors } = validateBundleResources(broken);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Invalid dateTime format/),
        expect.stringMatching(/Observation\.code.*[Mm]issing required/),
        expect.stringMatching(/HeartRateCode/),
      ]),
    );
  });
});

describe('Medplum stays out of the app', () => {
  it('is a devDependency, and no source file outside the tests imports it', () => {
    const root = resolve(__dirname, '../../../../..');
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<
      string,
      Record<string, string>
    >;
    expect(Object.keys(manifest.dependencies!).filter((name) => name.startsWith('@medplum/'))).toEqual([]);
    expect(manifest.devDependencies!['@medplum/core']).toBe('4.5.2');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (
          /\.tsx?$/.test(name) &&
          !/\.test\.tsx?$/.test(name) &&
          readFileSync(path, 'utf8').includes('@medplum/')
        ) {
          offenders.push(path);
        }
      }
    };
    walk(join(root, 'src'));
    expect(offenders).toEqual([]);
  });
});
