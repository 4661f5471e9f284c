import { IconClipboardList, IconStretching } from '@tabler/icons-react';
import type { PatientSection } from '../patients/sections';
import { lazyScreen } from '../../app/lazyScreen';

/** Links the sessions workflow adds to a patient's overview (each opens a route under /patients/:patientId/). */
export const sessionsPatientSections: PatientSection[] = [
  {
    path: 'plan',
    label: 'Exercise plan',
    description: 'The written plan (versioned) and the patient handout',
    icon: IconStretching,
    element: lazyScreen(
      () => import('./PlanEditor'),
      (m) => m.PlanEditor,
    ),
  },
  {
    path: 'sessions',
    label: 'Sessions and adherence',
    description: 'Session history, attendance, adherence and adverse events',
    icon: IconClipboardList,
    element: lazyScreen(
      () => import('./PatientSessions'),
      (m) => m.PatientSessions,
    ),
  },
];
