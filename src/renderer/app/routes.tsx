import type { RouteObject } from 'react-router';
import { assessmentsRoutes } from '../features/assessments/routes';
import { CaseloadScreen } from '../features/caseload/CaseloadScreen';
import { lettersRoutes } from '../features/letters/routes';
import { patientRoutes } from '../features/patients/routes';
import { sessionsRoutes } from '../features/sessions/routes';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { TodayScreen } from '../features/today/TodayScreen';

/** Each workflow adds its screens here; the shell's navigation lists the top-level ones. */
export const routes: RouteObject[] = [
  { path: 'caseload', element: <CaseloadScreen /> },
  { path: 'today', element: <TodayScreen /> },
  { path: 'settings', element: <SettingsScreen /> },
  ...patientRoutes,
  ...sessionsRoutes,
  ...assessmentsRoutes,
  ...lettersRoutes,
];
