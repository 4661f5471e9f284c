import { Button, Select, SimpleGrid, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { AdverseEventRecord } from '../../../shared/contract/sessions';
import { api } from '../../api';
import { showApiError, showSaved } from '../../components/forms';
import { useLocalTerms } from '../../localTerms';

/**
 * Grading an incident that waits for it (one opened from a red flag): the grade and, in the
 * clinician's words, what was done. Where the incident is shown: the session screen and the
 * patient's adverse events.
 */
export function IncidentGrade(props: {
  event: AdverseEventRecord;
  /** Names the fields, where more than one incident is on screen. */
  labelPrefix?: string;
  onGraded(event: AdverseEventRecord): void;
  /** What is typed, for the close-event form beside it (which may grade as it closes). */
  onDraft?(draft: { grade: string | null; actionTaken: string }): void;
  /** That form's refusal of these two fields, shown on them. */
  refusal?: { severity?: string | undefined; actionTaken?: string | undefined };
}) {
  const { event } = props;
  const { localise } = useLocalTerms();
  const [grade, setGrade] = useState<string | null>(null);
  const [actionTaken, setActionTaken] = useState('');
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [busy, setBusy] = useState(false);
  const prefix = props.labelPrefix ? `${props.labelPrefix}: ` : '';
  const draft = (next: { grade?: string | null; actionTaken?: string }) =>
    props.onDraft?.({ grade: next.grade ?? grade, actionTaken: next.actionTaken ?? actionTaken });
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" mt="xs" style={{ alignItems: 'flex-end' }}>
      <Select
        size="sm"
        label={`${prefix}Grade (1–5)`}
        placeholder="Choose the grade"
        withAsterisk
        data={['1', '2', '3', '4', '5']}
        value={grade}
        error={errors.severity ?? props.refusal?.severity}
        onChange={(value) => {
          setGrade(value);
          setErrors((e) => ({ ...e, severity: undefined }));
          draft({ grade: value });
        }}
      />
      <Textarea
        size="sm"
        label={`${prefix}What was done`}
        withAsterisk
        autosize
        minRows={2}
        description="In your own words; the guideline's actions are shown as a hint."
        placeholder={event.guidance ? localise(event.guidance) : undefined}
        value={actionTaken}
        error={errors.actionTaken ?? props.refusal?.actionTaken}
        onChange={(e) => {
          setActionTaken(e.currentTarget.value);
          draft({ actionTaken: e.currentTarget.value });
        }}
      />
      <Button
        size="sm"
        variant="light"
        loading={busy}
        onClick={async () => {
          if (!grade) {
            setErrors({ severity: 'Choose the grade (1–5)' });
            return;
          }
          setBusy(true);
          try {
            const graded = await api.adverseEvents.grade({
              adverseEventId: event.id,
              severity: Number(grade),
              actionTaken,
            });
            showSaved('Grade saved');
            props.onGraded(graded);
          } catch (err) {
            showApiError(err, { setErrors: (f) => setErrors(f) });
          } finally {
            setBusy(false);
          }
        }}
      >
        Save grade
      </Button>
    </SimpleGrid>
  );
}
