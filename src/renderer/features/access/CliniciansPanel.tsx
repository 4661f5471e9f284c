import {
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import type { Role } from '../../../shared/contract/access';
import type { Clinician } from '../../../shared/contract/setup';
import { professions, type Profession } from '../../../shared/domain/vocabulary';
import { api } from '../../api';
import { useAppState } from '../../app/AppStateContext';
import { showApiError, showSaved } from '../../components/forms';
import { PassphraseFields } from './PassphraseFields';

const roleLabels: Record<Role, string> = { clinician: 'Clinician', administrator: 'Administrator' };

/** Every clinician; an administrator adds them, sets passphrases, changes roles and deactivates (never deletes). */
export function CliniciansPanel() {
  const { state } = useAppState();
  const isAdmin = state.currentClinician?.role === 'administrator';
  const [clinicians, setClinicians] = useState<Clinician[]>([]);
  const [passphraseFor, setPassphraseFor] = useState<Clinician | null>(null);
  const [activeFor, setActiveFor] = useState<Clinician | null>(null);
  const load = () =>
    api.clinicians
      .list({})
      .then(setClinicians)
      .catch((e: unknown) => showApiError(e));
  useEffect(() => {
    void load();
  }, []);

  const setRole = async (c: Clinician, role: Role) => {
    try {
      await api.access.setRole({ clinicianId: c.id, role });
      showSaved(`${c.fullName} is now ${roleLabels[role].toLowerCase()}`);
      await load();
    } catch (error) {
      showApiError(error);
    }
  };

  return (
    <Stack gap="md">
      <Table verticalSpacing="xs" aria-label="Clinicians">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Sign-in name</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th>Status</Table.Th>
            {isAdmin && <Table.Th>Actions</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {clinicians.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                {c.fullName}
                <Text size="xs" c="dimmed">
                  {professions.labels[c.profession]}
                  {c.registrationNumber ? ` · ${c.registrationNumber}` : ''}
                </Text>
              </Table.Td>
              <Table.Td>{c.login ?? '—'}</Table.Td>
              <Table.Td>
                {isAdmin && c.active ? (
                  <Select
                    aria-label={`Role of ${c.fullName}`}
                    data={(Object.keys(roleLabels) as Role[]).map((r) => ({ value: r, label: roleLabels[r] }))}
                    value={c.role}
                    allowDeselect={false}
                    w={190}
                    onChange={(value) => value && value !== c.role && void setRole(c, value as Role)}
                  />
                ) : (
                  roleLabels[c.role]
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={600} c={!c.active ? 'dimmed' : c.canSignIn ? 'teal' : 'orange'}>
                  {!c.active ? 'Deactivated' : c.canSignIn ? 'Can sign in' : 'No passphrase yet'}
                </Text>
                {c.active && c.canSignIn && c.mustChoosePassphrase && (
                  <Text size="xs" c="dimmed">
                    Chooses their own passphrase at the next sign-in
                  </Text>
                )}
                {state.currentClinician?.id === c.id && (
                  <Text size="xs" c="dimmed">
                    Signed in now (you)
                  </Text>
                )}
              </Table.Td>
              {isAdmin && (
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    {c.active && (
                      <Button variant="default" size="sm" onClick={() => setPassphraseFor(c)}>
                        Set passphrase
                      </Button>
                    )}
                    {state.currentClinician?.id !== c.id && (
                      <Button
                        variant="default"
                        size="sm"
                        color={c.active ? 'red' : undefined}
                        onClick={() => setActiveFor(c)}
                      >
                        {c.active ? 'Deactivate' : 'Reactivate'}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {isAdmin ? (
        <AddClinicianForm onAdded={load} />
      ) : (
        <Text size="sm" c="dimmed">
          A clinic administrator adds clinicians and sets their passphrases.
        </Text>
      )}
      {passphraseFor && (
        <SetPassphraseModal clinician={passphraseFor} onClose={() => setPassphraseFor(null)} onDone={load} />
      )}
      {activeFor && <SetActiveModal clinician={activeFor} onClose={() => setActiveFor(null)} onDone={load} />}
    </Stack>
  );
}

function AddClinicianForm(props: { onAdded(): Promise<unknown> }) {
  const form = useForm({
    initialValues: {
      fullName: '',
      profession: '' as Profession | '',
      registrationNumber: '',
      login: '',
      role: 'clinician' as Role,
      passphrase: '',
      confirmPassphrase: '',
    },
  });
  const add = form.onSubmit(async (values) => {
    try {
      const added = await api.access.addClinician({ ...values, profession: values.profession as Profession });
      showSaved(`${added.fullName} can now sign in as “${added.login}”`);
      form.reset();
      await props.onAdded();
    } catch (error) {
      showApiError(error, form);
    }
  });
  return (
    <form onSubmit={add} noValidate aria-label="Add clinician">
      <Title order={4} size="h5" mb="xs">
        Add a clinician
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label="Full name" withAsterisk {...form.getInputProps('fullName')} />
        <Select
          label="Profession"
          withAsterisk
          data={professions.values.map((value) => ({ value, label: professions.labels[value] }))}
          {...form.getInputProps('profession')}
        />
        <TextInput label="Registration number" {...form.getInputProps('registrationNumber')} />
        <TextInput label="Sign-in name" withAsterisk {...form.getInputProps('login')} />
        <Select
          label="Role"
          withAsterisk
          allowDeselect={false}
          data={(Object.keys(roleLabels) as Role[]).map((r) => ({ value: r, label: roleLabels[r] }))}
          {...form.getInputProps('role')}
        />
      </SimpleGrid>
      <Stack mt="sm" gap="xs">
        <PassphraseFields form={form} label="First passphrase" />
        <Text size="xs" c="dimmed">
          Give it to them in person; they can change it in Settings → My account.
        </Text>
      </Stack>
      <Button type="submit" mt="md" variant="light">
        Add clinician
      </Button>
    </form>
  );
}

function SetPassphraseModal(props: { clinician: Clinician; onClose(): void; onDone(): Promise<unknown> }) {
  const form = useForm({ initialValues: { passphrase: '', confirmPassphrase: '' } });
  const submit = form.onSubmit(async (values) => {
    try {
      await api.access.resetPassphrase({ clinicianId: props.clinician.id, ...values });
      showSaved(`New passphrase set for ${props.clinician.fullName}`);
      props.onClose();
      await props.onDone();
    } catch (error) {
      showApiError(error, form);
    }
  });
  return (
    <Modal opened onClose={props.onClose} title={`Set a passphrase for ${props.clinician.fullName}`} size="md">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">Their old passphrase stops working at once. The change is recorded in the audit trail.</Text>
          <PassphraseFields form={form} label="New passphrase" />
          <Button type="submit">Set passphrase</Button>
        </Stack>
      </form>
    </Modal>
  );
}

function SetActiveModal(props: { clinician: Clinician; onClose(): void; onDone(): Promise<unknown> }) {
  const deactivating = props.clinician.active;
  const form = useForm({ initialValues: { reason: '' } });
  const submit = form.onSubmit(async ({ reason }) => {
    try {
      await api.access.setActive({ clinicianId: props.clinician.id, active: !deactivating, reason });
      showSaved(`${props.clinician.fullName} ${deactivating ? 'deactivated' : 'reactivated'}`);
      props.onClose();
      await props.onDone();
    } catch (error) {
      showApiError(error, form);
    }
  });
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={`${deactivating ? 'Deactivate' : 'Reactivate'} ${props.clinician.fullName}`}
      size="md"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">
            {deactivating
              ? 'They can no longer sign in; their passphrase stops opening the caseload. Their records and name stay in the history.'
              : 'They can sign in again once you set them a new passphrase.'}
          </Text>
          <Textarea label="Reason" withAsterisk autosize minRows={2} {...form.getInputProps('reason')} />
          <Button type="submit" color={deactivating ? 'red' : undefined}>
            {deactivating ? 'Deactivate' : 'Reactivate'}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
