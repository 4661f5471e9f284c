import {
  Badge,
  Button,
  Code,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import type { Clinician } from '../../../shared/contract/setup';
import { professions, type Profession } from '../../../shared/domain/vocabulary';
import { api } from '../../api';
import { useAppState } from '../../app/AppStateContext';
import { showApiError, showSaved } from '../../components/forms';
import { settingsPanels } from './panels';

export function SettingsScreen() {
  const { state, replace } = useAppState();
  const [clinicians, setClinicians] = useState<Clinician[]>([]);
  const form = useForm({ initialValues: { fullName: '', profession: '' as Profession | '', registrationNumber: '' } });

  const load = () =>
    api.clinicians
      .list({})
      .then(setClinicians)
      .catch((e: unknown) => showApiError(e));
  useEffect(() => {
    void load();
  }, []);

  const add = form.onSubmit(async (values) => {
    try {
      const added = await api.clinicians.add({ ...values, profession: values.profession as Profession });
      showSaved(`${added.fullName} can now sign in`);
      form.reset();
      await load();
    } catch (error) {
      showApiError(error, form);
    }
  });

  const sections = [
    { id: 'settings-clinic', title: 'Clinic' },
    { id: 'settings-clinicians', title: 'Clinicians' },
    ...settingsPanels.map((panel) => ({ id: `settings-${panel.id}`, title: panel.title })),
  ];

  return (
    <Stack gap="lg" maw={900}>
      <Title order={2}>Settings</Title>
      {/* A long page: jump straight to a section (hash links would fight the router, so scroll instead). */}
      <Group gap="xs" component="nav" aria-label="Settings sections">
        {sections.map((section) => (
          <Button
            key={section.id}
            size="xs"
            h={36}
            variant="default"
            onClick={() => document.getElementById(section.id)?.scrollIntoView({ behavior: 'smooth', block: 'start' })}
          >
            {section.title}
          </Button>
        ))}
      </Group>
      <Paper withBorder p="lg" radius="md" id="settings-clinic">
        <Title order={3} size="h4" mb="sm">
          Clinic
        </Title>
        <SimpleGrid cols={2} spacing="xs">
          <Text c="dimmed">Clinic name</Text>
          <Text>{state.clinicName}</Text>
          <Text c="dimmed">Caseload folder</Text>
          <Code>{state.dataDirectory}</Code>
          <Text c="dimmed">Pacewise version</Text>
          <Text>{state.appVersion}</Text>
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="lg" radius="md" id="settings-clinicians">
        <Title order={3} size="h4" mb="sm">
          Clinicians
        </Title>
        <Table verticalSpacing="xs" aria-label="Clinicians">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Profession</Table.Th>
              <Table.Th>Registration</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {clinicians.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{c.fullName}</Table.Td>
                <Table.Td>{professions.labels[c.profession]}</Table.Td>
                <Table.Td>{c.registrationNumber ?? '—'}</Table.Td>
                <Table.Td ta="right">
                  {state.currentClinician?.id === c.id ? (
                    <Badge variant="light">Signed in</Badge>
                  ) : (
                    <Button
                      variant="default"
                      onClick={async () => {
                        try {
                          replace(await api.clinicians.signIn({ clinicianId: c.id }));
                        } catch (e) {
                          showApiError(e);
                        }
                      }}
                    >
                      Sign in as {c.fullName}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <form onSubmit={add} noValidate aria-label="Add clinician">
          <Title order={4} size="h5" mt="lg" mb="xs">
            Add a clinician
          </Title>
          <Group align="flex-start" grow>
            <TextInput label="Full name" withAsterisk {...form.getInputProps('fullName')} />
            <Select
              label="Profession"
              withAsterisk
              data={professions.values.map((value) => ({ value, label: professions.labels[value] }))}
              {...form.getInputProps('profession')}
            />
            <TextInput label="Registration number" {...form.getInputProps('registrationNumber')} />
          </Group>
          <Button type="submit" mt="md" variant="light">
            Add clinician
          </Button>
        </form>
      </Paper>
      {settingsPanels.map((panel) => (
        <Paper
          key={panel.id}
          id={`settings-${panel.id}`}
          withBorder
          p="lg"
          radius="md"
          component="section"
          aria-label={panel.title}
          style={{ scrollMarginTop: 80 }}
        >
          <Title order={3} size="h4" mb="sm">
            {panel.title}
          </Title>
          {panel.element}
        </Paper>
      ))}
    </Stack>
  );
}
