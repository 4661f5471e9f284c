import type { OptionsFilter } from '@mantine/core';
import { useEffect, useState } from 'react';
import { exerciseMatches } from '../../../shared/clinical/session';
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

/** Options filter for an exercise picker: name, description and synonyms, so "bike" finds the cycle. */
export function libraryFilter(library: readonly Exercise[]): OptionsFilter {
  const byId = new Map(library.map((e) => [e.id, e]));
  return ({ options, search }) =>
    options.filter((option) => {
      if (!('value' in option)) return true;
      const ex = byId.get(option.value);
      return ex ? exerciseMatches(ex, search) : option.label.toLowerCase().includes(search.toLowerCase().trim());
    });
}
