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
  let rowsChecked = 0;
  let current: { entity: string; id: string; state: Record<string, unknown>; lastAction: string } | null = null;
  const settle = () => {
    if (!current) return;
    const { entity, id, state, lastAction } = current;
    current = null;
    const columns = tables.get(entity)!;
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
      'SELECT entity, entity_id AS id, action, after_json AS afterJson FROM audit_event ORDER BY entity, entity_id, seq',
    )
    .iterate() as IterableIterator<{ entity: string; id: string; action: string; afterJson: string | null }>;
  for (const entry of trail) {
    if (!tables.has(entry.entity)) continue;
    if (!seen.has(entry.entity)) seen.set(entry.entity, new Set());
    if (!current || current.entity !== entry.entity || current.id !== entry.id) {
      settle();
      current = { entity: entry.entity, id: entry.id, state: {}, lastAction: entry.action };
    }
    // An amendment to an existing record is stored beside it (a new row pointing back); its
    // entry describes that amendment, not a change to this row, which stays as signed.
    const amendsExisting =
      entry.action === 'amend' && current.lastAction !== undefined && Object.keys(current.state).length > 0;
    current.lastAction = entry.action;
    if (entry.afterJson === null || amendsExisting) continue;
    const after = JSON.parse(entry.afterJson) as unknown;
    if (after && typeof after === 'object' && !Array.isArray(after)) Object.assign(current.state, after);
  }
  settle();

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
