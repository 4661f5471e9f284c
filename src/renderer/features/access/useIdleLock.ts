import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useRef } from 'react';
import { api } from '../../api';
import { useAppState } from '../../app/AppStateContext';
import { flushBeforeHandOver } from '../../app/handOver';
import { ACTIVITY_REPORT_MS } from '../../../shared/access/passphrase';

const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/** Locks the app, saving what the screen still holds first (a draft typed a moment ago). */
export function useLockNow() {
  const { replace } = useAppState();
  return useCallback(
    async (reason: 'idle' | 'manual') => {
      await flushBeforeHandOver();
      // A "Saved: Margaret Chen…" toast must not sit over the lock screen.
      notifications.clean();
      replace(await api.access.lock({ reason }));
    },
    [replace],
  );
}

/**
 * Locks after `minutes` without a key, pointer or touch (clinic policy; HIPAA §164.312(a)(2)(iii)),
 * and tells the main process the clinician is at work, at most every ACTIVITY_REPORT_MS: it locks by
 * itself when the reports stop, so this timer (which saves the draft first) must not be the only one.
 */
export function useIdleLock(minutes: number, enabled: boolean): void {
  const lockNow = useLockNow();
  const { refresh } = useAppState();
  const timer = useRef<number | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let reportedAt = -Infinity;
    const report = () => {
      const now = Date.now();
      if (now - reportedAt < ACTIVITY_REPORT_MS) return;
      reportedAt = now;
      api.access
        .activity({})
        .then(({ access }) => (access === 'signed-in' ? undefined : refresh()))
        .catch(() => undefined);
    };
    const arm = () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void lockNow('idle').catch(() => undefined), minutes * 60_000);
      report();
    };
    arm();
    for (const event of ACTIVITY) window.addEventListener(event, arm, { passive: true });
    return () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
      for (const event of ACTIVITY) window.removeEventListener(event, arm);
    };
  }, [minutes, enabled, lockNow, refresh]);
}
