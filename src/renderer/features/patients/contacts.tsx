import {
  Button,
  Group,
  Modal,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import type { ContactView } from '../../../shared/contract/intake';
import { contactRoles, type ContactRole } from '../../../shared/domain/vocabulary';
import { api } from '../../api';
import { showApiError, showSaved } from '../../components/forms';
import { blankify, nullify, options } from './shared';

const blankContact = {
  fullName: '',
  role: '' as ContactRole | '',
  practice: '',
  address: '',
  phone: '',
  email: '',
  fax: '',
  active: true,
};

/** Add or edit one directory entry; used in Settings and inline wherever a contact is picked. */
export function ContactForm(props: {
  contact?: ContactView | null;
  defaultRole?: ContactRole;
  onSaved(contact: ContactView): void;
  onCancel(): void;
}) {
  const form = useForm({
    initialValues: props.contact
      ? { ...blankify(props.contact), active: props.contact.active }
      : { ...blankContact, role: props.defaultRole ?? ('' as ContactRole | '') },
  });
  const [saving, setSaving] = useState(false);
  const submit = form.onSubmit(async (values) => {
    setSaving(true);
    try {
      const saved = await api.contacts.save({
        ...nullify(values),
        id: props.contact?.id ?? null,
        role: values.role as ContactRole,
        active: values.active,
      });
      showSaved(`${saved.fullName} saved in the contacts directory`);
      props.onSaved(saved);
    } catch (error) {
      showApiError(error, form);
    } finally {
      setSaving(false);
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label="Contact">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Contact name" withAsterisk data-autofocus {...form.getInputProps('fullName')} />
          <NativeSelect
            label="Role"
            withAsterisk
            data={options(contactRoles, 'Choose…')}
            {...form.getInputProps('role')}
          />
          <TextInput label="Practice or hospital" {...form.getInputProps('practice')} />
          <TextInput label="Contact phone" {...form.getInputProps('phone')} />
          <TextInput label="Contact email" {...form.getInputProps('email')} />
          <TextInput label="Fax" {...form.getInputProps('fax')} />
        </SimpleGrid>
        <TextInput label="Practice address" {...form.getInputProps('address')} />
        {props.contact && (
          <Switch label="Active in the directory" {...form.getInputProps('active', { type: 'checkbox' })} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={saving}>
            Save contact
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function useContacts() {
  const [contacts, setContacts] = useState<ContactView[]>([]);
  const reload = useCallback(() => {
    api.contacts
      .list({ query: '' })
      .then(setContacts)
      .catch((error: unknown) => showApiError(error));
  }, []);
  useEffect(reload, [reload]);
  return { contacts, reload };
}

/** Picks a directory entry, with "New contact" inline so intake never stops to visit Settings. */
export function ContactPicker(props: {
  label: string;
  value: string;
  onChange(contactId: string): void;
  error?: React.ReactNode;
  defaultRole?: ContactRole;
  withAsterisk?: boolean;
  contacts: ContactView[];
  onContactAdded(contact: ContactView): void;
}) {
  const [adding, setAdding] = useState(false);
  return (
    <>
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <NativeSelect
          style={{ flex: 1 }}
          label={props.label}
          withAsterisk={props.withAsterisk}
          value={props.value}
          error={props.error}
          onChange={(e) => props.onChange(e.currentTarget.value)}
          data={[
            { value: '', label: 'Choose from the directory…' },
            ...props.contacts.map((c) => ({
              value: c.id,
              label: `${c.fullName} — ${contactRoles.labels[c.role]}${c.practice ? `, ${c.practice}` : ''}`,
            })),
          ]}
        />
        <Button variant="light" leftSection={<IconPlus size={18} />} onClick={() => setAdding(true)}>
          New contact
        </Button>
      </Group>
      <Modal opened={adding} onClose={() => setAdding(false)} title="New contact" size="lg">
        <ContactForm
          defaultRole={props.defaultRole}
          onCancel={() => setAdding(false)}
          onSaved={(contact) => {
            setAdding(false);
            props.onContactAdded(contact);
            props.onChange(contact.id);
          }}
        />
      </Modal>
    </>
  );
}

/** Settings → Contacts directory: the clinic-wide list reused across patients. */
export function ContactsDirectory() {
  const [query, setQuery] = useState('');
  const [contacts, setContacts] = useState<ContactView[]>([]);
  const [editing, setEditing] = useState<ContactView | 'new' | null>(null);
  const load = useCallback(() => {
    api.contacts
      .list({ query, includeInactive: true })
      .then(setContacts)
      .catch((error: unknown) => showApiError(error));
  }, [query]);
  useEffect(load, [load]);
  return (
    <Stack gap="sm">
      <Group align="flex-end">
        <TextInput
          label="Search contacts"
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          style={{ flex: 1 }}
        />
        <Button leftSection={<IconPlus size={18} />} onClick={() => setEditing('new')}>
          Add contact
        </Button>
      </Group>
      <Paper withBorder>
        <Table aria-label="Contacts" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Practice</Table.Th>
              <Table.Th>Phone</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {contacts.map((c) => (
              <Table.Tr key={c.id} c={c.active ? undefined : 'dimmed'}>
                <Table.Td>{c.fullName}</Table.Td>
                <Table.Td>{contactRoles.labels[c.role]}</Table.Td>
                <Table.Td>{c.practice ?? '—'}</Table.Td>
                <Table.Td>{c.phone ?? '—'}</Table.Td>
                <Table.Td ta="right">
                  <Button variant="default" onClick={() => setEditing(c)}>
                    Edit {c.fullName}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {contacts.length === 0 && (
          <Text c="dimmed" p="md" ta="center">
            No contacts yet.
          </Text>
        )}
      </Paper>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? 'New contact' : 'Edit contact'}
        size="lg"
      >
        {editing !== null && (
          <ContactForm
            contact={editing === 'new' ? null : editing}
            onCancel={() => setEditing(null)}
            onSaved={() => {
              setEditing(null);
              load();
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
