import { Button, Code, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useAppState } from '../../app/AppStateContext';
import { CliniciansPanel } from '../access/CliniciansPanel';
import { MyAccountPanel } from '../access/MyAccountPanel';
import { adminPanelIds, settingsPanels } from './panels';

export function SettingsScreen() {
  const { state } = useAppState();
  const isAdmin = state.currentClinician?.role === 'administrator';

  const sections = [
    { id: 'settings-clinic', title: 'Clinic' },
    { id: 'settings-clinicians', title: 'Clinicians' },
    { id: 'settings-account', title: 'My account' },
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
      <Paper withBorder p="lg" radius="md" id="settings-clinicians" component="section" aria-label="Clinicians">
        <Title order={3} size="h4" mb="sm">
          Clinicians
        </Title>
        <CliniciansPanel />
      </Paper>
      <Paper withBorder p="lg" radius="md" id="settings-account" component="section" aria-label="My account">
        <Title order={3} size="h4" mb="sm">
          My account
        </Title>
        <MyAccountPanel />
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
          {adminPanelIds.has(panel.id) && !isAdmin ? (
            <>
              <Text size="sm" c="dimmed" mb="sm">
                Only a clinic administrator can change this.
              </Text>
              <fieldset disabled style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
                {panel.element}
              </fieldset>
            </>
          ) : (
            panel.element
          )}
        </Paper>
      ))}
    </Stack>
  );
}
