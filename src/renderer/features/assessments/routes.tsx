import type { RouteObject } from 'react-router';
import { lazyScreen } from '../../app/lazyScreen';

/** Screens of the assessments workflow, under a patient's record. */
export const assessmentsRoutes: RouteObject[] = [
  {
    path: 'patients/:patientId/assessments',
    element: lazyScreen(
      () => import('./AssessmentsScreen'),
      (m) => m.AssessmentsScreen,
    ),
  },
  {
    path: 'patients/:patientId/assessments/:assessmentId',
    element: lazyScreen(
      () => import('./AssessmentEditor'),
      (m) => m.AssessmentEditor,
    ),
  },
  {
    path: 'patients/:patientId/progress',
    element: lazyScreen(
      () => import('./ProgressScreen'),
      (m) => m.ProgressScreen,
    ),
  },
];
