import {
  Badge,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import {
  boundKind,
  boundText,
  CLINIC_POLICY,
  defaultScreenThresholds,
  movementTagLabels,
  movementTags,
  thresholdKeys,
  thresholdMeta,
  type ThresholdKey,
} from '../../../shared/clinical/session';
import type { ClinicThresholds, Exercise } from '../../../shared/contract/sessions';
import { api } from '../../api';
import { showApiError, showSaved } from '../../components/forms';
import type { SettingsPanel } from '../settings/panels';

const groupLabels = {
  vitals: 'Vital signs',
  bloods: 'Blood results',
  symptoms: 'Symptoms',
  treatment: 'Treatment cycle',
};

/** Sources disagree (FACTS §3): each threshold is the clinic's call, shown with its default and source. */
function ThresholdsPanel() {
  const [view, setView] = useState<ClinicThresholds | null>(null);
  const [values, setValues] = useState<Partial<Record<ThresholdKey, number | ''>>>({});
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    api.safety
      .thresholds({})
      .then((v) => {
        setView(v);
        setValues(Object.fromEntries(thresholdKeys.map((k) => [k, v.thresholds[k].value])));
      })
      .catch((e: unknown) => showApiError(e));
  }, []);
  if (!view) return <Text c="dimmed">Loading…</Text>;
  const changedNow = thresholdKeys.filter((k) => values[k] !== view.thresholds[k].value);
  const save = async () => {
    setErrors({});
    try {
      const next = await api.safety.setThresholds({
        values: Object.fromEntries(changedNow.map((k) => [k, Number(values[k])])),
        reason,
      });
      setView(next);
      setReason('');
      showSaved('Screening thresholds updated; the change is in the audit log');
    } catch (error) {
      showApiError(error, { setErrors });
    }
  };
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        Published sources disagree, so each threshold can be changed. The default and its source are shown beside it;
        every change is recorded with your reason.
      </Text>
      {(['vitals', 'bloods', 'symptoms', 'treatment'] as const).map((group) => (
        <div key={group}>
          <Text fw={650} mt="xs">
            {groupLabels[group]}
          </Text>
          <Table verticalSpacing={6} aria-label={`${groupLabels[group]} thresholds`}>
            <Table.Tbody>
              {thresholdKeys
                .filter((k) => thresholdMeta[k].group === group)
                .map((k) => {
                  const entry = view.thresholds[k];
                  const meta = thresholdMeta[k];
                  const bound = boundText(k, entry.unit);
                  const kind = boundKind(k);
                  return (
                    <Table.Tr key={k}>
                      <Table.Td w={150}>
                        <NumberInput
                          label={entry.label}
                          labelProps={{ style: { display: 'none' } }}
                          aria-label={entry.label}
                          value={values[k] ?? ''}
                          min={kind === 'floor' && meta.bound ? meta.bound.value : meta.min}
                          max={kind === 'ceiling' && meta.bound ? meta.bound.value : meta.max}
                          step={meta.step}
                          decimalScale={meta.step < 1 ? 1 : 0}
                          clampBehavior="none"
                          rightSection={<Text size="xs">{entry.unit}</Text>}
                          rightSectionWidth={64}
                          error={errors[`values.${k}`] ? true : undefined}
                          onChange={(v) => setValues((s) => ({ ...s, [k]: v === '' ? '' : Number(v) }))}
                        />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {entry.label}{' '}
                          {entry.source.startsWith(CLINIC_POLICY) && (
                            <Badge size="xs" color="gray" variant="light">
                              Clinic policy
                            </Badge>
                          )}{' '}
                          {view.changed.includes(k) && (
                            <Badge size="xs" color="orange" variant="light">
                              Changed from {defaultScreenThresholds[k].value}
                            </Badge>
                          )}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {entry.source}
                          {entry.note ? ` — ${entry.note}` : ''}
                        </Text>
                        {bound && (
                          <Text size="xs" fw={600} c="teal">
                            {bound}
                          </Text>
                        )}
                        {errors[`values.${k}`] && (
                          <Text size="sm" c="red" fw={600} role="alert">
                            {errors[`values.${k}`]}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
            </Table.Tbody>
          </Table>
        </div>
      ))}
      <Group align="flex-end">
        <TextInput
          style={{ flex: 1 }}
          label="Reason for the change"
          value={reason}
          error={errors.reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <Button disabled={changedNow.length === 0} onClick={save}>
          Save thresholds
        </Button>
      </Group>
    </Stack>
  );
}

const modalityLabels: Record<Exercise['modality'], string> = {
  aerobic: 'Aerobic',
  resistance: 'Resistance',
  flexibility: 'Flexibility',
  balance: 'Balance',
  breathing_relaxation: 'Breathing and relaxation',
};

function ExerciseLibraryPanel() {
  const [library, setLibrary] = useState<Exercise[]>([]);
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<Exercise | null>(null);
  const load = () =>
    api.exercises
      .list({ includeRetired: true })
      .then(setLibrary)
      .catch((e: unknown) => showApiError(e));
  useEffect(() => {
    void load();
  }, []);
  const form = useForm({
    initialValues: {
      name: '',
      modality: 'resistance' as Exercise['modality'],
      position: 'seated' as Exercise['position'],
      impact: 'none' as Exercise['impact'],
      weightBearing: false,
      chairBased: false,
      tags: [] as string[],
      equipment: '',
      description: '',
    },
  });
  const add = form.onSubmit(async (v) => {
    try {
      const input = {
        ...v,
        tags: v.tags as Exercise['tags'],
        equipment: v.equipment
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      };
      const saved = editing
        ? await api.exercises.update({ ...input, exerciseId: editing.id })
        : await api.exercises.add(input);
      showSaved(editing ? `${saved.name} updated` : `${saved.name} added to the library`);
      setEditing(null);
      form.reset();
      await load();
    } catch (error) {
      showApiError(error, form);
    }
  });
  const shown = library.filter((e) => e.name.toLowerCase().includes(filter.toLowerCase()));
  return (
    <Stack gap="sm">
      <TextInput label="Find an exercise" value={filter} onChange={(e) => setFilter(e.currentTarget.value)} maw={360} />
      <Table.ScrollContainer minWidth={600} mah={420}>
        <Table verticalSpacing={4} aria-label="Exercise library" stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Exercise</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Loads</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((e) => (
              <Table.Tr key={e.id} style={{ opacity: e.retired ? 0.6 : 1 }}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {e.name}
                  </Text>
                  {e.retired && (
                    <Badge size="xs" color="gray">
                      Retired
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {modalityLabels[e.modality]}
                    {e.chairBased ? ' · chair' : ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{e.tags.map((t) => movementTagLabels[t].split(' (')[0]).join(', ') || '—'}</Text>
                </Table.Td>
                <Table.Td ta="right">
                  {/* Side by side and full height (40 px), so a finger does not catch "Retire" for "Edit". */}
                  <Group gap={4} wrap="nowrap" justify="flex-end">
                    <Button
                      size="md"
                      px="sm"
                      variant="subtle"
                      aria-label={`Edit ${e.name}`}
                      onClick={() => {
                        setEditing(e);
                        form.setValues({
                          name: e.name,
                          modality: e.modality,
                          position: e.position,
                          impact: e.impact,
                          weightBearing: e.weightBearing,
                          chairBased: e.chairBased,
                          tags: e.tags,
                          equipment: e.equipment.join(', '),
                          description: e.description,
                        });
                      }}
                    >
                      Edit
                    </Button>
                    <Button
                      size="md"
                      px="sm"
                      variant="subtle"
                      color={e.retired ? undefined : 'gray'}
                      aria-label={e.retired ? `Bring back ${e.name}` : `Retire ${e.name}`}
                      onClick={async () => {
                        try {
                          await api.exercises.retire({ exerciseId: e.id, retired: !e.retired });
                          await load();
                        } catch (error) {
                          showApiError(error);
                        }
                      }}
                    >
                      {e.retired ? 'Bring back' : 'Retire'}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <form onSubmit={add} noValidate aria-label={editing ? `Edit ${editing.name}` : 'Add an exercise to the library'}>
        <Text fw={650} mt="sm">
          {editing ? `Edit ${editing.name}` : 'Add an exercise'}
        </Text>
        <SimpleGrid cols={3} spacing="sm">
          <TextInput label="Exercise name" withAsterisk {...form.getInputProps('name')} />
          <Select
            label="Modality"
            allowDeselect={false}
            data={Object.entries(modalityLabels).map(([value, label]) => ({ value, label }))}
            {...form.getInputProps('modality')}
          />
          <Select
            label="Position"
            allowDeselect={false}
            data={['seated', 'standing', 'supine', 'side_lying', 'prone'].map((v) => ({
              value: v,
              label: v.replace('_', '-'),
            }))}
            {...form.getInputProps('position')}
          />
          <Select
            label="Impact"
            allowDeselect={false}
            data={['none', 'low', 'moderate', 'high']}
            {...form.getInputProps('impact')}
          />
          <TextInput label="Equipment" description="Separate with commas" {...form.getInputProps('equipment')} />
          <Stack gap={6} justify="flex-end">
            <Checkbox label="Weight-bearing" {...form.getInputProps('weightBearing', { type: 'checkbox' })} />
            <Checkbox label="Chair-based" {...form.getInputProps('chairBased', { type: 'checkbox' })} />
          </Stack>
        </SimpleGrid>
        <MultiSelect
          mt="sm"
          label="Movements and loads"
          description="Used to warn when an exercise conflicts with a patient’s bone-lesion restrictions"
          data={movementTags.map((t) => ({ value: t, label: movementTagLabels[t] }))}
          {...form.getInputProps('tags')}
        />
        <Textarea
          mt="sm"
          label="Plain-words description"
          description="Printed on the patient handout"
          withAsterisk
          autosize
          minRows={2}
          {...form.getInputProps('description')}
        />
        <Group mt="sm">
          <Button type="submit" variant="light">
            {editing ? 'Save changes' : 'Add to library'}
          </Button>
          {editing && (
            <Button
              variant="default"
              onClick={() => {
                setEditing(null);
                form.reset();
              }}
            >
              Cancel editing
            </Button>
          )}
        </Group>
      </form>
    </Stack>
  );
}

/** Panels the sessions workflow adds to Settings. */
export const sessionsSettingsPanels: SettingsPanel[] = [
  { id: 'screen-thresholds', title: 'Pre-session screening thresholds', element: <ThresholdsPanel /> },
  { id: 'exercise-library', title: 'Exercise library', element: <ExerciseLibraryPanel /> },
];
