import { Button, Stack, Text } from '@mantine/core';
import { IconFileZip } from '@tabler/icons-react';
import { useState } from 'react';
import type { ExportResult } from '../../../shared/contract/exports';
import { api } from '../../api';
import { showApiError } from '../../components/forms';
import { ExportResultNote } from './ExportResultNote';

/** The whole caseload as CSV files, one per table, in one zip: for moving to another system. */
export function CaseloadExportPanel() {
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
      <Button variant="light" leftSection={<IconFileZip size={20} />} loading={busy} onClick={run} w="fit-content">
        Export the caseload (CSV)
      </Button>
      <ExportResultNote result={result} />
    </Stack>
  );
}
