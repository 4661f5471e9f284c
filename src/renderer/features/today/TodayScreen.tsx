import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCalendarPlus, IconUsersGroup } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { attendanceLabels, type TodayBooking, type TodayView } from '../../../shared/contract/sessions';
import { isClinicDate, todayLocal } from '../../../shared/dates';
import { formatClinicDate } from '../../dates';
import { api } from '../../api';
import { showApiError, showSaved } from '../../components/forms';
import { decisionColors, decisionLabels, SafetyBadges } from '../sessions/badges';
import { ClinicDateInput, ClinicTimeInput } from '../../components/ClinicDateInput';
import { CheckInButton } from '../checkIn/CheckInButton';
import { reportedAt } from '../checkIn/PatientReport';

function usePatientOptions(search: string) {
  const [debounced] = useDebouncedValue(search, 150);
  const [options, setOptions] = useState<Array<{ value: string; label: string }>>([]);
  useEffect(() => {
    let cancelled = false;
    api.patients
      .search({ query: debounced, offset: 0, limit: 30, statuses: ['referred', 'active', 'on_hold'] })
      .then((page) => {
        if (cancelled) return;
        setOptions(page.patients.map((p) => ({ value: p.id, label: `${p.familyName}, ${p.givenName} (${p.mrn})` })));
      })
      .catch((e: unknown) => showApiError(e));
    return () => {
      cancelled = true;
    };
  }, [debounced]);
  return options;
}

function BookDialog(props: { opened: boolean; date: string; view: TodayView | null; onClose(): void; onDone(): void }) {
  const [search, setSearch] = useState('');
  const options = usePatientOptions(search);
  const [labels, setLabels] = useState<Record<string, string>>({});
  const form = useForm({ initialValues: { patientId: '', startTime: '09:00', classId: '' } });
  const submit = form.onSubmit(async (values) => {
    try {
      const booking = await api.bookings.create({
        patientId: values.patientId,
        date: props.date,
        startTime: values.startTime,
        classId: values.classId || null,
      });
      showSaved(`${booking.patientName} booked at ${booking.startTime}`);
      form.reset();
      props.onDone();
    } catch (error) {
      showApiError(error, form);
    }
  });
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={`Book a patient · ${formatClinicDate(props.date)}`}
      size="lg"
    >
      <form onSubmit={submit} noValidate aria-label="Book a patient">
        <Stack>
          <Select
            label="Patient"
            withAsterisk
            searchable
            data-autofocus
            placeholder="Type a name or MRN"
            searchValue={search}
            onSearchChange={setSearch}
            data={[...options, ...Object.entries(labels).map(([value, label]) => ({ value, label }))].filter(
              (o, i, all) => all.findIndex((x) => x.value === o.value) === i,
            )}
            {...form.getInputProps('patientId')}
            onChange={(value, option) => {
              if (value && option) setLabels((l) => ({ ...l, [value]: option.label }));
              form.setFieldValue('patientId', value ?? '');
            }}
          />
          <Group grow align="flex-start">
            <ClinicTimeInput label="Start time" withAsterisk {...form.getInputProps('startTime')} />
            <Select
              label="Group class"
              placeholder="Individual session"
              clearable
              data={(props.view?.classes ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.startTime})` }))}
              {...form.getInputProps('classId')}
            />
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit">Book</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ClassDialog(props: { opened: boolean; date: string; onClose(): void; onDone(classId: string): void }) {
  const [search, setSearch] = useState('');
  const options = usePatientOptions(search);
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const form = useForm({ initialValues: { name: '', startTime: '10:00', patientIds: [] as string[] } });
  const submit = form.onSubmit(async (values) => {
    try {
      const cls = await api.classes.create({ ...values, date: props.date });
      showSaved(`${cls.name} created with ${cls.sessionIds.length} patients`);
      form.reset();
      setChosen({});
      props.onDone(cls.id);
    } catch (error) {
      showApiError(error, form);
    }
  });
  const data = [...options, ...Object.entries(chosen).map(([value, label]) => ({ value, label }))].filter(
    (o, i, all) => all.findIndex((x) => x.value === o.value) === i,
  );
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={`New group class · ${formatClinicDate(props.date)}`}
      size="lg"
    >
      <form onSubmit={submit} noValidate aria-label="New group class">
        <Stack>
          <Group grow align="flex-start">
            <TextInput label="Class name" withAsterisk data-autofocus {...form.getInputProps('name')} />
            <ClinicTimeInput label="Start time" withAsterisk {...form.getInputProps('startTime')} />
          </Group>
          <MultiSelect
            label="Patients"
            searchable
            placeholder="Type a name or MRN"
            searchValue={search}
            onSearchChange={setSearch}
            data={data}
            {...form.getInputProps('patientIds')}
            onChange={(values) => {
              const labelOf = new Map(data.map((o) => [o.value, o.label]));
              setChosen(Object.fromEntries(values.map((v) => [v, labelOf.get(v) ?? chosen[v] ?? v])));
              form.setFieldValue('patientIds', values);
            }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit">Create class</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Cycle day comes from intake's safety context, asked for only for patients on treatment. */
function useCycleDays(bookings: readonly TodayBooking[], date: string): Record<string, string> {
  const [days, setDays] = useState<Record<string, string>>({});
  const wanted = [...new Set(bookings.filter((b) => b.badges.onTreatment).map((b) => b.patientId))].join(',');
  useEffect(() => {
    let cancelled = false;
    const ids = wanted ? wanted.split(',') : [];
    Promise.all(
      ids.map(async (patientId) => {
        const safety = await api.intake.safetyContext({ patientId, date });
        const cycling = safety.activeTreatments.find((t) => t.cycleDay);
        return [patientId, cycling?.cycleDay ? `Cycle day ${cycling.cycleDay.day}` : 'On treatment'] as const;
      }),
    )
      .then((pairs) => !cancelled && setDays(Object.fromEntries(pairs)))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [wanted, date]);
  return days;
}

function StatusCell({ booking, isToday }: { booking: TodayBooking; isToday: boolean }) {
  if (booking.signed) {
    return (
      <Group gap={4}>
        {booking.decision && (
          <Badge color={decisionColors[booking.decision]} variant="light">
            {decisionLabels[booking.decision]}
          </Badge>
        )}
        <Badge color="gray" variant="outline">
          Signed
        </Badge>
      </Group>
    );
  }
  if (booking.decision) {
    return (
      <Badge color={decisionColors[booking.decision]} variant="light">
        {decisionLabels[booking.decision]} · in progress
      </Badge>
    );
  }
  return (
    <Stack gap={4} align="flex-start">
      <Text size="sm" c={booking.attendance === 'booked' ? undefined : 'dimmed'}>
        {attendanceLabels[booking.attendance]}
        {booking.hasDraft ? ' · draft' : ''}
      </Text>
      {booking.checkedInAt && (
        <Badge color="blue" variant="light">
          Checked in {reportedAt(booking.checkedInAt)}
        </Badge>
      )}
      {isToday && booking.attendance === 'booked' && (
        <CheckInButton sessionId={booking.sessionId} patientName={booking.patientName} variant="default" />
      )}
    </Stack>
  );
}

export function TodayScreen() {
  const navigate = useNavigate();
  const [date, setDate] = useState(todayLocal());
  const [view, setView] = useState<TodayView | null>(null);
  const [booking, setBooking] = useState(false);
  const [classing, setClassing] = useState(false);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let cancelled = false;
    api.today
      .list({ date })
      .then((v) => !cancelled && setView(v))
      .catch((e: unknown) => showApiError(e, undefined, { title: 'Could not load Today' }));
    return () => {
      cancelled = true;
    };
  }, [date, reload]);

  const singles = view?.bookings.filter((b) => !b.classId) ?? [];
  const cycleDays = useCycleDays(view?.bookings ?? [], date);
  const isToday = date === todayLocal();

  const row = (b: TodayBooking) => (
    <Table.Tr
      key={b.sessionId}
      tabIndex={0}
      style={{ cursor: 'pointer' }}
      aria-label={`${b.patientName} at ${b.startTime}`}
      onClick={() => navigate(`/sessions/${b.sessionId}`)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          navigate(`/sessions/${b.sessionId}`);
        }
      }}
    >
      <Table.Td w={80}>
        <Text fw={600}>{b.startTime}</Text>
      </Table.Td>
      <Table.Td>
        <Text fw={600}>{b.patientName}</Text>
        <Text size="xs" c="dimmed">
          {b.mrn}
        </Text>
      </Table.Td>
      <Table.Td>
        <SafetyBadges badges={b.badges} date={date} cycleDay={cycleDays[b.patientId] ?? null} />
      </Table.Td>
      <Table.Td>
        <StatusCell booking={b} isToday={isToday} />
      </Table.Td>
    </Table.Tr>
  );

  const header = (
    <Table.Thead>
      <Table.Tr>
        <Table.Th>Time</Table.Th>
        <Table.Th>Patient</Table.Th>
        <Table.Th>Safety</Table.Th>
        <Table.Th>Session</Table.Th>
      </Table.Tr>
    </Table.Thead>
  );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <Title order={2}>
            {isToday ? 'Today' : 'Sessions'} · {formatClinicDate(date)}
          </Title>
          <ClinicDateInput label="Date" value={date} onChange={(value) => isClinicDate(value) && setDate(value)} />
        </Group>
        <Group>
          <Button variant="light" leftSection={<IconUsersGroup size={20} />} onClick={() => setClassing(true)}>
            New group class
          </Button>
          <Button leftSection={<IconCalendarPlus size={20} />} onClick={() => setBooking(true)}>
            Book a patient
          </Button>
        </Group>
      </Group>

      {view && view.bookings.length === 0 && view.classes.length === 0 && (
        <Alert color="gray" title="No bookings">
          Nobody is booked for {formatClinicDate(date)}. Book a patient into a slot or create a group class.
        </Alert>
      )}

      {view?.classes.map((c) => {
        const members = view.bookings.filter((b) => b.classId === c.id);
        return (
          <Paper key={c.id} withBorder radius="md" component="section" aria-label={`Class ${c.name}`}>
            <Group justify="space-between" p="md" pb={0}>
              <div>
                <Title order={3} size="h4">
                  {c.name}
                </Title>
                <Text size="sm" c="dimmed">
                  {c.startTime} · {members.length} patient{members.length === 1 ? '' : 's'} ·{' '}
                  {members.filter((m) => m.signed).length} signed
                </Text>
              </div>
              <Button onClick={() => navigate(`/classes/${c.id}`)}>Start class</Button>
            </Group>
            <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-label={`${c.name} patients`}>
              {header}
              <Table.Tbody>{members.map(row)}</Table.Tbody>
            </Table>
          </Paper>
        );
      })}

      {singles.length > 0 && (
        <Paper withBorder radius="md" component="section" aria-label="Individual sessions">
          <Title order={3} size="h4" p="md" pb={0}>
            Individual sessions
          </Title>
          <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-label="Individual sessions">
            {header}
            <Table.Tbody>{singles.map(row)}</Table.Tbody>
          </Table>
        </Paper>
      )}

      <BookDialog
        opened={booking}
        date={date}
        view={view}
        onClose={() => setBooking(false)}
        onDone={() => {
          setBooking(false);
          setReload((n) => n + 1);
        }}
      />
      <ClassDialog
        opened={classing}
        date={date}
        onClose={() => setClassing(false)}
        onDone={() => {
          setClassing(false);
          setReload((n) => n + 1);
        }}
      />
    </Stack>
  );
}
