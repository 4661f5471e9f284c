import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconFileZip, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { CASELOAD_EXPORT_REFUSAL, type ExportResult } from '../../../shared/contract/exports';
import { useAppState } from '../../app/AppStateContext';
import { api } from '../../api';
import { showApiError } from '../../components/forms';
import { ExportResultNote } from './ExportResultNote';

/**
 * The whole caseload as CSV files, one per table, in one zip: for moving to another system. An
 * administrator's task; a clinician sees the button unavailable, with the reason beside it.
 */
export function CaseloadExportPanel() {
  const isAdmin = useAppState().state.currentClinician?.role === 'administrator';
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ExportResult | null>(null);
  const run = async () => {
    setBusy(true);
    setResult(null);
    try {
      setResult(await api.exports.caseloadCsv({}));
    } catch (error) {
      showApiError(error, undefined, { title: 'Export failed' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        Every patient&apos;s record and the audit trail, as one CSV file per table in a zip, for moving to another
        system. It holds identifiable health information: save it only to storage the clinic controls. One
        patient&apos;s record for a records request is exported from their overview.
      </Text>
      <Button
        variant="light"
        leftSection={<IconFileZip size={20} />}
        loading={busy}
        onClick={run}
        w="fit-content"
        disabled={!isAdmin}
        aria-describedby={isAdmin ? undefined : 'caseload-export-refusal'}
      >
        Export the caseload (CSV)
      </Button>
      {!isAdmin && (
        <Alert id="caseload-export-refusal" color="gray" variant="light" icon={<IconLock size={20} />} role="note">
          {CASELOAD_EXPORT_REFUSAL}
        </Alert>
      )}
      <ExportResultNote result={result} />
    </Stack>
  );
}
