import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/**
 * Where exported files go. In the app a save dialog asks the specialist (src/main/index.ts); tests
 * and the default use a folder. Services only ever see this port, so they run the same everywhere.
 */
export interface FilePort {
  /** Saves the bytes under a path the specialist chooses; null when they cancel. */
  saveAs(
    suggestedName: string,
    bytes: Uint8Array,
    filter: { name: string; extensions: string[] },
  ): Promise<string | null>;
}

/** Saves into one folder under the suggested name (a file name only, never a path). */
export function folderFilePort(folder: string): FilePort {
  return {
    async saveAs(suggestedName, bytes) {
      mkdirSync(folder, { recursive: true });
      const path = join(folder, basename(suggestedName));
      writeFileSync(path, bytes);
      return path;
    },
  };
}
