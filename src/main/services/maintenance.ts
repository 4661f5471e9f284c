import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupResult, AuditCheck } from '../../shared/contract/setup';
import type { ServiceContext } from '../context';
import { appendAudit, verifyAuditChain } from './audit';
import { requireClinician } from './settings';

/**
 * A consistent copy of the open caseload into `backups/`. better-sqlite3's online backup copies
 * pages in steps between which other calls run, so the window stays responsive on a large file.
 */
export async function backUpCaseload(ctx: ServiceContext): Promise<BackupResult> {
  const actor = requireClinician(ctx);
  const at = ctx.now();
  const dir = join(ctx.dataDirectory, 'backups');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `caseload-${at.toISOString().replace(/[:.]/g, '-')}.db`);
  await ctx.sqlite.backup(path);
  const sizeBytes = statSync(path).size;
  ctx.sqlite.transaction(() =>
    appendAudit(ctx.db, ctx, {
      actorId: actor,
      patientId: null,
      entity: 'caseload',
      entityId: 'backup',
      action: 'create',
      after: { path, sizeBytes },
    }),
  )();
  return { path, sizeBytes, at: at.toISOString() };
}

export function checkAuditTrail(ctx: ServiceContext): AuditCheck {
  const result = verifyAuditChain(ctx.sqlite);
  return { ...result, checkedAt: ctx.now().toISOString() };
}
