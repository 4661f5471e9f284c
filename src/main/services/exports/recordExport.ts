import { rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExportResult } from '../../../shared/contract/exports';
import type { ServiceContext } from '../../context';
import { dataKeyForFile } from '../../db/keyring';
import { notFound } from '../../errors';
import type { CaseloadFile } from '../../workers/readCaseload';
import { renderWithFacts, type RenderFacts } from '../../workers/render';
import { appendAudit } from '../audit';
import { clinicDateDisplay } from '../display';
import { letterheadOf } from '../letters/settings';
import { requireClinician } from '../settings';
import { fileStamp, folderExportTarget, moveIntoPlace, partialPathFor, type ExportKind } from './target';

/** The caseload file and its key, for a worker that reads it through a connection of its own. */
export function caseloadFile(ctx: ServiceContext): CaseloadFile {
  const key = dataKeyForFile(ctx.sqlite.name);
  return { path: ctx.sqlite.name, keyHex: key ? key.toString('hex') : null };
}

export function clinicianName(ctx: ServiceContext, clinicianId: string): string {
  const row = ctx.sqlite.prepare('SELECT full_name AS name FROM clinician WHERE id = ?').get(clinicianId) as
    { name: string } | undefined;
  return row?.name ?? 'a clinician';
}

/**
 * Writes the file beside its target and renames it into place (never half a file), without holding
 * the main thread while a record of hundreds of pages goes to a slow USB stick.
 */
async function writeWhole(path: string, bytes: Uint8Array) {
  const partial = partialPathFor(path);
  try {
    await writeFile(partial, bytes);
    return moveIntoPlace(partial, path);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/**
 * Asks where to save, writes the bytes there whole, and records the export in the audit trail; an
 * export the audit trail cannot show is removed again. `saved: false` when the dialog was cancelled.
 */
export async function saveAuditedExport(
  ctx: ServiceContext,
  request: { suggestedName: string; kind: ExportKind; at: Date },
  make: () => Promise<{ bytes: Uint8Array; facts: RenderFacts }>,
  audit: {
    actorId: string;
    patientId: string | null;
    entityId: string;
    kind: string;
    details?: Record<string, unknown>;
  },
): Promise<ExportResult> {
  const target = ctx.exportTarget ?? folderExportTarget(join(ctx.dataDirectory, 'exports'));
  const path = await target.choose({ suggestedName: request.suggestedName, kind: request.kind });
  if (!path) return { saved: false };
  const { bytes, facts } = await make();
  const written = await writeWhole(path, bytes);
  try {
    ctx.sqlite.transaction(() =>
      appendAudit(ctx.db, ctx, {
        actorId: audit.actorId,
        patientId: audit.patientId,
        entity: 'record_export',
        entityId: audit.entityId,
        action: 'create',
        after: {
          kind: audit.kind,
          ...audit.details,
          file: written.fileName,
          path,
          ...facts,
          sizeBytes: written.sizeBytes,
        },
      }),
    )();
  } catch (error) {
    rmSync(path, { force: true });
    throw error;
  }
  return {
    saved: true,
    ...written,
    at: request.at.toISOString(),
    rows: facts.records ?? 0,
    tables: facts.sections ?? 0,
    ...(facts.pages ? { pages: facts.pages } : {}),
  };
}

/**
 * One patient's whole record, as JSON for another system or as a PDF for the patient who asked for
 * it. The worker reads and lays it out; the main process only asks where, writes and audits.
 */
export async function exportPatientRecord(
  ctx: ServiceContext,
  patientId: string,
  format: 'json' | 'pdf',
): Promise<ExportResult> {
  const actor = requireClinician(ctx);
  const at = ctx.now();
  const found = ctx.sqlite.prepare('SELECT mrn FROM patient WHERE id = ?').get(patientId) as
    { mrn: string } | undefined;
  if (!found) throw notFound('That patient');
  const mrn = found.mrn.replace(/[^A-Za-z0-9-]+/g, '_');
  const suggestedName =
    format === 'json' ? `pacewise-patient-${mrn}-${fileStamp(at)}.json` : `patient-record-${mrn}-${fileStamp(at)}.pdf`;
  return saveAuditedExport(
    ctx,
    { suggestedName, kind: format, at },
    () => {
      const letterhead = letterheadOf(ctx);
      return renderWithFacts({
        kind: 'patient-record',
        format,
        caseload: caseloadFile(ctx),
        patientId,
        appVersion: ctx.appVersion,
        exportedAt: at.toISOString(),
        exportedBy: actor,
        exportedByName: clinicianName(ctx, actor),
        clinicName: letterhead.clinicName,
        paper: letterhead.paper,
        dates: clinicDateDisplay(ctx),
      });
    },
    { actorId: actor, patientId, entityId: patientId, kind: format === 'json' ? 'patient_json' : 'patient_record_pdf' },
  );
}
