import { Badge, Button, Group, Pagination, Paper, ScrollArea, Select, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { letterTypeLabels, letterTypes, type LetterType } from '../../../shared/clinical/letters';
import type { LetterRegisterPage, ReplyState } from '../../../shared/contract/letters';
import { formatClinicDate } from '../../dates';
import { api } from '../../api';
import { showApiError } from '../../components/forms';

const PAGE_SIZE = 25;
const replyLabels: Record<ReplyState, string> = {
  awaiting: 'Awaiting reply',
  overdue: 'Reply overdue',
  received: 'Reply received',
};
const replyColors: Record<ReplyState, string> = { awaiting: 'yellow', overdue: 'orange', received: 'teal' };

/** The register of letters, newest first: one patient's, or the whole clinic's when no patient is given. */
export function LetterRegister({ patientId }: { patientId: string | null }) {
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<LetterRegisterPage | null>(null);
  useEffect(() => {
    api.letters
      .register({ patientId, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE })
      .then(setResult)
      .catch((e: unknown) => showApiError(e, undefined, { title: 'Could not load the register' }));
  }, [patientId, page]);
  if (!result) return null;
  if (result.total === 0) {
    return (
      <Paper withBorder p="lg" radius="md">
        <Text c="dimmed" ta="center">
          No letters yet.
        </Text>
      </Paper>
    );
  }
  return (
    <Stack gap="sm">
      <Paper withBorder radius="md">
        <ScrollArea type="auto">
          <Table highlightOnHover verticalSpacing="sm" aria-label="Letter register">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Date</Table.Th>
                {!patientId && <Table.Th>Patient</Table.Th>}
                <Table.Th>Letter</Table.Th>
                <Table.Th>To</Table.Th>
                <Table.Th>Sent</Table.Th>
                <Table.Th>By</Table.Th>
                <Table.Th>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.rows.map((r) => (
                <Table.Tr
                  key={r.id}
                  tabIndex={0}
                  style={{ cursor: 'pointer' }}
                  aria-label={`${letterTypeLabels[r.type]}, ${r.patientName}, ${formatClinicDate(r.date)}`}
                  onClick={() => navigate(`/letters/${r.id}`)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') navigate(`/letters/${r.id}`);
                  }}
                >
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatClinicDate(r.date)}</Table.Td>
                  {!patientId && <Table.Td>{r.patientName}</Table.Td>}
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {letterTypeLabels[r.type]}
                    </Text>
                    {r.version > 1 && (
                      <Text size="xs" c="dimmed">
                        Version {r.version} (correction)
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{r.recipients}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{r.sentVia ? `${r.sentVia}, ${formatClinicDate(r.sentOn)}` : 'Not sent'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{r.sentByName ?? r.finalisedByName ?? r.createdByName}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Badge
                        color={r.status === 'final' ? 'grape' : 'gray'}
                        variant={r.status === 'final' ? 'light' : 'outline'}
                      >
                        {r.status === 'final' ? (r.corrected ? 'Corrected' : 'Finalised') : 'Draft'}
                      </Badge>
                      {r.replyState && (
                        <Badge color={replyColors[r.replyState]} variant="light">
                          {replyLabels[r.replyState]}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      </Paper>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {result.total} letter{result.total === 1 ? '' : 's'}
        </Text>
        {result.total > PAGE_SIZE && (
          <Pagination total={Math.ceil(result.total / PAGE_SIZE)} value={page} onChange={setPage} />
        )}
      </Group>
    </Stack>
  );
}

/** Chooses a type and drafts the letter from the patient's record, then opens the composer. */
export function NewLetter({ patientId }: { patientId: string | null }) {
  const navigate = useNavigate();
  const [type, setType] = useState<LetterType | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  return (
    <Group align="flex-end" wrap="wrap">
      <Select
        label="New letter"
        placeholder="Choose the type of letter"
        data={letterTypes.map((t) => ({ value: t, label: letterTypeLabels[t] }))}
        value={type}
        onChange={(v) => {
          setType(v as LetterType | null);
          setError(undefined);
        }}
        error={error}
        w={340}
      />
      <Button
        loading={busy}
        disabled={!patientId}
        onClick={async () => {
          if (!patientId) return;
          if (!type) {
            setError('Choose the type of letter');
            return;
          }
          setBusy(true);
          try {
            const letter = await api.letters.create({ patientId, type });
            navigate(`/letters/${letter.id}`);
          } catch (e) {
            showApiError(
              e,
              { setErrors: (f) => setError(f['type'] ?? Object.values(f)[0]) },
              { title: 'No letter drafted' },
            );
          } finally {
            setBusy(false);
          }
        }}
      >
        Draft from the record
      </Button>
    </Group>
  );
}
