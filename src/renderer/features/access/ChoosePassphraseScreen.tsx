import { Button, PasswordInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { api } from '../../api';
import { useAppState } from '../../app/AppStateContext';
import { showApiError, showSaved } from '../../components/forms';
import { AuthLayout } from './AuthLayout';
import { PassphraseFields } from './PassphraseFields';

/**
 * A clinician whose passphrase an administrator chose (a new account, a reset) chooses their own
 * before anything of the caseload opens: until then the passphrase is known to someone else.
 */
export function ChoosePassphraseScreen(props: { fullName: string }) {
  const { refresh, replace } = useAppState();
  const [busy, setBusy] = useState(false);
  const form = useForm({ initialValues: { currentPassphrase: '', passphrase: '', confirmPassphrase: '' } });
  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    try {
      await api.access.changePassphrase(values);
      showSaved('Your passphrase is changed');
      await refresh();
    } catch (error) {
      showApiError(error, form, { title: 'Passphrase not changed' });
    } finally {
      setBusy(false);
    }
  });
  const switchClinician = async () => {
    try {
      replace(await api.access.switchClinician({}));
    } catch (error) {
      showApiError(error);
    }
  };
  return (
    <AuthLayout
      title="Choose your own passphrase"
      label="Choose your own passphrase"
      intro={`${props.fullName}, an administrator chose the passphrase you signed in with. Choose one only you know before the caseload opens.`}
      onSubmit={submit}
      width={520}
    >
      <PasswordInput
        label="Passphrase you were given"
        withAsterisk
        autoFocus
        autoComplete="current-password"
        {...form.getInputProps('currentPassphrase')}
      />
      <PassphraseFields form={form} label="Your new passphrase" />
      <Button type="submit" size="md" loading={busy}>
        Save and open the caseload
      </Button>
      <Button variant="default" size="md" onClick={switchClinician}>
        Switch clinician
      </Button>
    </AuthLayout>
  );
}
