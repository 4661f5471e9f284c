import type { RouteObject } from 'react-router';
import { LetterComposer } from './LetterComposer';
import { LettersScreen } from './LettersScreen';

/** Screens of the letters workflow. */
export const lettersRoutes: RouteObject[] = [
  { path: 'letters', element: <LettersScreen /> },
  { path: 'letters/:letterId', element: <LetterComposer /> },
];
