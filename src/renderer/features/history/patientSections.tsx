import { IconHistory } from '@tabler/icons-react';
import type { PatientSection } from '../patients/sections';
import { lazyScreen } from '../../app/lazyScreen';

/** The change-history link for a patient's overview (opens /patients/:patientId/history). */
export const historyPatientSections: PatientSection[] = [
  {
    path: 'history',
    label: 'Change history',
    description: 'Who changed what, when and why',
    icon: IconHistory,
    element: lazyScreen(
      () => import('./HistoryScreen'),
      (m) => m.HistoryScreen,
    ),
  },
];
