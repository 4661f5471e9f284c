import { rmSync } from 'node:fs';
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
import { fileStamp, saveAudited, type ExportKind, type ExportRecord } from './target';

/**
 * Records a file a worker has already written in place: one audit entry with who exported it, what it
 * holds and where it went. If the entry cannot be written the file is removed: an export nobody can
 * see in the audit trail must not exist.
 */
export function recordExport(
  ctx: ServiceContext,
  written: { path: string; fileName: string; sizeBytes: number },
  entry: {
    actorId: string;
    patientId: string | null;
    entityId: string;
    kind: string;
    details: Record<string, unknown>;
  },
): void {
  try {
    ctx.sqlite.transaction(() =>
      appendAudit(ctx.db, ctx, {
        actorId: entry.actorId,
        patientId: entry.patientId,
        entity: 'record_export',
        entityId: entry.entityId,
        action: 'create',
        after: {
          kind: entry.kind,
          file: written.fileName,
          path: written.path,
          ...entry.details,
          sizeBytes: written.sizeBytes,
        },
      }),
    )();
  } catch (error) {
    rmSync(written.path, { force: true });
    throw error;
  }
}

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
 * A document the render worker lays out, saved through `saveAudited` (the save dialog, the file whole
 * or not at all, its audit entry with what the document holds); `saved: false` when cancelled.
 */
export async function saveAuditedExport(
  ctx: ServiceContext,
  request: { suggestedName: string; kind: ExportKind; at: Date },
  make: () => Promise<{ bytes: Uint8Array; facts: RenderFacts }>,
  record: ExportRecord,
): Promise<ExportResult> {
  let facts: RenderFacts = {};
  const written = await saveAudited(
    ctx,
    request,
    async () => {
      const made = await make();
      facts = made.facts;
      return { bytes: made.bytes, detail: { ...facts } };
    },
    record,
  );
  if (!written) return { saved: false };
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
