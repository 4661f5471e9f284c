import { Alert, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { conflictsFor, entryLimitProblems } from '../../../shared/clinical/session';
import type { Exercise, SessionView } from '../../../shared/contract/sessions';
import type { SessionDraft } from './draft';
import type { DraftAction } from './draftReducer';
import { ExerciseRow } from './ExerciseRow';
import { libraryFilter } from './useLibrary';

/** The exercise log against the written plan, one row per exercise, with bone-lesion conflicts. */
export function ExerciseLog(props: {
  view: SessionView;
  draft: SessionDraft;
  library: Exercise[];
  errors: Record<string, string>;
  cols: number;
  dispatch(action: DraftAction): void;
  clearErrors(prefix: string): void;
}) {
  const { view, draft, errors, dispatch } = props;
  const libraryById = useMemo(() => new Map(props.library.map((e) => [e.id, e])), [props.library]);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Exercise log">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4">
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
        {draft.entries.map((entry, index) => {
          const ex = libraryById.get(entry.exerciseId);
          const conflicts = ex ? conflictsFor(ex, view.restrictions) : [];
          const limitProblems = ex
            ? entryLimitProblems(
                {
                  rpe: entry.rpe === '' ? null : entry.rpe,
                  peakHr: entry.peakHr === '' ? null : entry.peakHr,
                  outcome: entry.outcome,
                },
                ex,
                view.safety.clearance.limits,
              )
            : [];
          const item = entry.planned ? view.plan?.items.find((i) => i.exerciseId === entry.exerciseId) : undefined;
          return (
            <ExerciseRow
              key={entry.key}
              entry={entry}
              index={index}
              conflicts={conflicts}
              limitProblems={limitProblems}
              cols={props.cols}
              errors={errors}
              thresholds={view.thresholds}
              planned={
                item
                  ? {
                      sets: item.sets ?? '',
                      reps: item.reps ?? '',
                      loadKg: item.loadKg ?? '',
                      durationMin: item.durationMin ?? '',
                    }
                  : null
              }
              onChange={(next) => {
                props.clearErrors(`entries.${index}.`);
                dispatch({ type: 'entry', key: entry.key, next });
              }}
              onRemove={() => dispatch({ type: 'removeEntry', key: entry.key })}
            />
          );
        })}
      </Stack>
      <Select
        mt="sm"
        label="Add an exercise"
        placeholder="Type to search the library"
        searchable
        filter={libraryFilter(props.library)}
        value={null}
        data={props.library.filter((e) => !e.retired).map((e) => ({ value: e.id, label: e.name }))}
        onChange={(value) => {
          const ex = value ? libraryById.get(value) : undefined;
          if (ex) dispatch({ type: 'addExercise', exercise: ex });
        }}
      />
    </Paper>
  );
}
