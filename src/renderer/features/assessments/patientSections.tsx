import { IconChartLine, IconClipboardCheck } from '@tabler/icons-react';
import type { PatientSection } from '../patients/sections';
import { lazyScreen } from '../../app/lazyScreen';

/** Links the assessments workflow adds to a patient's overview (each opens a route under /patients/:patientId/). */
export const assessmentsPatientSections: PatientSection[] = [
  {
    path: 'assessments',
    label: 'Assessments',
    description: 'Baseline, reassessments and discharge; what is due',
    icon: IconClipboardCheck,
    element: lazyScreen(
      () => import('./AssessmentsScreen'),
      (m) => m.AssessmentsScreen,
    ),
  },
  {
    path: 'progress',
    label: 'Progress',
    description: 'Change against the MCID and charts over time',
    icon: IconChartLine,
    element: lazyScreen(
      () => import('./ProgressScreen'),
      (m) => m.ProgressScreen,
    ),
  },
];
