import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { IconCheck, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import type { IntakeRecord } from '../../../../shared/contract/intake';
import { showApiError } from '../../../components/forms';

/**
 * One intake list (lesions, treatments, medicines…): the saved entries, each editable, and a form
 * that adds a new one or edits the chosen one. Nothing is deleted; entries are ended or marked
 * inactive. A refusal keeps everything typed and puts each message under its field.
 */
export function ListEditor<Row extends { id: string }, Values extends Record<string, unknown>>(props: {
  noun: string;
  plural?: string;
  items: Row[];
  blank: Values;
  toValues(row: Row): Values;
  describe(row: Row): ReactNode;
  fields(form: UseFormReturnType<Values>): ReactNode;
  save(values: Values, id: string | null): Promise<IntakeRecord>;
  onSaved(record: IntakeRecord): void;
  empty?: string;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // Confirmed beside the button rather than in a toast, which would cover the next Save button.
  const [saved, setSaved] = useState<string | null>(null);
  const form = useForm<Values>({ initialValues: props.blank });
  const startEdit = (row: Row) => {
    setEditing(row.id);
    form.setValues(props.toValues(row));
    form.resetDirty();
    form.clearErrors();
  };
  const cancel = () => {
    setEditing(null);
    form.setValues(props.blank);
    form.clearErrors();
  };
  const submit = form.onSubmit(async (values) => {
    setSaving(true);
    setSaved(null);
    try {
      const record = await props.save(values, editing);
      setSaved(`${props.noun.charAt(0).toUpperCase()}${props.noun.slice(1)} saved`);
      props.onSaved(record);
      cancel();
    } catch (error) {
      showApiError(error, form);
    } finally {
      setSaving(false);
    }
  });
  return (
    <Stack gap="md">
      <Stack gap="xs" role="group" aria-label={`Saved ${props.plural ?? `${props.noun}s`}`}>
        {props.items.map((row) => (
          <Paper
            key={row.id}
            withBorder
            p="md"
            radius="md"
            bg={editing === row.id ? 'var(--mantine-color-default-hover)' : undefined}
          >
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <div style={{ flex: 1 }}>{props.describe(row)}</div>
              <Button variant="default" size="sm" leftSection={<IconPencil size={16} />} onClick={() => startEdit(row)}>
                Edit
              </Button>
            </Group>
          </Paper>
        ))}
        {props.items.length === 0 && (
          <Text c="dimmed">{props.empty ?? `No ${props.plural ?? `${props.noun}s`} recorded yet.`}</Text>
        )}
      </Stack>
      <Paper withBorder p="lg" radius="md">
        <form onSubmit={submit} noValidate aria-label={editing ? `Edit ${props.noun}` : `Add ${props.noun}`}>
          <Stack gap="md">
            <Title order={3} size="h4">
              <Group gap="xs">
                {editing ? <IconPencil size={20} /> : <IconPlus size={20} />}
                {editing ? `Edit ${props.noun}` : `Add ${props.noun}`}
              </Group>
            </Title>
            {props.fields(form)}
            <Group justify="flex-end">
              {saved && (
                <Text role="status" c="teal" fw={600} size="sm">
                  <IconCheck size={16} style={{ verticalAlign: 'text-bottom' }} /> {saved}
                </Text>
              )}
              {editing && (
                <Button variant="default" onClick={cancel}>
                  Cancel edit
                </Button>
              )}
              <Button type="submit" loading={saving}>
                Save {props.noun}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
