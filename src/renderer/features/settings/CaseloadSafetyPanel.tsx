import {
  Alert,
  Button,
  Code,
  Group,
  List,
  Modal,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconDatabaseExport, IconFolderUp, IconHistory, IconListCheck, IconShieldCheck } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import type { AuditCheck, BackupResult, BackupSummary, ReconciliationReport } from '../../../shared/contract/setup';
import { api } from '../../api';
import { useAppState } from '../../app/AppStateContext';
import { showApiError, showSaved } from '../../components/forms';
import { formatClinicInstant } from '../../dates';

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
const when = (iso: string | null) => formatClinicInstant(iso);

/** How many automatic copies are kept: clinic policy, editable, audited like any setting. */
function BackupPolicyForm() {
  const form = useForm({ initialValues: { keepDaily: 14 as number | string, keepWeekly: 8 as number | string } });
  const { setValues } = form;
  useEffect(() => {
    api.maintenance
      .backupPolicy({})
      .then((policy) => setValues(policy))
      .catch((e: unknown) => showApiError(e));
  }, [setValues]);
  const save = form.onSubmit(async (values) => {
    try {
      await api.maintenance.setBackupPolicy({
        keepDaily: Number(values.keepDaily),
        keepWeekly: Number(values.keepWeekly),
      });
      showSaved('Backup policy saved');
    } catch (error) {
      showApiError(error, form);
    }
  });
  return (
    <form onSubmit={save} noValidate aria-label="Backup policy">
      <Group align="flex-end">
        <NumberInput
          label="Daily backups to keep"
          description="Clinic policy"
          min={1}
          max={365}
          allowDecimal={false}
          clampBehavior="none"
          w={200}
          {...form.getInputProps('keepDaily')}
        />
        <NumberInput
          label="Weekly backups to keep"
          description="Clinic policy"
          min={0}
          max={520}
          allowDecimal={false}
          clampBehavior="none"
          w={200}
          {...form.getInputProps('keepWeekly')}
        />
        <Button type="submit" variant="default">
          Save backup policy
        </Button>
      </Group>
    </form>
  );
}

type Busy = 'backup' | 'backup-to' | 'check' | 'reconcile' | 'import' | 'restore' | null;

function ChainBreaks({ check }: { check: AuditCheck }) {
  return (
    <Alert color="red" title="Audit trail altered" role="alert">
      <Text size="sm">
        {check.breakCount.toLocaleString()} break{check.breakCount === 1 ? '' : 's'} in the chain. Someone changed the
        database outside Pacewise. Keep this computer as it is and contact your privacy officer.
      </Text>
      <List size="sm" mt="xs" aria-label="Breaks in the audit trail">
        {check.breaks.map((b) => (
          <List.Item key={`${b.seq}-${b.problem}`}>
            Entry {b.seq}: {b.problem}
          </List.Item>
        ))}
      </List>
      {check.breakCount > check.breaks.length && (
        <Text size="sm">…and {(check.breakCount - check.breaks.length).toLocaleString()} more.</Text>
      )}
    </Alert>
  );
}

function Reconciliation({ report }: { report: ReconciliationReport }) {
  if (report.ok) {
    return (
      <Alert color="teal" title="Records match the audit trail" role="status">
        {report.rowsChecked.toLocaleString()} records and {report.chain.checked.toLocaleString()} audit entries checked
        ({when(report.checkedAt)}, {(report.durationMs / 1000).toFixed(1)} s).
      </Alert>
    );
  }
  return (
    <Stack gap="xs">
      {!report.chain.ok && <ChainBreaks check={report.chain} />}
      {report.findingCount > 0 && (
        <Alert color="red" title="Records changed outside Pacewise" role="alert">
          <Text size="sm">
            {report.findingCount.toLocaleString()} field{report.findingCount === 1 ? '' : 's'} differ from what the
            audit trail says Pacewise last saved. Keep this computer as it is and contact your privacy officer.
          </Text>
          <Table aria-label="Records changed outside Pacewise" mt="xs" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Record type</Table.Th>
                <Table.Th>Record</Table.Th>
                <Table.Th>Field</Table.Th>
                <Table.Th>Audited value</Table.Th>
                <Table.Th>Stored value</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.findings.map((f) => (
                <Table.Tr key={`${f.entity}-${f.recordId}-${f.field}`}>
                  <Table.Td>{f.entity.replace(/_/g, ' ')}</Table.Td>
                  <Table.Td>
                    <Code>{f.recordId}</Code>
                  </Table.Td>
                  <Table.Td>{f.field === '(whole record)' ? f.problem : f.field.replace(/_/g, ' ')}</Table.Td>
                  <Table.Td>{f.audited ?? '—'}</Table.Td>
                  <Table.Td>{f.stored ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Alert>
      )}
    </Stack>
  );
}

/** Back up (here or to a chosen folder), restore, and prove the records and audit trail unaltered. */
export function CaseloadSafetyPanel() {
  const { replace } = useAppState();
  const [backup, setBackup] = useState<BackupResult | null>(null);
  const [check, setCheck] = useState<AuditCheck | null>(null);
  const [report, setReport] = useState<ReconciliationReport | null>(null);
  const [backups, setBackups] = useState<BackupSummary[]>([]);
  const [confirm, setConfirm] = useState<BackupSummary | null>(null);
  const [busy, setBusy] = useState<Busy>(null);

  const loadBackups = useCallback(
    () =>
      api.maintenance
        .listBackups({})
        .then(setBackups)
        .catch((e: unknown) => showApiError(e)),
    [],
  );
  useEffect(() => {
    void loadBackups();
    // The start-up check runs in the background; show its result if it found anything.
    api.maintenance
      .reconcile({ fresh: false })
      .then((last) => {
        if (last) setReport(last);
      })
      .catch(() => undefined);
  }, [loadBackups]);

  const run = async <T,>(kind: Busy, call: () => Promise<T>, done: (value: T) => void, title: string) => {
    setBusy(kind);
    try {
      done(await call());
    } catch (error) {
      showApiError(error, undefined, { title });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        Pacewise backs the caseload up at the first start of each day and before every upgrade, and checks each copy
        before it counts. Make an extra copy on a USB stick before lending the laptop out or moving it.
      </Text>
      <BackupPolicyForm />
      <Group>
        <Button
          variant="light"
          leftSection={<IconDatabaseExport size={20} />}
          loading={busy === 'backup'}
          onClick={() =>
            run(
              'backup',
              () => api.maintenance.backUp({}),
              (made) => {
                setBackup(made);
                void loadBackups();
              },
              'Backup failed',
            )
          }
        >
          Back up the caseload now
        </Button>
        <Button
          variant="default"
          leftSection={<IconFolderUp size={20} />}
          loading={busy === 'backup-to'}
          onClick={() =>
            run(
              'backup-to',
              () => api.maintenance.backUpTo({}),
              (made) => made && setBackup(made),
              'Backup failed',
            )
          }
        >
          Back up to a folder…
        </Button>
      </Group>
      {backup && (
        <Alert color="teal" title="Backup made" role="status">
          {megabytes(backup.sizeBytes)} copied and checked at {when(backup.at)} to <Code>{backup.path}</Code>
        </Alert>
      )}

      <Title order={4} size="h5">
        Check the record
      </Title>
      <Group>
        <Button
          variant="default"
          leftSection={<IconShieldCheck size={20} />}
          loading={busy === 'check'}
          onClick={() => run('check', () => api.maintenance.checkAuditTrail({}), setCheck, 'Check failed')}
        >
          Check the audit trail
        </Button>
        <Button
          variant="default"
          leftSection={<IconListCheck size={20} />}
          loading={busy === 'reconcile'}
          onClick={() =>
            run(
              'reconcile',
              () => api.maintenance.reconcile({ fresh: true }),
              (r) => r && setReport(r),
              'Check failed',
            )
          }
        >
          Check records against the audit trail
        </Button>
      </Group>
      {check &&
        (check.ok ? (
          <Alert color="teal" title="Audit trail intact" role="status">
            All {check.checked.toLocaleString()} entries match their keyed hashes and links, and the last one is the one
            Pacewise last saved ({when(check.checkedAt)}).
          </Alert>
        ) : (
          <ChainBreaks check={check} />
        ))}
      {report && <Reconciliation report={report} />}

      <Title order={4} size="h5">
        Restore
      </Title>
      <Text size="sm" c="dimmed">
        Restoring replaces the caseload with a backup. The current file is kept aside in the <Code>replaced</Code>{' '}
        folder, and the restore is recorded in the audit trail.
      </Text>
      <Table aria-label="Backups" striped fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Made</Table.Th>
            <Table.Th>Patients</Table.Th>
            <Table.Th>Last change</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {backups.map((b) => (
            <Table.Tr key={b.fileName}>
              <Table.Td>{when(b.createdAt)}</Table.Td>
              <Table.Td>{b.patients.toLocaleString()}</Table.Td>
              <Table.Td>{b.problem ?? when(b.lastChangeAt)}</Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="default"
                  disabled={b.problem !== null}
                  aria-label={`Restore the backup made ${when(b.createdAt)}`}
                  onClick={() => setConfirm(b)}
                >
                  Restore…
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group>
        <Button
          variant="default"
          leftSection={<IconHistory size={20} />}
          loading={busy === 'import'}
          onClick={() =>
            run(
              'import',
              () => api.maintenance.importBackup({}),
              (summary) => {
                if (summary) {
                  setConfirm(summary);
                  void loadBackups();
                }
              },
              'Cannot restore that file',
            )
          }
        >
          Restore from a file…
        </Button>
      </Group>
      <Modal opened={confirm !== null} onClose={() => setConfirm(null)} title="Restore this backup?" radius="lg">
        {confirm && (
          <Stack gap="md">
            <SimpleGrid cols={2} spacing="xs">
              <Text c="dimmed">Made</Text>
              <Text>{when(confirm.createdAt)}</Text>
              <Text c="dimmed">Patients</Text>
              <Text>{confirm.patients.toLocaleString()}</Text>
              <Text c="dimmed">Last change</Text>
              <Text>{when(confirm.lastChangeAt)}</Text>
            </SimpleGrid>
            <Text size="sm">
              Anything saved after the last change above will not be in the restored caseload. The current caseload is
              kept aside, not deleted.
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirm(null)}>
                Cancel
              </Button>
              <Button
                color="red"
                loading={busy === 'restore'}
                onClick={() =>
                  run(
                    'restore',
                    () => api.maintenance.restore({ fileName: confirm.fileName }),
                    (state) => {
                      setConfirm(null);
                      replace(state);
                      window.location.hash = '#/caseload';
                    },
                    'Restore failed',
                  )
                }
              >
                Restore this backup
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
