import type { RouteObject } from 'react-router';
import { AssessmentEditor } from './AssessmentEditor';
import { AssessmentsScreen } from './AssessmentsScreen';
import { ProgressScreen } from './ProgressScreen';

/** Screens of the assessments workflow, under a patient's record. */
export const assessmentsRoutes: RouteObject[] = [
  { path: 'patients/:patientId/assessments', element: <AssessmentsScreen /> },
  { path: 'patients/:patientId/assessments/:assessmentId', element: <AssessmentEditor /> },
  { path: 'patients/:patientId/progress', element: <ProgressScreen /> },
];
