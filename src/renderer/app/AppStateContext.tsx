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
  if (error) return <>{props.failed(error)}</>;
  if (!state) return <>{props.loading}</>;
  return (
    <AppStateContext.Provider value={{ state, refresh, replace: setState }}>
      {props.children(state)}
    </AppStateContext.Provider>
  );
}
