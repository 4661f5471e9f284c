import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import type { ServiceContext } from '../../context';
import { appendAudit } from '../audit';

/**
 * Where an export is saved. In the app it is a save dialog in which the specialist picks the place
 * (a USB stick, a shared drive); tests and the bench substitute a folder. Null means "cancelled".
 */
export type ExportKind = 'zip' | 'json' | 'pdf' | 'docx' | 'scan' | 'handout' | 'fhir' | 'research';

export interface ExportTarget {
  choose(request: { suggestedName: string; kind: ExportKind }): Promise<string | null>;
}

/** Saves every export into one folder under its suggested name. */
export function folderExportTarget(folder: string): ExportTarget {
  return {
    choose: async ({ suggestedName }) => {
      mkdirSync(folder, { recursive: true });
      return join(folder, suggestedName);
    },
  };
}

/** Exports are written beside their target first and renamed into place: a failure never leaves half a file. */
export function partialPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.partial`);
}

type Written = { path: string; fileName: string; sizeBytes: number };

export function moveIntoPlace(partial: string, path: string): Written {
  renameSync(partial, path);
  return { path, fileName: basename(path), sizeBytes: statSync(path).size };
}

export function writeExportFile(path: string, bytes: Uint8Array | string): Written {
  const partial = partialPathFor(path);
  try {
    writeFileSync(partial, bytes);
    return moveIntoPlace(partial, path);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/**
 * Written off the main thread's critical path: a record of hundreds of pages going to a slow USB
 * stick must not hold the window.
 */
async function writeExportFileAsync(path: string, bytes: Uint8Array | string): Promise<Written> {
  const partial = partialPathFor(path);
  try {
    await writeFile(partial, bytes);
    return moveIntoPlace(partial, path);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/** Content made once a place is chosen, with what the made file holds for its audit entry (pages, records). */
export interface MadeExport {
  bytes: Uint8Array;
  detail: Record<string, unknown>;
}

/** What the audit entry of a file that left says: what it was, and of whom. */
export interface ExportRecord {
  actorId: string;
  patientId: string | null;
  /** The record the file came from (a letter, a reply, a patient), or 'caseload'. */
  entityId: string;
  /** What kind of file it is, in the trail's words: `letter_pdf`, `reply_attachment`, `plan_handout`… */
  kind: string;
  detail?: Record<string, unknown>;
}

/**
 * Asks where to save, writes the bytes there whole (or not at all) and records in the audit trail
 * who saved what file, where; null when cancelled (nothing written, nothing recorded). A file whose
 * entry cannot be written is removed: an export nobody can see in the trail must not exist.
 */
export async function saveAudited(
  ctx: ServiceContext,
  request: { suggestedName: string; kind: ExportKind },
  content: Uint8Array | string | (() => Promise<Uint8Array | MadeExport>),
  record: ExportRecord,
): Promise<Written | null> {
  const target = ctx.exportTarget ?? folderExportTarget(join(ctx.dataDirectory, 'exports'));
  const path = await target.choose({ suggestedName: basename(request.suggestedName), kind: request.kind });
  if (!path) return null;
  // Content made only once a place is chosen (a PDF laid out in the worker) is not made for nothing.
  const made = typeof content === 'function' ? await content() : content;
  const { bytes, detail } = typeof made === 'string' || made instanceof Uint8Array ? { bytes: made, detail: {} } : made;
  const written = await writeExportFileAsync(path, bytes);
  try {
    ctx.sqlite.transaction(() =>
      appendAudit(ctx.db, ctx, {
        actorId: record.actorId,
        patientId: record.patientId,
        entity: 'record_export',
        entityId: record.entityId,
        action: 'create',
        after: {
          kind: record.kind,
          file: written.fileName,
          path,
          sizeBytes: written.sizeBytes,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          ...record.detail,
          ...detail,
        },
      }),
    )();
  } catch (error) {
    rmSync(path, { force: true });
    throw error;
  }
  return written;
}

/** `2026-11-29-1405`: sortable and safe in a file name on every system. */
export function fileStamp(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}`;
}
