/**
 * The parts of FHIR R4 (hl7.org/fhir/R4) that the patient export writes, typed here so a misspelt
 * element fails the type check. (@types/fhir is STU3; Medplum's types are not a dependency.) The
 * export's tests validate every resource against the R4 StructureDefinitions themselves.
 */

export interface Coding {
  system: string;
  code: string;
  display?: string;
}
export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}
export interface Reference {
  reference: string;
  display?: string;
}
export interface Identifier {
  use?: 'usual' | 'official' | 'temp' | 'secondary' | 'old';
  type?: CodeableConcept;
  system?: string;
  value: string;
}
export interface Quantity {
  value: number;
  unit: string;
  system?: string;
  code?: string;
}
export interface Period {
  start?: string;
  end?: string;
}
export interface Annotation {
  text: string;
  time?: string;
}
export interface Meta {
  profile?: string[];
}

interface Base {
  id?: string;
  meta?: Meta;
  identifier?: Identifier[];
}

export interface Patient extends Base {
  resourceType: 'Patient';
  active: boolean;
  name: Array<{ use: 'official' | 'usual'; family?: string; given: string[]; text?: string }>;
  telecom?: Array<{ system: 'phone' | 'email'; value: string; use?: 'home' | 'mobile' }>;
  gender: 'male' | 'female' | 'other' | 'unknown';
  birthDate: string;
  deceasedBoolean?: boolean;
  address?: Array<{ text: string }>;
  contact?: Array<{
    relationship?: CodeableConcept[];
    name?: { text: string };
    telecom?: Array<{ system: 'phone'; value: string }>;
  }>;
  communication?: Array<{ language: CodeableConcept; preferred?: boolean }>;
}

export interface Practitioner extends Base {
  resourceType: 'Practitioner';
  active: boolean;
  name: Array<{ text: string }>;
  qualification?: Array<{ identifier?: Identifier[]; code: CodeableConcept }>;
}

export interface Condition extends Base {
  resourceType: 'Condition';
  clinicalStatus: CodeableConcept;
  verificationStatus: CodeableConcept;
  category: CodeableConcept[];
  code: CodeableConcept;
  bodySite?: CodeableConcept[];
  subject: Reference;
  onsetDateTime?: string;
  recordedDate?: string;
  stage?: Array<{ summary: CodeableConcept }>;
  note?: Annotation[];
}

export interface MedicationStatement extends Base {
  resourceType: 'MedicationStatement';
  status: string;
  medicationCodeableConcept: CodeableConcept;
  subject: Reference;
  effectivePeriod?: Period;
  dateAsserted?: string;
  dosage?: Array<{ text: string }>;
  note?: Annotation[];
}

export interface ObservationComponent {
  code: CodeableConcept;
  valueQuantity?: Quantity;
  dataAbsentReason?: CodeableConcept;
}

export interface Observation extends Base {
  resourceType: 'Observation';
  status: string;
  category: CodeableConcept[];
  code: CodeableConcept;
  subject: Reference;
  encounter?: Reference;
  effectiveDateTime: string;
  performer?: Reference[];
  valueQuantity?: Quantity;
  valueInteger?: number;
  valueBoolean?: boolean;
  note?: Annotation[];
  hasMember?: Reference[];
  component?: ObservationComponent[];
}

export interface Encounter extends Base {
  resourceType: 'Encounter';
  status: string;
  class: Coding;
  type?: CodeableConcept[];
  subject: Reference;
  participant?: Array<{ individual: Reference }>;
  period?: Period;
}

export interface Procedure extends Base {
  resourceType: 'Procedure';
  status: string;
  statusReason?: CodeableConcept;
  code: CodeableConcept;
  subject: Reference;
  encounter: Reference;
  performedDateTime?: string;
  performer?: Array<{ actor: Reference }>;
  note?: Annotation[];
}

/** R4's AdverseEvent has one identifier, not a list. */
export interface AdverseEvent extends Omit<Base, 'identifier'> {
  resourceType: 'AdverseEvent';
  identifier?: Identifier;
  actuality: string;
  event: CodeableConcept;
  subject: Reference;
  encounter?: Reference;
  date: string;
  recordedDate?: string;
  severity?: CodeableConcept;
  outcome?: CodeableConcept;
  recorder?: Reference;
}

export interface DocumentReference extends Base {
  resourceType: 'DocumentReference';
  status: string;
  docStatus: string;
  type: CodeableConcept;
  subject: Reference;
  date: string;
  author?: Reference[];
  description?: string;
  relatesTo?: Array<{ code: string; target: Reference }>;
  content: Array<{
    attachment: {
      contentType: string;
      data: string;
      size: number;
      hash: string;
      title: string;
      creation: string;
    };
  }>;
}

export type PatientResource =
  | Patient
  | Practitioner
  | Condition
  | MedicationStatement
  | Observation
  | Encounter
  | Procedure
  | AdverseEvent
  | DocumentReference;

export interface BundleEntry {
  fullUrl: string;
  resource: PatientResource;
}

export interface Bundle {
  resourceType: 'Bundle';
  meta?: Meta;
  identifier: Identifier;
  type: 'collection';
  timestamp: string;
  entry: BundleEntry[];
}
