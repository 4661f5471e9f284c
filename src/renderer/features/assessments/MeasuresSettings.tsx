import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Radio,
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
import { api } from '../../api';
import { showApiError, showSaved } from '../../components/forms';
import { announceMeasuresChanged, useLoad, useMeasureDefinitions } from './hooks';

const blank = {
  name: '',
  unit: '',
  better: '' as 'higher' | 'lower' | '',
  mcid: '' as number | string,
  source: '',
  decimals: 0 as number | string,
  rangeMin: 0 as number | string,
  rangeMax: 100 as number | string,
  instructions: '',
};

/** The clinic's own measures: name, unit, better direction, MCID and its source. */
export function CustomMeasuresPanel() {
  const measures = useMeasureDefinitions();
  const [saving, setSaving] = useState(false);
  const form = useForm({ initialValues: blank });
  const submit = form.onSubmit(async (v) => {
    setSaving(true);
    try {
      const created = await api.measures.createCustom({
        name: v.name,
        unit: v.unit,
        better: v.better as 'higher' | 'lower',
        mcid: typeof v.mcid === 'number' ? v.mcid : null,
        source: v.source,
        decimals: Number(v.decimals),
        rangeMin: Number(v.rangeMin),
        rangeMax: Number(v.rangeMax),
        instructions: v.instructions,
      });
      showSaved(`${created.name} added to the clinic’s measures`);
      form.reset();
      announceMeasuresChanged();
    } catch (error) {
      showApiError(error, form);
    } finally {
      setSaving(false);
    }
  });
  const active = measures.custom.filter((m) => !m.retired);
  return (
    <Stack gap="md">
      {active.length > 0 && (
        <Table aria-label="Clinic measures" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Measure</Table.Th>
              <Table.Th>Unit</Table.Th>
              <Table.Th>Better</Table.Th>
              <Table.Th>MCID (source)</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {active.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>{m.name}</Table.Td>
                <Table.Td>{m.unit}</Table.Td>
                <Table.Td>{m.better === 'higher' ? 'Higher' : 'Lower'}</Table.Td>
                <Table.Td>{m.mcid == null ? 'None set' : `${m.mcid} ${m.unit} (${m.source})`}</Table.Td>
                <Table.Td>
                  <Button
                    variant="subtle"
                    color="gray"
                    size="sm"
                    onClick={() =>
                      api.measures
                        .retireCustom({ measureId: m.id })
                        .then(() => announceMeasuresChanged())
                        .catch((e: unknown) => showApiError(e))
                    }
                  >
                    Retire
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Paper withBorder p="md" radius="md" component="section" aria-label="Add a clinic measure">
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Title order={4} size="h5">
              Add a clinic measure
            </Title>
            <SimpleGrid cols={{ base: 2, md: 3 }}>
              <TextInput label="Measure name" withAsterisk {...form.getInputProps('name')} />
              <TextInput label="Unit" withAsterisk placeholder="e.g. s, m, points" {...form.getInputProps('unit')} />
              <Radio.Group label="Better when" withAsterisk {...form.getInputProps('better')}>
                <Group mt="xs">
                  <Radio value="higher" label="Higher" />
                  <Radio value="lower" label="Lower" />
                </Group>
              </Radio.Group>
              <NumberInput
                label="MCID"
                description="Smallest meaningful change"
                min={0}
                hideControls
                {...form.getInputProps('mcid')}
              />
              <TextInput
                label="Source of the MCID"
                description="Paper or clinic audit"
                {...form.getInputProps('source')}
              />
              <NumberInput
                label="Decimal places"
                clampBehavior="none"
                min={0}
                max={3}
                {...form.getInputProps('decimals')}
              />
              <NumberInput label="Lowest possible value" hideControls {...form.getInputProps('rangeMin')} />
              <NumberInput label="Highest possible value" hideControls {...form.getInputProps('rangeMax')} />
            </SimpleGrid>
            <Textarea label="How to administer" autosize minRows={2} {...form.getInputProps('instructions')} />
            <Group justify="flex-end">
              <Button type="submit" loading={saving}>
                Add measure
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}

/** The measures a new assessment form lists before the clinician changes anything. */
export function DefaultBatteryPanel() {
  const measures = useMeasureDefinitions();
  const battery = useLoad(() => api.measures.defaultBattery({}), [], 'the default battery');
  const [chosen, setChosen] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (battery.value) setChosen(battery.value);
  }, [battery.value]);
  const save = async () => {
    setSaving(true);
    try {
      const saved = await api.measures.setDefaultBattery({ measureKeys: chosen });
      battery.setValue(saved);
      showSaved('Default battery saved');
    } catch (error) {
      showApiError(error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Stack gap="sm">
      <Checkbox.Group label="Measures on every new assessment" value={chosen} onChange={setChosen}>
        <SimpleGrid cols={{ base: 2, md: 3 }} mt="xs" spacing="xs">
          {measures.recordable.map((d) => (
            <Checkbox key={d.key} value={d.key} label={d.name} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          Clinicians can add or leave out measures on each assessment.
        </Text>
        <Button onClick={() => void save()} loading={saving}>
          Save default battery
        </Button>
      </Group>
    </Stack>
  );
}
