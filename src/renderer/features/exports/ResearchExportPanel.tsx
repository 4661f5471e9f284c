import { Alert, Button, Code, List, Progress, Stack, Text } from '@mantine/core';
import { IconDatabaseExport } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { RESEARCH_DATE_SHIFT_DAYS, type ResearchExportProgress } from '../../../shared/contract/standardExports';
import { api } from '../../api';
import { useAppState } from '../../app/AppStateContext';
import { ExportCancelledNote, fileSize } from './ExportResultNote';
import { useExport } from './useExport';

/** How often the progress bar asks how far the export has gone. */
const POLL_MS = 400;

/**
 * The de-identified research set for a registry or trial (administrators only): CSV files with a
 * REDCap data dictionary. It is written in a worker; the bar follows it form by form.
 */
export function ResearchExportPanel() {
  const { state } = useAppState();
  const isAdmin = state.currentClinician?.role === 'administrator';
  const { busy, result, run } = useExport(() => api.exports.research({}), 'Research export failed');
  const [progress, setProgress] = useState<ResearchExportProgress | null>(null);

  useEffect(() => {
    if (!busy) {
      setProgress(null);
      return;
    }
    let stopped = false;
    const timer = window.setInterval(() => {
      api.exports
        .researchProgress({})
        .then((now) => {
          if (!stopped) setProgress(now);
        })
        .catch(() => undefined);
    }, POLL_MS);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, [busy]);

  const share = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <Stack gap="md">
      <Text size="sm">
        A de-identified copy of the caseload for a registry or trial: one CSV file per form (sessions, adverse events,
        each outcome measure…) and a REDCap data dictionary describing every column, in a zip.
      </Text>
      <List size="sm" spacing={4}>
        <List.Item>
          Each patient appears under a random study id, the same in every export from this caseload.
        </List.Item>
        <List.Item>
          Each patient&apos;s dates are moved {RESEARCH_DATE_SHIFT_DAYS.min} to {RESEARCH_DATE_SHIFT_DAYS.max} days
          earlier by one random offset, kept in the caseload and never exported; ages at referral replace birth dates.
        </List.Item>
        <List.Item>Names, MRNs, contact details, free-text notes, letters and record ids are left out.</List.Item>
      </List>
      <Text size="sm" c="dimmed">
        Share it only as your ethics approval or data agreement allows. Every research export is recorded in the audit
        trail.
      </Text>
      {!isAdmin && (
        <Text size="sm" fw={500}>
          Only a clinic administrator can export research data.
        </Text>
      )}
      <Button
        variant="light"
        size="md"
        leftSection={<IconDatabaseExport size={20} />}
        loading={busy}
        disabled={!isAdmin}
        onClick={run}
        w="fit-content"
      >
        Export research data (REDCap)
      </Button>
      {busy && progress && (
        <Stack gap={4} role="status" aria-label="Research export progress">
          <Text size="sm">
            {progress.stage}
            {progress.total > 0
              ? `: ${progress.done.toLocaleString()} of ${progress.total.toLocaleString()} records`
              : '…'}
          </Text>
          <Progress value={share} size="lg" aria-label={`${share}% done`} />
        </Stack>
      )}
      {result && !result.saved && <ExportCancelledNote />}
      {result?.saved && (
        <Alert color="teal" title="Research export saved" role="status">
          {result.patients.toLocaleString()} {result.patients === 1 ? 'participant' : 'participants'},{' '}
          {result.rows.toLocaleString()} records in {result.forms} forms with their data dictionary (
          {fileSize(result.sizeBytes)}) saved to <Code>{result.path}</Code>. The export is recorded in the audit trail.
        </Alert>
      )}
    </Stack>
  );
}
