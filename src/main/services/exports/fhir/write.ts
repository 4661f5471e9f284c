import { writeFileSync } from 'node:fs';
import { openSqlite } from '../../../db/connection';
import { FHIR_REFUSAL, patientBundle } from './bundle';
import { readPatientFacts } from './read';
import { requiredBindingProblems } from './valueSets';

export interface FhirBundleSummary {
  resources: number;
  resourceTypes: Record<string, number>;
}

/**
 * Builds the patient's Bundle from the caseload file on a connection of its own (in the maintenance
 * worker) and writes it to `output`. A Bundle with a value outside a required value set is refused
 * rather than sent to a system that may reject or misread it.
 */
export function writeFhirBundle(caseloadPath: string, patientId: string, at: Date, output: string): FhirBundleSummary {
  const sqlite = openSqlite(caseloadPath, { readonly: true, fileMustExist: true });
  let bundle;
  try {
    bundle = patientBundle(readPatientFacts(sqlite, patientId), { exportedAt: at });
  } finally {
    sqlite.close();
  }
  const problems = requiredBindingProblems(bundle);
  if (problems.length > 0) throw new Error(`${FHIR_REFUSAL}it did not pass its own checks (${problems.join('; ')}).`);
  writeFileSync(output, `${JSON.stringify(bundle, null, 2)}\n`);
  const resourceTypes: Record<string, number> = {};
  for (const { resource } of bundle.entry)
    resourceTypes[resource.resourceType] = (resourceTypes[resource.resourceType] ?? 0) + 1;
  return { resources: bundle.entry.length, resourceTypes };
}
