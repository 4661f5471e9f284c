import { Button, Center, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { professions, type Profession } from '../../../shared/domain/vocabulary';
import { api } from '../../api';
import { useAppState } from '../../app/AppStateContext';
import { showApiError } from '../../components/forms';

export function FirstRunSetup() {
  const { replace } = useAppState();
  const [saving, setSaving] = useState(false);
  const form = useForm({
    initialValues: { clinicName: '', fullName: '', profession: '' as Profession | '', registrationNumber: '' },
  });

  const submit = form.onSubmit(async (values) => {
    setSaving(true);
    try {
      const state = await api.setup.complete({
        clinicName: values.clinicName,
        clinician: {
          fullName: values.fullName,
          profession: values.profession as Profession,
          registrationNumber: values.registrationNumber,
        },
      });
      replace(state);
    } catch (error) {
      // The contract nests the clinician's fields; the form shows them flat.
      showApiError(error, form, { fieldPrefix: 'clinician.' });
    } finally {
      setSaving(false);
    }
  });

  return (
    <Center mih="100vh" p="lg" bg="var(--mantine-color-body)">
      <Paper withBorder shadow="sm" p="xl" radius="lg" w={520} component="form" onSubmit={submit} noValidate>
        <Stack gap="md">
          <div>
            <Title order={1} size="h2">
              Welcome to Pacewise
            </Title>
            <Text c="dimmed" mt={4}>
              Set up your clinic and the first clinician. Everything stays on this computer.
            </Text>
          </div>
          <TextInput label="Clinic name" withAsterisk autoFocus {...form.getInputProps('clinicName')} />
          <Title order={2} size="h4" mt="sm">
            First clinician
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
          <Button type="submit" loading={saving} mt="sm">
            Start using Pacewise
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
