import { eq } from 'drizzle-orm';
import type { AnySQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { ServiceContext } from '../../context';
import { notFound } from '../../errors';
import { insertAudited, updateAudited, type AuditAction } from '../audit';
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
    const { table } = options;
    const audit = {
      actorId: actor,
      patientId: options.patientId,
      entity: options.entity,
      reason: options.reason ?? null,
    };
    let existing: Record<string, unknown> | null = null;
    if (options.id) {
      existing = (ctx.db.select().from(table).where(eq(table.id, options.id)).get() as Record<string, unknown>) ?? null;
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
      // Each caller's values were validated against its contract schema for this table.
      updateAudited(ctx, table, existing as never, options.values as never, {
        ...audit,
        action: options.action ?? 'update',
      });
    } else {
      rowId = ctx.newId();
      insertAudited(ctx, table, { id: rowId, patientId: options.patientId, ...options.values } as never, {
        ...audit,
        action: options.action ?? 'create',
      });
    }
    options.after?.(rowId);
    if (options.refresh) refreshCaseloadSummary(ctx, options.patientId);
    return rowId;
  })();
}
