import { useEffect, useState } from 'react';
import type { Exercise } from '../../../shared/contract/sessions';
import { api } from '../../api';
import { showApiError } from '../../components/forms';

/** The exercise library, retired ones included so old records still show their names. */
export function useExerciseLibrary(): Exercise[] {
  const [library, setLibrary] = useState<Exercise[]>([]);
  useEffect(() => {
    api.exercises
      .list({ includeRetired: true })
      .then(setLibrary)
      .catch((e: unknown) => showApiError(e, undefined, { title: 'Could not load the exercise library' }));
  }, []);
  return library;
}
