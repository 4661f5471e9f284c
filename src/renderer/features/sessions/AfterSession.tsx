import { Alert, Button, Group, Paper, SimpleGrid, Title } from '@mantine/core';
import { memo } from 'react';
import { NOTES_MAX } from '../../../shared/contract/fields';
import { ClinicDateTimeInput } from '../../components/ClinicDateInput';
import { NotesField } from '../../components/NotesField';
import type { SessionView } from '../../../shared/contract/sessions';
import type { SessionDraft } from './draft';
import type { DraftAction } from './draftReducer';
import { afterInputs, afterRanges, NumberField } from './sessionFields';
import { useFocusWhen } from '../../app/focus';

/**
 * After-session vitals, notes and the time it took place; then sign-off. Memoised on its own part
 * of the draft, so typing in the exercise log does not re-render it.
 */
export const AfterSession = memo(function AfterSession(props: {
  view: SessionView;
  after: SessionDraft['after'];
  notes: string;
  occurredAt: string;
  errors: Record<string, string>;
  cols: number;
  busy: boolean;
  /** Why it cannot be signed as it stands (the screen changed since it was recorded); null when it can. */
  notYet: string | null;
  dispatch(action: DraftAction): void;
  onSign(): void;
  /** Moves on when a Hold has just been recorded: focus comes to this section's heading. */
  focusSignal: number;
}) {
  const { view, errors, dispatch } = props;
  const held = view.decision === 'hold';
  const headingRef = useFocusWhen<HTMLHeadingElement>(props.focusSignal);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="After the session">
      <Title order={3} size="h4" mb="xs" ref={headingRef}>
        {held ? 'Held for safety' : 'After the session'}
      </Title>
      {!held && (
        <SimpleGrid cols={props.cols} spacing="sm" data-after-start="">
          {afterInputs.map(([key, label]) => (
            <NumberField
              key={key}
              label={label}
              value={props.after[key]}
              min={afterRanges[key].min}
              max={afterRanges[key].max}
              error={errors[`after.${key}`]}
              onChange={(value) => dispatch({ type: 'after', field: key, value })}
            />
          ))}
        </SimpleGrid>
      )}
      <NotesField
        mt="sm"
        label="Session notes"
        max={NOTES_MAX}
        value={props.notes}
        error={errors.notes}
        onChange={(value) => dispatch({ type: 'notes', value })}
      />
      <Group mt="sm" align="flex-end" justify="space-between">
        <ClinicDateTimeInput
          label="Session took place on"
          value={props.occurredAt}
          error={errors.occurredAt}
          onChange={(value) => dispatch({ type: 'occurredAt', value })}
        />
        <Button
          loading={props.busy}
          disabled={props.notYet !== null}
          onClick={props.onSign}
          color={held ? 'red.8' : undefined}
        >
          {held ? 'Sign as held for safety' : 'Sign and lock session'}
        </Button>
      </Group>
      {props.notYet && (
        <Alert color="orange" mt="sm" role="status" title="Not ready to sign">
          {props.notYet}
        </Alert>
      )}
      {(errors.adverseEvents || errors.screen) && (
        <Alert color="red" mt="sm" role="alert" title="Not signed">
          {errors.adverseEvents ?? errors.screen}
        </Alert>
      )}
    </Paper>
  );
});
