import { Button, Stack } from '@mantine/core';
import { IconFileExport } from '@tabler/icons-react';
import { useState } from 'react';
import type { ExportResult } from '../../../shared/contract/exports';
import { api } from '../../api';
import { showApiError } from '../../components/forms';
import { ExportResultNote } from './ExportResultNote';

/** One patient's complete record as JSON, for a records request or a transfer of care. */
export function PatientExportButton(props: { patientId: string }) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ExportResult | null>(null);
  const run = async () => {
    setBusy(true);
    setResult(null);
    try {
      setResult(await api.exports.patientJson({ patientId: props.patientId }));
    } catch (error) {
      showApiError(error, undefined, { title: 'Export failed' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="xs" align="flex-start">
      <Button variant="default" leftSection={<IconFileExport size={18} />} loading={busy} onClick={run}>
        Export record (JSON)
      </Button>
      <ExportResultNote result={result} />
    </Stack>
  );
}
