import { Alert, Button, Select, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import type { SecuredCaseload } from '../../../shared/contract/access';
import { api } from '../../api';
import { useAppState } from '../../app/AppStateContext';
import { showApiError } from '../../components/forms';
import { AuthLayout } from './AuthLayout';
import { PassphraseFields } from './PassphraseFields';
import { RecoveryKeyNotice } from './RecoveryKeyNotice';

/** An earlier version's caseload: encrypted in place once an administrator is chosen and given a passphrase. */
export function SecureExistingScreen() {
  const { replace } = useAppState();
  const [clinicians, setClinicians] = useState<Array<{ id: string; fullName: string }>>([]);
  const [busy, setBusy] = useState(false);
  const [secured, setSecured] = useState<SecuredCaseload | null>(null);
  const form = useForm({ initialValues: { clinicianId: '', login: '', passphrase: '', confirmPassphrase: '' } });
  useEffect(() => {
    api.access
      .existingClinicians({})
      .then(setClinicians)
      .catch((e: unknown) => showApiError(e));
  }, []);
  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    try {
      setSecured(await api.access.secureExisting(values));
    } catch (error) {
      showApiError(error, form, { title: 'Not secured' });
    } finally {
      setBusy(false);
    }
  });
  if (secured) {
    return (
      <RecoveryKeyNotice
        recoveryKey={secured.recoveryKey}
        clinicName={secured.state.clinicName}
        onDone={() => replace(secured.state)}
      />
    );
  }
  return (
    <AuthLayout
      title="Protect this caseload"
      label="Protect the caseload"
      intro="This version of Pacewise encrypts the caseload and asks each clinician to sign in with a passphrase."
      onSubmit={submit}
      width={560}
    >
      <Alert color="blue" variant="light">
        <Text size="sm">
          Pacewise first takes a checked backup, then encrypts the caseload and its backups in place, and removes the
          unencrypted copy once the encrypted one has opened. Choose who will be the clinic administrator: they can then
          give every other clinician a passphrase in Settings.
        </Text>
      </Alert>
      <Select
        label="Clinic administrator"
        withAsterisk
        data={clinicians.map((c) => ({ value: c.id, label: c.fullName }))}
        allowDeselect={false}
        {...form.getInputProps('clinicianId')}
      />
      <TextInput label="Their sign-in name" withAsterisk autoComplete="username" {...form.getInputProps('login')} />
      <PassphraseFields form={form} />
      <Button type="submit" size="md" loading={busy}>
        Encrypt the caseload
      </Button>
    </AuthLayout>
  );
}
