import { Button, Group, NumberInput, PasswordInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  describeSignInPolicy,
  IDLE_LOCK_RANGE,
  SIGN_IN_ATTEMPTS_RANGE,
  SIGN_IN_FIRST_WAIT_RANGE,
  SIGN_IN_POLICY_DEFAULT,
} from '../../../shared/access/passphrase';
import { api } from '../../api';
import { useAppState } from '../../app/AppStateContext';
import { showApiError, showSaved } from '../../components/forms';
import { PassphraseFields } from './PassphraseFields';

/** The signed-in clinician's passphrase and quick-unlock PIN, and the clinic's idle-lock time and sign-in slowdown. */
export function MyAccountPanel() {
  const { state, refresh, replace } = useAppState();
  const me = state.currentClinician;
  const isAdmin = me?.role === 'administrator';
  const passphrase = useForm({ initialValues: { currentPassphrase: '', passphrase: '', confirmPassphrase: '' } });
  const pin = useForm({ initialValues: { pin: '', passphrase: '' } });
  const idle = useForm({ initialValues: { minutes: state.idleLockMinutes as number | string } });
  const slowdown = useForm({
    initialValues: {
      freeAttempts: state.signInPolicy.freeAttempts as number | string,
      firstWaitSeconds: state.signInPolicy.firstWaitSeconds as number | string,
    },
  });

  const changePassphrase = passphrase.onSubmit(async (values) => {
    try {
      await api.access.changePassphrase(values);
      showSaved('Your passphrase is changed');
      passphrase.reset();
    } catch (error) {
      showApiError(error, passphrase);
    }
  });
  const savePin = (remove: boolean) =>
    pin.onSubmit(async (values) => {
      try {
        await api.access.setPin({ pin: remove ? null : values.pin, passphrase: values.passphrase });
        showSaved(remove ? 'Quick-unlock PIN removed' : 'Quick-unlock PIN set');
        pin.reset();
        await refresh();
      } catch (error) {
        showApiError(error, pin);
      }
    });
  const saveIdle = idle.onSubmit(async ({ minutes }) => {
    try {
      replace(await api.access.setIdleLock({ minutes: Number(minutes) }));
      showSaved(`Pacewise now locks after ${minutes} idle minutes`);
    } catch (error) {
      showApiError(error, idle);
    }
  });

  const saveSlowdown = slowdown.onSubmit(async (values) => {
    try {
      replace(
        await api.access.setSignInPolicy({
          freeAttempts: Number(values.freeAttempts),
          firstWaitSeconds: Number(values.firstWaitSeconds),
        }),
      );
      showSaved('Sign-in slowdown saved');
    } catch (error) {
      showApiError(error, slowdown);
    }
  });

  // The clinic-wide controls below: an administrator saves them; a clinician sees them read-only, and why.
  const adminSave = isAdmin && (
    <Button type="submit" variant="light">
      Save
    </Button>
  );
  const adminNote = !isAdmin && (
    <Text size="xs" c="dimmed" mt={4}>
      A clinic administrator sets this.
    </Text>
  );

  return (
    <Stack gap="lg">
      <form onSubmit={changePassphrase} noValidate aria-label="Change my passphrase">
        <Title order={4} size="h5" mb="xs">
          Change my passphrase
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <PasswordInput
            label="Current passphrase"
            withAsterisk
            autoComplete="current-password"
            {...passphrase.getInputProps('currentPassphrase')}
          />
        </SimpleGrid>
        <Stack mt="sm">
          <PassphraseFields form={passphrase} label="New passphrase" />
        </Stack>
        <Button type="submit" mt="sm" variant="light">
          Change passphrase
        </Button>
      </form>
      <form onSubmit={savePin(false)} noValidate aria-label="Quick-unlock PIN">
        <Title order={4} size="h5" mb={4}>
          Quick-unlock PIN {me?.hasPin ? '(set)' : '(not set)'}
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          Unlocks Pacewise after it locks itself, on this computer only. After a restart, or {5} wrong PINs, your
          passphrase is needed.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <PasswordInput
            label="PIN (4–8 digits)"
            inputMode="numeric"
            autoComplete="off"
            {...pin.getInputProps('pin')}
          />
          <PasswordInput
            label="Your passphrase"
            withAsterisk
            autoComplete="current-password"
            {...pin.getInputProps('passphrase')}
          />
        </SimpleGrid>
        <Group mt="sm">
          <Button type="submit" variant="light">
            Set PIN
          </Button>
          {me?.hasPin && (
            <Button variant="default" onClick={() => savePin(true)()}>
              Remove PIN
            </Button>
          )}
        </Group>
      </form>
      <form onSubmit={saveIdle} noValidate aria-label="Idle lock">
        <Title order={4} size="h5" mb={4}>
          Lock when idle
        </Title>
        <Group align="flex-end">
          <NumberInput
            label="Minutes without use before Pacewise locks"
            description={`Clinic policy (default 5, ${IDLE_LOCK_RANGE.min}–${IDLE_LOCK_RANGE.max}). HIPAA §164.312(a)(2)(iii) asks for automatic logoff.`}
            min={IDLE_LOCK_RANGE.min}
            max={IDLE_LOCK_RANGE.max}
            w={360}
            disabled={!isAdmin}
            {...idle.getInputProps('minutes')}
          />
          {adminSave}
        </Group>
        {adminNote}
      </form>
      <form onSubmit={saveSlowdown} noValidate aria-label="Sign-in slowdown">
        <Title order={4} size="h5" mb={4}>
          Slow down repeated failed sign-ins
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          {describeSignInPolicy(state.signInPolicy)} Every attempt is recorded in the audit trail.
        </Text>
        <Group align="flex-end">
          <NumberInput
            label="Failed sign-ins before a wait"
            description={`Clinic policy (default ${SIGN_IN_POLICY_DEFAULT.freeAttempts}, ${SIGN_IN_ATTEMPTS_RANGE.min}–${SIGN_IN_ATTEMPTS_RANGE.max})`}
            min={SIGN_IN_ATTEMPTS_RANGE.min}
            max={SIGN_IN_ATTEMPTS_RANGE.max}
            w={260}
            disabled={!isAdmin}
            {...slowdown.getInputProps('freeAttempts')}
          />
          <NumberInput
            label="First wait (seconds)"
            description={`Clinic policy (default ${SIGN_IN_POLICY_DEFAULT.firstWaitSeconds}, ${SIGN_IN_FIRST_WAIT_RANGE.min}–${SIGN_IN_FIRST_WAIT_RANGE.max})`}
            min={SIGN_IN_FIRST_WAIT_RANGE.min}
            max={SIGN_IN_FIRST_WAIT_RANGE.max}
            w={260}
            disabled={!isAdmin}
            {...slowdown.getInputProps('firstWaitSeconds')}
          />
          {adminSave}
        </Group>
        {adminNote}
      </form>
    </Stack>
  );
}
