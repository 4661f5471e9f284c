import { Alert, Button, Code, Group, List, NumberInput, Progress, Stack, Text } from '@mantine/core';
import { IconDatabaseExport } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import {
  RESEARCH_DATE_SHIFT_LIMITS,
  type ResearchExportProgress,
  type ResearchSettings,
} from '../../../shared/contract/standardExports';
import { showApiError, showSaved } from '../../components/forms';
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
          Each patient&apos;s dates are moved earlier by one random offset (below), kept in the caseload and never
          exported; ages at referral replace birth dates.
        </List.Item>
        <List.Item>Names, MRNs, contact details, free-text notes, letters and record ids are left out.</List.Item>
      </List>
      <Text size="sm" c="dimmed">
        Share it only as your ethics approval or data agreement allows. Every research export is recorded in the audit
        trail.
      </Text>
      {/* Read again after each export: the export gives new patients their offsets. */}
      <DateShiftPolicy isAdmin={isAdmin} key={result?.saved ? result.path : 'before'} />
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

/**
 * The range each patient's date offset is drawn from. No standard fixes it, so it is clinic policy:
 * the default is Pacewise's choice, and an administrator may set another for a study's agreement.
 */
function DateShiftPolicy(props: { isAdmin: boolean }) {
  const [settings, setSettings] = useState<ResearchSettings | null>(null);
  const [minDays, setMinDays] = useState<number | string>('');
  const [maxDays, setMaxDays] = useState<number | string>('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const show = (s: ResearchSettings) => {
    setSettings(s);
    setMinDays(s.minDays);
    setMaxDays(s.maxDays);
  };
  useEffect(() => {
    api.exports
      .researchSettings({})
      .then(show)
      .catch((e: unknown) => showApiError(e, undefined, { title: 'Could not load the research export settings' }));
  }, []);
  if (!settings) return null;
  const limits = `${RESEARCH_DATE_SHIFT_LIMITS.min} to ${RESEARCH_DATE_SHIFT_LIMITS.max}`;
  return (
    <Stack gap={6} role="group" aria-label="Date offset (clinic policy)">
      <Text size="sm" fw={600}>
        Date offset (clinic policy)
      </Text>
      <Text size="sm" c="dimmed">
        Each new patient&apos;s dates are moved between the fewest and the most days below, earlier. Default{' '}
        {settings.defaults.minDays} to {settings.defaults.maxDays} days: no standard sets it. A change applies to
        patients given an offset after it
        {settings.patientsWithOffset === 0
          ? ' (no patient has one yet).'
          : `; ${settings.patientsWithOffset === 1 ? '1 patient keeps the offset' : `${settings.patientsWithOffset} patients keep the offsets`} already given, so earlier exports still match.`}
      </Text>
      <Group align="flex-start">
        <NumberInput
          label="Fewest days"
          description={`Whole days, ${limits}`}
          min={RESEARCH_DATE_SHIFT_LIMITS.min}
          max={RESEARCH_DATE_SHIFT_LIMITS.max}
          clampBehavior="none"
          allowDecimal={false}
          value={minDays}
          onChange={setMinDays}
          error={errors['minDays']}
          disabled={!props.isAdmin}
          w={180}
        />
        <NumberInput
          label="Most days"
          description={`Whole days, ${limits}`}
          min={RESEARCH_DATE_SHIFT_LIMITS.min}
          max={RESEARCH_DATE_SHIFT_LIMITS.max}
          clampBehavior="none"
          allowDecimal={false}
          value={maxDays}
          onChange={setMaxDays}
          error={errors['maxDays']}
          disabled={!props.isAdmin}
          w={180}
        />
        <Button
          mt={46}
          variant="default"
          loading={saving}
          disabled={!props.isAdmin}
          onClick={async () => {
            setErrors({});
            setSaving(true);
            try {
              show(
                await api.exports.setResearchDateShift({
                  // A blank field is sent as NaN, which the contract refuses as not entered, naming the field.
                  minDays: minDays === '' ? Number.NaN : Number(minDays),
                  maxDays: maxDays === '' ? Number.NaN : Number(maxDays),
                }),
              );
              showSaved('Research date offset saved');
            } catch (e) {
              showApiError(e, { setErrors });
            } finally {
              setSaving(false);
            }
          }}
        >
          Save offset range
        </Button>
      </Group>
    </Stack>
  );
}
