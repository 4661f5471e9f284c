import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic, flushFile } from './files';

/**
 * The audit trail's head (sequence and hash) kept outside the database. The database is written
 * first and the anchor after the commit, so after a crash the database may be ahead of its anchor
 * (harmless) but never behind it, unless changes Pacewise acknowledged were lost: a deleted or
 * damaged `-wal`, a truncated trail, an older file copied over.
 */
export interface AuditAnchor {
  seq: number;
  hash: string;
  at: string;
}

export const ANCHOR_FILE = 'caseload.anchor';

export function anchorPath(dataDir: string): string {
  return join(dataDir, ANCHOR_FILE);
}

export function parseAnchor(text: string): AuditAnchor | null {
  try {
    const value = JSON.parse(text) as Partial<AuditAnchor> & { format?: string };
    if (value.format !== 'pacewise-anchor') return null;
    if (!Number.isInteger(value.seq) || value.seq! < 0 || typeof value.hash !== 'string') return null;
    return { seq: value.seq!, hash: value.hash, at: String(value.at ?? '') };
  } catch {
    return null;
  }
}

export function serialiseAnchor(anchor: AuditAnchor): string {
  return JSON.stringify({ format: 'pacewise-anchor', ...anchor });
}

export function readAnchor(dataDir: string): AuditAnchor | null {
  const path = anchorPath(dataDir);
  if (!existsSync(path)) return null;
  return parseAnchor(readFileSync(path, 'utf8'));
}

/**
 * `flush: false` is for the write after every save: rename keeps it whole across a process crash
 * (the operating system still holds it), and the caseload flushes it when idle and at close. Only
 * a power loss inside that window can leave the anchor a few writes behind, which errs on the safe
 * side: a database ahead of its anchor opens normally.
 */
export function writeAnchor(dataDir: string, anchor: AuditAnchor, options: { flush?: boolean } = {}): void {
  writeFileAtomic(anchorPath(dataDir), serialiseAnchor(anchor), options);
}

export function flushAnchor(dataDir: string): void {
  if (existsSync(anchorPath(dataDir))) flushFile(anchorPath(dataDir));
}

export type AnchorComparison =
  | { state: 'in-step' }
  | { state: 'ahead' }
  | { state: 'behind'; missing: number }
  | { state: 'diverged'; atSeq: number };

/**
 * Where the database stands against its anchor. `hashAt` looks up the database's entry at a
 * sequence number, so a database ahead of its anchor is checked to still hold the anchored entry.
 */
export function compareWithAnchor(
  anchor: AuditAnchor,
  head: { seq: number; hash: string } | null,
  hashAt: (seq: number) => string | null,
): AnchorComparison {
  const seq = head?.seq ?? 0;
  if (seq < anchor.seq) return { state: 'behind', missing: anchor.seq - seq };
  if (anchor.seq === 0) return seq === 0 ? { state: 'in-step' } : { state: 'ahead' };
  const there = seq === anchor.seq ? head!.hash : hashAt(anchor.seq);
  if (there !== anchor.hash) return { state: 'diverged', atSeq: anchor.seq };
  return seq === anchor.seq ? { state: 'in-step' } : { state: 'ahead' };
}
