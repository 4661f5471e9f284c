import type { RouteObject } from 'react-router';
import { assessmentsPatientSections } from '../assessments/patientSections';
import { historyPatientSections } from '../history/patientSections';
import { lettersPatientSections } from '../letters/patientSections';
import { sessionsPatientSections } from '../sessions/patientSections';
import { intakeSections } from './intakeSections';
import { PatientOverview } from './PatientOverview';

/** Patient and intake screens, under /patients/:patientId; other workflows' patient sections are routed here too. */
export const patientRoutes: RouteObject[] = [
  { path: 'patients/:patientId', element: <PatientOverview /> },
  ...[
    ...intakeSections,
    ...sessionsPatientSections,
    ...assessmentsPatientSections,
    ...lettersPatientSections,
    ...historyPatientSections,
  ].map((section) => ({
    path: `patients/:patientId/${section.path}`,
    element: section.element,
  })),
];
