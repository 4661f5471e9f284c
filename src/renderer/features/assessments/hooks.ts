import { useCallback, useEffect, useMemo, useState } from 'react';
import { customMeasureDefinition, measureCatalog, type MeasureDefinition } from '../../../shared/clinical/measures';
import type { CustomMeasure } from '../../../shared/contract/assessments';
import { api } from '../../api';
import { showApiError } from '../../components/forms';

/** Loads once per change of `deps`; `reload()` fetches again after a write. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[], what: string) {
  const [value, setValue] = useState<T | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let cancelled = false;
    load()
      .then((next) => !cancelled && setValue(next))
      .catch((error: unknown) => showApiError(error, undefined, { title: `Could not load ${what}` }));
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, version]);
  const reload = useCallback(() => setVersion((n) => n + 1), []);
  return { value, setValue, reload };
}

const MEASURES_CHANGED = 'pacewise:custom-measures-changed';

/** Tells every screen holding the clinic's measures (both Settings panels, open forms) to reload them. */
export function announceMeasuresChanged(): void {
  window.dispatchEvent(new Event(MEASURES_CHANGED));
}

/** Built-in measures (in catalog order, ESAS-r symptoms left to the ESAS-r form) and the clinic's own. */
export function useMeasureDefinitions() {
  const { value: custom, reload } = useLoad<CustomMeasure[]>(
    () => api.measures.listCustom({ includeRetired: true }),
    [],
    'the clinic’s measures',
  );
  useEffect(() => {
    window.addEventListener(MEASURES_CHANGED, reload);
    return () => window.removeEventListener(MEASURES_CHANGED, reload);
  }, [reload]);
  return useMemo(() => {
    const builtIn = Object.values(measureCatalog).filter((d) => !d.parent);
    const clinic = (custom ?? []).map((m) => ({ def: customMeasureDefinition(m), retired: m.retired }));
    const byKey = new Map<string, MeasureDefinition>([
      ...Object.values(measureCatalog).map((d) => [d.key, d] as const),
      ...clinic.map((c) => [c.def.key, c.def] as const),
    ]);
    const recordable = [...builtIn, ...clinic.filter((c) => !c.retired).map((c) => c.def)];
    return { byKey, recordable, custom: custom ?? [], loaded: custom !== null, reload };
  }, [custom, reload]);
}
