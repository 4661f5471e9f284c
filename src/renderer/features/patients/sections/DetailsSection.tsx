import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Radio,
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
import type { Clinician } from '../../../../shared/contract/setup';
import type { IntakeRecord } from '../../../../shared/contract/intake';
import { todayLocal } from '../../../../shared/dates';
import { formatClinicDate } from '../../../dates';
import { patientStatuses, sexes, type PatientStatus, type Sex } from '../../../../shared/domain/vocabulary';
import { api } from '../../../api';
import { showApiError } from '../../../components/forms';
import { nullify, SectionScreen } from '../shared';
import { ClinicDateInput } from '../../../components/ClinicDateInput';

function DetailsForm(props: { record: IntakeRecord; onSaved(r: IntakeRecord): void }) {
  const { patient, details } = props.record;
  const [clinicians, setClinicians] = useState<Clinician[]>([]);
  useEffect(() => {
    api.clinicians
      .list({})
      .then(setClinicians)
      .catch((e: unknown) => showApiError(e));
  }, []);
  const form = useForm({
    initialValues: {
      givenName: patient.givenName,
      familyName: patient.familyName,
      preferredName: patient.preferredName ?? '',
      dateOfBirth: patient.dateOfBirth,
      sex: patient.sex as Sex | '',
      mrn: patient.mrn,
      gender: details.gender ?? '',
      phone: details.phone ?? '',
      email: details.email ?? '',
      address: details.address ?? '',
      preferredLanguage: details.preferredLanguage ?? '',
      interpreterNeeded: details.interpreterNeeded,
      emergencyContactName: details.emergencyContactName ?? '',
      emergencyContactRelationship: details.emergencyContactRelationship ?? '',
      emergencyContactPhone: details.emergencyContactPhone ?? '',
      reassessmentIntervalWeeks: details.reassessmentIntervalWeeks as number | '',
      leadClinicianId: details.leadClinicianId ?? '',
    },
  });
  const [saved, setSaved] = useState(false);
  const submit = form.onSubmit(async (values) => {
    setSaved(false);
    try {
      const next = await api.intake.saveDetails({
        ...nullify(values),
        patientId: patient.id,
        sex: values.sex as Sex,
        interpreterNeeded: values.interpreterNeeded,
        reassessmentIntervalWeeks:
          values.reassessmentIntervalWeeks === '' ? (undefined as never) : values.reassessmentIntervalWeeks,
      });
      setSaved(true);
      props.onSaved(next);
    } catch (error) {
      showApiError(error, form);
    }
  });
  return (
    <Paper withBorder p="lg" radius="md">
      <form onSubmit={submit} noValidate aria-label="Personal details">
        <Stack gap="md">
          <Title order={3} size="h4">
            Personal details
          </Title>
          <SimpleGrid cols={{ base: 2, md: 3 }}>
            <TextInput label="Given name" withAsterisk {...form.getInputProps('givenName')} />
            <TextInput label="Family name" withAsterisk {...form.getInputProps('familyName')} />
            <TextInput label="Preferred name" {...form.getInputProps('preferredName')} />
            <ClinicDateInput label="Date of birth" withAsterisk {...form.getInputProps('dateOfBirth')} />
            <TextInput label="Hospital number (MRN)" withAsterisk {...form.getInputProps('mrn')} />
            <TextInput label="Gender" description="As the patient describes it" {...form.getInputProps('gender')} />
          </SimpleGrid>
          <Radio.Group label="Sex" withAsterisk {...form.getInputProps('sex')}>
            <Group mt="xs" gap="lg">
              {sexes.values.map((value) => (
                <Radio key={value} value={value} label={sexes.labels[value]} />
              ))}
            </Group>
          </Radio.Group>
          <SimpleGrid cols={{ base: 2, md: 3 }}>
            <TextInput label="Phone" {...form.getInputProps('phone')} />
            <TextInput label="Email" {...form.getInputProps('email')} />
            <TextInput label="Preferred language" {...form.getInputProps('preferredLanguage')} />
          </SimpleGrid>
          <Checkbox label="Needs an interpreter" {...form.getInputProps('interpreterNeeded', { type: 'checkbox' })} />
          <Textarea label="Address" autosize minRows={2} {...form.getInputProps('address')} />
          <SimpleGrid cols={{ base: 2, md: 3 }}>
            <TextInput label="Emergency contact or carer" {...form.getInputProps('emergencyContactName')} />
            <TextInput label="Relationship" {...form.getInputProps('emergencyContactRelationship')} />
            <TextInput label="Emergency contact phone" {...form.getInputProps('emergencyContactPhone')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 2, md: 3 }}>
            <NumberInput
              clampBehavior="none"
              label="Reassessment interval (weeks)"
              description="Default 8 weeks (programmes ran 8–12+ weeks; Campbell 2019)"
              min={1}
              max={52}
              {...form.getInputProps('reassessmentIntervalWeeks')}
            />
            <NativeSelect
              label="Lead clinician"
              data={[
                { value: '', label: 'Not assigned' },
                ...clinicians.map((c) => ({ value: c.id, label: c.fullName })),
              ]}
              {...form.getInputProps('leadClinicianId')}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            {saved && (
              <Text role="status" c="teal" fw={600} size="sm">
                Personal details saved
              </Text>
            )}
            <Button type="submit">Save personal details</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function StatusForm(props: { record: IntakeRecord; onSaved(r: IntakeRecord): void }) {
  const form = useForm({
    initialValues: { toStatus: '' as PatientStatus | '', effectiveOn: todayLocal(), reason: '', correction: false },
  });
  const deceased = props.record.patient.status === 'deceased';
  const submit = form.onSubmit(async (values) => {
    try {
      const next = await api.intake.changeStatus({
        patientId: props.record.patient.id,
        toStatus: values.toStatus as PatientStatus,
        effectiveOn: values.effectiveOn,
        reason: values.reason,
        correction: deceased && values.correction,
      });
      form.reset();
      props.onSaved(next);
    } catch (error) {
      showApiError(error, form);
    }
  });
  return (
    <Paper withBorder p="lg" radius="md">
      <Title order={3} size="h4" mb="sm">
        Status
      </Title>
      <form onSubmit={submit} noValidate aria-label="Change status">
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <NativeSelect
            label="New status"
            withAsterisk
            data={[
              { value: '', label: 'Choose…' },
              ...patientStatuses.values.map((value) => ({ value, label: patientStatuses.labels[value] })),
            ]}
            {...form.getInputProps('toStatus')}
          />
          <ClinicDateInput label="Date of the change" withAsterisk {...form.getInputProps('effectiveOn')} />
          <TextInput label="Reason for the change" withAsterisk {...form.getInputProps('reason')} />
        </SimpleGrid>
        {deceased && (
          <Checkbox
            mt="md"
            label="Deceased was recorded in error: record this as a correction"
            description="A patient recorded as deceased can change status only as a correction, with the reason."
            {...form.getInputProps('correction', { type: 'checkbox' })}
          />
        )}
        <Group justify="flex-end" mt="md">
          <Button type="submit" variant="light">
            Change status
          </Button>
        </Group>
      </form>
      <Table mt="md" aria-label="Status history" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Date</Table.Th>
            <Table.Th>Change</Table.Th>
            <Table.Th>Reason</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.record.statusHistory.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>{formatClinicDate(s.effectiveOn)}</Table.Td>
              <Table.Td>
                {s.fromStatus ? patientStatuses.labels[s.fromStatus] : '—'} → {patientStatuses.labels[s.toStatus]}
              </Table.Td>
              <Table.Td>{s.reason}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {props.record.statusHistory.length === 0 && (
        <Text c="dimmed" size="sm" mt="xs">
          {patientStatuses.labels[props.record.patient.status]} since the patient was added.
        </Text>
      )}
    </Paper>
  );
}

export function DetailsSection() {
  return (
    <SectionScreen title="Personal details and status">
      {(record, setRecord) => (
        <>
          <DetailsForm key={record.patient.id} record={record} onSaved={setRecord} />
          <StatusForm record={record} onSaved={setRecord} />
        </>
      )}
    </SectionScreen>
  );
}
