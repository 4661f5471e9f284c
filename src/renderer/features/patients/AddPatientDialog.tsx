import { Button, Group, Modal, NativeSelect, Radio, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import type { PatientSummary } from '../../../shared/contract/patients';
import type { Clinician } from '../../../shared/contract/setup';
import { useAppState } from '../../app/AppStateContext';
import { todayLocal } from '../../../shared/dates';
import { sexes, type Sex } from '../../../shared/domain/vocabulary';
import { api } from '../../api';
import { showApiError, showSaved } from '../../components/forms';

const blank = {
  givenName: '',
  familyName: '',
  preferredName: '',
  dateOfBirth: '',
  sex: '' as Sex | '',
  mrn: '',
  leadClinicianId: '',
};

/** Only what identifies the person is asked for here; the rest of intake is done section by section. */
export function AddPatientDialog(props: { opened: boolean; onClose(): void; onAdded(patient: PatientSummary): void }) {
  const [saving, setSaving] = useState(false);
  const { state } = useAppState();
  const [clinicians, setClinicians] = useState<Clinician[]>([]);
  // The clinician who admits the patient leads their care unless another is chosen.
  const form = useForm({ initialValues: { ...blank, leadClinicianId: state.currentClinician?.id ?? '' } });
  useEffect(() => {
    if (!props.opened) return;
    api.clinicians
      .list({})
      .then((all) => setClinicians(all.filter((c) => c.active)))
      .catch(() => undefined);
  }, [props.opened]);

  const close = () => {
    form.reset();
    props.onClose();
  };

  const submit = form.onSubmit(async (values) => {
    setSaving(true);
    try {
      const patient = await api.patients.create({
        ...values,
        sex: values.sex as Sex,
        leadClinicianId: values.leadClinicianId || null,
      });
      showSaved(`${patient.givenName} ${patient.familyName} added to the caseload`);
      form.reset();
      props.onAdded(patient);
    } catch (error) {
      showApiError(error, form);
    } finally {
      setSaving(false);
    }
  });

  return (
    <Modal opened={props.opened} onClose={close} title="Add patient" size="lg" radius="lg">
      <form onSubmit={submit} noValidate aria-label="Add patient">
        <Stack gap="md">
          <SimpleGrid cols={2}>
            <TextInput label="Given name" withAsterisk data-autofocus {...form.getInputProps('givenName')} />
            <TextInput label="Family name" withAsterisk {...form.getInputProps('familyName')} />
            <TextInput
              label="Preferred name"
              description="What they like to be called"
              {...form.getInputProps('preferredName')}
            />
            <TextInput label="Hospital number (MRN)" withAsterisk {...form.getInputProps('mrn')} />
            <TextInput
              label="Date of birth"
              type="date"
              withAsterisk
              max={todayLocal()}
              {...form.getInputProps('dateOfBirth')}
            />
          </SimpleGrid>
          <Radio.Group label="Sex" withAsterisk {...form.getInputProps('sex')}>
            <Group mt="xs" gap="lg">
              {sexes.values.map((value) => (
                <Radio key={value} value={value} label={sexes.labels[value]} />
              ))}
            </Group>
          </Radio.Group>
          <NativeSelect
            label="Lead clinician"
            data={[{ value: '', label: 'None yet' }, ...clinicians.map((c) => ({ value: c.id, label: c.fullName }))]}
            {...form.getInputProps('leadClinicianId')}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              Save patient
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
