import { searchPatients } from '../src/main/services/patients';
import { compare, type BenchRow } from './harness';
import type { BenchSuite } from './suite';

/** Caseload search and first page (issue 2): p95 under 2 ms and within 2× hand-written SQL. */
export const caseloadSuite: BenchSuite = {
  name: 'caseload',
  run({ running }): BenchRow[] {
    const { ctx, sqlite } = { ctx: running.ctx, sqlite: running.ctx.sqlite };
    const queries = ['smi', 'okafor', 'pri', 'ngata', 'mrn1004', 'chen', 'tom becker', 'wal'];
    const rawSearch = sqlite.prepare(
      `SELECT id, given_name, family_name, preferred_name, date_of_birth, sex, mrn, status FROM patient
        WHERE (family_key >= :k AND family_key < :kHi) OR (given_key >= :k AND given_key < :kHi)
           OR (preferred_key >= :k AND preferred_key < :kHi) OR (mrn >= :u AND mrn < :uHi)
        ORDER BY family_key, given_key, id LIMIT 50 OFFSET 0`,
    );
    const rawSearchCount = sqlite.prepare(
      `SELECT count(*) AS n FROM patient
        WHERE (family_key >= :k AND family_key < :kHi) OR (given_key >= :k AND given_key < :kHi)
           OR (preferred_key >= :k AND preferred_key < :kHi) OR (mrn >= :u AND mrn < :uHi)`,
    );
    const single = queries.filter((q) => !q.includes(' '));
    const rawFirst = sqlite.prepare(
      `SELECT id, given_name, family_name, preferred_name, date_of_birth, sex, mrn, status FROM patient
        ORDER BY family_key, given_key, id LIMIT 50`,
    );
    const rawFirstCount = sqlite.prepare('SELECT count(*) AS n FROM patient');
    return [
      compare(
        'caseload search (name or MRN prefix)',
        2,
        (i) => searchPatients(ctx, { query: single[i % single.length]!, offset: 0, limit: 50 }),
        (i) => {
          const q = single[i % single.length]!;
          const params = {
            k: q.toLowerCase(),
            kHi: `${q.toLowerCase()}\uffff`,
            u: q.toUpperCase(),
            uHi: `${q.toUpperCase()}\uffff`,
          };
          return [rawSearch.all(params), rawSearchCount.get(params)];
        },
      ),
      compare(
        'caseload first page (50 patients)',
        2,
        () => searchPatients(ctx, { query: '', offset: 0, limit: 50 }),
        () => [rawFirst.all(), rawFirstCount.get()],
      ),
    ];
  },
};
