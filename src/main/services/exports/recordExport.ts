import { rmSync } from 'node:fs';
import type { ServiceContext } from '../../context';
import { appendAudit } from '../audit';

/**
 * Records a file that has left Pacewise: one audit entry with who exported it, what it holds and
 * where it went. If the entry cannot be written the file is removed: an export nobody can see in
 * the audit trail must not exist.
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
