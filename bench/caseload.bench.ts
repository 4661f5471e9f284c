import { findMatches, nameKey, searchPatients } from '../src/main/services/patients';
import { compare, type BenchRow } from './harness';
import type { BenchSuite } from './suite';

/** Caseload search and first page (issue 2): p95 under 2 ms and within 2× hand-written SQL. */
export const caseloadSuite: BenchSuite = {
  name: 'caseload',
  run({ running }): BenchRow[] {
    const { ctx, sqlite } = { ctx: running.ctx, sqlite: running.ctx.sqlite };
    // Typed without accents or apostrophes, as a specialist would: they find Zoë, Ngũgĩ and O'Brien, by any
    // word of a name (the generated family names are often two, hyphenated).
    const queries = ['smi', 'okafor', 'pri', 'ngata', 'mrn1004', 'chen', 'tom becker', 'wal', 'zoe', 'ngugi', 'obrien'];
    const rawSearch = sqlite.prepare(
      `SELECT id, given_name, family_name, preferred_name, date_of_birth, sex, mrn, status FROM patient
        WHERE (family_key >= :k AND family_key < :kHi) OR (given_key >= :k AND given_key < :kHi)
           OR (preferred_key >= :k AND preferred_key < :kHi) OR (mrn >= :u AND mrn < :uHi)
           OR id IN (SELECT patient_id FROM patient_name_word WHERE word >= :k AND word < :kHi)
        ORDER BY family_key, given_key, id LIMIT 50 OFFSET 0`,
    );
    const rawSearchCount = sqlite.prepare(
      `SELECT count(*) AS n FROM patient
        WHERE (family_key >= :k AND family_key < :kHi) OR (given_key >= :k AND given_key < :kHi)
           OR (preferred_key >= :k AND preferred_key < :kHi) OR (mrn >= :u AND mrn < :uHi)
           OR id IN (SELECT patient_id FROM patient_name_word WHERE word >= :k AND word < :kHi)`,
    );
    const single = queries.filter((q) => !q.includes(' '));
    const rawFirst = sqlite.prepare(
      `SELECT id, given_name, family_name, preferred_name, date_of_birth, sex, mrn, status FROM patient
        ORDER BY family_key, given_key, id LIMIT 50`,
    );
    const rawFirstCount = sqlite.prepare('SELECT count(*) AS n FROM patient');
    const sample = sqlite
      .prepare('SELECT given_name AS g, family_name AS f, date_of_birth AS d, mrn FROM patient ORDER BY id LIMIT 20')
      .all() as Array<{ g: string; f: string; d: string; mrn: string }>;
    // Half typed as stored, half with a new MRN and the name without its accents.
    const candidates = sample.map((p, i) => ({
      givenName: i % 2 ? p.g : p.g.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase(),
      familyName: p.f,
      dateOfBirth: p.d,
      mrn: i % 2 ? p.mrn : `NEW${i}`,
    }));
    const rawByMrn = sqlite.prepare(
      'SELECT id, given_name, family_name, preferred_name, date_of_birth, sex, mrn, status FROM patient WHERE mrn = ?',
    );
    const rawByName = sqlite.prepare(
      `SELECT id, given_name, family_name, preferred_name, date_of_birth, sex, mrn, status FROM patient
        WHERE date_of_birth = :dob AND ((family_key = :family AND (given_key = :given OR preferred_key = :given))
           OR (family_key = :given AND given_key = :family)) LIMIT 10`,
    );
    return [
      compare(
        'caseload search (name or MRN prefix)',
        2,
        (i) => searchPatients(ctx, { query: single[i % single.length]!, offset: 0, limit: 50 }),
        (i) => {
          const q = single[i % single.length]!;
          const params = {
            k: nameKey(q),
            kHi: `${nameKey(q)}\uffff`,
            u: q.toUpperCase(),
            uHi: `${q.toUpperCase()}\uffff`,
          };
          return [rawSearch.all(params), rawSearchCount.get(params)];
        },
      ),
      compare(
        'duplicate check (MRN, or name and date of birth)',
        2,
        (i) => findMatches(ctx, candidates[i % candidates.length]!),
        (i) => {
          const c = candidates[i % candidates.length]!;
          return [
            rawByMrn.get(c.mrn),
            rawByName.all({ dob: c.dateOfBirth, family: nameKey(c.familyName), given: nameKey(c.givenName) }),
          ];
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
