import { mkdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type {
  AuditCheck,
  BackupPolicy,
  BackupResult,
  BackupSummary,
  ReconciliationReport,
  RestoreResult,
} from '../../shared/contract/setup';
import type { ServiceContext } from '../context';
import { readAnchor } from '../db/anchor';
import { appendAudit, verifyAuditChain } from './audit';
import { dataKeyFor } from '../db/keyring';
import { ApiError } from '../errors';
import {
  DEFAULT_ROTATION,
  inspectBackup,
  listBackups,
  rotateBackups,
  stagedImportPath,
  stageImport,
  takeBackup,
} from './backups';
import { readSetting, requireClinician, writeSetting } from './settings';

/**
 * A consistent copy of the open caseload into `backups/`, taken by SQLite's online backup in a
 * worker thread and integrity-checked there, so the window keeps answering on a large file.
 */
export async function backUpCaseload(ctx: ServiceContext): Promise<BackupResult> {
  const actor = requireClinician(ctx);
  const at = ctx.now();
  const dir = join(ctx.dataDirectory, 'backups');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `caseload-manual-${at.toISOString().replace(/[:.]/g, '-')}.db`);
  await auditedBackup(ctx, actor, path, at);
  const sizeBytes = statSync(path).size;
  return { path, sizeBytes, at: at.toISOString() };
}

/**
 * The audit entry goes in first, so the backup holds it and matches the anchor: a backup taken
 * just before a loss then counts as holding every acknowledged change. A failure is audited too.
 */
async function auditedBackup(ctx: ServiceContext, actor: string, path: string, at: Date): Promise<void> {
  const audit = (action: 'create' | 'discard', after: unknown, reason: string | null) =>
    ctx.sqlite.transaction(() =>
      appendAudit(ctx.db, ctx, {
        actorId: actor,
        patientId: null,
        entity: 'caseload',
        entityId: 'backup',
        action,
        after,
        reason,
      }),
    )();
  audit('create', { path }, null);
  try {
    await takeBackup(ctx.dataDirectory, path, at);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    audit('discard', { path }, `Backup failed: ${message}`);
    throw new ApiError('conflict', `The backup to ${dirname(path)} failed and nothing was kept there: ${message}`);
  }
}

export function checkAuditTrail(ctx: ServiceContext): AuditCheck {
  const anchor = readAnchor(ctx.dataDirectory);
  const { head: _head, ...result } = verifyAuditChain(ctx.sqlite, { expectedHead: anchor });
  return { ...result, checkedAt: ctx.now().toISOString() };
}

function hostOf(ctx: ServiceContext) {
  if (!ctx.host) throw new ApiError('conflict', 'This copy of Pacewise cannot do that here.');
  return ctx.host;
}

const knownMigrations = (ctx: ServiceContext) =>
  (ctx.sqlite.prepare('SELECT count(*) AS n FROM pacewise_migration').get() as { n: number }).n;

/** Backs up to a folder the specialist picks (a USB stick), from a worker; audited like any backup. */
export async function backUpToFolder(ctx: ServiceContext): Promise<BackupResult | null> {
  const actor = requireClinician(ctx);
  const folder = await hostOf(ctx).dialogs.chooseBackupFolder();
  if (!folder) return null;
  const at = ctx.now();
  const path = join(folder, `caseload-${at.toISOString().replace(/[:.]/g, '-')}.db`);
  await auditedBackup(ctx, actor, path, at);
  const sizeBytes = statSync(path).size;
  return { path, sizeBytes, at: at.toISOString() };
}

export function listCaseloadBackups(ctx: ServiceContext): BackupSummary[] {
  return listBackups(ctx.dataDirectory, knownMigrations(ctx));
}

/**
 * Brings a backup from elsewhere and shows what it holds, before any restore. It waits beside the
 * backups list and joins it only if it is restored: cancelling adds nothing.
 */
export async function importCaseloadBackup(ctx: ServiceContext): Promise<BackupSummary | null> {
  requireClinician(ctx);
  const file = await hostOf(ctx).dialogs.chooseBackupFile();
  if (!file) return null;
  const summary = inspectBackup(file, knownMigrations(ctx), null, dataKeyFor(ctx.dataDirectory));
  if (summary.problem)
    throw new ApiError('validation', `${basename(file)}: ${summary.problem}`, { file: summary.problem });
  const copied = stageImport(ctx.dataDirectory, file, ctx.now());
  return inspectBackup(copied, knownMigrations(ctx));
}

/** Restores a listed backup, or the one brought from elsewhere, and says what was done. */
export async function restoreCaseload(ctx: ServiceContext, fileName: string): Promise<RestoreResult> {
  const actor = requireClinician(ctx);
  const host = hostOf(ctx);
  const staged = stagedImportPath(ctx.dataDirectory, fileName);
  const summary = staged
    ? inspectBackup(staged, knownMigrations(ctx))
    : listBackups(ctx.dataDirectory, knownMigrations(ctx)).find((b) => b.fileName === fileName);
  if (!summary) throw new ApiError('not_found', `The backup ${fileName} was not found.`);
  if (summary.problem) throw new ApiError('validation', summary.problem, { fileName: summary.problem });
  // The host closes this caseload and opens the restored one; its state is what the window shows next.
  const { state, replacedFile } = await host.restore(fileName, actor, 'Restored from a backup in Settings');
  return { state, backup: summary, replacedFile };
}

export async function reconcile(ctx: ServiceContext, fresh: boolean): Promise<ReconciliationReport | null> {
  return hostOf(ctx).reconcile(fresh);
}

export function nothingToRecover(): never {
  throw new ApiError('conflict', 'The caseload is open: there is nothing to recover.');
}

const BACKUP_POLICY = 'backup.policy';

export function backupPolicy(ctx: ServiceContext): BackupPolicy {
  return (
    readSetting<BackupPolicy>(ctx, BACKUP_POLICY) ?? {
      keepDaily: DEFAULT_ROTATION.daily,
      keepWeekly: DEFAULT_ROTATION.weekly,
    }
  );
}

export function setBackupPolicy(ctx: ServiceContext, policy: BackupPolicy): BackupPolicy {
  const actor = requireClinician(ctx);
  ctx.sqlite.transaction(() => writeSetting(ctx, BACKUP_POLICY, policy, actor))();
  rotateBackups(ctx.dataDirectory, { daily: policy.keepDaily, weekly: policy.keepWeekly });
  return policy;
}
