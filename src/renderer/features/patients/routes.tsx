import type { RouteObject } from 'react-router';

/** Patient and intake screens, under /patients/:patientId. */
export const patientRoutes: RouteObject[] = [];
