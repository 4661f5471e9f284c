import {
  Badge,
  Button,
  Group,
  Input,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { memo, useRef, type KeyboardEvent } from 'react';
import { entrySpo2Problem, type BoneConflict, type LimitProblem } from '../../../shared/clinical/session';
import {
  entryOriginLabel,
  entryOutcomeLabels,
  entryOutcomes,
  type EntryOutcome,
  type SessionView,
} from '../../../shared/contract/sessions';
import type { EntryDraft, EntryNumberField, Num } from './draft';
import { ConflictWarning, LimitWarning } from './safetyPanels';
import { entryInputs, entryRanges, NumberField } from './sessionFields';

/** Focus the start of the row after `row` in the same log, or the first after-session field. */
export function focusNextRow(row: HTMLElement | null) {
  const log = row?.closest('[data-log]');
  if (!row || !log) return;
  const rows = [...log.querySelectorAll<HTMLElement>('[data-log-row]')];
  const next = rows[rows.indexOf(row) + 1];
  const target =
    next?.querySelector<HTMLElement>('[data-row-start]') ??
    next?.querySelector<HTMLElement>('[data-log-field]') ??
    log.closest('[data-recorder]')?.querySelector<HTMLElement>('[data-after-start] input');
  target?.focus();
}

/**
 * Enter moves on like a paper form: to the next field of the row, and from the row's last field to
 * the next row, so a specialist can log a class without reaching for the mouse. Tab keeps its order.
 */
function onRowKeyDown(event: KeyboardEvent<HTMLElement>) {
  const target = event.target as HTMLElement;
  if (event.key !== 'Enter' || event.shiftKey || !target.matches('input[data-log-field]')) return;
  event.preventDefault();
  const row = event.currentTarget;
  const fields = [...row.querySelectorAll<HTMLElement>('input[data-log-field]')];
  const next = fields[fields.indexOf(target) + 1];
  if (next) next.focus();
  else focusNextRow(row);
}

export function ExerciseRow(props: {
  entry: EntryDraft;
  index: number;
  conflicts: BoneConflict[];
  /** Where this row goes beyond the doctor's structured restrictions. */
  limitProblems: LimitProblem[];
  cols: number;
  errors: Record<string, string>;
  planned: Partial<Record<EntryNumberField, Num>> | null;
  thresholds: SessionView['thresholds'];
  onChange(next: EntryDraft): void;
  /** One number typed into the row; stable, so only the field typed into re-renders. */
  onNumber(field: EntryNumberField, value: Num): void;
  onRemove(): void;
}) {
  const { entry } = props;
  const rowRef = useRef<HTMLDivElement>(null);
  const set = (patch: Partial<EntryDraft>) => props.onChange({ ...entry, done: true, ...patch });
  // SpO₂ below the hold level during an exercise: said at once, as main will say it on sign-off.
  const spo2Problem = entrySpo2Problem(entry.spo2 === '' ? null : entry.spo2, entry.outcome, props.thresholds);
  const err = (field: string) =>
    props.errors[`entries.${props.index}.${field}`] ?? (field === 'spo2' ? (spo2Problem ?? undefined) : undefined);
  // Stale once an outcome is chosen: the refusal was about the missing choice.
  const outcomeError = entry.outcome === null ? err('outcome') : undefined;
  const completeAsPlanned = () => {
    set({ ...(props.planned ?? {}), outcome: 'completed', reason: '' });
    focusNextRow(rowRef.current);
  };
  return (
    <Paper
      ref={rowRef}
      withBorder
      p="sm"
      radius="md"
      role="group"
      aria-label={entry.exerciseName}
      data-log-row=""
      onKeyDown={onRowKeyDown}
      style={
        outcomeError
          ? { borderColor: 'var(--mantine-color-error)' }
          : entry.done
            ? { borderColor: 'var(--mantine-color-teal-6)' }
            : undefined
      }
    >
      <Group justify="space-between" mb={6} gap="xs" wrap="wrap" align="center">
        <Group gap="xs" wrap="wrap">
          <Text fw={650}>{entry.exerciseName}</Text>
          <Badge size="sm" variant="light" color={entry.planned ? 'gray' : 'blue'}>
            {entryOriginLabel(entry.planned)}
          </Badge>
          {entry.outcome === null ? (
            <Badge size="sm" color="orange" variant="outline">
              Not recorded
            </Badge>
          ) : (
            entry.done && (
              <Badge size="sm" color="teal" variant="light" leftSection={<IconCheck size={12} />}>
                {entryOutcomeLabels[entry.outcome]}
              </Badge>
            )
          )}
        </Group>
        {entry.planned && (
          <Button
            size="compact-md"
            variant={entry.done && entry.outcome === 'completed' ? 'subtle' : 'light'}
            color="teal"
            leftSection={<IconCheck size={16} />}
            style={{ flexShrink: 0 }}
            data-row-start=""
            title="Marks the row completed with the planned sets, reps, load and minutes, then moves to the next row (Enter)"
            onClick={completeAsPlanned}
          >
            Complete as planned
          </Button>
        )}
      </Group>
      <SimpleGrid cols={props.cols} spacing={6} verticalSpacing={4}>
        {entryInputs.map(([field, label]) => (
          <EntryNumber
            key={field}
            field={field}
            label={label}
            value={entry[field]}
            error={err(field)}
            onNumber={props.onNumber}
          />
        ))}
      </SimpleGrid>
      <Group gap="sm" mt={6} align="flex-end" wrap="nowrap">
        <Stack gap={2} style={{ flex: 1 }}>
          <Text size="sm" fw={500} id={`outcome-${entry.key}`}>
            Outcome
          </Text>
          <SegmentedControl
            size="md"
            fullWidth
            aria-labelledby={`outcome-${entry.key}`}
            aria-describedby={outcomeError ? `outcome-error-${entry.key}` : undefined}
            value={entry.outcome ?? ''}
            data={entryOutcomes.map((o) => ({ value: o, label: entryOutcomeLabels[o] }))}
            onChange={(value) => set({ outcome: value as EntryOutcome })}
          />
          {outcomeError && <Input.Error id={`outcome-error-${entry.key}`}>{outcomeError}</Input.Error>}
        </Stack>
        {!entry.planned && (
          <Button size="md" variant="subtle" color="gray" style={{ flexShrink: 0 }} onClick={props.onRemove}>
            Remove
          </Button>
        )}
      </Group>
      {(entry.outcome === 'modified' || entry.outcome === 'skipped') && (
        <TextInput
          mt={6}
          size="sm"
          label={entry.outcome === 'skipped' ? 'Why skipped' : 'What was modified and why'}
          value={entry.reason}
          error={err('reason')}
          data-log-field=""
          onChange={(e) => set({ reason: e.currentTarget.value })}
        />
      )}
      {(props.conflicts.length > 0 || props.limitProblems.length > 0) && entry.outcome !== 'skipped' && (
        <Stack gap={6} mt={6}>
          {props.conflicts.length > 0 && <ConflictWarning conflicts={props.conflicts} />}
          {props.limitProblems.length > 0 && <LimitWarning problems={props.limitProblems} />}
          <Textarea
            size="sm"
            label="Override note (required)"
            description="Why this exercise is safe for this patient today"
            autosize
            minRows={1}
            value={entry.overrideNote}
            error={err('overrideNote')}
            onChange={(e) => set({ overrideNote: e.currentTarget.value })}
          />
        </Stack>
      )}
    </Paper>
  );
}

const EntryNumber = memo(function EntryNumber(props: {
  field: EntryNumberField;
  label: string;
  value: Num;
  error: string | undefined;
  onNumber(field: EntryNumberField, value: Num): void;
}) {
  const { field, onNumber } = props;
  return (
    <NumberField
      size="sm"
      label={props.label}
      value={props.value}
      min={entryRanges[field].min}
      max={entryRanges[field].max}
      decimals={entryRanges[field].decimals}
      error={props.error}
      logField
      onChange={(v) => onNumber(field, v)}
    />
  );
});
