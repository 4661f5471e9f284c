import { Alert, Badge, Button, Center, Code, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconUserCircle } from '@tabler/icons-react';
import { useState } from 'react';
import type { StartupProblem } from '../../../shared/contract/setup';
import { api } from '../../api';
import { useAppState } from '../../app/AppStateContext';
import { showApiError } from '../../components/forms';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');

/**
 * Shown instead of set-up or the caseload when start-up found something wrong. It says what
 * happened and offers only what helps: a backup where one can bring the changes back, never
 * restore advice for a folder that merely cannot be written.
 */
export function RecoveryScreen({ problem }: { problem: StartupProblem }) {
  const { replace } = useAppState();
  const [busy, setBusy] = useState<string | null>(null);

  const act = async (key: string, call: () => Promise<Parameters<typeof replace>[0]>) => {
    setBusy(key);
    try {
      replace(await call());
    } catch (error) {
      showApiError(error, undefined, { title: 'That did not work' });
    } finally {
      setBusy(null);
    }
  };

  // Only an administrator may restore or carry on without the missing changes (the main process
  // refuses anyone else): others see why, not the buttons.
  const mayRecover = problem.recoveryRefusal === null;
  const refusal = !mayRecover && (problem.backups.length > 0 || problem.canContinue) && (
    <Group justify="space-between" wrap="nowrap" gap="md">
      <Text fw={600}>{problem.recoveryRefusal}</Text>
      <Button
        variant="default"
        style={{ flexShrink: 0 }}
        leftSection={<IconUserCircle size={18} />}
        loading={busy === 'switch'}
        disabled={busy !== null}
        onClick={() => act('switch', () => api.access.switchClinician({}))}
      >
        Switch clinician
      </Button>
    </Group>
  );

  return (
    <Center mih="100vh" p="lg" bg="var(--mantine-color-body)">
      <Paper withBorder shadow="sm" p="xl" radius="lg" maw={860} w="100%">
        <Stack gap="md">
          <Group gap="sm" wrap="nowrap">
            <IconAlertTriangle size={32} color="var(--mantine-color-red-7)" aria-hidden />
            <Title order={1} size="h2">
              {problem.title}
            </Title>
          </Group>
          <Alert color="red" role="alert" title="What Pacewise found">
            {problem.message}
            {problem.missingChanges !== null && (
              <Text size="sm" mt="xs" fw={600}>
                Changes missing: {problem.missingChanges.toLocaleString()}
                {problem.lastSavedAt ? ` (the last one saved ${when(problem.lastSavedAt)})` : ''}
              </Text>
            )}
          </Alert>
          {problem.backups.length > 0 && (
            <>
              <Title order={2} size="h4">
                Backups in this caseload&apos;s folder
              </Title>
              <Table aria-label="Backups" striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Made</Table.Th>
                    <Table.Th>Patients</Table.Th>
                    <Table.Th>Changes</Table.Th>
                    <Table.Th>Last change</Table.Th>
                    {mayRecover && <Table.Th />}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {problem.backups.map((backup) => (
                    <Table.Tr key={backup.fileName} aria-label={backup.fileName}>
                      <Table.Td>
                        {when(backup.createdAt)}
                        {backup.fileName === problem.recommendedBackup && (
                          <Badge ml="xs" color="teal" variant="light">
                            Has every saved change
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>{backup.patients.toLocaleString()}</Table.Td>
                      <Table.Td>{backup.changes.toLocaleString()}</Table.Td>
                      <Table.Td>{when(backup.lastChangeAt)}</Table.Td>
                      {mayRecover && (
                        <Table.Td>
                          <Button
                            size="xs"
                            variant={backup.fileName === problem.recommendedBackup ? 'filled' : 'default'}
                            loading={busy === backup.fileName}
                            disabled={busy !== null}
                            aria-label={`Restore the backup made ${when(backup.createdAt)}`}
                            onClick={() =>
                              act(backup.fileName, () => api.recovery.restore({ fileName: backup.fileName }))
                            }
                          >
                            Restore
                          </Button>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {!problem.recommendedBackup && problem.missingChanges !== null && (
                <Text size="sm" c="dimmed">
                  No backup holds every saved change. The newest one comes closest.
                </Text>
              )}
              {mayRecover && (
                <Text size="sm" c="dimmed">
                  Restoring keeps the current file aside in the <Code>replaced</Code> folder; nothing is deleted.
                </Text>
              )}
            </>
          )}
          {problem.backups.length === 0 && ['missing', 'behind', 'damaged'].includes(problem.kind) && (
            <Text size="sm">
              There is no backup in this caseload&apos;s folder. If the clinic keeps copies elsewhere (a USB stick, the
              clinic&apos;s backup drive), contact support before doing anything else.
            </Text>
          )}
          {refusal}
          {problem.canContinue && mayRecover && (
            <Group>
              <Button
                variant="default"
                color="red"
                loading={busy === 'continue'}
                disabled={busy !== null}
                onClick={() => act('continue', () => api.recovery.continue({}))}
              >
                Open the caseload without the missing changes
              </Button>
            </Group>
          )}
          <Text size="sm" c="dimmed">
            Pacewise has not changed the caseload. Close it now and nothing is lost.
          </Text>
        </Stack>
      </Paper>
    </Center>
  );
}
