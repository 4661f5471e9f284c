import { Badge, Button, Group, Modal, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { attendanceLabels, type SessionView } from '../../../shared/contract/sessions';
import { formatClinicDate, todayLocal } from '../../../shared/dates';
import { api } from '../../api';
import { showApiError, showSaved } from '../../components/forms';
import { decisionColors, decisionLabels } from './badges';
import { DecisionPanel, EntriesTable, PatientSafetyHeader } from './SessionRecorder';

const when = (iso: string) => {
  const d = new Date(iso);
  return `${formatClinicDate(todayLocal(d))} ${d.toTimeString().slice(0, 5)}`;
};

/** A signed session: read-only, with its amendments below the original, which stays readable. */
export function SignedSession(props: { view: SessionView; onChanged(view: SessionView): void }) {
  const { view } = props;
  const [amending, setAmending] = useState(false);
  const latestNotes = [...view.amendments].reverse().find((a) => a.notes !== null)?.notes ?? view.notes ?? '';
  const form = useForm({ initialValues: { reason: '', notes: latestNotes } });

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
            <Title order={2} size="h3">
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
      {view.decision && <DecisionPanel decision={view.decision} rules={view.firedRules} recorded />}
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
          <EntriesTable entries={view.entries} />
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
            {a.entries && <EntriesTable entries={a.entries} />}
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
              Grade {e.severity} · {e.description} · {e.closedAt ? 'closed' : 'open'}
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
