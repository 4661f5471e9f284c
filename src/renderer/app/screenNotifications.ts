import { notifications, notificationsStore } from '@mantine/notifications';
import { useEffect, useRef } from 'react';

/**
 * A notification belongs to the screen it was shown on: when the clinician moves to another screen,
 * those shown before their last click or key press go ("Saved" about a patient no longer on screen
 * would sit over the menu and mislead). One shown after it, by the very action that moved screen
 * ("Assessment started" as the new assessment opens), stays to be read.
 */
export function useNotificationsFollowTheScreen(pathname: string): void {
  const shownAt = useRef(new Map<string, number>());
  const lastInputAt = useRef(0);
  useEffect(() => {
    const record = () => {
      const { notifications: shown, queue } = notificationsStore.getState();
      const now = performance.now();
      const present = new Set([...shown, ...queue].map((n) => n.id!));
      for (const id of present) if (!shownAt.current.has(id)) shownAt.current.set(id, now);
      for (const id of shownAt.current.keys()) if (!present.has(id)) shownAt.current.delete(id);
    };
    const onInput = () => {
      lastInputAt.current = performance.now();
    };
    const unsubscribe = notificationsStore.subscribe(record);
    window.addEventListener('pointerdown', onInput, true);
    window.addEventListener('keydown', onInput, true);
    return () => {
      unsubscribe();
      window.removeEventListener('pointerdown', onInput, true);
      window.removeEventListener('keydown', onInput, true);
    };
  }, []);
  useEffect(() => {
    for (const [id, at] of shownAt.current) if (at < lastInputAt.current) notifications.hide(id);
  }, [pathname]);
}
