import { Badge, Button, Group, Pagination, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { PatientPage } from '../../../shared/contract/patients';
import { ageOn, formatClinicDate, todayLocal } from '../../../shared/dates';
import { patientStatuses } from '../../../shared/domain/vocabulary';
import { api } from '../../api';
import { showApiError } from '../../components/forms';
import { AddPatientDialog } from '../patients/AddPatientDialog';

const PAGE_SIZE = 25;

export function CaseloadScreen() {
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 150);
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<PatientPage | null>(null);
  const [adding, setAdding] = useState(false);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let cancelled = false;
    api.patients
      .search({ query: debounced, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE })
      .then((next) => !cancelled && setResult(next))
      .catch((error: unknown) => showApiError(error, undefined, { title: 'Could not load the caseload' }));
    return () => {
      cancelled = true;
    };
  }, [debounced, page, reload]);

  const today = todayLocal();
  const open = (id: string) => navigate(`/patients/${id}`);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={2}>Caseload</Title>
        <Button leftSection={<IconUserPlus size={20} />} onClick={() => setAdding(true)}>
          Add patient
        </Button>
      </Group>
      <TextInput
        label="Search patients"
        placeholder="Name or hospital number (MRN)"
        leftSection={<IconSearch size={18} />}
        value={query}
        onChange={(e) => {
          setQuery(e.currentTarget.value);
          setPage(1);
        }}
        maw={480}
      />
      <Paper withBorder radius="md">
        <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" aria-label="Patients">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>MRN</Table.Th>
              <Table.Th>Date of birth</Table.Th>
              <Table.Th>Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result?.patients.map((p) => (
              <Table.Tr
                key={p.id}
                tabIndex={0}
                style={{ cursor: 'pointer' }}
                aria-label={`${p.givenName} ${p.familyName}`}
                onClick={() => open(p.id)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    open(p.id);
                  }
                }}
              >
                <Table.Td>
                  <Text fw={600}>
                    {p.familyName}, {p.givenName}
                  </Text>
                  {p.preferredName && (
                    <Text size="sm" c="dimmed">
                      Prefers “{p.preferredName}”
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{p.mrn}</Table.Td>
                <Table.Td>
                  {formatClinicDate(p.dateOfBirth)}{' '}
                  <Text span c="dimmed">
                    ({ageOn(p.dateOfBirth, today)} y)
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={p.status === 'active' ? 'teal' : 'gray'}>
                    {patientStatuses.labels[p.status]}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {result && result.patients.length === 0 && (
          <Text p="lg" c="dimmed" ta="center">
            {debounced ? `No patient matches “${debounced}”.` : 'No patients yet. Add the first referral to begin.'}
          </Text>
        )}
      </Paper>
      {result && result.total > PAGE_SIZE && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {result.total} patients
          </Text>
          <Pagination total={Math.ceil(result.total / PAGE_SIZE)} value={page} onChange={setPage} />
        </Group>
      )}
      <AddPatientDialog
        opened={adding}
        onClose={() => setAdding(false)}
        onAdded={() => {
          setAdding(false);
          setReload((n) => n + 1);
        }}
      />
    </Stack>
  );
}
