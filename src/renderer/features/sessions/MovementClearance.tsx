import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { movementTagLabels, STANDING_LOAD_SOURCE } from '../../../shared/clinical/session';
import type { ClearableMovementTag, PlanView } from '../../../shared/contract/sessions';
import { formatClinicDate } from '../../dates';
import { api } from '../../api';
import { showApiError, showSaved } from '../../components/forms';

/**
 * Single-leg and balance work with a pelvic lesion or Mirels ≥9: blocked until a clinician clears
 * it for this patient, with a reason (clinic policy: no source addresses it either way).
 */
export function MovementClearancePanel(props: { patientId: string; view: PlanView; onChanged(view: PlanView): void }) {
  const { view } = props;
  if (view.clearable.length === 0) return null;
  return (
    <section aria-label="Movement clearance">
      <Alert color="grape" variant="outline" title="Clinician clearance for this patient">
        <Stack gap="sm">
          {view.clearable.map((tag) => (
            <ClearanceLine
              key={tag}
              tag={tag}
              patientId={props.patientId}
              cleared={view.movementClearances.find((c) => c.tag === tag) ?? null}
              onChanged={props.onChanged}
            />
          ))}
          <Text size="xs" c="dimmed">
            {STANDING_LOAD_SOURCE}
          </Text>
        </Stack>
      </Alert>
    </section>
  );
}

function ClearanceLine(props: {
  tag: ClearableMovementTag;
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
    <div>
      <Text size="sm" fw={600}>
        {label}: {cleared ? 'cleared' : 'blocked until a clinician clears it'}
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
