import { Button, Group, Stack } from '@mantine/core';
import { IconFileExport, IconFileText } from '@tabler/icons-react';
import { useState } from 'react';
import type { ExportResult } from '../../../shared/contract/exports';
import { api } from '../../api';
import { showApiError } from '../../components/forms';
import { ExportResultNote } from './ExportResultNote';

/**
 * One patient's complete record: as a PDF for the patient who asked for it (or anyone who reads it),
 * and as JSON for another system. Both say where the file went and that the export was audited.
 */
export function PatientExportButton(props: { patientId: string }) {
  const [busy, setBusy] = useState<'pdf' | 'json' | null>(null);
  const [result, setResult] = useState<ExportResult | null>(null);
  const run = async (format: 'pdf' | 'json') => {
    setBusy(format);
    setResult(null);
    try {
      const { patientId } = props;
      setResult(
        await (format === 'pdf' ? api.exports.patientRecordPdf({ patientId }) : api.exports.patientJson({ patientId })),
      );
    } catch (error) {
      showApiError(error, undefined, { title: 'Export failed' });
    } finally {
      setBusy(null);
    }
  };
  return (
    <Stack gap="xs" align="flex-start">
      <Group gap="sm">
        <Button
          variant="default"
          leftSection={<IconFileText size={18} />}
          loading={busy === 'pdf'}
          disabled={busy !== null}
          onClick={() => run('pdf')}
        >
          Patient&apos;s record (PDF)
        </Button>
        <Button
          variant="default"
          leftSection={<IconFileExport size={18} />}
          loading={busy === 'json'}
          disabled={busy !== null}
          onClick={() => run('json')}
        >
          Export record (JSON)
        </Button>
      </Group>
      <ExportResultNote result={result} />
    </Stack>
  );
}
