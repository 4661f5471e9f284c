import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { defaultLocalTerms, withLocalTerms, type LocalTerms } from '../shared/clinical/localTerms';
import type { LocalTermsView } from '../shared/contract/display';
import { api } from './api';

interface LocalTermsValue extends LocalTermsView {
  save(terms: LocalTerms | null): Promise<void>;
  /** A red-flag action or rule advice in the clinic's own words. */
  localise(text: string): string;
}

const LocalTermsContext = createContext<LocalTermsValue | null>(null);

export function useLocalTerms(): LocalTermsValue {
  return (
    useContext(LocalTermsContext) ?? {
      terms: defaultLocalTerms,
      saved: null,
      save: () => Promise.reject(new Error('Local services are set in Settings')),
      localise: (text) => withLocalTerms(text, defaultLocalTerms),
    }
  );
}

/**
 * Loads the clinic's words for NHS-only services before any screen draws, so an urgent action
 * never shows one service's name and then another's.
 */
export function LocalTermsProvider({ children }: { children: ReactNode }) {
  const [view, setView] = useState<LocalTermsView | null>(null);
  useEffect(() => {
    api.display
      .localTerms({})
      .then(setView)
      .catch(() => setView({ terms: defaultLocalTerms, saved: null }));
  }, []);
  const save = useCallback(async (terms: LocalTerms | null) => setView(await api.display.setLocalTerms({ terms })), []);
  if (!view) return null;
  return (
    <LocalTermsContext.Provider value={{ ...view, save, localise: (text) => withLocalTerms(text, view.terms) }}>
      {children}
    </LocalTermsContext.Provider>
  );
}
