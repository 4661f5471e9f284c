import { Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import type { PatientSummary } from '../../../shared/contract/patients';
import { api } from '../../api';
import { showApiError } from '../../components/forms';
import { LetterRegister, NewLetter } from './LetterRegister';

/** The clinic's register of letters to the oncology team, and a new letter for any patient. */
export function LettersScreen() {
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 150);
  const [found, setFound] = useState<PatientSummary[]>([]);
  const [patientId, setPatientId] = useState<string | null>(null);
  useEffect(() => {
    if (!debounced.trim()) {
      setFound([]);
      return;
    }
    api.patients
      .search({ query: debounced, limit: 20 })
      .then((page) => setFound(page.patients))
      .catch((e: unknown) => showApiError(e));
  }, [debounced]);
  return (
    <Stack gap="md" maw={1200}>
      <Title order={2}>Letters</Title>
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Select
            label="Patient"
            placeholder="Type a name or MRN"
            searchable
            searchValue={query}
            onSearchChange={setQuery}
            data={found.map((p) => ({ value: p.id, label: `${p.familyName}, ${p.givenName} (${p.mrn})` }))}
            value={patientId}
            onChange={setPatientId}
            nothingFoundMessage={debounced ? 'No patient matches' : 'Type to search'}
            filter={({ options }) => options}
            w={420}
          />
          <NewLetter patientId={patientId} />
        </Stack>
      </Paper>
      <Title order={3} size="h4">
        Register
      </Title>
      <Text size="sm" c="dimmed" mt={-8}>
        Every letter, with how and when it was sent and whether a requested reply has come back.
      </Text>
      <LetterRegister patientId={null} />
    </Stack>
  );
}
