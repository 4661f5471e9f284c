import type { PatientSection } from '../patients/sections';

/** Links the assessments workflow adds to a patient's overview (each opens a route under /patients/:patientId/). */
export const assessmentsPatientSections: PatientSection[] = [];
