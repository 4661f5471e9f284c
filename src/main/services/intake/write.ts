import { eq } from 'drizzle-orm';
import type { AnySQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { ServiceContext } from '../../context';
import { notFound } from '../../errors';
import { appendAudit, type AuditAction } from '../audit';
import { refreshCaseloadSummary } from '../caseloadSummary';
import { requireClinician } from '../settings';
import { patientRow } from './facts';

type PatientOwnedTable = SQLiteTable & { id: AnySQLiteColumn; patientId: AnySQLiteColumn };

export interface SaveRowOptions {
  table: PatientOwnedTable;
  /** The entity name in the audit log, e.g. `bone_lesion`. */
  entity: string;
  /** Shown in "That bone lesion was not found." */
  what: string;
  patientId: string;
  id: string | null;
  values: Record<string, unknown>;
  /** True when the row feeds a caseload column, so the caseload row is recomputed in the same transaction. */
  refresh: boolean;
  /** Extra checks or writes inside the transaction, before the row is written. */
  before?: (existing: Record<string, unknown> | null) => void;
  after?: (rowId: string) => void;
  action?: AuditAction;
  reason?: string | null;
}

/** True when saving `values` would change nothing in `existing`: no write and no audit entry then. */
export function changesNothing(existing: Record<string, unknown>, values: Record<string, unknown>): boolean {
  return Object.entries(values).every(
    ([key, value]) => JSON.stringify(existing[key] ?? null) === JSON.stringify(value ?? null),
  );
}

/**
 * Writes one intake row (new, or an edit of the patient's own row) with who/when, its audit entry
 * (before and after) and any caseload refresh in one transaction, so a refusal leaves nothing behind.
 */
export function saveRow(ctx: ServiceContext, options: SaveRowOptions): string {
  const actor = requireClinician(ctx);
  return ctx.sqlite.transaction(() => {
    if (!patientRow(ctx, options.patientId)) throw notFound('That patient');
    const at = ctx.now().toISOString();
    // Generic over the intake tables; each caller's values were validated against its contract schema.
    const table = options.table as unknown as SQLiteTable & { id: AnySQLiteColumn; patientId: AnySQLiteColumn };
    const db = ctx.db as unknown as {
      select(): { from(t: unknown): { where(w: unknown): { get(): Record<string, unknown> | undefined } } };
      insert(t: unknown): { values(v: unknown): { run(): unknown } };
      update(t: unknown): { set(v: unknown): { where(w: unknown): { run(): unknown } } };
    };
    let existing: Record<string, unknown> | null = null;
    if (options.id) {
      existing = db.select().from(table).where(eq(table.id, options.id)).get() ?? null;
      if (!existing || existing.patientId !== options.patientId) throw notFound(`That ${options.what}`);
    }
    options.before?.(existing);
    let rowId: string;
    if (
      existing &&
      (options.action ?? 'update') === 'update' &&
      !options.reason &&
      changesNothing(existing, options.values)
    ) {
      rowId = options.id!;
    } else if (existing) {
      rowId = options.id!;
      const changes = { ...options.values, updatedAt: at, updatedBy: actor };
      db.update(table).set(changes).where(eq(table.id, rowId)).run();
      appendAudit(ctx.db, ctx, {
        actorId: actor,
        patientId: options.patientId,
        entity: options.entity,
        entityId: rowId,
        action: options.action ?? 'update',
        before: existing,
        after: { ...existing, ...changes },
        reason: options.reason ?? null,
      });
    } else {
      rowId = ctx.newId();
      const row = {
        id: rowId,
        patientId: options.patientId,
        ...options.values,
        createdAt: at,
        createdBy: actor,
        updatedAt: at,
        updatedBy: actor,
      };
      db.insert(table).values(row).run();
      appendAudit(ctx.db, ctx, {
        actorId: actor,
        patientId: options.patientId,
        entity: options.entity,
        entityId: rowId,
        action: options.action ?? 'create',
        after: row,
        reason: options.reason ?? null,
      });
    }
    options.after?.(rowId);
    if (options.refresh) refreshCaseloadSummary(ctx, options.patientId);
    return rowId;
  })();
}
