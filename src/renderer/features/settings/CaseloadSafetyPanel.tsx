import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import { IconDatabaseExport, IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import type { AuditCheck, BackupResult } from '../../../shared/contract/setup';
import { api } from '../../api';
import { showApiError } from '../../components/forms';

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
const when = (iso: string) => new Date(iso).toLocaleString();

/** Back up the caseload now, and prove the audit trail has not been altered. */
export function CaseloadSafetyPanel() {
  const [backup, setBackup] = useState<BackupResult | null>(null);
  const [check, setCheck] = useState<AuditCheck | null>(null);
  const [busy, setBusy] = useState<'backup' | 'check' | null>(null);

  const run = async <T,>(kind: 'backup' | 'check', call: () => Promise<T>, done: (value: T) => void) => {
    setBusy(kind);
    try {
      done(await call());
    } catch (error) {
      showApiError(error, undefined, { title: kind === 'backup' ? 'Backup failed' : 'Check failed' });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        Pacewise copies the caseload before every upgrade. Make an extra copy before lending the laptop out or moving
        it, and keep copies on the clinic&apos;s backup drive.
      </Text>
      <Group>
        <Button
          variant="light"
          leftSection={<IconDatabaseExport size={20} />}
          loading={busy === 'backup'}
          onClick={() => run('backup', () => api.maintenance.backUp({}), setBackup)}
        >
          Back up the caseload now
        </Button>
        <Button
          variant="default"
          leftSection={<IconShieldCheck size={20} />}
          loading={busy === 'check'}
          onClick={() => run('check', () => api.maintenance.checkAuditTrail({}), setCheck)}
        >
          Check the audit trail
        </Button>
      </Group>
      {backup && (
        <Alert color="teal" title="Backup made" role="status">
          {megabytes(backup.sizeBytes)} copied at {when(backup.at)} to <Code>{backup.path}</Code>
        </Alert>
      )}
      {check &&
        (check.ok ? (
          <Alert color="teal" title="Audit trail intact" role="status">
            All {check.checked.toLocaleString()} entries match their hashes and links ({when(check.checkedAt)}).
          </Alert>
        ) : (
          <Alert color="red" title="Audit trail altered" role="alert">
            Entry {check.brokenAt}: {check.problem}. Someone changed the database outside Pacewise. Keep this computer
            as it is and contact your privacy officer.
          </Alert>
        ))}
    </Stack>
  );
}
