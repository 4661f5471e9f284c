import { Alert, Button, Code, Stack } from '@mantine/core';
import { IconBuildingHospital } from '@tabler/icons-react';
import { useState } from 'react';
import type { FhirExportResult } from '../../../shared/contract/standardExports';
import { api } from '../../api';
import { showApiError } from '../../components/forms';
import { fileSize } from './ExportResultNote';

/** Largest groups first: what a receiving hospital will find in the file. */
function contents(types: Record<string, number>): string {
  return Object.entries(types)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([type, n]) => `${n} ${type}`)
    .join(', ');
}

/** The patient's record as a FHIR R4 Bundle, for a hospital that wants it in its own record. */
export function PatientFhirExportButton(props: { patientId: string }) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<FhirExportResult | null>(null);
  const run = async () => {
    setBusy(true);
    setResult(null);
    try {
      setResult(await api.exports.patientFhir({ patientId: props.patientId }));
    } catch (error) {
      showApiError(error, undefined, { title: 'Export failed' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="xs" align="flex-start">
      <Button variant="default" leftSection={<IconBuildingHospital size={18} />} loading={busy} onClick={run}>
        Export record for a hospital (FHIR)
      </Button>
      {result && !result.saved && (
        <Alert color="gray" title="Export cancelled" role="status">
          Nothing was written.
        </Alert>
      )}
      {result?.saved && (
        <Alert color="teal" title="FHIR export saved" role="status">
          A FHIR R4 Bundle of {result.resources.toLocaleString()} resources ({contents(result.resourceTypes)};{' '}
          {fileSize(result.sizeBytes)}) saved to <Code>{result.path}</Code>. The export is recorded in the audit trail.
        </Alert>
      )}
    </Stack>
  );
}
