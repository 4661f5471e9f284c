import type { RouteObject } from 'react-router';
import { assessmentsPatientSections } from '../assessments/patientSections';
import { historyPatientSections } from '../history/patientSections';
import { lettersPatientSections } from '../letters/patientSections';
import { sessionsPatientSections } from '../sessions/patientSections';
import { intakeSections } from './intakeSections';
import { lazyScreen } from '../../app/lazyScreen';

/** Patient and intake screens, under /patients/:patientId; other workflows' patient sections are routed here too. */
export const patientRoutes: RouteObject[] = [
  {
    path: 'patients/:patientId',
    element: lazyScreen(
      () => import('./PatientOverview'),
      (m) => m.PatientOverview,
    ),
  },
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
