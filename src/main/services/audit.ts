import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import type { ServiceContext } from '../context';
import type { Db } from '../db/open';
import { auditEvent } from '../db/schema';
import type { AnySQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';

export type AuditAction =
  'create' | 'update' | 'amend' | 'sign' | 'finalise' | 'status' | 'override' | 'retire' | 'discard' | 'settings';

export interface AuditEntryInput {
  actorId: string | null;
  patientId: string | null;
  entity: string;
  entityId: string;
  action: AuditAction;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

const GENESIS = '0'.repeat(64);

type Tx = Pick<Db, '$client'>;

function hashOf(row: Omit<typeof auditEvent.$inferSelect, 'hash'>): string {
  // The hash covers the stored strings exactly as written, so verification never re-serialises.
  return createHash('sha256')
    .update(
      JSON.stringify([
        row.seq,
        row.id,
        row.at,
        row.actorId,
        row.patientId,
        row.entity,
        row.entityId,
        row.action,
        row.beforeJson,
        row.afterJson,
        row.reason,
        row.prevHash,
      ]),
    )
    .digest('hex');
}

interface AuditStatements {
  last: Database.Statement<[], { seq: number; hash: string }>;
  insert: Database.Statement<[Record<string, unknown>]>;
}
const statements = new WeakMap<Database.Database, AuditStatements>();

function statementsFor(sqlite: Database.Database): AuditStatements {
  let cached = statements.get(sqlite);
  if (!cached) {
    cached = {
      last: sqlite.prepare('SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1'),
      insert: sqlite.prepare(
        `INSERT INTO audit_event (id, seq, at, actor_id, patient_id, entity, entity_id, action, before_json, after_json, reason, prev_hash, hash)
         VALUES (@id, @seq, @at, @actorId, @patientId, @entity, @entityId, @action, @beforeJson, @afterJson, @reason, @prevHash, @hash)`,
      ),
    };
    statements.set(sqlite, cached);
  }
  return cached;
}

/**
 * Appends one entry. Call it inside the same transaction as the write it describes, so the
 * record and its audit entry are kept or lost together.
 */
export function appendAudit(tx: Tx, ctx: Pick<ServiceContext, 'now' | 'newId'>, entry: AuditEntryInput): void {
  const sql = statementsFor(tx.$client);
  const last = sql.last.get();
  const row = {
    id: ctx.newId(),
    seq: (last?.seq ?? 0) + 1,
    at: ctx.now().toISOString(),
    actorId: entry.actorId,
    patientId: entry.patientId,
    entity: entry.entity,
    entityId: entry.entityId,
    action: entry.action,
    beforeJson: entry.before === undefined ? null : JSON.stringify(entry.before),
    afterJson: entry.after === undefined ? null : JSON.stringify(entry.after),
    reason: entry.reason ?? null,
    prevHash: last?.hash ?? GENESIS,
  };
  sql.insert.run({ ...row, hash: hashOf(row) });
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  /** The first entry whose hash or link does not match, if any. */
  brokenAt: number | null;
  problem: string | null;
}

/** Walks the whole chain in order; any edit, deletion or reordering behind the triggers' back shows. */
export function verifyAuditChain(sqlite: Database.Database): ChainVerification {
  let prev = GENESIS;
  let expectedSeq = 1;
  let checked = 0;
  const rows = sqlite
    .prepare(
      `SELECT id, seq, at, actor_id AS actorId, patient_id AS patientId, entity, entity_id AS entityId, action,
              before_json AS beforeJson, after_json AS afterJson, reason, prev_hash AS prevHash, hash
         FROM audit_event ORDER BY seq`,
    )
    .iterate() as IterableIterator<typeof auditEvent.$inferSelect>;
  for (const row of rows) {
    if (row.seq !== expectedSeq) {
      return { ok: false, checked, brokenAt: row.seq, problem: `entry ${expectedSeq} is missing` };
    }
    if (row.prevHash !== prev) {
      return { ok: false, checked, brokenAt: row.seq, problem: 'link to the previous entry does not match' };
    }
    if (hashOf(row) !== row.hash) {
      return { ok: false, checked, brokenAt: row.seq, problem: 'entry content does not match its hash' };
    }
    prev = row.hash;
    expectedSeq += 1;
    checked += 1;
  }
  return { ok: true, checked, brokenAt: null, problem: null };
}

export function auditTrailFor(db: Db, entity: string, entityId: string) {
  return db
    .select()
    .from(auditEvent)
    .where(and(eq(auditEvent.entity, entity), eq(auditEvent.entityId, entityId)))
    .orderBy(auditEvent.seq)
    .all();
}

/* ------------------------------------------------------------------ audited writes */

/** The who/when columns every clinical row carries (db/schema/columns.ts). */
type Stamp = 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy';
type AuditedTable = SQLiteTable & { id: AnySQLiteColumn };

export interface AuditedWrite {
  actorId: string;
  patientId: string | null;
  entity: string;
  action?: AuditAction;
  reason?: string | null;
}

// drizzle's builders cannot be typed over a generic table; the public signatures below carry the types.
type LooseDb = {
  insert(table: unknown): { values(row: unknown): { run(): unknown } };
  update(table: unknown): { set(changes: unknown): { where(where: unknown): { run(): unknown } } };
};

/**
 * Inserts one row stamped with who and when, and appends its audit entry ("create" unless told).
 * Call it inside the transaction of the write it belongs to. Returns the row as stored.
 */
export function insertAudited<T extends AuditedTable>(
  ctx: Pick<ServiceContext, 'db' | 'now' | 'newId'>,
  table: T,
  values: Omit<T['$inferInsert'], Stamp>,
  audit: AuditedWrite,
): T['$inferSelect'] {
  const at = ctx.now().toISOString();
  const row = { ...values, createdAt: at, createdBy: audit.actorId, updatedAt: at, updatedBy: audit.actorId };
  (ctx.db as unknown as LooseDb).insert(table).values(row).run();
  const entityId = (row as unknown as { id: string }).id;
  appendAudit(ctx.db, ctx, {
    actorId: audit.actorId,
    patientId: audit.patientId,
    entity: audit.entity,
    entityId,
    action: audit.action ?? 'create',
    after: row,
    reason: audit.reason ?? null,
  });
  return row as unknown as T['$inferSelect'];
}

/**
 * Updates one row by id with `changes` stamped with who and when, and appends its audit entry
 * with the row before and after ("update" unless told). Returns the row after.
 */
export function updateAudited<T extends AuditedTable>(
  ctx: Pick<ServiceContext, 'db' | 'now' | 'newId'>,
  table: T,
  before: T['$inferSelect'],
  changes: Partial<Omit<T['$inferInsert'], Stamp | 'id'>>,
  audit: AuditedWrite,
): T['$inferSelect'] {
  const stamped = { ...changes, updatedAt: ctx.now().toISOString(), updatedBy: audit.actorId };
  const entityId = (before as unknown as { id: string }).id;
  (ctx.db as unknown as LooseDb).update(table).set(stamped).where(eq(table.id, entityId)).run();
  const after = { ...before, ...stamped } as T['$inferSelect'];
  appendAudit(ctx.db, ctx, {
    actorId: audit.actorId,
    patientId: audit.patientId,
    entity: audit.entity,
    entityId,
    action: audit.action ?? 'update',
    before,
    after,
    reason: audit.reason ?? null,
  });
  return after;
}
