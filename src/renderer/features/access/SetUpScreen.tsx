import { Alert, Anchor, Button, Divider, Select, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { SecuredCaseload } from '../../../shared/contract/access';
import { professions, type Profession } from '../../../shared/domain/vocabulary';
import { api } from '../../api';
import { useAppState } from '../../app/AppStateContext';
import { showApiError } from '../../components/forms';
import { AuthLayout } from './AuthLayout';
import { PassphraseFields } from './PassphraseFields';
import { RecoveryKeyNotice } from './RecoveryKeyNotice';

/** First run: the clinic, its first administrator and their passphrase; the caseload is created encrypted. */
export function SetUpScreen() {
  const { replace } = useAppState();
  const [saving, setSaving] = useState(false);
  const [secured, setSecured] = useState<SecuredCaseload | null>(null);
  const form = useForm({
    initialValues: {
      clinicName: '',
      fullName: '',
      profession: '' as Profession | '',
      registrationNumber: '',
      login: '',
      passphrase: '',
      confirmPassphrase: '',
    },
  });

  const submit = form.onSubmit(async (values) => {
    setSaving(true);
    try {
      setSecured(
        await api.access.setUp({
          clinicName: values.clinicName,
          clinician: {
            fullName: values.fullName,
            profession: values.profession as Profession,
            registrationNumber: values.registrationNumber,
            login: values.login,
          },
          passphrase: values.passphrase,
          confirmPassphrase: values.confirmPassphrase,
        }),
      );
    } catch (error) {
      // The contract nests the clinician's fields; the form shows them flat.
      showApiError(error, form, { fieldPrefix: 'clinician.' });
    } finally {
      setSaving(false);
    }
  });

  const adopt = async () => {
    try {
      replace(await api.access.adoptBackup({}));
    } catch (error) {
      showApiError(error, undefined, { title: 'Backup not taken' });
    }
  };

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
      title="Welcome to Pacewise"
      label="Set up the clinic"
      intro="Set up your clinic and its first administrator. The caseload stays on this computer, encrypted."
      onSubmit={submit}
    >
      <TextInput label="Clinic name" withAsterisk autoFocus {...form.getInputProps('clinicName')} />
      <Title order={2} size="h4" mt="sm">
        First clinician (clinic administrator)
      </Title>
      <TextInput label="Full name" withAsterisk autoComplete="name" {...form.getInputProps('fullName')} />
      <Select
        label="Profession"
        withAsterisk
        data={professions.values.map((value) => ({ value, label: professions.labels[value] }))}
        allowDeselect={false}
        {...form.getInputProps('profession')}
      />
      <TextInput
        label="Registration number"
        description="Professional registration or accreditation, shown on letters"
        {...form.getInputProps('registrationNumber')}
      />
      <TextInput
        label="Sign-in name"
        description="What you type to sign in, e.g. your initials or work email"
        withAsterisk
        autoComplete="username"
        {...form.getInputProps('login')}
      />
      <PassphraseFields form={form} />
      <Alert color="blue" variant="light">
        <Text size="sm">
          Next you will be shown the clinic’s recovery key, once. Without it and without every passphrase, the caseload
          cannot be recovered by anyone.
        </Text>
      </Alert>
      <Button type="submit" loading={saving} mt="sm" size="md">
        Create the encrypted caseload
      </Button>
      <Divider label="New computer?" labelPosition="center" />
      <Text size="sm" c="dimmed">
        Replacing a lost or broken computer?{' '}
        <Anchor component="button" type="button" onClick={adopt}>
          Open the clinic’s caseload from a backup
        </Anchor>{' '}
        (the backup file and the “.db.json” file beside it), then sign in with your passphrase.
      </Text>
    </AuthLayout>
  );
}
