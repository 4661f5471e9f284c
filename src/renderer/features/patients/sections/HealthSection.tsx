import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { CARDIO_ONCOLOGY_SOURCE } from '../../../../shared/clinical/intake/precautions';
import { medicationFlagAdvice, suggestMedicationFlags } from '../../../../shared/clinical/intake/medications';
import type { ComorbidityView, IntakeRecord, MedicationView } from '../../../../shared/contract/intake';
import { formatClinicDate } from '../../../dates';
import {
  comorbidityKinds,
  medicationFlags,
  type ComorbidityKind,
  type MedicationFlag,
} from '../../../../shared/domain/vocabulary';
import { api } from '../../../api';
import { showApiError, showSaved } from '../../../components/forms';
import { nullify, options, SectionScreen } from '../shared';
import { ListEditor } from './ListEditor';
import { ClinicDateInput } from '../../../components/ClinicDateInput';

const blankCondition = { kind: '' as ComorbidityKind | '', detail: '', active: true };
const blankMedicine = {
  name: '',
  dose: '',
  flags: [] as MedicationFlag[],
  flagOverrideReason: '',
  startedOn: '',
  stoppedOn: '',
  notes: '',
};

/**
 * The last ejection fraction, shown with the cardiotoxic-treatment alert (ESC 2022 cardio-oncology):
 * one value and its date, kept on the patient's details and audited like them.
 */
function HeartFunction(props: { record: IntakeRecord; onSaved(record: IntakeRecord): void }) {
  const { details, patient } = props.record;
  const [percent, setPercent] = useState<number | ''>(details.lvefPercent ?? '');
  const [on, setOn] = useState(details.lvefMeasuredOn ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = async () => {
    setErrors({});
    try {
      props.onSaved(
        await api.intake.saveHeartFunction({
          patientId: patient.id,
          lvefPercent: percent === '' ? null : percent,
          lvefMeasuredOn: on || null,
        }),
      );
      showSaved('Ejection fraction saved');
    } catch (error) {
      showApiError(error, { setErrors });
    }
  };
  return (
    <Paper withBorder p="md" radius="md" role="group" aria-label="Heart function">
      <Title order={4}>Heart function</Title>
      <Text size="sm" c="dimmed">
        The last left-ventricular ejection fraction reported, shown with the cardiotoxic-treatment alert. (
        {CARDIO_ONCOLOGY_SOURCE})
      </Text>
      <Group align="flex-end" mt="xs">
        <NumberInput
          label="Last ejection fraction (%)"
          min={5}
          max={90}
          hideControls
          value={percent}
          error={errors.lvefPercent}
          onChange={(v) => setPercent(v === '' ? '' : Number(v))}
        />
        <ClinicDateInput label="Measured on" value={on} error={errors.lvefMeasuredOn} onChange={setOn} />
        <Button variant="default" onClick={() => void save()}>
          Save heart function
        </Button>
      </Group>
    </Paper>
  );
}

export function HealthSection() {
  return (
    <SectionScreen title="Comorbidities and medications">
      {(record, setRecord) => (
        <>
          <Title order={3}>Conditions and devices</Title>
          <ListEditor<ComorbidityView, typeof blankCondition>
            noun="condition"
            items={record.comorbidities}
            blank={blankCondition}
            toValues={(c) => ({ kind: c.kind, detail: c.detail ?? '', active: c.active })}
            describe={(c) => (
              <Group gap="xs" c={c.active ? undefined : 'dimmed'}>
                <Text fw={600}>{comorbidityKinds.labels[c.kind]}</Text>
                {c.detail && <Text size="sm">{c.detail}</Text>}
                {!c.active && <Badge color="gray">Resolved</Badge>}
              </Group>
            )}
            fields={(form) => (
              <SimpleGrid cols={{ base: 1, md: 3 }}>
                <NativeSelect
                  label="Condition or device"
                  withAsterisk
                  data={options(comorbidityKinds, 'Choose…')}
                  {...form.getInputProps('kind')}
                />
                <TextInput label="Condition details" {...form.getInputProps('detail')} />
                <Checkbox mt="xl" label="Current condition" {...form.getInputProps('active', { type: 'checkbox' })} />
              </SimpleGrid>
            )}
            save={(values, id) =>
              api.intake.saveComorbidity({
                patientId: record.patient.id,
                id,
                kind: values.kind as ComorbidityKind,
                detail: values.detail || null,
                active: values.active,
              })
            }
            onSaved={setRecord}
          />
          <HeartFunction record={record} onSaved={setRecord} />
          <Title order={3} mt="md">
            Medications
          </Title>
          <ListEditor<MedicationView, typeof blankMedicine>
            noun="medicine"
            items={record.medications}
            blank={blankMedicine}
            toValues={(m) => ({
              name: m.name,
              dose: m.dose ?? '',
              flags: m.flags,
              flagOverrideReason: '',
              startedOn: m.startedOn ?? '',
              stoppedOn: m.stoppedOn ?? '',
              notes: m.notes ?? '',
            })}
            describe={(m) => (
              <Stack gap={2}>
                <Group gap="xs">
                  <Text fw={600}>
                    {m.name}
                    {m.dose ? ` ${m.dose}` : ''}
                  </Text>
                  {m.flags.map((f) => (
                    <Badge key={f} color="orange" variant="light" style={{ textTransform: 'none' }}>
                      {medicationFlags.labels[f]}
                    </Badge>
                  ))}
                  {m.stoppedOn && <Badge color="gray">Stopped {formatClinicDate(m.stoppedOn)}</Badge>}
                </Group>
              </Stack>
            )}
            fields={(form) => {
              const suggested = suggestMedicationFlags(form.values.name);
              const unconfirmed = suggested.filter((f) => !form.values.flags.includes(f));
              return (
                <>
                  <SimpleGrid cols={{ base: 2, md: 4 }}>
                    <TextInput
                      label="Medicine name"
                      withAsterisk
                      {...form.getInputProps('name')}
                      onChange={(e) => {
                        // Tick the flags the new name suggests; one the clinician unticked stays unticked.
                        const name = e.currentTarget.value;
                        const before = suggestMedicationFlags(form.values.name);
                        const added = suggestMedicationFlags(name).filter(
                          (f) => !before.includes(f) && !form.values.flags.includes(f),
                        );
                        form.setFieldValue('name', name);
                        if (added.length > 0) form.setFieldValue('flags', [...form.values.flags, ...added]);
                      }}
                    />
                    <TextInput label="Dose" {...form.getInputProps('dose')} />
                    <ClinicDateInput label="Medicine started" {...form.getInputProps('startedOn')} />
                    <ClinicDateInput label="Medicine stopped" {...form.getInputProps('stoppedOn')} />
                  </SimpleGrid>
                  {suggested.length > 0 && (
                    <Alert
                      color="orange"
                      variant="light"
                      title={
                        unconfirmed.length > 0
                          ? 'Suggested from the name but unticked — say why below'
                          : 'Ticked from the name — untick only if it does not apply'
                      }
                      role="status"
                    >
                      <Stack gap={4}>
                        {suggested.map((f) => (
                          <Text key={f} size="sm">
                            <b>{medicationFlags.labels[f]}</b>: {medicationFlagAdvice[f].advice}
                          </Text>
                        ))}
                      </Stack>
                    </Alert>
                  )}
                  <Checkbox.Group label="Exercise flags (confirm)" {...form.getInputProps('flags')}>
                    <Group mt="xs">
                      {medicationFlags.values.map((f) => (
                        <Checkbox
                          key={f}
                          value={f}
                          label={`${medicationFlags.labels[f]}${suggested.includes(f) ? ' (suggested)' : ''}`}
                        />
                      ))}
                    </Group>
                  </Checkbox.Group>
                  {unconfirmed.length > 0 && (
                    <TextInput
                      label="Why the suggested flag does not apply"
                      withAsterisk
                      placeholder="e.g. eye drops, no systemic effect"
                      {...form.getInputProps('flagOverrideReason')}
                    />
                  )}
                </>
              );
            }}
            save={(values, id) =>
              api.intake.saveMedication({
                ...nullify(values),
                flags: values.flags,
                // Only sent while a suggested flag is unticked, so a stale reason is not recorded.
                flagOverrideReason: suggestMedicationFlags(values.name).every((f) => values.flags.includes(f))
                  ? null
                  : values.flagOverrideReason || null,
                patientId: record.patient.id,
                id,
              })
            }
            onSaved={setRecord}
          />
        </>
      )}
    </SectionScreen>
  );
}
