import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';

/**
 * Writes a small file so that a crash leaves either the old or the new content, never half of
 * one: write a sibling, flush it to the disk, then rename over the original.
 */
export function writeFileAtomic(path: string, content: string, options: { flush?: boolean } = {}): void {
  const temporary = `${path}.tmp`;
  const fd = openSync(temporary, 'w');
  try {
    writeSync(fd, content);
    if (options.flush !== false) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}

/** Flushes a file already written (an anchor written unflushed on the hot path) to the disk. */
export function flushFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
