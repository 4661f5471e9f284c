import {
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconLock, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { screenCompleteness } from '../../../shared/clinical/session';
import { PatientReportPanel, prefillReview } from '../checkIn/PatientReport';
import {
  attendanceLabels,
  entryOutcomeLabels,
  entryOutcomes,
  type EntryInput,
  type EntryOutcome,
  type SessionEntry,
  type SessionView,
} from '../../../shared/contract/sessions';
import { todayLocal } from '../../../shared/dates';
import { formatClinicDate } from '../../dates';
import { api } from '../../api';
import { showApiError, showSaved } from '../../components/forms';
import { decisionColors, decisionLabels } from './badges';
import { DecisionPanel, PatientSafetyHeader } from './safetyPanels';
import { useFocusWhen } from '../../app/focus';

const when = (iso: string) => {
  const d = new Date(iso);
  return `${formatClinicDate(todayLocal(d))} ${d.toTimeString().slice(0, 5)}`;
};

/** A signed session: read-only, with its amendments below the original, which stays readable. */
export function SignedSession(props: {
  view: SessionView;
  onChanged(view: SessionView): void;
  /** Moves on when this session has just been signed: focus comes to the signed record's heading. */
  focusSignal?: number;
}) {
  const { view } = props;
  const headingRef = useFocusWhen<HTMLHeadingElement>(props.focusSignal ?? 0);
  const [amending, setAmending] = useState(false);
  const latestNotes = [...view.amendments].reverse().find((a) => a.notes !== null)?.notes ?? view.notes ?? '';
  const form = useForm({ initialValues: { reason: '', notes: latestNotes } });
  const completeness =
    view.screen && view.decision ? screenCompleteness(view.screen, view.screen.notTaken, view.decision) : null;

  const submit = form.onSubmit(async (values) => {
    try {
      const next = await api.sessions.amend({ sessionId: view.id, reason: values.reason, notes: values.notes || null });
      showSaved('Amendment added; the signed original is unchanged');
      setAmending(false);
      form.reset();
      props.onChanged(next);
    } catch (error) {
      showApiError(error, form);
    }
  });

  return (
    <Stack gap="md" component="section" aria-label={view.patientName}>
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h3" ref={headingRef}>
              {view.patientName}
            </Title>
            <Text c="dimmed" size="sm">
              {formatClinicDate(view.date)} at {view.startTime}
              {view.className ? ` · ${view.className}` : ''} · {attendanceLabels[view.attendance]}
            </Text>
          </div>
          <Group gap="xs">
            {view.decision && (
              <Badge size="lg" color={decisionColors[view.decision]}>
                {decisionLabels[view.decision]}
              </Badge>
            )}
            <Badge size="lg" variant="light" color="gray" leftSection={<IconLock size={14} />}>
              Signed
            </Badge>
            {view.lateEntry && (
              <Badge size="lg" variant="light" color="orange">
                Late entry
              </Badge>
            )}
          </Group>
        </Group>
        <Text size="sm" mt={6} aria-label="Sign-off">
          Session took place {view.occurredAt ? when(view.occurredAt) : '—'} · written and signed{' '}
          {view.signedAt ? when(view.signedAt) : '—'} by {view.signedByName}
        </Text>
        <div style={{ marginTop: 8 }}>
          <PatientSafetyHeader view={view} />
        </div>
      </Paper>
      {view.decision && (
        <DecisionPanel
          decision={view.decision}
          rules={view.firedRules}
          recorded
          missing={completeness?.missing ?? []}
          notTaken={completeness?.notTaken ?? []}
        />
      )}
      {view.checkIn && (
        <PatientReportPanel sessionId={view.id} report={view.checkIn} editable={false} onReviewed={() => undefined} />
      )}
      {view.checkIn && Object.keys(view.checkIn.prefill).length > 0 && (
        <Text size="sm">
          <b>Patient-reported symptoms on the screen:</b> {prefillReview(view.checkIn, view.screen)}
        </Text>
      )}
      {view.clearanceOverrideReason && (
        <Text size="sm">
          <b>Started without valid clearance:</b> {view.clearanceOverrideReason}
        </Text>
      )}
      {view.entries.length > 0 && (
        <Paper withBorder p="md" radius="md">
          <Title order={3} size="h4" mb="xs">
            Exercise log
          </Title>
          <SignedLog view={view} onChanged={props.onChanged} />
        </Paper>
      )}
      <Paper withBorder p="md" radius="md" component="section" aria-label="Notes and amendments">
        <Group justify="space-between" mb="xs">
          <Title order={3} size="h4">
            Notes
          </Title>
          <Button variant="light" onClick={() => setAmending(true)}>
            Add an amendment
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          Original, signed {view.signedAt ? when(view.signedAt) : ''}
        </Text>
        <Text
          aria-label="Original notes"
          style={{
            whiteSpace: 'pre-wrap',
            textDecoration: view.amendments.some((a) => a.notes !== null) ? 'line-through' : undefined,
          }}
        >
          {view.notes || 'No notes.'}
        </Text>
        {view.amendments.map((a, i) => (
          <Paper key={a.id} withBorder p="sm" mt="sm" radius="sm" aria-label={`Amendment ${i + 1}`}>
            <Text size="xs" c="dimmed">
              Amendment {i + 1} · {when(a.at)} · {a.byName}
            </Text>
            <Text size="sm">
              <b>Reason:</b> {a.reason}
            </Text>
            {a.notes !== null && <Text style={{ whiteSpace: 'pre-wrap' }}>{a.notes}</Text>}
            {a.entries && (
              <Text size="sm">
                <b>Corrected exercise rows:</b> {changedRows(previousEntries(view, i), a.entries).join(', ') || 'none'}
              </Text>
            )}
          </Paper>
        ))}
      </Paper>
      {view.adverseEvents.length > 0 && (
        <Paper withBorder p="md" radius="md">
          <Title order={3} size="h4" mb="xs">
            Incidents
          </Title>
          {view.adverseEvents.map((e) => (
            <Text key={e.id} size="sm">
              {e.severity === null ? 'Grade needed' : `Grade ${e.severity}`} · {e.description} ·{' '}
              {e.closedAt ? 'closed' : 'open'}
            </Text>
          ))}
        </Paper>
      )}
      <Modal opened={amending} onClose={() => setAmending(false)} title="Add an amendment" size="lg">
        <form onSubmit={submit} noValidate aria-label="Add an amendment">
          <Stack>
            <Text size="sm" c="dimmed">
              The signed record is not changed. The amendment is added beneath it with your name, the time and the
              reason.
            </Text>
            <Textarea
              label="Reason for the amendment"
              withAsterisk
              autosize
              minRows={2}
              {...form.getInputProps('reason')}
            />
            <Textarea label="Corrected notes" autosize minRows={3} {...form.getInputProps('notes')} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setAmending(false)}>
                Cancel
              </Button>
              <Button type="submit">Save amendment</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}

/* ------------------------------------------------------------------ exercise-row amendments */

const compared = [
  'exerciseId',
  'sets',
  'reps',
  'loadKg',
  'durationMin',
  'rpe',
  'peakHr',
  'spo2',
  'painChange',
] as const;
const differs = (a: SessionEntry | undefined, b: SessionEntry | undefined) =>
  !a || !b || compared.some((k) => a[k] !== b[k]) || a.outcome !== b.outcome || (a.reason ?? '') !== (b.reason ?? '');

/** The exercise rows as they stood before amendment `index` (the signed original for the first). */
function previousEntries(view: SessionView, index: number): SessionEntry[] {
  for (let i = index - 1; i >= 0; i--) {
    const entries = view.amendments[i]!.entries;
    if (entries) return entries;
  }
  return view.entries;
}

function changedRows(before: SessionEntry[], after: SessionEntry[]): string[] {
  const n = Math.max(before.length, after.length);
  const names: string[] = [];
  for (let i = 0; i < n; i++) {
    if (differs(before[i], after[i])) names.push((after[i] ?? before[i])!.exerciseName);
  }
  return names;
}

/** Each row's current version and the amendment (1-based) that last changed it, or 0 when never. */
function rowHistory(
  view: SessionView,
): Array<{ original: SessionEntry | undefined; current: SessionEntry; by: number }> {
  let current = view.entries;
  const by = view.entries.map(() => 0);
  view.amendments.forEach((a, k) => {
    if (!a.entries) return;
    a.entries.forEach((e, i) => {
      if (differs(current[i], e)) by[i] = k + 1;
    });
    current = a.entries;
  });
  return current.map((e, i) => ({ original: view.entries[i], current: e, by: by[i] ?? 0 }));
}

const toInput = (e: SessionEntry): EntryInput => ({
  exerciseId: e.exerciseId,
  planned: e.planned,
  sets: e.sets,
  reps: e.reps,
  loadKg: e.loadKg,
  durationMin: e.durationMin,
  rpe: e.rpe,
  peakHr: e.peakHr,
  spo2: e.spo2,
  painChange: e.painChange,
  outcome: e.outcome,
  reason: e.reason,
  overrideNote: e.overrideNote,
});

function cells(e: SessionEntry) {
  return [
    e.sets != null || e.reps != null ? `${e.sets ?? '–'} × ${e.reps ?? '–'}` : '—',
    e.loadKg != null ? `${e.loadKg} kg` : '—',
    e.durationMin != null ? String(e.durationMin) : '—',
    e.rpe != null ? String(e.rpe) : '—',
    `${entryOutcomeLabels[e.outcome]}${e.reason ? `: ${e.reason}` : ''}`,
  ];
}

/** The signed log: a corrected row shows the signed original struck through above its correction. */
function SignedLog(props: { view: SessionView; onChanged(view: SessionView): void }) {
  const rows = rowHistory(props.view);
  const [editing, setEditing] = useState<number | null>(null);
  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing={4} aria-label="Exercises logged">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Exercise</Table.Th>
              <Table.Th>Sets × reps</Table.Th>
              <Table.Th>Load</Table.Th>
              <Table.Th>Min</Table.Th>
              <Table.Th>RPE</Table.Th>
              <Table.Th>Outcome</Table.Th>
              <Table.Th>
                <VisuallyHidden>Correct</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(({ original, current, by }, i) => {
              const name = current.exerciseName;
              return [
                by > 0 && original ? (
                  <Table.Tr key={`o${i}`} aria-label={`${original.exerciseName}: signed original`}>
                    <Table.Td c="dimmed">
                      <Text span size="sm" td="line-through">
                        {original.exerciseName}
                      </Text>{' '}
                      <Text span size="xs">
                        (signed original)
                      </Text>
                    </Table.Td>
                    {cells(original).map((c, k) => (
                      <Table.Td key={k} c="dimmed" td="line-through">
                        {c}
                      </Table.Td>
                    ))}
                    <Table.Td />
                  </Table.Tr>
                ) : null,
                <Table.Tr key={`c${i}`} aria-label={by > 0 ? `${name}: corrected` : name}>
                  <Table.Td>
                    {name}
                    {current.exerciseRetired ? ' (retired)' : ''}
                    {!current.planned && (
                      <Badge ml={6} size="xs" variant="light">
                        Added
                      </Badge>
                    )}
                    {by > 0 && (
                      <Badge ml={6} size="xs" color="orange" variant="light">
                        Corrected · amendment {by}
                      </Badge>
                    )}
                    {current.overrideNote && (
                      <Text size="xs" c="orange">
                        Override: {current.overrideNote}
                      </Text>
                    )}
                  </Table.Td>
                  {cells(current).map((c, k) => (
                    <Table.Td key={k}>{c}</Table.Td>
                  ))}
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      leftSection={<IconPencil size={14} />}
                      aria-label={`Correct ${name}`}
                      onClick={() => setEditing(i)}
                    >
                      Correct
                    </Button>
                  </Table.Td>
                </Table.Tr>,
              ];
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing !== null ? `Correct ${rows[editing]!.current.exerciseName}` : ''}
        size="lg"
      >
        {editing !== null && (
          <RowAmendment
            view={props.view}
            entries={rows.map((r) => r.current)}
            index={editing}
            onDone={(next) => {
              setEditing(null);
              props.onChanged(next);
            }}
            onCancel={() => setEditing(null)}
          />
        )}
      </Modal>
    </>
  );
}

type NumField = 'sets' | 'reps' | 'loadKg' | 'durationMin' | 'rpe';
const rowFields: Array<[NumField, string, number, number, number]> = [
  ['sets', 'Sets', 0, 50, 0],
  ['reps', 'Reps', 0, 500, 0],
  ['loadKg', 'Load kg', 0, 500, 1],
  ['durationMin', 'Minutes', 0, 300, 1],
  ['rpe', 'RPE (6–20)', 6, 20, 0],
];

function RowAmendment(props: {
  view: SessionView;
  entries: SessionEntry[];
  index: number;
  onDone(view: SessionView): void;
  onCancel(): void;
}) {
  const row = props.entries[props.index]!;
  const form = useForm({
    initialValues: {
      sets: row.sets ?? ('' as number | ''),
      reps: row.reps ?? ('' as number | ''),
      loadKg: row.loadKg ?? ('' as number | ''),
      durationMin: row.durationMin ?? ('' as number | ''),
      rpe: row.rpe ?? ('' as number | ''),
      outcome: row.outcome,
      outcomeReason: row.reason ?? '',
      reason: '',
    },
  });
  const submit = form.onSubmit(async (v) => {
    const n = (x: number | '') => (x === '' ? null : x);
    const corrected: EntryInput = {
      ...toInput(row),
      sets: n(v.sets),
      reps: n(v.reps),
      loadKg: n(v.loadKg),
      durationMin: n(v.durationMin),
      rpe: n(v.rpe),
      outcome: v.outcome,
      reason: v.outcomeReason || null,
    };
    const entries = props.entries.map((e, i) => (i === props.index ? corrected : toInput(e)));
    try {
      const next = await api.sessions.amend({ sessionId: props.view.id, reason: v.reason, notes: null, entries });
      showSaved(`${row.exerciseName} corrected; the signed original stays on the record`);
      props.onDone(next);
    } catch (error) {
      const prefix = `entries.${props.index}.`;
      showApiError(error, {
        setErrors: (fields) =>
          form.setErrors(
            Object.fromEntries(
              Object.entries(fields).map(([k, m]) => {
                if (!k.startsWith(prefix)) return [k, m];
                const f = k.slice(prefix.length);
                return [f === 'reason' ? 'outcomeReason' : f, m];
              }),
            ),
          ),
      });
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label={`Correct ${row.exerciseName}`}>
      <Stack>
        <Text size="sm" c="dimmed">
          The signed row is not changed: it stays on the record, struck through, beside this correction, with your name,
          the time and the reason.
        </Text>
        <Text size="sm" aria-label="Signed values">
          Signed: {cells(row).join(' · ')}
        </Text>
        <SimpleGrid cols={5} spacing="sm">
          {rowFields.map(([key, label, min, max, decimals]) => (
            <NumberInput
              key={key}
              label={label}
              min={min}
              max={max}
              decimalScale={decimals}
              hideControls
              clampBehavior="none"
              {...form.getInputProps(key)}
            />
          ))}
        </SimpleGrid>
        <Stack gap={2}>
          <Text size="sm" fw={500} id="amend-outcome">
            Outcome
          </Text>
          <SegmentedControl
            aria-labelledby="amend-outcome"
            data={entryOutcomes.map((o) => ({ value: o, label: entryOutcomeLabels[o] }))}
            value={form.values.outcome}
            onChange={(value) => form.setFieldValue('outcome', value as EntryOutcome)}
          />
        </Stack>
        {form.values.outcome !== 'completed' && (
          <TextInput
            label={form.values.outcome === 'skipped' ? 'Why skipped' : 'What was modified and why'}
            withAsterisk
            {...form.getInputProps('outcomeReason')}
          />
        )}
        <Textarea
          label="Reason for the amendment"
          withAsterisk
          autosize
          minRows={2}
          data-autofocus
          {...form.getInputProps('reason')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            Cancel
          </Button>
          <Button type="submit">Save correction</Button>
        </Group>
      </Stack>
    </form>
  );
}
