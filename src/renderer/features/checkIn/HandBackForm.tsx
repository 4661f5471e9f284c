import { Button, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import type { PatientView } from '../../../shared/contract/checkIn';
import { api, ApiError } from '../../api';
import { useAppState } from '../../app/AppStateContext';
import { returnFromCheckIn } from './CheckInButton';

/**
 * Staff take the device back with the PIN (or passphrase) of the clinician who started the
 * check-in; nothing else leaves the patient view. Wrong entries count as at the lock screen.
 */
export function HandBackForm(props: { view: PatientView; answering: boolean; onCancel(): void }) {
  const { replace } = useAppState();
  const [busy, setBusy] = useState(false);
  const usePin = props.view.pinAllowed;
  const form = useForm({ initialValues: { secret: '' } });
  const submit = form.onSubmit(async ({ secret }) => {
    setBusy(true);
    try {
      const next = await api.checkIn.handBack(usePin ? { pin: secret } : { passphrase: secret });
      returnFromCheckIn();
      replace(next);
    } catch (error) {
      form.setFieldValue('secret', '');
      const refused = error instanceof ApiError ? error : null;
      form.setFieldError(
        'secret',
        refused?.fields['pin'] ?? refused?.fields['passphrase'] ?? refused?.message ?? 'That did not work. Try again.',
      );
      // After the fifth wrong PIN the form asks for the passphrase instead.
      replace(await api.app.state({}));
    } finally {
      setBusy(false);
    }
  });
  return (
    <Paper
      withBorder
      shadow="md"
      p="xl"
      radius="lg"
      w={480}
      maw="100%"
      component="form"
      onSubmit={submit}
      noValidate
      aria-label="Staff: return to Pacewise"
    >
      <Stack gap="md">
        <Group gap="sm">
          <IconLock size={28} aria-hidden />
          <Title order={2} size="h3">
            Staff: return to Pacewise
          </Title>
        </Group>
        {props.answering && (
          <Text fz="lg">The answers given so far will not be kept. Patients: please tap “Back to the questions”.</Text>
        )}
        <PasswordInput
          label={usePin ? 'Your PIN' : 'Your passphrase'}
          description={
            usePin
              ? 'The PIN of the clinician who started the check-in'
              : 'The passphrase of the clinician who started it'
          }
          inputMode={usePin ? 'numeric' : undefined}
          autoComplete="off"
          autoFocus
          size="lg"
          {...form.getInputProps('secret')}
        />
        <Button type="submit" size="lg" loading={busy}>
          Return to Pacewise
        </Button>
        <Button variant="default" size="lg" onClick={props.onCancel}>
          {props.answering ? 'Back to the questions' : 'Cancel'}
        </Button>
      </Stack>
    </Paper>
  );
}
