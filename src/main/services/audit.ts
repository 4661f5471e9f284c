import { createHash, createHmac } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import type { AuditKey } from '../db/auditKey';
import type { ServiceContext } from '../context';
import type { Db } from '../db/open';
import { prepared } from '../db/prepared';
import { auditEvent } from '../db/schema';
import type { AnySQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';

export type AuditAction =
  | 'create'
  | 'update'
  | 'amend'
  | 'sign'
  | 'finalise'
  | 'status'
  | 'override'
  | 'retire'
  | 'discard'
  | 'settings'
  | 'restore'
  /** Sign-in, failed sign-in, lock, unlock, switch, passphrase and PIN changes (services/access.ts). */
  | 'access';

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

function hashOf(row: Omit<typeof auditEvent.$inferSelect, 'hash'>, auditKey: AuditKey | null): string {
  // The hash covers the stored strings exactly as written, so verification never re-serialises.
  const content = JSON.stringify([
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
  ]);
  // Entries before the key existed (an older release's) stay plain SHA-256 so they keep verifying.
  if (auditKey && row.seq >= auditKey.keyedFromSeq) {
    return createHmac('sha256', auditKey.key).update(content).digest('hex');
  }
  return createHash('sha256').update(content).digest('hex');
}

const keys = new WeakMap<Database.Database, AuditKey>();

/** Every entry appended through this connection from now on is keyed (HMAC-SHA256). */
export function useAuditKey(sqlite: Database.Database, auditKey: AuditKey): void {
  keys.set(sqlite, auditKey);
}

export function auditKeyOf(sqlite: Database.Database): AuditKey | null {
  return keys.get(sqlite) ?? null;
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
  sql.insert.run({ ...row, hash: hashOf(row, auditKeyOf(tx.$client)) });
}

export interface ChainBreak {
  seq: number;
  problem: string;
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  /** The first entry whose hash or link does not match, if any. */
  brokenAt: number | null;
  problem: string | null;
  /** Every break found, in order (capped at MAX_BREAKS_LISTED; `breakCount` is the full number). */
  breaks: ChainBreak[];
  breakCount: number;
  head: { seq: number; hash: string } | null;
}

const MAX_BREAKS_LISTED = 500;

/**
 * Walks the whole chain in order and reports every break, not only the first: any edit, deletion
 * or reordering behind the triggers' back shows, and so does a tail recomputed without the key.
 * `expectedHead` (the anchor kept outside the file) also catches entries cut off the end.
 */
export function verifyAuditChain(
  sqlite: Database.Database,
  options: { auditKey?: AuditKey | null; expectedHead?: { seq: number; hash: string } | null } = {},
): ChainVerification {
  const auditKey = options.auditKey === undefined ? auditKeyOf(sqlite) : options.auditKey;
  const breaks: ChainBreak[] = [];
  let breakCount = 0;
  const report = (seq: number, problem: string) => {
    breakCount += 1;
    if (breaks.length < MAX_BREAKS_LISTED) breaks.push({ seq, problem });
  };
  let prev = GENESIS;
  let expectedSeq = 1;
  let checked = 0;
  let head: { seq: number; hash: string } | null = null;
  const expected = options.expectedHead;
  let hashAtExpected: string | null = null;
  const rows = sqlite
    .prepare(
      `SELECT id, seq, at, actor_id AS actorId, patient_id AS patientId, entity, entity_id AS entityId, action,
              before_json AS beforeJson, after_json AS afterJson, reason, prev_hash AS prevHash, hash
         FROM audit_event ORDER BY seq`,
    )
    .iterate() as IterableIterator<typeof auditEvent.$inferSelect>;
  for (const row of rows) {
    if (row.seq !== expectedSeq) {
      report(
        row.seq,
        row.seq > expectedSeq ? `entries ${expectedSeq}–${row.seq - 1} are missing` : 'entry is out of order',
      );
    } else if (row.prevHash !== prev) {
      report(row.seq, 'link to the previous entry does not match');
    }
    if (hashOf(row, auditKey) !== row.hash) {
      report(
        row.seq,
        auditKey && row.seq >= auditKey.keyedFromSeq
          ? 'entry content does not match its hash (keyed: changed or re-hashed outside Pacewise)'
          : 'entry content does not match its hash',
      );
    }
    if (expected && row.seq === expected.seq) hashAtExpected = row.hash;
    prev = row.hash;
    expectedSeq = row.seq + 1;
    checked += 1;
    head = { seq: row.seq, hash: row.hash };
  }
  if (expected && expected.seq > 0) {
    if (!head || head.seq < expected.seq) {
      const from = (head?.seq ?? 0) + 1;
      report(expected.seq, `entries ${from}–${expected.seq} are missing from the end of the trail`);
    } else if (hashAtExpected !== expected.hash) {
      report(expected.seq, 'this entry is not the one Pacewise last recorded outside the database');
    }
  }
  const first = breaks[0] ?? null;
  return {
    ok: breakCount === 0,
    checked,
    brokenAt: first?.seq ?? null,
    problem: first?.problem ?? null,
    breaks,
    breakCount,
    head,
  };
}

/** Whether one stored entry's hash verifies under `auditKey` (null: as plain SHA-256). */
export function entryVerifies(sqlite: Database.Database, seq: number, auditKey: AuditKey | null): boolean {
  const row = sqlite
    .prepare(
      `SELECT id, seq, at, actor_id AS actorId, patient_id AS patientId, entity, entity_id AS entityId, action,
              before_json AS beforeJson, after_json AS afterJson, reason, prev_hash AS prevHash, hash
         FROM audit_event WHERE seq = ?`,
    )
    .get(seq) as typeof auditEvent.$inferSelect | undefined;
  return row !== undefined && hashOf(row, auditKey) === row.hash;
}

/** The newest entry's sequence and hash: what the anchor file and each backup record. */
export function auditHead(sqlite: Database.Database): { seq: number; hash: string } | null {
  return statementsFor(sqlite).last.get() ?? null;
}

/** The entry at one sequence number, to check that a database ahead of its anchor still contains it. */
export function auditHashAt(sqlite: Database.Database, seq: number): string | null {
  const row = sqlite.prepare('SELECT hash FROM audit_event WHERE seq = ?').get(seq) as { hash: string } | undefined;
  return row?.hash ?? null;
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
/** A row is found by its `id`, or by its patient where it is the patient's only one (patient_details). */
export type AuditedTable = SQLiteTable & ({ id: AnySQLiteColumn } | { patientId: AnySQLiteColumn });
export type Unstamped<T extends SQLiteTable> = Omit<T['$inferInsert'], Stamp>;

/** Who/when for a new row. Alone only for rows written in bulk inside another entry (a plan's items). */
export function stamps(at: string, actorId: string) {
  return { createdAt: at, createdBy: actorId, updatedAt: at, updatedBy: actorId };
}

export interface AuditedWrite<Row = unknown> {
  actorId: string;
  patientId: string | null;
  entity: string;
  action?: AuditAction;
  reason?: string | null;
  /** Columns kept out of the audit entry: file bytes, which a hash column beside them stands for. */
  unaudited?: readonly string[];
  /** The record the entry is about when it is not the row written (an amendment row, logged on its session). */
  entityId?: string;
  /**
   * What the entry records instead of the whole row (given, even as undefined, it replaces it): a
   * status change records only {status}. Reconciliation folds `after` over the record, so it must
   * hold stored values only under column names.
   */
  before?: unknown;
  after?: (row: Row) => unknown;
  /** Writes that need the row as stored and come before its entry in the trail (a copy's results). */
  beforeEntry?: (row: Row) => void;
  /** false: the write is logged inside another entry (a sign-off carries its screen), so it gets none. */
  ownEntry?: boolean;
  /** The instant to stamp, when other columns of the write carry the same moment (signedAt). */
  at?: string;
}

type AuditContext = Pick<ServiceContext, 'db' | 'now' | 'newId'>;

function withoutUnaudited<R>(row: R, audit: AuditedWrite<never>): R {
  if (!audit.unaudited?.length) return row;
  const copy = { ...row } as Record<string, unknown>;
  for (const column of audit.unaudited) delete copy[column];
  return copy as R;
}

function keyOf(table: AuditedTable): { column: AnySQLiteColumn; name: 'id' | 'patientId' } {
  return 'id' in table ? { column: table.id, name: 'id' } : { column: table.patientId, name: 'patientId' };
}

function writeEntry<Row>(
  ctx: AuditContext,
  audit: AuditedWrite<Row>,
  entityId: string,
  defaultAction: AuditAction,
  before: unknown,
  after: Row,
): void {
  if (audit.ownEntry === false) return;
  appendAudit(ctx.db, ctx, {
    actorId: audit.actorId,
    patientId: audit.patientId,
    entity: audit.entity,
    entityId: audit.entityId ?? entityId,
    action: audit.action ?? defaultAction,
    before: 'before' in audit ? audit.before : before,
    after: audit.after ? audit.after(after) : withoutUnaudited(after, audit as AuditedWrite<never>),
    reason: audit.reason ?? null,
  });
}

// drizzle's builders cannot be typed over a generic table; the public signatures below carry the types.
type LooseDb = {
  insert(table: unknown): { values(row: unknown): { run(): unknown } };
  update(table: unknown): {
    set(changes: unknown): {
      where(where: unknown): { run(): unknown; prepare(): { run(values: Record<string, unknown>): unknown } };
    };
  };
};

/**
 * Inserts one row stamped with who and when, and appends its audit entry ("create" unless told).
 * Call it inside the transaction of the write it belongs to. Returns the row as stored.
 */
export function insertAudited<T extends AuditedTable>(
  ctx: AuditContext,
  table: T,
  /** Without an `id`, the row gets a new one. */
  values: Unstamped<T> | Omit<Unstamped<T>, 'id'>,
  audit: AuditedWrite<T['$inferSelect']>,
): T['$inferSelect'] {
  const key = keyOf(table);
  const made = key.name === 'id' && !('id' in values) ? { id: ctx.newId() } : {};
  const at = audit.at ?? ctx.now().toISOString();
  const row = { ...made, ...values, ...stamps(at, audit.actorId) } as T['$inferSelect'];
  (ctx.db as unknown as LooseDb).insert(table).values(row).run();
  audit.beforeEntry?.(row);
  writeEntry(ctx, audit, (row as Record<string, string>)[key.name]!, 'create', undefined, row);
  return row;
}

/**
 * Updates one row (by its key) with `changes` stamped with who and when, and appends its audit
 * entry with the row before and after ("update" unless told). Returns the row after.
 */
export function updateAudited<T extends AuditedTable>(
  ctx: AuditContext,
  table: T,
  before: T['$inferSelect'],
  changes: Partial<Omit<Unstamped<T>, 'id'>>,
  audit: AuditedWrite<T['$inferSelect']> & {
    /**
     * Builds the UPDATE once per caseload under this name (hot paths). `changes` then has the same
     * keys every time and values the driver binds as they are (text, numbers, null).
     */
    prepared?: string;
  },
): T['$inferSelect'] {
  const stamped = { ...changes, updatedAt: audit.at ?? ctx.now().toISOString(), updatedBy: audit.actorId };
  const key = keyOf(table);
  const rowId = (before as Record<string, string>)[key.name]!;
  const db = ctx.db as unknown as LooseDb;
  if (audit.prepared) {
    const slots = Object.fromEntries(Object.keys(stamped).map((k) => [k, sql.placeholder(k)]));
    prepared(ctx, audit.prepared, () =>
      db
        .update(table)
        .set(slots)
        .where(eq(key.column, sql.placeholder('rowKey')))
        .prepare(),
    ).run({ ...stamped, rowKey: rowId });
  } else {
    db.update(table).set(stamped).where(eq(key.column, rowId)).run();
  }
  const after = { ...before, ...stamped } as T['$inferSelect'];
  audit.beforeEntry?.(after);
  writeEntry(ctx, audit, rowId, 'update', withoutUnaudited(before, audit as AuditedWrite<never>), after);
  return after;
}
