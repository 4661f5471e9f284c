import { and, desc, eq, lt, sql } from 'drizzle-orm';
import {
  writeHistoryText,
  type HistoryEntry,
  type HistoryFieldChange,
  type HistoryPage,
  type HistoryText,
} from '../../shared/contract/audit';
import type { ParsedInputOf } from '../../shared/contract';
import {
  adverseEventTypeLabels,
  attendanceLabels,
  entryOriginLabel,
  entryOutcomeLabels,
} from '../../shared/contract/sessions';
import { decisionLabels, findRedFlag, ruleLabel } from '../../shared/clinical/session';
import { isClinicDate } from '../../shared/dates';
import {
  clearanceDecisions,
  patientStatuses,
  sexes,
  treatmentTypes,
  weightBearingStatuses,
} from '../../shared/domain/vocabulary';
import type { ServiceContext } from '../context';
import { prepared } from '../db/prepared';
import { auditEvent, clinician, contact, exercise } from '../db/schema';
import { getPatient } from './patients';

/** What each audit action means to a clinician reading the history. */
export const actionLabels: Record<string, string> = {
  create: 'Recorded',
  update: 'Changed',
  amend: 'Amended',
  sign: 'Signed',
  finalise: 'Finalised',
  status: 'Status changed',
  override: 'Override',
  retire: 'Retired',
  discard: 'Discarded',
  settings: 'Settings changed',
};

/** Field names that read badly when the key is split into words. */
const fieldLabels: Record<string, string> = {
  mrn: 'Hospital number (MRN)',
  dateOfBirth: 'Date of birth',
  leadClinicianId: 'Lead clinician',
  reassessmentIntervalWeeks: 'Reassessment interval (weeks)',
  emergencyContactName: 'Emergency contact or carer',
  emergencyContactPhone: 'Emergency contact phone',
  emergencyContactRelationship: 'Emergency contact relationship',
  interpreterNeeded: 'Interpreter needed',
  exerciseId: 'Exercise',
  requestedFromContactId: 'Requested from',
  receivedFromContactId: 'Received from',
  contactId: 'Contact',
  sbp: 'Systolic BP',
  dbp: 'Diastolic BP',
  spo2: 'SpO₂',
  restingHr: 'Resting heart rate',
  rpe: 'RPE',
  rpeOverall: 'Session RPE',
  rpeCeiling: 'RPE ceiling',
  rpeMin: 'RPE from',
  rpeMax: 'RPE to',
  temperatureC: 'Temperature (°C)',
  durationMin: 'Minutes',
  loadKg: 'Load (kg)',
  hrCeiling: 'Heart-rate ceiling',
  email: 'Email',
};

/**
 * Fields whose stored codes have labels on their screens: the same labels, so the history reads as
 * the screen did. A key shared by two records (a session's and a clearance's `decision`) takes both.
 */
const valueLabels: Record<string, Record<string, string>> = {
  sex: sexes.labels,
  status: patientStatuses.labels,
  fromStatus: patientStatuses.labels,
  toStatus: patientStatuses.labels,
  weightBearingStatus: weightBearingStatuses.labels,
  decision: { ...decisionLabels, ...clearanceDecisions.labels },
  outcome: entryOutcomeLabels,
  attendance: attendanceLabels,
  type: { ...treatmentTypes.labels, ...adverseEventTypeLabels },
};

/** Lists of ids whose items have names on the screen: the safety screen's rules and red flags. */
const itemLabels: Record<string, (id: string) => string> = {
  firedRules: ruleLabel,
  firedRulesJson: ruleLabel,
  redFlags: (id) => findRedFlag(id)?.label ?? id.replace(/_/g, ' '),
};

/** Bookkeeping that every row carries; it says nothing a clinician needs in the history. */
const NOISY = new Set(['id', 'patientId', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy']);

function sentence(words: string): string {
  const lower = words.trim().toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/** 'bone_lesion' → 'Bone lesion'. */
export function entityLabel(entity: string): string {
  return sentence(entity.replace(/[_.-]+/g, ' '));
}

/** 'preferredName' → 'Preferred name'; `*Json` keys lose the suffix. */
export function fieldLabel(key: string): string {
  const known = fieldLabels[key];
  if (known) return known;
  const base = key.endsWith('Json') ? key.slice(0, -4) : key;
  return sentence(
    base
      .replace(/_/g, ' ')
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2'),
  );
}

function isNoisy(key: string): boolean {
  return NOISY.has(key) || key.endsWith('Key') || key === 'hash' || key === 'prevHash' || key === 'position';
}

/** A link to another record that has no name to show (a session, a plan): it says nothing to a reader. */
function isBareLink(key: string, text: HistoryText | null): boolean {
  return key.endsWith('Id') && (text === null || plainText(text) === 'another record');
}

function parseJsonColumn(key: string, value: unknown): unknown {
  if (!key.endsWith('Json') || typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const CODE = /^[a-z]+(_[a-z0-9]+)+$/;
/** A sortable record id (ULID): never shown as such, only as the name it points to. */
const RECORD_ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
/** Long text is sent whole up to this length; the screen folds it. */
const MAX_TEXT = 4000;

/** Dates and instants as they were stored, for comparing two values and in tests. */
export function plainText(text: HistoryText | null): string | null {
  return text === null ? null : writeHistoryText(text, { date: (d) => d, at: (at) => at });
}

function joined(texts: HistoryText[], separator: string): HistoryText {
  return texts.flatMap((text, i) => (i === 0 ? text : [separator, ...text]));
}

/**
 * A stored value as its screen writes it; null when empty. `key` is the field it is stored under,
 * for the fields whose codes have labels (valueLabels, itemLabels) or that read as words
 * (`planned`). Dates and instants stay parts of their own, for the window to write in the clinic's
 * format.
 */
export function readable(value: unknown, names: ReadonlyMap<string, string>, key = ''): HistoryText | null {
  if (value === null || value === undefined || value === '') return null;
  if (key === 'planned' && (typeof value === 'boolean' || value === 0 || value === 1)) {
    return [entryOriginLabel(value === true || value === 1)];
  }
  const label = typeof value === 'string' ? valueLabels[key]?.[value] : undefined;
  if (label) return [label];
  const item = itemLabels[key];
  if (item && Array.isArray(value)) {
    const ids = value.map((v) => (typeof v === 'string' ? v : (asRecord(v)?.id as string | undefined)));
    if (ids.every((id) => typeof id === 'string'))
      return ids.length > 0 ? [ids.map((id) => item(id!)).join(', ')] : null;
  }
  if (typeof value === 'boolean') return [value ? 'Yes' : 'No'];
  if (typeof value === 'number') return [String(value)];
  if (typeof value === 'string') {
    const name = names.get(value);
    if (name) return [name];
    if (RECORD_ID.test(value)) return ['another record'];
    if (isClinicDate(value)) return [{ date: value }];
    if (ISO_INSTANT.test(value)) return [{ at: value }];
    // Vocabulary codes ('on_hold', 'weight_bearing_as_tolerated') read as words.
    if (CODE.test(value)) return [value.replace(/_/g, ' ')];
    return [value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT - 1)}…` : value];
  }
  if (Array.isArray(value)) {
    const items = value.map((v) => readable(v, names)).filter((v): v is HistoryText => v !== null);
    if (items.length === 0) return null;
    // A list of records (exercise rows, fired rules) reads one per line.
    return joined(items, value.some((v) => asRecord(v)) ? '\n' : ', ');
  }
  const record = asRecord(value);
  if (record) {
    // Never raw JSON: a nested record reads as "Label: value" pairs.
    const parts = Object.entries(record)
      .filter(([k]) => !isNoisy(k))
      .map(([k, v]): HistoryText | null => {
        const text = readable(parseJsonColumn(k, v), names, k);
        return text === null || isBareLink(k, text) ? null : [`${fieldLabel(k)}: `, ...text];
      })
      .filter((v): v is HistoryText => v !== null);
    return parts.length > 0 ? joined(parts, '; ') : null;
  }
  return [String(value)];
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function parseStored(json: string | null): unknown {
  if (json === null) return undefined;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return json;
  }
}

/**
 * The fields that differ between the stored before and after, in the order the record lists them.
 * A new record lists what was filled in; a value that is not an object is shown as one "Value" row.
 */
export function changedFields(
  beforeJson: string | null,
  afterJson: string | null,
  names: ReadonlyMap<string, string> = new Map(),
  depth = 0,
): HistoryFieldChange[] {
  const before = parseStored(beforeJson);
  const after = parseStored(afterJson);
  const b = asRecord(before);
  const a = asRecord(after);
  if ((before !== undefined && !b) || (after !== undefined && !a)) {
    const old = readable(before, names);
    const now = readable(after, names);
    return plainText(old) === plainText(now) ? [] : [{ field: 'value', label: 'Value', before: old, after: now }];
  }
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
  const changes: HistoryFieldChange[] = [];
  for (const key of keys) {
    if (isNoisy(key)) continue;
    const oldValue = parseJsonColumn(key, b?.[key]);
    const newValue = parseJsonColumn(key, a?.[key]);
    if (JSON.stringify(oldValue ?? null) === JSON.stringify(newValue ?? null)) continue;
    // A nested record (a session's screen, a setting's values) opens into its own labelled fields.
    if ((asRecord(oldValue) || oldValue == null) && (asRecord(newValue) || newValue == null) && depth < 1) {
      const inner = changedFields(
        oldValue == null ? null : JSON.stringify(oldValue),
        newValue == null ? null : JSON.stringify(newValue),
        names,
        depth + 1,
      );
      changes.push(
        ...inner.map((c) => ({ ...c, field: `${key}.${c.field}`, label: `${fieldLabel(key)} · ${c.label}` })),
      );
      continue;
    }
    const old = readable(oldValue, names, key);
    const now = readable(newValue, names, key);
    if (plainText(old) === plainText(now) || (isBareLink(key, old) && isBareLink(key, now))) continue;
    changes.push({ field: key, label: fieldLabel(key), before: old, after: now });
  }
  return changes;
}

function historyQuery(ctx: ServiceContext) {
  return prepared(ctx, 'audit.patientHistory', () =>
    ctx.db
      .select({
        seq: auditEvent.seq,
        at: auditEvent.at,
        actorId: auditEvent.actorId,
        actorName: clinician.fullName,
        entity: auditEvent.entity,
        action: auditEvent.action,
        beforeJson: auditEvent.beforeJson,
        afterJson: auditEvent.afterJson,
        reason: auditEvent.reason,
      })
      .from(auditEvent)
      .leftJoin(clinician, eq(clinician.id, auditEvent.actorId))
      // (patient_id = ? AND seq < ?) ORDER BY seq DESC walks the audit_event_patient index backwards.
      .where(
        and(eq(auditEvent.patientId, sql.placeholder('patientId')), lt(auditEvent.seq, sql.placeholder('beforeSeq'))),
      )
      .orderBy(desc(auditEvent.seq))
      .limit(sql.placeholder('limit'))
      .prepare(),
  );
}

function clinicianNames(ctx: ServiceContext) {
  return prepared(ctx, 'audit.clinicianNames', () =>
    ctx.db.select({ id: clinician.id, fullName: clinician.fullName }).from(clinician).prepare(),
  );
}

/** A patient's changes, newest first, one page at a time. Reads only; the log is never altered. */
export function patientHistory(
  ctx: ServiceContext,
  input: Omit<ParsedInputOf<'audit.patientHistory'>, 'beforeSeq'> & { beforeSeq?: number | null },
): HistoryPage {
  getPatient(ctx, input.patientId);
  const limit = input.limit;
  // Clinician ids in a record (lead clinician, signed by) read as names.
  // Clinicians, contacts and exercises are small clinic-wide tables: their ids read as names.
  const names = new Map([
    ...clinicianNames(ctx)
      .all()
      .map((c) => [c.id, c.fullName] as const),
    ...ctx.db
      .select({ id: contact.id, name: contact.fullName })
      .from(contact)
      .all()
      .map((c) => [c.id, c.name] as const),
    ...ctx.db
      .select({ id: exercise.id, name: exercise.name })
      .from(exercise)
      .all()
      .map((e) => [e.id, e.name] as const),
  ]);
  const query = historyQuery(ctx);
  const entries: HistoryEntry[] = [];
  let cursor = input.beforeSeq ?? Number.MAX_SAFE_INTEGER;
  // A save that changed nothing but its who/when columns is not a change a clinician needs to read;
  // skipping it may leave a page short, so keep reading older rows until the page is full.
  for (;;) {
    const rows = query.all({ patientId: input.patientId, beforeSeq: cursor, limit: limit + 1 });
    for (const row of rows) {
      const changes = changedFields(row.beforeJson, row.afterJson, names);
      if (row.action === 'update' && changes.length === 0) continue;
      entries.push({
        seq: row.seq,
        at: row.at,
        actorId: row.actorId,
        actorName: row.actorName ?? null,
        entity: row.entity,
        entityLabel: entityLabel(row.entity),
        action: row.action,
        actionLabel: actionLabels[row.action] ?? sentence(row.action.replace(/_/g, ' ')),
        reason: row.reason,
        changes,
      });
      if (entries.length > limit) break;
    }
    const last = rows[rows.length - 1];
    if (entries.length > limit || rows.length <= limit || !last) break;
    cursor = last.seq;
  }
  const more = entries.length > limit;
  if (more) entries.length = limit;
  return { entries, nextBeforeSeq: more ? (entries[entries.length - 1]?.seq ?? null) : null };
}
