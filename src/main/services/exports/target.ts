import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Where an export is saved. In the app it is a save dialog in which the specialist picks the place
 * (a USB stick, a shared drive); tests and the bench substitute a folder. Null means "cancelled".
 */
export type ExportKind = 'zip' | 'json' | 'pdf' | 'docx' | 'scan' | 'fhir' | 'research';

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

/** Asks where to save, then writes the bytes there whole (or not at all); null when cancelled. */
export async function saveBytes(
  ctx: { exportTarget?: ExportTarget; dataDirectory: string },
  request: { suggestedName: string; kind: ExportKind },
  bytes: Uint8Array,
): Promise<string | null> {
  const target = ctx.exportTarget ?? folderExportTarget(join(ctx.dataDirectory, 'exports'));
  const path = await target.choose({ suggestedName: basename(request.suggestedName), kind: request.kind });
  return path ? writeExportFile(path, bytes).path : null;
}

/** `2026-11-29-1405`: sortable and safe in a file name on every system. */
export function fileStamp(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}`;
}
