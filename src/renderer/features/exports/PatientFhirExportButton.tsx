import { Alert, Button, Code, Stack } from '@mantine/core';
import { IconBuildingHospital } from '@tabler/icons-react';
import { api } from '../../api';
import { ExportCancelledNote, fileSize } from './ExportResultNote';
import { useExport } from './useExport';

/** Largest groups first: what a receiving hospital will find in the file. */
function contents(types: Record<string, number>): string {
  return Object.entries(types)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([type, n]) => `${n} ${type}`)
    .join(', ');
}

/** The patient's record as a FHIR R4 Bundle, for a hospital that wants it in its own record. */
export function PatientFhirExportButton(props: { patientId: string }) {
  const { busy, result, run } = useExport(() => api.exports.patientFhir({ patientId: props.patientId }));
  return (
    <Stack gap="xs" align="flex-start">
      <Button variant="default" leftSection={<IconBuildingHospital size={18} />} loading={busy} onClick={run}>
        Export record for a hospital (FHIR)
      </Button>
      {result && !result.saved && <ExportCancelledNote />}
      {result?.saved && (
        <Alert color="teal" title="FHIR export saved" role="status">
          A FHIR R4 Bundle of {result.resources.toLocaleString()} resources ({contents(result.resourceTypes)};{' '}
          {fileSize(result.sizeBytes)}) saved to <Code>{result.path}</Code>. The export is recorded in the audit trail.
        </Alert>
      )}
    </Stack>
  );
}
