import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  adverseEventTypeLabels,
  adverseEventTypes,
  attendanceLabels,
  type AdverseEventType,
  type PatientSessionsView,
} from '../../../shared/contract/sessions';
import { addDays, isClinicDate, todayLocal } from '../../../shared/dates';
import { formatClinicDate } from '../../dates';
import { api } from '../../api';
import { showApiError, showSaved } from '../../components/forms';
import { decisionColors, decisionLabels } from './badges';
import { BackLink } from '../../components/BackLink';
import { UrgentLetterButton } from '../letters/UrgentLetterButton';
import { ClinicDateInput, ClinicDateTimeInput } from '../../components/ClinicDateInput';
import { IncidentGrade } from './IncidentGrade';

const pct = (v: number | null | undefined) => (v == null ? '—' : `${Math.round(v * 100)}%`);

/** A patient's sessions, attendance and adherence over any period, and their adverse events. */
export function PatientSessions() {
  const { patientId = '' } = useParams();
  const [from, setFrom] = useState(addDays(todayLocal(), -84));
  const [to, setTo] = useState(todayLocal());
  const [view, setView] = useState<PatientSessionsView | null>(null);
  const [reload, setReload] = useState(0);
  useEffect(() => {
    if (!from || !to) return;
    api.sessions
      .forPatient({ patientId, from, to })
      .then(setView)
      .catch((e: unknown) => showApiError(e, undefined, { title: 'Could not load sessions' }));
  }, [patientId, from, to, reload]);

  const eventForm = useForm({
    initialValues: {
      type: '' as AdverseEventType | '',
      severity: '' as number | string,
      occurredAt: `${todayLocal()}T10:00`,
      description: '',
      actionTaken: '',
      outcome: '',
    },
  });
  const record = eventForm.onSubmit(async (v) => {
    try {
      await api.adverseEvents.record({
        patientId,
        type: v.type as AdverseEventType,
        severity: Number(v.severity),
        occurredAt: Number.isNaN(Date.parse(v.occurredAt)) ? '' : new Date(v.occurredAt).toISOString(),
        description: v.description,
        actionTaken: v.actionTaken,
        outcome: v.outcome,
        followUpNeeded: true,
      });
      showSaved('Adverse event recorded; it shows on the caseload until closed');
      eventForm.reset();
      setReload((n) => n + 1);
    } catch (error) {
      showApiError(error, eventForm);
    }
  });

  const a = view?.adherence;
  return (
    <Stack gap="md" maw={1100}>
      <BackLink to={`/patients/${patientId}`} spokenArrow>
        Patient overview
      </BackLink>
      <Title order={2}>Sessions and adherence</Title>
      <Paper withBorder p="md" radius="md">
        <Group align="flex-end">
          <ClinicDateInput label="From" value={from} onChange={(value) => isClinicDate(value) && setFrom(value)} />
          <ClinicDateInput label="To" value={to} onChange={(value) => isClinicDate(value) && setTo(value)} />
        </Group>
        {a && (
          <SimpleGrid cols={5} mt="md" aria-label="Adherence">
            <Stat label="Attended" value={`${a.attended} of ${a.offered}`} />
            <Stat label="Attendance rate" value={pct(a.attendanceRate)} />
            <Stat
              label="Against the plan"
              value={
                a.plannedSessions != null ? `${pct(a.adherenceToPlan)} of ${a.plannedSessions.toFixed(1)}` : 'No plan'
              }
            />
            <Stat label="Held for safety" value={String(a.held)} />
            <Stat label="Cancelled / did not attend" value={`${a.cancelled} / ${a.dna}`} />
          </SimpleGrid>
        )}
        {a && a.notRecorded > 0 && (
          <Alert color="yellow" mt="md" title="Not counted yet">
            {a.notRecorded} past session{a.notRecorded === 1 ? ' has' : 's have'} no attendance recorded, or{' '}
            {a.notRecorded === 1 ? 'was' : 'were'} screened but never signed. Record or sign{' '}
            {a.notRecorded === 1 ? 'it' : 'them'} so adherence is complete.
          </Alert>
        )}
      </Paper>
      <Paper withBorder radius="md">
        <Table verticalSpacing="xs" highlightOnHover aria-label="Session history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Date</Table.Th>
              <Table.Th>Attendance</Table.Th>
              <Table.Th>Screen</Table.Th>
              <Table.Th>Exercises</Table.Th>
              <Table.Th>Record</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {view?.history.map((h) => (
              <Table.Tr key={h.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/sessions/${h.id}`}>
                    {formatClinicDate(h.date)} {h.startTime}
                  </Anchor>
                </Table.Td>
                <Table.Td>{attendanceLabels[h.attendance]}</Table.Td>
                <Table.Td>
                  {h.decision ? (
                    <Badge variant="light" color={decisionColors[h.decision]}>
                      {decisionLabels[h.decision]}
                    </Badge>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                <Table.Td>{h.exercises}</Table.Td>
                <Table.Td>
                  {h.signedAt ? 'Signed' : 'Not signed'}
                  {h.amendments > 0 ? ` · ${h.amendments} amendment${h.amendments > 1 ? 's' : ''}` : ''}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {view && view.history.length === 0 && (
          <Text p="md" c="dimmed">
            No sessions yet. Book one from Today.
          </Text>
        )}
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-label="Adverse events">
        <Title order={3} size="h4" mb="xs">
          Adverse events
        </Title>
        {view?.adverseEvents.length === 0 && <Text c="dimmed">None recorded.</Text>}
        <Stack gap="xs">
          {view?.adverseEvents.map((e) => (
            <AdverseEventLine key={e.id} event={e} onClosed={() => setReload((n) => n + 1)} />
          ))}
        </Stack>
        <form onSubmit={record} noValidate aria-label="Record an adverse event">
          <Text fw={650} mt="md">
            Record an adverse event
          </Text>
          {/* Two across on a tablet, so the date and time keep their full width. */}
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
            <Select
              label="Type of event"
              withAsterisk
              data={adverseEventTypes.map((t) => ({ value: t, label: adverseEventTypeLabels[t] }))}
              {...eventForm.getInputProps('type')}
            />
            <NumberInput
              label="Severity grade (1–5)"
              min={1}
              max={5}
              withAsterisk
              {...eventForm.getInputProps('severity')}
            />
            <ClinicDateTimeInput
              label="When it happened"
              value={eventForm.values.occurredAt}
              error={eventForm.errors.occurredAt}
              onChange={(value) => eventForm.setFieldValue('occurredAt', value)}
            />
          </SimpleGrid>
          <SimpleGrid cols={3} spacing="sm" mt="xs">
            <Textarea label="What happened" autosize {...eventForm.getInputProps('description')} />
            <Textarea label="Action taken" autosize {...eventForm.getInputProps('actionTaken')} />
            <Textarea label="Outcome so far" autosize {...eventForm.getInputProps('outcome')} />
          </SimpleGrid>
          <Button type="submit" mt="sm" variant="light" color="red">
            Record adverse event
          </Button>
        </form>
      </Paper>
    </Stack>
  );
}

function Stat(props: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {props.label}
      </Text>
      <Text fw={700} size="lg">
        {props.value}
      </Text>
    </div>
  );
}

function AdverseEventLine(props: { event: PatientSessionsView['adverseEvents'][number]; onClosed(): void }) {
  const e = props.event;
  const [outcome, setOutcome] = useState('');
  const [grade, setGrade] = useState<string | null>(null);
  const [actionTaken, setActionTaken] = useState('');
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const ungraded = e.severity === null;
  const title = `${adverseEventTypeLabels[e.type]} ${formatClinicDate(e.occurredAt.slice(0, 10))}`;
  const fail = (err: unknown) => showApiError(err, { setErrors: (f) => setErrors(f) });
  return (
    <Paper withBorder p="sm" radius="sm" aria-label={title}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Text fw={650} size="sm">
            {adverseEventTypeLabels[e.type]} · {ungraded ? 'grade needed' : `grade ${e.severity}`} ·{' '}
            {formatClinicDate(todayLocal(new Date(e.occurredAt)))}
          </Text>
          <Text size="sm">{e.description}</Text>
          {e.actionTaken && (
            <Text size="xs" c="dimmed">
              Action: {e.actionTaken}
            </Text>
          )}
          {e.outcome && <Text size="xs">Outcome: {e.outcome}</Text>}
        </div>
        <Group gap="xs">
          <UrgentLetterButton patientId={e.patientId} adverseEventId={e.id} />
          {ungraded && (
            <Badge color="red" variant="outline">
              Grade needed
            </Badge>
          )}
          <Badge color={e.closedAt ? 'gray' : 'red'}>{e.closedAt ? 'Closed' : 'Open'}</Badge>
        </Group>
      </Group>
      {!e.closedAt && ungraded && (
        <IncidentGrade
          event={e}
          onGraded={props.onClosed}
          refusal={errors}
          onDraft={(d) => {
            setGrade(d.grade);
            setActionTaken(d.actionTaken);
          }}
        />
      )}
      {!e.closedAt && (
        <Group mt="xs" align="flex-end">
          <TextInput
            size="sm"
            style={{ flex: 1 }}
            label="Outcome on closing"
            value={outcome}
            error={errors.outcome}
            onChange={(ev) => setOutcome(ev.currentTarget.value)}
          />
          <Button
            size="sm"
            variant="default"
            onClick={async () => {
              try {
                await api.adverseEvents.close({
                  adverseEventId: e.id,
                  outcome,
                  closingNote: null,
                  severity: ungraded && grade ? Number(grade) : null,
                  actionTaken: ungraded ? actionTaken : null,
                });
                props.onClosed();
              } catch (err) {
                fail(err);
              }
            }}
          >
            Close event
          </Button>
        </Group>
      )}
    </Paper>
  );
}
