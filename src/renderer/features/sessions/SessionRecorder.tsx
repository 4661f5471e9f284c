import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { IconHandStop, IconPlayerPlay } from '@tabler/icons-react';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import {
  evaluateScreen,
  screenCompleteness,
  screenContextFor,
  screenInputFrom,
  spinalPainRedFlags,
  type RedFlagId,
  type ScreenContext,
  unreviewedPrefills,
  type ScreenDecision,
  type ScreenResult,
} from '../../../shared/clinical/session';
import type { ReviewFinding } from '../../../shared/contract/checkIn';
import { todayLocal } from '../../../shared/dates';
import { CheckInButton } from '../checkIn/CheckInButton';
import { PatientReportPanel } from '../checkIn/PatientReport';
import { attendanceLabels, type Exercise, type SessionView } from '../../../shared/contract/sessions';
import { formatClinicDate, formatClockTime } from '../../dates';
import { api } from '../../api';
import { showApiError, showSaved } from '../../components/forms';
import { AfterSession } from './AfterSession';
import { decisionColors, decisionLabels } from './badges';
import { afterPayload, entriesPayload, notTakenPayload, screenPayload, type SessionDraft } from './draft';
import type { DraftAction } from './draftReducer';
import { ExerciseLog } from './ExerciseLog';
import { DecisionPanel, PatientSafetyHeader, UrgentActionPanel } from './safetyPanels';
import { RecordedScreen, ScreenForm } from './ScreenForm';
import { SignedSession } from './SignedSession';
import { startBlockers, type StartBlocker } from './startBlockers';
import { useSessionDraft } from './useSessionDraft';

/** One patient's state at a glance, for the class switcher. */
export interface RecorderStatus {
  sessionId: string;
  patientName: string;
  label: string;
  color: string;
}

function statusOf(view: SessionView, draft: SessionDraft, live: ScreenDecision, blocked: boolean): RecorderStatus {
  const base = { sessionId: view.id, patientName: view.patientName };
  if (view.signedAt) {
    return { ...base, label: `Signed${view.decision ? ` · ${decisionLabels[view.decision]}` : ''}`, color: 'gray' };
  }
  if (view.decision) return { ...base, label: decisionLabels[view.decision], color: decisionColors[view.decision] };
  const typed = Object.values(draft.screen).some((v) => v !== '' && !(Array.isArray(v) && v.length === 0));
  if (typed && live === 'hold') return { ...base, label: 'Screening · Hold', color: 'red' };
  if (blocked) return { ...base, label: 'Cannot start yet', color: 'red' };
  return { ...base, label: typed ? 'Screening' : 'To screen', color: typed ? 'blue' : 'gray' };
}

const groupAgainstDoctor = (view: SessionView) => view.classId !== null && view.safety.clearance.limits.noGroupSessions;

/** The screen's verdict beside the form: decision, urgent action, clearance, and the record button. */
function ScreenVerdict(props: {
  view: SessionView;
  draft: SessionDraft;
  raisedFlags: RedFlagId[];
  live: ScreenResult;
  completeness: ReturnType<typeof screenCompleteness>;
  blockers: StartBlocker[];
  errors: Record<string, string>;
  busy: boolean;
  dispatch(action: DraftAction): void;
  onRecord(): void;
}) {
  const { view, draft, live } = props;
  const decision = live.decision;
  const recorded = view.decision !== null;
  const mayStart = view.safety.mayStart;
  const noGroup = groupAgainstDoctor(view) && mayStart.verdict !== 'blocked';
  const needsOverride = (mayStart.verdict === 'override_required' || noGroup) && decision !== 'hold';
  return (
    <Stack gap="md">
      <DecisionPanel
        decision={decision}
        rules={live.firedRules}
        recorded={false}
        missing={props.completeness.missing}
        notTaken={props.completeness.notTaken}
        blockers={props.blockers}
      />
      <UrgentActionPanel
        view={view}
        flagIds={[...draft.screen.redFlags, ...props.raisedFlags]}
        rules={live.firedRules}
      />
      {(mayStart.verdict !== 'may_start' || noGroup) && (
        <Alert color={mayStart.verdict === 'blocked' ? 'red' : 'orange'} title="Medical clearance" variant="light">
          {mayStart.reasons.map((r) => (
            <Text size="sm" key={r}>
              {r}
            </Text>
          ))}
          {noGroup && <Text size="sm">The doctor’s clearance says no group sessions, and this is a group class.</Text>}
          {needsOverride && (
            <Textarea
              mt="xs"
              label={
                mayStart.verdict === 'override_required'
                  ? 'Reason for starting without valid clearance'
                  : 'Reason for joining a group session'
              }
              withAsterisk
              autosize
              minRows={2}
              value={draft.overrideReason}
              error={props.errors.clearanceOverrideReason}
              onChange={(e) => props.dispatch({ type: 'overrideReason', value: e.currentTarget.value })}
            />
          )}
        </Alert>
      )}
      <Button
        leftSection={decision === 'hold' ? <IconHandStop size={20} /> : <IconPlayerPlay size={20} />}
        color={decision === 'hold' ? 'red.8' : undefined}
        loading={props.busy}
        disabled={mayStart.verdict === 'blocked' && decision !== 'hold'}
        onClick={props.onRecord}
      >
        {recorded
          ? 'Record the screen again'
          : decision === 'hold'
            ? 'Record screen and hold'
            : 'Record screen and start'}
      </Button>
      {recorded && (
        <Text size="sm" c="dimmed">
          Recorded: {decisionLabels[view.decision!]}
          {view.adverseEvents.length > 0 ? ` · incident recorded (${view.adverseEvents.length})` : ''}
        </Text>
      )}
    </Stack>
  );
}

/**
 * One patient's session from screen to sign-off. Everything typed lives in a draft that is saved
 * to the caseload a moment after every change (useSessionDraft), so a reload or crash brings it back.
 */
export function SessionRecorder(props: {
  sessionId: string;
  compact?: boolean;
  library: Exercise[];
  onStatus?(status: RecorderStatus): void;
}) {
  // Lays itself out by its own width: a full-width patient at 1024 px reads like a narrow column would not.
  const { ref: sizeRef, width } = useElementSize();
  const compact = props.compact ?? (width > 0 && width < 900);
  // Field grids by the width they actually get, so labels such as "Resting HR (bpm)" stay on one line.
  const formWidth = compact ? width : width / 2;
  const fieldCols = width === 0 || formWidth >= 690 ? 3 : 2;
  const afterCols = width >= 1200 ? 5 : width >= 700 ? 3 : 2;
  const entryCols = width > 0 && width < 500 ? 3 : compact ? 4 : 8;
  const { view, setView, draft, savedAt, dispatch, flush } = useSessionDraft(props.sessionId);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [screenOpen, setScreenOpen] = useState(false);
  // Where focus goes after a save replaces the part of the screen that held it.
  const [arrived, setArrived] = useState({ log: 0, signed: 0 });
  // Stable, for the memoised exercise rows: clears only when some error starts with the prefix.
  const clearErrors = useCallback(
    (prefix: string) =>
      setErrors((all) =>
        Object.keys(all).some((k) => k.startsWith(prefix))
          ? Object.fromEntries(Object.entries(all).filter(([k]) => !k.startsWith(prefix)))
          : all,
      ),
    [],
  );

  // Sign-off reads the draft as last committed, so the memoised after-session section can keep one
  // stable onSign while rows are typed into.
  const committed = useRef({ view, draft });
  useLayoutEffect(() => {
    committed.current = { view, draft };
  });
  const sign = useCallback(async () => {
    const { view, draft } = committed.current;
    if (!view || !draft) return;
    // The draft goes first, so a refused sign-off still leaves everything typed saved.
    flush();
    setBusy(true);
    setErrors({});
    try {
      const next = await api.sessions.sign({
        sessionId: view.id,
        screen: screenPayload(draft),
        clearanceOverrideReason: draft.overrideReason || null,
        entries: view.decision === 'hold' ? [] : entriesPayload(draft.entries),
        after: afterPayload(draft),
        notes: draft.notes || null,
        occurredAt: draft.occurredAt ? new Date(draft.occurredAt).toISOString() : null,
      });
      setView(next);
      setArrived((a) => ({ ...a, signed: a.signed + 1 }));
      showSaved(`Session for ${view.patientName} signed and locked`);
    } catch (error) {
      showApiError(error, { setErrors: (f) => setErrors(f) });
    } finally {
      setBusy(false);
    }
  }, [flush, setView]);

  const context: ScreenContext | null = useMemo(
    () => (view ? screenContextFor(view.safety, view.classId !== null) : null),
    [view],
  );
  const live = useMemo(() => {
    if (!view || !draft || !context) return null;
    return evaluateScreen(
      { ...screenInputFrom(screenPayload(draft)), patientFlagsToReview: view.checkIn?.awaitingReview ?? [] },
      context,
      view.thresholds,
    );
  }, [view, draft, context]);

  const status =
    view && draft && live
      ? statusOf(
          view,
          draft,
          live.decision,
          startBlockers({
            draft,
            decision: live.decision,
            mayStart: view.safety.mayStart,
            groupAgainstDoctor: groupAgainstDoctor(view),
          }).length > 0,
        )
      : null;
  const { onStatus } = props;
  useEffect(() => {
    if (status) onStatus?.(status);
    // Only when what the chip says changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [status?.label, status?.color, status?.patientName, onStatus]);

  if (!view || !draft || !live || !context) {
    return (
      <Text c="dimmed" ref={sizeRef}>
        Opening the session…
      </Text>
    );
  }
  if (view.signedAt) return <SignedSession view={view} onChanged={setView} focusSignal={arrived.signed} />;

  const recorded = view.decision !== null;
  const decision = live.decision;
  // The same rule main applies on sign-off: what is signed is the decision recorded and acted on.
  const notYet =
    recorded && decision !== view.decision
      ? `The screen was recorded as ${decisionLabels[view.decision!]} but now reads ${decisionLabels[decision]}: record the screen again, then sign.`
      : null;
  const completeness = screenCompleteness(screenInputFrom(screenPayload(draft)), notTakenPayload(draft), decision, {
    temperatureRequired: context.chemotherapyActive,
    spinalPain: draft.screen.spinalPain,
  });
  const raisedFlags = spinalPainRedFlags(draft.screen.spinalPain, context.hasSpinalLesion);
  const blockers = startBlockers({
    draft,
    decision,
    mayStart: view.safety.mayStart,
    groupAgainstDoctor: groupAgainstDoctor(view),
  });
  const fieldsError = (e: unknown) => showApiError(e, { setErrors: (f) => setErrors(f) });

  /** A patient-reported flag reviewed: the screen reloads; a confirmed one is ticked on the checklist too. */
  const reviewed = async (flagId: string, finding: ReviewFinding) => {
    if (finding === 'confirmed' && !draft.screen.redFlags.includes(flagId)) {
      dispatch({ type: 'redFlags', value: [...draft.screen.redFlags, flagId] });
    }
    try {
      setView(await api.sessions.get({ sessionId: view.id }));
    } catch (error) {
      showApiError(error);
    }
  };

  const recordScreen = async () => {
    flush();
    const fieldBlockers = blockers.filter((b) => b.field !== null);
    const payload = screenPayload(draft);
    const unreviewed =
      view.checkIn && decision !== 'hold'
        ? unreviewedPrefills(view.checkIn.prefill, payload, payload.checkIn?.confirmed ?? [])
        : [];
    if (!completeness.complete || fieldBlockers.length > 0 || unreviewed.length > 0) {
      // The same rules main applies on save: say under each field what is still needed or impossible.
      setErrors(
        Object.fromEntries([
          ...completeness.missing.map((m) => [`screen.${m.field}`, m.message]),
          ...fieldBlockers.map((b) => [b.field, b.message]),
          ...unreviewed.map((p) => [`screen.${p.field}`, p.message]),
        ]),
      );
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      await api.sessions.recordScreen({
        sessionId: view.id,
        screen: screenPayload(draft),
        clearanceOverrideReason: draft.overrideReason || null,
      });
      const next = await api.sessions.get({ sessionId: view.id });
      setView(next);
      setScreenOpen(false);
      setArrived((a) => ({ ...a, log: a.log + 1 }));
      showSaved(`Screen recorded for ${view.patientName}: ${decisionLabels[next.decision ?? decision]}`);
    } catch (error) {
      fieldsError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="md" component="section" aria-label={view.patientName} ref={sizeRef} data-recorder="">
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Title order={compact ? 3 : 2} size={compact ? 'h4' : 'h3'}>
              {view.patientName}
            </Title>
            <Text c="dimmed" size="sm">
              {formatClinicDate(view.date)} at {view.startTime}
              {view.className ? ` · ${view.className}` : ''} · {attendanceLabels[view.attendance]}
            </Text>
          </div>
          <Stack gap={6} align="flex-end">
            <Text size="xs" c="dimmed" ta="right" aria-live="polite">
              {savedAt ? `Draft saved ${formatClockTime(savedAt, { seconds: true })}` : 'Nothing typed yet'}
            </Text>
            {!recorded && view.date === todayLocal() && view.attendance === 'booked' && (
              <CheckInButton
                sessionId={view.id}
                patientName={view.patientName}
                size="sm"
                label={view.checkIn ? 'Check in again on this device' : undefined}
              />
            )}
          </Stack>
        </Group>
        {view.draftBy && (
          <Alert color="blue" variant="light" mt={8} title={`Continuing ${view.draftBy}’s draft`}>
            What you type is kept as your own draft; {view.draftBy}’s copy stays as they left it.
          </Alert>
        )}
        <div style={{ marginTop: 8 }}>
          <PatientSafetyHeader view={view} />
        </div>
      </Paper>

      {view.checkIn && (
        <PatientReportPanel
          sessionId={view.id}
          report={view.checkIn}
          editable={!view.signedAt}
          onReviewed={(_report, flagId, finding) => void reviewed(flagId, finding)}
        />
      )}

      {recorded && !screenOpen ? (
        <RecordedScreen
          view={view}
          draft={draft}
          onChange={() => setScreenOpen(true)}
          onIncidentGraded={() => {
            clearErrors('adverseEvents');
            api.sessions
              .get({ sessionId: view.id })
              .then(setView)
              .catch((e: unknown) => showApiError(e));
          }}
        />
      ) : (
        <SimpleGrid cols={compact ? 1 : 2} spacing="md" style={{ alignItems: 'start' }}>
          <ScreenForm
            view={view}
            draft={draft}
            context={context}
            raisedFlags={raisedFlags}
            errors={errors}
            clearErrors={clearErrors}
            fieldCols={fieldCols}
            dispatch={dispatch}
          />
          <ScreenVerdict
            view={view}
            draft={draft}
            raisedFlags={raisedFlags}
            live={live}
            completeness={completeness}
            blockers={blockers}
            errors={errors}
            busy={busy}
            dispatch={dispatch}
            onRecord={recordScreen}
          />
        </SimpleGrid>
      )}

      {recorded && view.decision !== 'hold' && (
        <ExerciseLog
          view={view}
          draft={draft}
          library={props.library}
          errors={errors}
          cols={entryCols}
          dispatch={dispatch}
          clearErrors={clearErrors}
          focusSignal={arrived.log}
        />
      )}

      {recorded && (
        <AfterSession
          view={view}
          after={draft.after}
          notes={draft.notes}
          occurredAt={draft.occurredAt}
          errors={errors}
          cols={afterCols}
          busy={busy}
          notYet={notYet}
          dispatch={dispatch}
          onSign={sign}
          focusSignal={view.decision === 'hold' ? arrived.log : 0}
        />
      )}
    </Stack>
  );
}
