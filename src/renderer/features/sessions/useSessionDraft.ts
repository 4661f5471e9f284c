import { useCallback, useEffect, useRef, useState } from 'react';
import type { SessionView } from '../../../shared/contract/sessions';
import { api, ApiError } from '../../api';
import { useAppState } from '../../app/AppStateContext';
import { onHandOver } from '../../app/handOver';
import { showApiError } from '../../components/forms';
import { initialDraft, withCheckIn, type SessionDraft } from './draft';
import { draftReducer, type DraftAction } from './draftReducer';

const DRAFT_DELAY_MS = 250;

/**
 * Typing the main process refused because it had locked first (the computer slept before the draft
 * was sent). The screen is unmounted while locked, so it waits here, in memory only, for the same
 * clinician to unlock and reopen the session, which sends it then. Keyed `clinician:session`.
 */
const unsent = new Map<string, SessionDraft>();

/**
 * One session's view and the draft typed into it. The draft is saved to the caseload a moment
 * after every change, and at once when the screen closes, so a reload or crash brings it back.
 */
export function useSessionDraft(sessionId: string) {
  // Fixed for the screen's life: another clinician signing in unmounts it first.
  const clinician = useRef(useAppState().state.currentClinician?.id ?? '');
  const [view, setView] = useState<SessionView | null>(null);
  const [draft, setDraft] = useState<SessionDraft | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const dirty = useRef(false);

  const load = async () => {
    try {
      const next = await api.sessions.get({ sessionId });
      const initial = initialDraft(next);
      const prefilled = withCheckIn(initial, next.checkIn);
      setView(next);
      setSavedAt(next.draftSavedAt);
      const held = next.signedAt ? undefined : unsent.get(`${clinician.current}:${sessionId}`);
      unsent.delete(`${clinician.current}:${sessionId}`);
      // What was typed as the app locked is newer than the saved draft: it is shown, and sent. Otherwise
      // the patient's answers may just have filled blank fields: keep that in the saved draft too.
      setDraft(held ?? prefilled);
      dirty.current = held !== undefined || prefilled !== initial;
    } catch (error) {
      showApiError(error, undefined, { title: 'Could not open the session' });
    }
  };
  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sessionId]);

  // The draft not yet sent. It is sent after a short pause in typing, and at once when the screen
  // closes (leaving the session, switching route, closing the window), so no keystroke is lost.
  const pending = useRef<{ sessionId: string; draft: SessionDraft } | null>(null);
  const flushDraft = useRef(async () => {
    const next = pending.current;
    if (!next) return;
    pending.current = null;
    await api.sessions
      .saveDraft({ sessionId: next.sessionId, draft: next.draft as unknown as Record<string, unknown> })
      .then((r) => setSavedAt(r.savedAt))
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.code === 'locked') {
          // The screen is about to unmount under the lock screen: keep it for this clinician's return.
          unsent.set(`${clinician.current}:${next.sessionId}`, pending.current?.draft ?? next.draft);
          return;
        }
        // Not saved: keep it to send again unless newer typing replaced it.
        pending.current ??= next;
        showApiError(error, undefined, { title: 'Draft not saved' });
      });
  });
  useEffect(() => {
    if (view?.signedAt) pending.current = null;
    if (!draft || !dirty.current || view?.signedAt) return;
    pending.current = { sessionId, draft };
    const timer = setTimeout(flushDraft.current, DRAFT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, sessionId, view?.signedAt]);
  useEffect(() => {
    const flush = () => void flushDraft.current();
    window.addEventListener('pagehide', flush);
    // Before the app locks or passes to another clinician, the draft is saved under this one.
    const release = onHandOver(flushDraft.current);
    return () => {
      window.removeEventListener('pagehide', flush);
      release();
      flush();
    };
  }, [sessionId]);

  // Stable, so memoised rows and sections re-render only when their own part of the draft changes.
  const dispatch = useCallback((action: DraftAction) => {
    dirty.current = true;
    setDraft((d) => (d ? draftReducer(d, action) : d));
  }, []);

  /** Sends the pending draft now (before recording or signing, so a refusal loses nothing typed). */
  const flush = useCallback(() => void flushDraft.current(), []);

  return { view, setView, draft, savedAt, dispatch, flush };
}
