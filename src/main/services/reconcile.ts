import type Database from 'better-sqlite3';
import { openSqlite } from '../db/connection';
import type { ReconciliationFinding, ReconciliationReport } from '../../shared/contract/setup';
import { readAnchor } from '../db/anchor';
import { readAuditKey } from '../db/auditKey';
import { runInWorker } from '../workers/run';
import { verifyAuditChain } from './audit';

/** Bookkeeping that some writes touch without restating it in their audit entry. */
const NOT_COMPARED = new Set(['updated_at', 'updated_by']);
/** Rows audited inside their parent's entry (a measure's component results), keyed by the column naming the parent. */
const AUDITED_WITH_PARENT: Record<string, string> = { measure_result: 'parent_result_id' };
const MAX_FINDINGS_LISTED = 500;

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function sameValue(audited: unknown, stored: unknown): boolean {
  if (audited === null || audited === undefined) return stored === null || stored === undefined;
  if (typeof audited === 'boolean') return stored === (audited ? 1 : 0) || stored === audited;
  if (typeof audited === 'number' || typeof audited === 'string') return stored === audited;
  if (typeof stored !== 'string') return false;
  // A JSON column: compare content, not spelling.
  try {
    return JSON.stringify(JSON.parse(stored)) === JSON.stringify(audited);
  } catch {
    return false;
  }
}

const asText = (value: unknown): string | null =>
  value === null || value === undefined ? null : typeof value === 'string' ? value : JSON.stringify(value);

interface TrailEntry {
  seq: number;
  action: string;
  /** The entry's after-state; undefined when it records none. */
  after: unknown;
}

/**
 * Writes that releases before per-record entries logged inside another record's entry, read back
 * as entries of the record they changed, in trail order. Only these documented forms count:
 * - a plan version's "create" entry whose `before` names the version it replaced ({id, version}):
 *   that version's superseded_at was set to the new version's created_at in the same write;
 * - the starter library's entries (entity `exercise_library`, id `starter`): `{added: [key]}`
 *   created the exercise with that starter key (its content was not written into the trail, so
 *   only later entries of its own give fields to compare), and `{retagged: [{key, after}]}` set
 *   its tags.
 */
function impliedEntries(
  sqlite: Database.Database,
  tables: ReadonlyMap<string, ReadonlySet<string>>,
  report: (finding: ReconciliationFinding) => void,
): Map<string, Map<string, TrailEntry[]>> {
  const implied = new Map<string, Map<string, TrailEntry[]>>();
  const add = (entity: string, id: string, entry: TrailEntry) => {
    if (!implied.has(entity)) implied.set(entity, new Map());
    const records = implied.get(entity)!;
    if (!records.has(id)) records.set(id, []);
    records.get(id)!.push(entry);
  };
  const parse = (json: string | null): Record<string, unknown> | null => {
    const value = json === null ? null : (JSON.parse(json) as unknown);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  };

  if (tables.has('exercise_plan')) {
    const supersedes = sqlite
      .prepare(
        `SELECT seq, before_json AS beforeJson, after_json AS afterJson FROM audit_event
          WHERE entity = 'exercise_plan' AND action = 'create' AND before_json IS NOT NULL ORDER BY seq`,
      )
      .iterate() as IterableIterator<{ seq: number; beforeJson: string; afterJson: string | null }>;
    for (const { seq, beforeJson, afterJson } of supersedes) {
      const replaced = parse(beforeJson)?.['id'];
      const createdAt = parse(afterJson)?.['createdAt'];
      if (typeof replaced !== 'string' || typeof createdAt !== 'string') continue;
      add('exercise_plan', replaced, { seq, action: 'update', after: { supersededAt: createdAt } });
    }
  }

  if (tables.get('exercise')?.has('starter_key')) {
    const library = sqlite
      .prepare(
        `SELECT seq, after_json AS afterJson FROM audit_event
          WHERE entity = 'exercise_library' AND entity_id = 'starter' ORDER BY seq`,
      )
      .all() as Array<{ seq: number; afterJson: string | null }>;
    if (library.length > 0) {
      const idOf = new Map(
        (
          sqlite.prepare('SELECT id, starter_key AS key FROM exercise WHERE starter_key IS NOT NULL').all() as Array<{
            id: string;
            key: string;
          }>
        ).map((r) => [r.key, r.id]),
      );
      const missing = new Set<string>();
      const forKey = (key: unknown, entry: TrailEntry) => {
        if (typeof key !== 'string') return;
        const id = idOf.get(key);
        if (id) add('exercise', id, entry);
        else missing.add(key);
      };
      for (const { seq, afterJson } of library) {
        const after = parse(afterJson);
        const added = after?.['added'];
        const retagged = after?.['retagged'];
        if (Array.isArray(added)) for (const key of added) forKey(key, { seq, action: 'create', after: {} });
        if (Array.isArray(retagged)) {
          for (const change of retagged as Array<Record<string, unknown> | null>) {
            forKey(change?.['key'], { seq, action: 'update', after: { tagsJson: change?.['after'] } });
          }
        }
      }
      for (const key of missing) {
        report({
          entity: 'exercise',
          recordId: `starter exercise ${key}`,
          field: '(whole record)',
          problem: 'audited record is missing from the database',
          audited: null,
          stored: null,
        });
      }
    }
  }
  return implied;
}

/**
 * Every clinical row against the after-state of its audit trail: the entries for one record,
 * folded in order, give the content Pacewise last wrote. A field that differs, a row the trail
 * never saw, or an audited row that is gone was changed outside Pacewise. Runs on its own
 * connection (in a worker), so it can take its time over a large caseload.
 */
export function reconcileRows(
  sqlite: Database.Database,
): Pick<ReconciliationReport, 'rowsChecked' | 'findings' | 'findingCount'> {
  const findings: ReconciliationFinding[] = [];
  let findingCount = 0;
  const report = (finding: ReconciliationFinding) => {
    findingCount += 1;
    if (findings.length < MAX_FINDINGS_LISTED) findings.push(finding);
  };
  const tables = new Map<string, Set<string>>();
  for (const { name } of sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as Array<{ name: string }>) {
    const columns = new Set(
      (sqlite.pragma(`table_info(${JSON.stringify(name)})`) as Array<{ name: string }>).map((c) => c.name),
    );
    if (columns.has('id') && name !== 'audit_event') tables.set(name, columns);
  }
  const select = new Map<string, Database.Statement>();
  const rowOf = (table: string, id: string) => {
    let statement = select.get(table);
    if (!statement) {
      statement = sqlite.prepare(`SELECT * FROM "${table}" WHERE id = ?`);
      select.set(table, statement);
    }
    return statement.get(id) as Record<string, unknown> | undefined;
  };

  const seen = new Map<string, Set<string>>();
  const implied = impliedEntries(sqlite, tables, report);
  let rowsChecked = 0;
  let current: {
    entity: string;
    id: string;
    state: Record<string, unknown>;
    lastAction: string;
    implied: TrailEntry[];
  } | null = null;
  const fold = (entry: TrailEntry) => {
    const record = current!;
    // An amendment to an existing record is stored beside it (a new row pointing back); its
    // entry describes that amendment, not a change to this row, which stays as signed.
    const amendsExisting = entry.action === 'amend' && Object.keys(record.state).length > 0;
    record.lastAction = entry.action;
    if (entry.after === undefined || amendsExisting) return;
    const after = entry.after;
    if (after && typeof after === 'object' && !Array.isArray(after)) Object.assign(record.state, after);
  };
  const foldImpliedBefore = (seq: number) => {
    const pending = current!.implied;
    while (pending.length > 0 && pending[0]!.seq < seq) fold(pending.shift()!);
  };
  const begin = (entity: string, id: string) => {
    const own = implied.get(entity);
    const pending = own?.get(id) ?? [];
    own?.delete(id);
    current = { entity, id, state: {}, lastAction: 'create', implied: pending };
  };
  const settle = () => {
    if (!current) return;
    foldImpliedBefore(Number.POSITIVE_INFINITY);
    const { entity, id, state, lastAction } = current;
    current = null;
    const columns = tables.get(entity)!;
    if (!seen.has(entity)) seen.set(entity, new Set());
    seen.get(entity)!.add(id);
    const row = rowOf(entity, id);
    rowsChecked += 1;
    if (!row) {
      if (lastAction !== 'discard') {
        report({
          entity,
          recordId: id,
          field: '(whole record)',
          problem: 'audited record is missing from the database',
          audited: null,
          stored: null,
        });
      }
      return;
    }
    for (const [key, value] of Object.entries(state)) {
      const column = snake(key);
      if (!columns.has(column) || NOT_COMPARED.has(column)) continue;
      if (!sameValue(value, row[column])) {
        report({
          entity,
          recordId: id,
          field: column,
          problem: 'stored value differs from the latest audited value',
          audited: asText(value),
          stored: asText(row[column]),
        });
      }
    }
  };
  const trail = sqlite
    .prepare(
      'SELECT seq, entity, entity_id AS id, action, after_json AS afterJson FROM audit_event ORDER BY entity, entity_id, seq',
    )
    .iterate() as IterableIterator<{
    seq: number;
    entity: string;
    id: string;
    action: string;
    afterJson: string | null;
  }>;
  for (const entry of trail) {
    if (!tables.has(entry.entity)) continue;
    // (A cast: TypeScript does not see `begin` and `settle` assign `current`.)
    const open = current as { entity: string; id: string } | null;
    if (!open || open.entity !== entry.entity || open.id !== entry.id) {
      settle();
      begin(entry.entity, entry.id);
    }
    foldImpliedBefore(entry.seq);
    fold({
      seq: entry.seq,
      action: entry.action,
      after: entry.afterJson === null ? undefined : (JSON.parse(entry.afterJson) as unknown),
    });
  }
  settle();
  // Records whose only entries are written inside another record's (an older release's).
  for (const [entity, records] of implied) {
    for (const id of [...records.keys()]) {
      begin(entity, id);
      settle();
    }
  }

  // Rows of an audited kind that the trail never mentions were written behind Pacewise's back.
  for (const [entity, ids] of seen) {
    const parent = AUDITED_WITH_PARENT[entity];
    const query = parent ? `SELECT id FROM "${entity}" WHERE "${parent}" IS NULL` : `SELECT id FROM "${entity}"`;
    for (const { id } of sqlite.prepare(query).iterate() as IterableIterator<{ id: string }>) {
      if (ids.has(id)) continue;
      rowsChecked += 1;
      report({
        entity,
        recordId: id,
        field: '(whole record)',
        problem: 'record has no audit entry',
        audited: null,
        stored: null,
      });
    }
  }
  return { rowsChecked, findings, findingCount };
}

/** The full check (chain and rows) over a caseload file, read-only. */
export function reconcileFile(caseloadPath: string, dataDir: string, at: Date): ReconciliationReport {
  const started = performance.now();
  const sqlite = openSqlite(caseloadPath, { readonly: true, fileMustExist: true });
  try {
    sqlite.pragma('busy_timeout = 5000');
    // One read transaction, so the chain and the rows are compared at the same moment.
    return sqlite.transaction(() => {
      const { head: _head, ...chain } = verifyAuditChain(sqlite, {
        auditKey: readAuditKey(dataDir),
        expectedHead: readAnchor(dataDir),
      });
      const rows = reconcileRows(sqlite);
      return {
        ok: chain.ok && rows.findingCount === 0,
        ...rows,
        chain: { ...chain, checkedAt: at.toISOString() },
        checkedAt: at.toISOString(),
        durationMs: Math.round(performance.now() - started),
      };
    })();
  } finally {
    sqlite.close();
  }
}

export function reconcileInWorker(caseloadPath: string, dataDir: string, at: Date): Promise<ReconciliationReport> {
  return runInWorker<ReconciliationReport>({ task: 'reconcile', caseloadPath, dataDir, at: at.toISOString() });
}
