import { Alert, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { memo, useCallback, useMemo } from 'react';
import { conflictsFor, entryLimitProblems } from '../../../shared/clinical/session';
import type { Exercise, SessionView } from '../../../shared/contract/sessions';
import type { EntryDraft, EntryNumberField, Num, SessionDraft } from './draft';
import type { DraftAction } from './draftReducer';
import { ExerciseRow } from './ExerciseRow';
import { libraryFilter } from './useLibrary';
import { useFocusWhen } from '../../app/focus';

/** The exercise log against the written plan, one row per exercise, with bone-lesion conflicts. */
export function ExerciseLog(props: {
  view: SessionView;
  draft: SessionDraft;
  library: Exercise[];
  errors: Record<string, string>;
  cols: number;
  dispatch(action: DraftAction): void;
  clearErrors(prefix: string): void;
  /** Moves on when the screen has just been recorded: focus comes to the log's heading. */
  focusSignal: number;
}) {
  const { view, draft, errors, dispatch } = props;
  const headingRef = useFocusWhen<HTMLHeadingElement>(props.focusSignal);
  const libraryById = useMemo(() => new Map(props.library.map((e) => [e.id, e])), [props.library]);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Exercise log">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4" ref={headingRef}>
          Exercise log
        </Title>
        <Text size="sm" c="dimmed">
          {view.plan ? `Plan v${view.plan.version}` : 'No written plan'} · RPE on the 6–20 scale
        </Text>
      </Group>
      {errors.entries && (
        <Alert color="red" mb="xs">
          {errors.entries}
        </Alert>
      )}
      <Text size="xs" c="dimmed" mb={6}>
        Keyboard: Tab moves through a row; Enter moves to the next field, and from the last field to the next row; on
        “Complete as planned”, Enter logs the row as planned and moves on.
      </Text>
      <Stack gap="xs" data-log="">
        {draft.entries.map((entry, index) => (
          <LoggedRow
            key={entry.key}
            entry={entry}
            index={index}
            exercise={libraryById.get(entry.exerciseId)}
            view={view}
            cols={props.cols}
            errors={errors}
            dispatch={dispatch}
            clearErrors={props.clearErrors}
          />
        ))}
      </Stack>
      <AddExercise library={props.library} libraryById={libraryById} dispatch={dispatch} />
    </Paper>
  );
}

/**
 * One row with what it derives from the session (bone conflicts, limits, the planned values).
 * Memoised: a keystroke in one row re-renders that row only; the others keep their props (the
 * reducer keeps unchanged entries, and dispatch and clearErrors are stable).
 */
const LoggedRow = memo(function LoggedRow(props: {
  entry: EntryDraft;
  index: number;
  exercise: Exercise | undefined;
  view: SessionView;
  cols: number;
  errors: Record<string, string>;
  dispatch(action: DraftAction): void;
  clearErrors(prefix: string): void;
}) {
  const { entry, index, exercise: ex, view, dispatch, clearErrors } = props;
  const conflicts = useMemo(() => (ex ? conflictsFor(ex, view.restrictions) : []), [ex, view.restrictions]);
  const limits = view.safety.clearance.limits;
  const limitProblems = useMemo(
    () =>
      ex
        ? entryLimitProblems(
            {
              rpe: entry.rpe === '' ? null : entry.rpe,
              peakHr: entry.peakHr === '' ? null : entry.peakHr,
              outcome: entry.outcome,
            },
            ex,
            limits,
          )
        : [],
    [ex, entry.rpe, entry.peakHr, entry.outcome, limits],
  );
  const item = entry.planned ? view.plan?.items.find((i) => i.exerciseId === entry.exerciseId) : undefined;
  const planned = useMemo(
    (): Partial<Record<EntryNumberField, Num>> | null =>
      item
        ? {
            sets: item.sets ?? '',
            reps: item.reps ?? '',
            loadKg: item.loadKg ?? '',
            durationMin: item.durationMin ?? '',
          }
        : null,
    [item],
  );
  const onChange = useCallback(
    (next: EntryDraft) => {
      clearErrors(`entries.${index}.`);
      dispatch({ type: 'entry', key: entry.key, next });
    },
    [clearErrors, dispatch, index, entry.key],
  );
  const onNumber = useCallback(
    (field: EntryNumberField, value: Num) => {
      clearErrors(`entries.${index}.`);
      dispatch({ type: 'entryNumber', key: entry.key, field, value });
    },
    [clearErrors, dispatch, index, entry.key],
  );
  const onRemove = useCallback(() => dispatch({ type: 'removeEntry', key: entry.key }), [dispatch, entry.key]);
  return (
    <ExerciseRow
      entry={entry}
      index={index}
      conflicts={conflicts}
      limitProblems={limitProblems}
      cols={props.cols}
      errors={props.errors}
      thresholds={view.thresholds}
      planned={planned}
      onChange={onChange}
      onNumber={onNumber}
      onRemove={onRemove}
    />
  );
});

/** The library picker: memoised, as building its options from the whole library is not free. */
const AddExercise = memo(function AddExercise(props: {
  library: Exercise[];
  libraryById: Map<string, Exercise>;
  dispatch(action: DraftAction): void;
}) {
  const { library, libraryById, dispatch } = props;
  const data = useMemo(() => library.filter((e) => !e.retired).map((e) => ({ value: e.id, label: e.name })), [library]);
  const filter = useMemo(() => libraryFilter(library), [library]);
  return (
    <Select
      mt="sm"
      label="Add an exercise"
      placeholder="Type to search the library"
      searchable
      filter={filter}
      value={null}
      data={data}
      onChange={(value) => {
        const ex = value ? libraryById.get(value) : undefined;
        if (ex) dispatch({ type: 'addExercise', exercise: ex });
      }}
    />
  );
});
