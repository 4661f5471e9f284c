import type { RouteObject } from 'react-router';
import { assessmentsRoutes } from '../features/assessments/routes';
import { CaseloadScreen } from '../features/caseload/CaseloadScreen';
import { lettersRoutes } from '../features/letters/routes';
import { patientRoutes } from '../features/patients/routes';
import { sessionsRoutes } from '../features/sessions/routes';
import { lazyScreen } from './lazyScreen';

/** Each workflow adds its screens here; the shell's navigation lists the top-level ones. */
export const routes: RouteObject[] = [
  { path: 'caseload', element: <CaseloadScreen /> },
  {
    path: 'today',
    element: lazyScreen(
      () => import('../features/today/TodayScreen'),
      (m) => m.TodayScreen,
    ),
  },
  {
    path: 'reports',
    element: lazyScreen(
      () => import('../features/reports/ReportsScreen'),
      (m) => m.ReportsScreen,
    ),
  },
  {
    // One section at a time: #/settings/backups; #/settings opens the first.
    path: 'settings/:section?',
    element: lazyScreen(
      () => import('../features/settings/SettingsScreen'),
      (m) => m.SettingsScreen,
    ),
  },
  ...patientRoutes,
  ...sessionsRoutes,
  ...assessmentsRoutes,
  ...lettersRoutes,
];
