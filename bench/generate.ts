import type { ServiceContext } from '../src/main/context';
import { nameKey } from '../src/main/services/patients';
import { laterNameWords } from '../src/shared/names';

/** A small deterministic PRNG, so every bench run builds the same caseload. */
export function random(seed = 42) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}

const given = [
  'Ruth',
  'Tom',
  'Aroha',
  'Priya',
  'James',
  'Mei',
  'Fatima',
  'Liam',
  'Grace',
  'Noah',
  'Ana',
  'Sione',
  'Olivia',
  'Raj',
  'Hannah',
  'David',
  'Leila',
  'Marco',
  'Zoë',
  'Ibrahim',
];
const family = [
  'Okafor',
  'Becker',
  'Ngata',
  'Raman',
  'Smith',
  'Chen',
  'Haddad',
  'Murphy',
  'Taylor',
  'Nguyen',
  'Lima',
  'Tupou',
  'Brown',
  'Patel',
  'Wilson',
  'Cohen',
  'Rahimi',
  'Rossi',
  'Walker',
  'Ngũgĩ',
  'Kowalski',
  'Santos',
  'Yamamoto',
  "O'Brien",
];

/**
 * Inserts `count` patients through the real schema (the same table and indexes the app writes).
 * Uses one prepared statement in one transaction: the point is to build a big file quickly,
 * not to time inserts.
 */
export function generatePatients(ctx: ServiceContext, count: number, rng = random()): string[] {
  const actor = ctx.session.clinicianId!;
  const insert = ctx.sqlite.prepare(
    `INSERT INTO patient (id, given_name, family_name, preferred_name, date_of_birth, sex, mrn, status, family_key, given_key, preferred_key, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)`,
  );
  const insertWord = ctx.sqlite.prepare('INSERT OR IGNORE INTO patient_name_word (word, patient_id) VALUES (?, ?)');
  const ids: string[] = [];
  const at = ctx.now().toISOString();
  const statuses = ['active', 'active', 'active', 'referred', 'on_hold', 'discharged'];
  ctx.sqlite.transaction(() => {
    for (let i = 0; i < count; i++) {
      const id = ctx.newId();
      const g = rng.pick(given);
      const f = `${rng.pick(family)}${i % 7 === 0 ? '' : `-${rng.pick(family)}`}`;
      const dob = `${rng.int(1935, 1995)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
      insert.run(
        id,
        g,
        f,
        dob,
        rng.pick(['female', 'male']),
        `MRN${String(100000 + i)}`,
        rng.pick(statuses),
        nameKey(f),
        nameKey(g),
        at,
        actor,
        at,
        actor,
      );
      for (const word of laterNameWords(g, f)) insertWord.run(word, id);
      ids.push(id);
    }
  })();
  return ids;
}
