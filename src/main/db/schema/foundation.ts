import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { whoAndWhen } from './columns';

export const setting = sqliteTable('setting', {
  key: text('key').primaryKey(),
  valueJson: text('value_json').notNull(),
  updatedAt: text('updated_at').notNull(),
  updatedBy: text('updated_by'),
});

export const clinician = sqliteTable('clinician', {
  id: text('id').primaryKey(),
  fullName: text('full_name').notNull(),
  profession: text('profession').notNull(),
  registrationNumber: text('registration_number'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  /** 'clinician' or 'administrator' (accounts, settings, thresholds, templates, backups, restore). */
  role: text('role').notNull().default('clinician'),
  /** The sign-in name, folded to lower case; null for an earlier version's clinician not yet given one. */
  login: text('login').unique(),
  /** scrypt hash of the quick-unlock PIN (never the PIN); the passphrase itself lives only in the key ring's wrap. */
  pinHash: text('pin_hash'),
  createdAt: text('created_at').notNull(),
  createdBy: text('created_by'),
  updatedAt: text('updated_at').notNull(),
  updatedBy: text('updated_by'),
});

export const patient = sqliteTable(
  'patient',
  {
    id: text('id').primaryKey(),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    preferredName: text('preferred_name'),
    dateOfBirth: text('date_of_birth').notNull(),
    sex: text('sex').notNull(),
    mrn: text('mrn').notNull(),
    status: text('status').notNull().default('referred'),
    /** Folded copies (shared/names.ts) for index-served prefix search; written only by the patients service. */
    familyKey: text('family_key').notNull(),
    givenKey: text('given_key').notNull(),
    preferredKey: text('preferred_key'),
    ...whoAndWhen,
  },
  (t) => [
    uniqueIndex('patient_mrn_unique').on(t.mrn),
    // Name order with the status: the caseload's default page walks it and filters status in the index.
    index('patient_name_order').on(t.familyKey, t.givenKey, t.id, t.status),
    index('patient_given_key').on(t.givenKey),
    index('patient_preferred_key').on(t.preferredKey),
    index('patient_status_family').on(t.status, t.familyKey, t.givenKey),
  ],
);

/**
 * The words of a patient's names after the first of each, folded (shared/names.ts laterNameWords),
 * so search finds a name of several parts by any word ("ngugi" finds Ó'Brien-Ngũgĩ) as an index
 * range; a name's first word is found from its key on patient. Derived from the patient row and
 * rewritten with it by the patients service; no id column, so reconciliation does not look for its
 * trail.
 */
export const patientNameWord = sqliteTable(
  'patient_name_word',
  {
    word: text('word').notNull(),
    patientId: text('patient_id')
      .notNull()
      .references(() => patient.id),
  },
  (t) => [primaryKey({ columns: [t.word, t.patientId] }), index('patient_name_word_patient').on(t.patientId)],
);

/**
 * Append-only, hash-chained. Update and delete are refused by triggers created in the migration;
 * `seq` orders the chain, `hash` = SHA-256 over this row's content and the previous row's hash.
 */
export const auditEvent = sqliteTable(
  'audit_event',
  {
    id: text('id').primaryKey(),
    seq: integer('seq').notNull(),
    at: text('at').notNull(),
    actorId: text('actor_id'),
    patientId: text('patient_id'),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    beforeJson: text('before_json'),
    afterJson: text('after_json'),
    reason: text('reason'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    uniqueIndex('audit_event_seq').on(t.seq),
    index('audit_event_patient').on(t.patientId, t.seq),
    index('audit_event_entity').on(t.entity, t.entityId),
  ],
);
