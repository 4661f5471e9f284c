import { Alert, Anchor, Button, PasswordInput, Text, Textarea, TextInput } from '@mantine/core';
import { IconClockHour4 } from '@tabler/icons-react';
import { describeSignInPolicy } from '../../../shared/access/passphrase';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { api, ApiError } from '../../api';
import { useAppState } from '../../app/AppStateContext';
import { showApiError } from '../../components/forms';
import { AuthLayout } from './AuthLayout';
import { PassphraseFields } from './PassphraseFields';

/** Start-up, and after "Switch clinician": nothing of the caseload is shown until a passphrase opens it. */
export function SignInScreen() {
  const [recovering, setRecovering] = useState(false);
  return recovering ? (
    <RecoverForm onCancel={() => setRecovering(false)} />
  ) : (
    <SignInForm onRecover={() => setRecovering(true)} />
  );
}

function SignInForm(props: { onRecover(): void }) {
  const { state, replace } = useAppState();
  const [busy, setBusy] = useState(false);
  const [waiting, setWaiting] = useState(false);
  const form = useForm({ initialValues: { login: '', passphrase: '' } });
  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    try {
      replace(await api.access.signIn(values));
    } catch (error) {
      form.setFieldValue('passphrase', '');
      // A wait after repeated failures: say the clinic's rule beside it, once it applies.
      setWaiting(error instanceof ApiError && /\bWait\b/.test(error.fields.passphrase ?? ''));
      showApiError(error, form, { title: 'Not signed in' });
    } finally {
      setBusy(false);
    }
  });
  return (
    <AuthLayout
      title="Sign in to Pacewise"
      label="Sign in"
      intro="Each clinician signs in with their own passphrase."
      onSubmit={submit}
      width={440}
    >
      <TextInput label="Sign-in name" withAsterisk autoFocus autoComplete="username" {...form.getInputProps('login')} />
      <PasswordInput
        label="Passphrase"
        withAsterisk
        autoComplete="current-password"
        {...form.getInputProps('passphrase')}
      />
      {waiting && (
        <Alert color="gray" variant="light" role="note" icon={<IconClockHour4 size={20} />}>
          {describeSignInPolicy(state.signInPolicy)}
        </Alert>
      )}
      <Button type="submit" size="md" loading={busy}>
        Sign in
      </Button>
      <Text size="sm" c="dimmed">
        Forgotten your passphrase? Ask your clinic administrator to set a new one. If every administrator’s passphrase
        is lost,{' '}
        <Anchor component="button" type="button" onClick={props.onRecover}>
          use the clinic’s recovery key
        </Anchor>
        .
      </Text>
    </AuthLayout>
  );
}

function RecoverForm(props: { onCancel(): void }) {
  const { replace } = useAppState();
  const [busy, setBusy] = useState(false);
  const form = useForm({ initialValues: { recoveryKey: '', login: '', passphrase: '', confirmPassphrase: '' } });
  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    try {
      replace(await api.access.recover(values));
    } catch (error) {
      showApiError(error, form, { title: 'Not recovered' });
    } finally {
      setBusy(false);
    }
  });
  return (
    <AuthLayout
      title="Open the caseload with the recovery key"
      label="Recover access"
      intro="For when every administrator’s passphrase is lost. The key is the one printed when the clinic was set up."
      onSubmit={submit}
      width={560}
    >
      <Textarea
        label="Recovery key"
        description="11 groups of five letters and digits; spaces and dashes do not matter"
        withAsterisk
        autosize
        minRows={2}
        autoFocus
        spellCheck={false}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: '0.06em' } }}
        {...form.getInputProps('recoveryKey')}
      />
      <TextInput
        label="Administrator’s sign-in name"
        description="The administrator who will get a new passphrase"
        withAsterisk
        {...form.getInputProps('login')}
      />
      <PassphraseFields form={form} label="New passphrase" />
      <Button type="submit" size="md" loading={busy}>
        Open and set the new passphrase
      </Button>
      <Button variant="subtle" onClick={props.onCancel}>
        Back to sign-in
      </Button>
    </AuthLayout>
  );
}
