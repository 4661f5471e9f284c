import type { RouteObject } from 'react-router';

/** Screens of the assessments workflow. */
export const assessmentsRoutes: RouteObject[] = [];
