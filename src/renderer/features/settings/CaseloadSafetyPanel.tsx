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
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import {
  IconCircleCheck,
  IconDatabaseExport,
  IconFolderUp,
  IconHistory,
  IconListCheck,
  IconLock,
  IconShieldCheck,
} from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type {
  AuditCheck,
  BackupKind,
  BackupResult,
  BackupSummary,
  ReconciliationReport,
  RestoreResult,
} from '../../../shared/contract/setup';
import { api, ApiError } from '../../api';
import { useAppState } from '../../app/AppStateContext';
import { refusalText, showSaved } from '../../components/forms';
import { formatClinicInstant } from '../../dates';

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
const when = (iso: string | null) => formatClinicInstant(iso);
/** To the second: two backups made in the same minute must not read alike. */
const exactly = (iso: string | null) => formatClinicInstant(iso, { seconds: true });

const kindLabels: Record<BackupKind, string> = {
  daily: 'Daily',
  manual: 'On demand',
  imported: 'From a file',
  upgrade: 'Before an upgrade',
  other: 'Other',
};

/** What a backup holds, in one phrase: "3 patients and 42 saved changes". */
const holds = (b: BackupSummary) =>
  `${b.patients.toLocaleString()} patient${b.patients === 1 ? '' : 's'} and ${b.changes.toLocaleString()} saved change${b.changes === 1 ? '' : 's'}`;

/** How many automatic copies are kept: clinic policy, editable by an administrator, audited like any setting. */
function BackupPolicyForm({ readOnly }: { readOnly: boolean }) {
  const form = useForm({ initialValues: { keepDaily: 14 as number | string, keepWeekly: 8 as number | string } });
  const { setValues } = form;
  const [refusal, setRefusal] = useState<string | null>(null);
  useEffect(() => {
    api.maintenance
      .backupPolicy({})
      .then((policy) => setValues(policy))
      .catch((e: unknown) => setRefusal(refusalText(e)));
  }, [setValues]);
  const save = form.onSubmit(async (values) => {
    setRefusal(null);
    try {
      await api.maintenance.setBackupPolicy({
        keepDaily: Number(values.keepDaily),
        keepWeekly: Number(values.keepWeekly),
      });
      showSaved('Backup policy saved');
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) form.setErrors(error.fields);
      else setRefusal(refusalText(error));
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
          disabled={readOnly}
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
          disabled={readOnly}
          {...form.getInputProps('keepWeekly')}
        />
        {!readOnly && (
          <Button type="submit" variant="default">
            Save backup policy
          </Button>
        )}
      </Group>
      {refusal && <Refusal title="Backup policy not saved">{refusal}</Refusal>}
    </form>
  );
}

/** A refusal where the action was, not only in a notification. */
function Refusal(props: { title: string; children: ReactNode }) {
  return (
    <Alert color="red" title={props.title} role="alert" mt="xs">
      {props.children}
    </Alert>
  );
}

type Action = 'backup' | 'backup-to' | 'check' | 'reconcile' | 'import' | 'restore';
type Busy = Action | null;

const failedTitles: Record<Action, string> = {
  backup: 'Backup failed',
  'backup-to': 'Backup failed',
  check: 'Check failed',
  reconcile: 'Check failed',
  import: 'Cannot restore that file',
  restore: 'Restore failed',
};

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

/** What a restore did: which backup, what it held, and where the caseload it replaced is kept. */
function RestoredNote({ result }: { result: RestoreResult }) {
  const note = useRef<HTMLDivElement>(null);
  useEffect(() => note.current?.focus(), [result]);
  const { backup } = result;
  return (
    <Alert
      ref={note}
      tabIndex={-1}
      color="teal"
      title="Caseload restored"
      role="status"
      aria-label="Caseload restored"
      icon={<IconCircleCheck size={20} />}
    >
      <Stack gap={6}>
        <Text size="sm">
          The caseload is now the backup made <b>{exactly(backup.createdAt)}</b> (
          {kindLabels[backup.kind].toLowerCase()}, <Code>{backup.fileName}</Code>): {holds(backup)}, the last on{' '}
          {exactly(backup.lastChangeAt)}.
        </Text>
        <Text size="sm">
          {result.replacedFile ? (
            <>
              The caseload it replaced is kept, not deleted, at <Code>{result.replacedFile}</Code>. Anything saved after
              the backup was made is in that file, not in the caseload now.
            </>
          ) : (
            'There was no caseload file to replace.'
          )}{' '}
          The restore is recorded in the audit trail.
        </Text>
        <Group>
          <Button component={Link} to="/caseload" variant="light" size="sm">
            Open the caseload
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/**
 * Back up (here or to a chosen folder), restore, and prove the records and audit trail unaltered.
 * A clinician may back up here and check; the policy, a backup to a folder and a restore are an
 * administrator's, shown read-only with that said, never offered and then refused.
 */
export function CaseloadSafetyPanel() {
  const { state, replace } = useAppState();
  const isAdmin = state.currentClinician?.role === 'administrator';
  const [backup, setBackup] = useState<BackupResult | null>(null);
  const [check, setCheck] = useState<AuditCheck | null>(null);
  const [report, setReport] = useState<ReconciliationReport | null>(null);
  const [backups, setBackups] = useState<BackupSummary[]>([]);
  const [confirm, setConfirm] = useState<BackupSummary | null>(null);
  const [restored, setRestored] = useState<RestoreResult | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [refusals, setRefusals] = useState<Partial<Record<Action, string>>>({});

  const loadBackups = useCallback(
    () =>
      api.maintenance
        .listBackups({})
        .then(setBackups)
        .catch((e: unknown) => setRefusals((r) => ({ ...r, restore: refusalText(e) ?? undefined }))),
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

  const run = async <T,>(kind: Action, call: () => Promise<T>, done: (value: T) => void) => {
    setBusy(kind);
    setRefusals((r) => ({ ...r, [kind]: undefined }));
    try {
      done(await call());
    } catch (error) {
      const text = refusalText(error);
      if (text) setRefusals((r) => ({ ...r, [kind]: text }));
    } finally {
      setBusy(null);
    }
  };
  const refusalOf = (...kinds: Action[]) =>
    kinds
      .filter((k) => refusals[k])
      .map((k) => (
        <Refusal key={k} title={failedTitles[k]}>
          {refusals[k]}
        </Refusal>
      ));

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        Pacewise backs the caseload up at the first start of each day and before every upgrade, and checks each copy
        before it counts. Make an extra copy on a USB stick before lending the laptop out or moving it.
      </Text>
      {!isAdmin && (
        <Alert variant="light" color="gray" icon={<IconLock size={18} />} p="xs">
          You can back the caseload up here and check the record. Only a clinic administrator can change the backup
          policy, back up to a folder or restore a backup: those are shown read-only.
        </Alert>
      )}
      <BackupPolicyForm readOnly={!isAdmin} />
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
            )
          }
        >
          Back up the caseload now
        </Button>
        <Button
          variant="default"
          leftSection={<IconFolderUp size={20} />}
          loading={busy === 'backup-to'}
          disabled={!isAdmin}
          onClick={() =>
            run(
              'backup-to',
              () => api.maintenance.backUpTo({}),
              (made) => made && setBackup(made),
            )
          }
        >
          Back up to a folder…
        </Button>
      </Group>
      {refusalOf('backup', 'backup-to')}
      {backup && (
        <Alert color="teal" title="Backup made" role="status">
          {megabytes(backup.sizeBytes)} copied and checked at {exactly(backup.at)} to <Code>{backup.path}</Code>
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
          onClick={() => run('check', () => api.maintenance.checkAuditTrail({}), setCheck)}
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
            )
          }
        >
          Check records against the audit trail
        </Button>
      </Group>
      {refusalOf('check', 'reconcile')}
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
      {restored && <RestoredNote result={restored} />}
      <Text size="sm" c="dimmed">
        Restoring replaces the caseload with a backup. The current file is kept aside in the <Code>replaced</Code>{' '}
        folder, and the restore is recorded in the audit trail.
      </Text>
      <Table aria-label="Backups" striped fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Made</Table.Th>
            <Table.Th>How</Table.Th>
            <Table.Th>Patients</Table.Th>
            <Table.Th>Changes</Table.Th>
            <Table.Th>Last change</Table.Th>
            <Table.Th>
              <VisuallyHidden>Restore</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {backups.map((b) => (
            <Table.Tr key={b.fileName}>
              <Table.Td>{exactly(b.createdAt)}</Table.Td>
              <Table.Td>{kindLabels[b.kind]}</Table.Td>
              <Table.Td>{b.patients.toLocaleString()}</Table.Td>
              <Table.Td>{b.changes.toLocaleString()}</Table.Td>
              <Table.Td>{b.problem ?? exactly(b.lastChangeAt)}</Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="default"
                  disabled={b.problem !== null || !isAdmin}
                  aria-label={`Restore the backup made ${exactly(b.createdAt)}`}
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
          disabled={!isAdmin}
          onClick={() =>
            run(
              'import',
              () => api.maintenance.importBackup({}),
              (summary) => summary && setConfirm(summary),
            )
          }
        >
          Restore from a file…
        </Button>
      </Group>
      {refusalOf('import')}
      {!confirm && refusalOf('restore')}
      <Modal opened={confirm !== null} onClose={() => setConfirm(null)} title="Restore this backup?" radius="lg">
        {confirm && (
          <Stack gap="md">
            <SimpleGrid cols={2} spacing="xs">
              <Text c="dimmed">Made</Text>
              <Text>{exactly(confirm.createdAt)}</Text>
              <Text c="dimmed">How</Text>
              <Text>{kindLabels[confirm.kind]}</Text>
              <Text c="dimmed">Patients</Text>
              <Text>{confirm.patients.toLocaleString()}</Text>
              <Text c="dimmed">Saved changes</Text>
              <Text>{confirm.changes.toLocaleString()}</Text>
              <Text c="dimmed">Last change</Text>
              <Text>{exactly(confirm.lastChangeAt)}</Text>
            </SimpleGrid>
            <Text size="sm">
              Anything saved after the last change above will not be in the restored caseload. The current caseload is
              kept aside, not deleted.
            </Text>
            {refusalOf('restore')}
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
                    (result) => {
                      // What was said about the caseload before ("Saved … added") is not true of this one.
                      notifications.clean();
                      setConfirm(null);
                      setRestored(result);
                      replace(result.state);
                      void loadBackups();
                    },
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
