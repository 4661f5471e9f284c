import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ResearchExportProgress, ResearchExportResult } from '../../../../shared/contract/standardExports';
import type { ServiceContext } from '../../../context';
import { ApiError } from '../../../errors';
import { runInWorker } from '../../../workers/run';
import { requireClinician } from '../../settings';
import { recordExport } from '../recordExport';
import { fileStamp, folderExportTarget, moveIntoPlace, partialPathFor } from '../target';
import { assignStudyIds } from './subjects';
import type { ResearchSummary } from './write';

/** The research export under way for a caseload, for the progress bar; absent when none runs. */
const underWay = new WeakMap<ServiceContext, ResearchExportProgress>();

export function researchExportProgress(ctx: ServiceContext): ResearchExportProgress | null {
  return underWay.get(ctx) ?? null;
}

/**
 * The de-identified research set for a registry or trial (administrators only): study ids given
 * where missing, then the files written in the maintenance worker with progress, saved where the
 * administrator chooses, whole or not at all, and audited with who, what and the file name.
 */
export async function exportResearch(ctx: ServiceContext): Promise<ResearchExportResult> {
  const actor = requireClinician(ctx);
  const role = ctx.sqlite.prepare('SELECT role FROM clinician WHERE id = ?').get(actor) as { role: string } | undefined;
  if (role?.role !== 'administrator') {
    throw new ApiError('forbidden', 'Only a clinic administrator can export research data.');
  }
  if (underWay.has(ctx)) throw new ApiError('conflict', 'A research export is already running. Wait for it to finish.');
  const at = ctx.now();
  underWay.set(ctx, { stage: 'Choosing where to save', done: 0, total: 0 });
  try {
    const target = ctx.exportTarget ?? folderExportTarget(join(ctx.dataDirectory, 'exports'));
    const path = await target.choose({ suggestedName: `pacewise-research-${fileStamp(at)}.zip`, kind: 'research' });
    if (!path) return { saved: false };
    await assignStudyIds(ctx, actor, (done, total) =>
      underWay.set(ctx, { stage: 'Giving new patients their study ids', done, total }),
    );
    underWay.set(ctx, { stage: 'Reading the caseload', done: 0, total: 0 });
    const partial = partialPathFor(path);
    try {
      const summary = await runInWorker<ResearchSummary>(
        {
          task: 'research-export',
          caseloadPath: ctx.sqlite.name,
          at: at.toISOString(),
          appVersion: ctx.appVersion,
          output: partial,
        },
        (progress) => underWay.set(ctx, progress),
      );
      const written = moveIntoPlace(partial, path);
      recordExport(ctx, written, {
        actorId: actor,
        patientId: null,
        entityId: 'research',
        kind: 'research_csv',
        details: { patients: summary.patients, forms: summary.formNames, rows: summary.rows },
      });
      return {
        saved: true,
        ...written,
        at: at.toISOString(),
        patients: summary.patients,
        forms: summary.forms,
        rows: summary.rows,
      };
    } finally {
      rmSync(partial, { force: true });
    }
  } finally {
    underWay.delete(ctx);
  }
}
