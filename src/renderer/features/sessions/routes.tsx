import type { RouteObject } from 'react-router';
import { lazyScreen } from '../../app/lazyScreen';

/** Screens of the sessions workflow. */
export const sessionsRoutes: RouteObject[] = [
  {
    path: 'sessions/:sessionId',
    element: lazyScreen(
      () => import('./SessionScreen'),
      (m) => m.SessionScreen,
    ),
  },
  {
    path: 'classes/:classId',
    element: lazyScreen(
      () => import('./ClassScreen'),
      (m) => m.ClassScreen,
    ),
  },
];
