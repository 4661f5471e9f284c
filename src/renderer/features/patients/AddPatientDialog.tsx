import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  List,
  Modal,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { IconUsers } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { PatientMatch, PatientSummary } from '../../../shared/contract/patients';
import type { Clinician } from '../../../shared/contract/setup';
import { useAppState } from '../../app/AppStateContext';
import { formatClinicDate } from '../../dates';
import { sexes, type Sex } from '../../../shared/domain/vocabulary';
import { api } from '../../api';
import { showApiError, showSaved } from '../../components/forms';
import { ClinicDateInput } from '../../components/ClinicDateInput';

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
  const matches = useMatches(form.values);
  // The tick answers for the people listed when it was given: a different match asks again.
  const [confirmedFor, setConfirmedFor] = useState<string | null>(null);
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const sameNameAndBirth = matches.some((m) => m.reason === 'name_and_birth');
  const matchKey = matches.map((m) => m.patient.id).join(',');
  const differentPerson = confirmedFor === matchKey;
  const setDifferentPerson = (checked: boolean) => setConfirmedFor(checked ? matchKey : null);

  const close = () => {
    form.reset();
    setDifferentPerson(false);
    props.onClose();
  };

  const submit = form.onSubmit(async (values) => {
    if (sameNameAndBirth && !differentPerson) {
      setConfirmError('Open the existing record, or tick this box if this is a different person');
      return;
    }
    setConfirmError(null);
    setSaving(true);
    try {
      const patient = await api.patients.create({
        ...values,
        sex: values.sex as Sex,
        leadClinicianId: values.leadClinicianId || null,
      });
      showSaved(`${patient.givenName} ${patient.familyName} added to the caseload`);
      form.reset();
      setDifferentPerson(false);
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
            <ClinicDateInput label="Date of birth" withAsterisk {...form.getInputProps('dateOfBirth')} />
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
          {matches.length > 0 && (
            <Alert color="yellow" icon={<IconUsers size={18} />} title="This may be someone already on the caseload">
              <Stack gap="xs">
                <List size="sm" spacing={4}>
                  {matches.map((m) => (
                    <List.Item key={m.patient.id}>
                      <Anchor component={Link} to={`/patients/${m.patient.id}`} onClick={close}>
                        {m.patient.givenName} {m.patient.familyName}
                      </Anchor>
                      , born {formatClinicDate(m.patient.dateOfBirth)}, MRN {m.patient.mrn} —{' '}
                      {m.reason === 'mrn' ? 'same hospital number' : 'same name and date of birth'}
                    </List.Item>
                  ))}
                </List>
                {sameNameAndBirth && (
                  <Checkbox
                    label="This is a different person: add them anyway"
                    checked={differentPerson}
                    error={confirmError}
                    onChange={(e) => {
                      setDifferentPerson(e.currentTarget.checked);
                      setConfirmError(null);
                    }}
                  />
                )}
                {!sameNameAndBirth && (
                  <Text size="sm">A hospital number belongs to one person: open their record instead.</Text>
                )}
              </Stack>
            </Alert>
          )}
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

/** Existing patients who match what has been typed so far, looked up after a pause in typing. */
function useMatches(values: typeof blank): PatientMatch[] {
  const [debounced] = useDebouncedValue(
    { givenName: values.givenName, familyName: values.familyName, dateOfBirth: values.dateOfBirth, mrn: values.mrn },
    300,
  );
  const [matches, setMatches] = useState<PatientMatch[]>([]);
  const key = JSON.stringify(debounced);
  useEffect(() => {
    let live = true;
    const query = JSON.parse(key) as typeof debounced;
    if (!query.mrn.trim() && !(query.givenName.trim() && query.familyName.trim() && query.dateOfBirth)) {
      setMatches([]);
      return;
    }
    api.patients
      .findMatches(query)
      .then((found) => live && setMatches(found))
      // A half-typed value the contract refuses is not a duplicate; the form shows its own message on save.
      .catch(() => live && setMatches([]));
    return () => {
      live = false;
    };
  }, [key]);
  return matches;
}
