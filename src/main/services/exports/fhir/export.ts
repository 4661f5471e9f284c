import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { FhirExportResult } from '../../../../shared/contract/standardExports';
import type { ServiceContext } from '../../../context';
import { ApiError, notFound } from '../../../errors';
import { runInWorker } from '../../../workers/run';
import { requireClinician } from '../../settings';
import { recordExport } from '../recordExport';
import { fileStamp, folderExportTarget, moveIntoPlace, partialPathFor } from '../target';
import { FHIR_REFUSAL } from './bundle';
import type { FhirBundleSummary } from './write';

/**
 * One patient's record as a FHIR R4 Bundle, for a hospital that wants it in its own record: saved
 * where the specialist chooses, built in the maintenance worker (a long record is many thousand
 * resources), written whole or not at all, and audited.
 */
export async function exportPatientFhir(ctx: ServiceContext, patientId: string): Promise<FhirExportResult> {
  const actor = requireClinician(ctx);
  const at = ctx.now();
  const found = ctx.sqlite.prepare('SELECT mrn FROM patient WHERE id = ?').get(patientId) as
    { mrn: string } | undefined;
  if (!found) throw notFound('That patient');
  const mrn = found.mrn.replace(/[^A-Za-z0-9-]+/g, '_');
  const target = ctx.exportTarget ?? folderExportTarget(join(ctx.dataDirectory, 'exports'));
  const path = await target.choose({
    suggestedName: `pacewise-patient-${mrn}-${fileStamp(at)}.fhir.json`,
    kind: 'fhir',
  });
  if (!path) return { saved: false };
  const partial = partialPathFor(path);
  try {
    const summary = await runInWorker<FhirBundleSummary>({
      task: 'fhir-bundle',
      caseloadPath: ctx.sqlite.name,
      patientId,
      at: at.toISOString(),
      output: partial,
    }).catch((error: unknown) => {
      // A refusal the worker explains (a letter's PDF changed) is shown as it is; anything else is a fault.
      if (error instanceof Error && error.message.startsWith(FHIR_REFUSAL))
        throw new ApiError('conflict', error.message);
      throw error;
    });
    const written = moveIntoPlace(partial, path);
    recordExport(ctx, written, {
      actorId: actor,
      patientId,
      entityId: patientId,
      kind: 'patient_fhir',
      details: { resources: summary.resources },
    });
    return { saved: true, ...written, at: at.toISOString(), ...summary };
  } finally {
    rmSync(partial, { force: true });
  }
}
