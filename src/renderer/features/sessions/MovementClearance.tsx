import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { movementTagLabels } from '../../../shared/clinical/session';
import type { ClearableMovementTag, PlanView } from '../../../shared/contract/sessions';
import { formatClinicDate } from '../../dates';
import { api } from '../../api';
import { showApiError, showSaved } from '../../components/forms';

/**
 * Movement work a lesion blocks that a clinician may clear for this patient, with a reason:
 * single-leg and balance work with a pelvic lesion or Mirels ≥9 (clinic policy), and the scheme's
 * resistance movements ("start low, go slow", PMC9335464 Tbl 2 note a).
 */
export function MovementClearancePanel(props: { patientId: string; view: PlanView; onChanged(view: PlanView): void }) {
  const { view } = props;
  if (view.clearable.length === 0) return null;
  return (
    <section aria-label="Movement clearance">
      <Alert color="grape" variant="outline" title="Clinician clearance for this patient">
        <Stack gap="md">
          {view.clearable.map(({ tag, because }) => (
            <ClearanceLine
              key={tag}
              tag={tag}
              because={because}
              patientId={props.patientId}
              cleared={view.movementClearances.find((c) => c.tag === tag) ?? null}
              onChanged={props.onChanged}
            />
          ))}
        </Stack>
      </Alert>
    </section>
  );
}

function ClearanceLine(props: {
  tag: ClearableMovementTag;
  because: string;
  patientId: string;
  cleared: PlanView['movementClearances'][number] | null;
  onChanged(view: PlanView): void;
}) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const label = movementTagLabels[props.tag];
  const run = async (call: () => Promise<PlanView>, done: string) => {
    setError(undefined);
    try {
      props.onChanged(await call());
      setReason('');
      showSaved(done);
    } catch (e) {
      showApiError(e, { setErrors: (f) => setError(f['reason']) });
    }
  };
  const { cleared } = props;
  return (
    <div role="group" aria-label={label}>
      <Text size="sm" fw={600}>
        {label}: {cleared ? 'cleared' : 'blocked until a clinician clears it'}
      </Text>
      <Text size="xs" c="dimmed">
        {props.because}
      </Text>
      {cleared && (
        <Text size="sm">
          Cleared by {cleared.clearedByName} on {formatClinicDate(cleared.clearedAt.slice(0, 10))}: {cleared.reason}
        </Text>
      )}
      <Group align="flex-end" mt={4}>
        <TextInput
          style={{ flex: 1 }}
          label={cleared ? 'Reason for withdrawing the clearance' : 'Reason for the clearance'}
          value={reason}
          error={error}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        {cleared ? (
          <Button
            variant="default"
            onClick={() =>
              run(
                () =>
                  api.plans.withdrawMovementClearance({ patientId: props.patientId, clearanceId: cleared.id, reason }),
                'Clearance withdrawn',
              )
            }
          >
            Withdraw clearance
          </Button>
        ) : (
          <Button
            onClick={() =>
              run(
                () => api.plans.clearMovement({ patientId: props.patientId, tag: props.tag, reason }),
                'Cleared for this patient; the reason is in the audit log',
              )
            }
          >
            Clear for this patient
          </Button>
        )}
      </Group>
    </div>
  );
}
