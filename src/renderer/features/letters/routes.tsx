import type { RouteObject } from 'react-router';
import { lazyScreen } from '../../app/lazyScreen';

/** Screens of the letters workflow. */
export const lettersRoutes: RouteObject[] = [
  {
    path: 'letters',
    element: lazyScreen(
      () => import('./LettersScreen'),
      (m) => m.LettersScreen,
    ),
  },
  {
    path: 'letters/:letterId',
    element: lazyScreen(
      () => import('./LetterComposer'),
      (m) => m.LetterComposer,
    ),
  },
];
