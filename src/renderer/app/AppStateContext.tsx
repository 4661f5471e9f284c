import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { AppState } from '../../shared/contract/setup';
import { api } from '../api';

interface AppStateValue {
  state: AppState;
  refresh(): Promise<void>;
  replace(next: AppState): void;
}

const AppStateContext = createContext<AppStateValue | null>(null);

export function useAppState(): AppStateValue {
  const value = useContext(AppStateContext);
  if (!value) throw new Error('useAppState must be used inside AppStateProvider');
  return value;
}

export function AppStateProvider(props: {
  loading: ReactNode;
  failed: (message: string) => ReactNode;
  children: (state: AppState) => ReactNode;
}) {
  const [state, setState] = useState<AppState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(async () => {
    try {
      setState(await api.app.state({}));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  useEffect(() => {
    // The main process may have locked (the computer slept or locked): look again when it says so,
    // and whenever the window comes back into view.
    const again = () => void refresh();
    const visible = () => document.visibilityState === 'visible' && again();
    window.addEventListener('pacewise:locked', again);
    document.addEventListener('visibilitychange', visible);
    return () => {
      window.removeEventListener('pacewise:locked', again);
      document.removeEventListener('visibilitychange', visible);
    };
  }, [refresh]);
  if (error) return <>{props.failed(error)}</>;
  if (!state) return <>{props.loading}</>;
  return (
    <AppStateContext.Provider value={{ state, refresh, replace: setState }}>
      {props.children(state)}
    </AppStateContext.Provider>
  );
}
