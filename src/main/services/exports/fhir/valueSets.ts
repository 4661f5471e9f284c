import { z } from 'zod';
import { ADVERSE_EVENT_OUTCOME, ADVERSE_EVENT_SEVERITY, CONDITION_CLINICAL, CONDITION_VERIFICATION } from './codes';
import type { Bundle, CodeableConcept } from './resources';

/**
 * The R4 value sets with a *required* binding on the elements the export writes. The validator the
 * tests use (Medplum's) does not check them, so they are checked here, on every export before it is
 * written, and in the tests. Each list is the value set as published in R4 (4.0.1).
 */
export const r4 = {
  administrativeGender: ['male', 'female', 'other', 'unknown'],
  identifierUse: ['usual', 'official', 'temp', 'secondary', 'old'],
  nameUse: ['usual', 'official', 'temp', 'nickname', 'anonymous', 'old', 'maiden'],
  contactPointSystem: ['phone', 'fax', 'email', 'pager', 'url', 'sms', 'other'],
  conditionClinical: ['active', 'recurrence', 'relapse', 'inactive', 'remission', 'resolved'],
  conditionVerification: ['unconfirmed', 'provisional', 'differential', 'confirmed', 'refuted', 'entered-in-error'],
  medicationStatementStatus: [
    'active',
    'completed',
    'entered-in-error',
    'intended',
    'stopped',
    'on-hold',
    'unknown',
    'not-taken',
  ],
  observationStatus: [
    'registered',
    'preliminary',
    'final',
    'amended',
    'corrected',
    'cancelled',
    'entered-in-error',
    'unknown',
  ],
  encounterStatus: [
    'planned',
    'arrived',
    'triaged',
    'in-progress',
    'onleave',
    'finished',
    'cancelled',
    'entered-in-error',
    'unknown',
  ],
  eventStatus: [
    'preparation',
    'in-progress',
    'not-done',
    'on-hold',
    'stopped',
    'completed',
    'entered-in-error',
    'unknown',
  ],
  adverseEventActuality: ['actual', 'potential'],
  adverseEventSeverity: ['mild', 'moderate', 'severe'],
  adverseEventOutcome: ['resolved', 'recovering', 'ongoing', 'resolvedWithSequelae', 'fatal', 'unknown'],
  documentReferenceStatus: ['current', 'superseded', 'entered-in-error'],
  compositionStatus: ['preliminary', 'final', 'amended', 'entered-in-error'],
  documentRelationshipType: ['replaces', 'transforms', 'signs', 'appends'],
  bundleType: [
    'document',
    'message',
    'transaction',
    'transaction-response',
    'batch',
    'batch-response',
    'history',
    'searchset',
    'collection',
  ],
} as const;

const oneOf = (values: readonly [string, ...string[]]) => z.enum(values);
/** A CodeableConcept bound to a required value set: every coding of that system must be in it. */
const boundConcept = (system: string, values: readonly [string, ...string[]]) =>
  z.custom<CodeableConcept>(
    (value) => {
      const codings = (value as CodeableConcept | undefined)?.coding ?? [];
      const own = codings.filter((c) => c.system === system);
      return own.length > 0 && own.every((c) => (values as readonly string[]).includes(c.code));
    },
    { message: `needs a code from ${system}` },
  );

const identifiers = z.array(z.object({ use: oneOf(r4.identifierUse).optional() }).loose()).optional();

const resourceSchemas = {
  Patient: z
    .object({
      identifier: identifiers,
      gender: oneOf(r4.administrativeGender),
      name: z.array(z.object({ use: oneOf(r4.nameUse) }).loose()),
      telecom: z.array(z.object({ system: oneOf(r4.contactPointSystem) }).loose()).optional(),
    })
    .loose(),
  Practitioner: z.object({ identifier: identifiers }).loose(),
  Condition: z
    .object({
      clinicalStatus: boundConcept(CONDITION_CLINICAL, r4.conditionClinical),
      verificationStatus: boundConcept(CONDITION_VERIFICATION, r4.conditionVerification),
    })
    .loose(),
  MedicationStatement: z.object({ status: oneOf(r4.medicationStatementStatus) }).loose(),
  Observation: z.object({ status: oneOf(r4.observationStatus) }).loose(),
  Encounter: z.object({ status: oneOf(r4.encounterStatus) }).loose(),
  Procedure: z.object({ status: oneOf(r4.eventStatus) }).loose(),
  AdverseEvent: z
    .object({
      actuality: oneOf(r4.adverseEventActuality),
      severity: boundConcept(ADVERSE_EVENT_SEVERITY, r4.adverseEventSeverity).optional(),
      outcome: boundConcept(ADVERSE_EVENT_OUTCOME, r4.adverseEventOutcome).optional(),
    })
    .loose(),
  DocumentReference: z
    .object({
      status: oneOf(r4.documentReferenceStatus),
      docStatus: oneOf(r4.compositionStatus),
      relatesTo: z.array(z.object({ code: oneOf(r4.documentRelationshipType) }).loose()).optional(),
    })
    .loose(),
} as const;

/** Every value outside its required value set, as "entry 3 (Observation) status: …"; empty when all are in. */
export function requiredBindingProblems(bundle: Bundle): string[] {
  const problems: string[] = [];
  const type = oneOf(r4.bundleType).safeParse(bundle.type);
  if (!type.success) problems.push(`Bundle type: ${type.error.issues[0]!.message}`);
  bundle.entry.forEach((entry, index) => {
    const schema = resourceSchemas[entry.resource.resourceType];
    const checked = schema.safeParse(entry.resource);
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        problems.push(`entry ${index} (${entry.resource.resourceType}) ${issue.path.join('.')}: ${issue.message}`);
      }
    }
  });
  return problems;
}
