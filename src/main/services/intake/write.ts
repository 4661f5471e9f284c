import { eq } from 'drizzle-orm';
import type { AnySQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { ServiceContext } from '../../context';
import { notFound } from '../../errors';
import { insertAudited, updateAudited, type AuditAction, type Unstamped } from '../audit';
import { refreshCaseloadSummary } from '../caseloadSummary';
import { requireClinician } from '../settings';
import { patientRow } from './facts';

type PatientOwnedTable = SQLiteTable & { id: AnySQLiteColumn; patientId: AnySQLiteColumn };
/** What a caller gives for one row: everything but its id (kept, or made when new) and who/when. */
export type RowValues<T extends PatientOwnedTable> = Omit<Unstamped<T>, 'id'>;

export interface SaveRowOptions<T extends PatientOwnedTable> {
  table: T;
  /** The entity name in the audit log, e.g. `bone_lesion`. */
  entity: string;
  /** Shown in "That bone lesion was not found." */
  what: string;
  id: string | null;
  values: RowValues<T> & { patientId: string };
  /** True when the row feeds a caseload column, so the caseload row is recomputed in the same transaction. */
  refresh: boolean;
  /** Extra checks or writes inside the transaction, before the row is written. */
  before?: (existing: T['$inferSelect'] | null) => void;
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
export function saveRow<T extends PatientOwnedTable>(ctx: ServiceContext, options: SaveRowOptions<T>): string {
  const actor = requireClinician(ctx);
  const { patientId } = options.values;
  return ctx.sqlite.transaction(() => {
    if (!patientRow(ctx, patientId)) throw notFound('That patient');
    const { table } = options;
    const audit = {
      actorId: actor,
      patientId,
      entity: options.entity,
      reason: options.reason ?? null,
    };
    let existing: T['$inferSelect'] | null = null;
    if (options.id) {
      existing = (ctx.db.select().from(table).where(eq(table.id, options.id)).get() as T['$inferSelect']) ?? null;
      if (!existing || existing.patientId !== patientId) throw notFound(`That ${options.what}`);
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
      updateAudited(ctx, table, existing, options.values, {
        ...audit,
        action: options.action ?? 'update',
      });
    } else {
      rowId = insertAudited(ctx, table, options.values, { ...audit, action: options.action ?? 'create' }).id;
    }
    options.after?.(rowId);
    if (options.refresh) refreshCaseloadSummary(ctx, patientId);
    return rowId;
  })();
}
