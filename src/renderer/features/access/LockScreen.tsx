import { notifications } from '@mantine/notifications';
import { Button, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import type { AppState } from '../../../shared/contract/setup';
import { PIN_ATTEMPTS } from '../../../shared/access/passphrase';
import { api } from '../../api';
import { useAppState } from '../../app/AppStateContext';
import { showApiError } from '../../components/forms';

/** "1 try left", "3 tries left". */
export const triesLeft = (n: number) => `${n} ${n === 1 ? 'try' : 'tries'} left`;

/**
 * The whole window while locked (the caseload's screens are unmounted). The same clinician comes
 * back with their PIN (or their passphrase after 5 wrong PINs); anyone else uses "Switch clinician"
 * and their own passphrase.
 */
export function LockScreen(props: { locked: NonNullable<AppState['locked']> }) {
  const { replace } = useAppState();
  const [busy, setBusy] = useState(false);
  const usePin = props.locked.pinAllowed;
  const form = useForm({ initialValues: { secret: '' } });
  const submit = form.onSubmit(async ({ secret }) => {
    setBusy(true);
    try {
      replace(await api.access.unlock(usePin ? { pin: secret } : { passphrase: secret }));
    } catch (error) {
      form.setFieldValue('secret', '');
      const refused = error as { fields?: Record<string, string> };
      const message = refused.fields?.pin ?? refused.fields?.passphrase;
      if (message) form.setFieldError('secret', message);
      else showApiError(error);
      // After the fifth wrong PIN the card asks for the passphrase instead.
      replace(await api.app.state({}));
    } finally {
      setBusy(false);
    }
  });
  const switchClinician = async () => {
    try {
      const next = await api.access.switchClinician({});
      notifications.clean();
      window.location.hash = '#/caseload';
      replace(next);
    } catch (error) {
      showApiError(error);
    }
  };
  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-labelledby="lock-title"
      style={{ position: 'fixed', inset: 0, zIndex: 1000, display: 'grid', placeItems: 'center', padding: 16 }}
    >
      <Paper withBorder shadow="xl" p="xl" radius="lg" w={420} maw="100%" component="form" onSubmit={submit} noValidate>
        <Stack gap="md">
          <Group gap="sm">
            <IconLock size={28} aria-hidden />
            <Title order={1} size="h3" id="lock-title">
              Pacewise is locked
            </Title>
          </Group>
          <Text>
            <b>{props.locked.fullName}</b> was signed in. Their unsaved work is kept.
          </Text>
          {usePin ? (
            <PasswordInput
              label="PIN"
              description={
                props.locked.failedAttempts > 0
                  ? `${triesLeft(PIN_ATTEMPTS - props.locked.failedAttempts)} before the passphrase is needed`
                  : '4 to 8 digits'
              }
              inputMode="numeric"
              autoComplete="off"
              autoFocus
              size="md"
              {...form.getInputProps('secret')}
            />
          ) : (
            <PasswordInput
              label="Passphrase"
              description={
                props.locked.failedAttempts >= PIN_ATTEMPTS
                  ? `${PIN_ATTEMPTS} wrong PINs: the passphrase is needed`
                  : undefined
              }
              autoComplete="current-password"
              autoFocus
              size="md"
              {...form.getInputProps('secret')}
            />
          )}
          <Button type="submit" size="md" loading={busy}>
            Unlock
          </Button>
          <Button variant="default" size="md" onClick={switchClinician}>
            Switch clinician
          </Button>
        </Stack>
      </Paper>
    </div>
  );
}
