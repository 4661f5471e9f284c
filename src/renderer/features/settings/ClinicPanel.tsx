import { Code, SimpleGrid, Text } from '@mantine/core';
import { useAppState } from '../../app/AppStateContext';

/** The clinic this caseload belongs to, where it is kept, and which Pacewise reads it. */
export function ClinicPanel() {
  const { state } = useAppState();
  return (
    <SimpleGrid cols={2} spacing="xs">
      <Text c="dimmed">Clinic name</Text>
      <Text>{state.clinicName}</Text>
      <Text c="dimmed">Caseload folder</Text>
      <Code>{state.dataDirectory}</Code>
      <Text c="dimmed">Pacewise version</Text>
      <Text>{state.appVersion}</Text>
    </SimpleGrid>
  );
}
