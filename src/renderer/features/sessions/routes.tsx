import type { RouteObject } from 'react-router';

/** Screens of the sessions workflow. */
export const sessionsRoutes: RouteObject[] = [];
