import type { RouteObject } from 'react-router';
import { ClassScreen } from './ClassScreen';
import { SessionScreen } from './SessionScreen';

/** Screens of the sessions workflow. */
export const sessionsRoutes: RouteObject[] = [
  { path: 'sessions/:sessionId', element: <SessionScreen /> },
  { path: 'classes/:classId', element: <ClassScreen /> },
];
