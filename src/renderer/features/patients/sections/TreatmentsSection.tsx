import {
  ActionIcon,
  Badge,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import type { TreatmentView } from '../../../../shared/contract/intake';
import { formatClinicDate } from '../../../dates';
import { treatmentTypes, type TreatmentType } from '../../../../shared/domain/vocabulary';
import { api } from '../../../api';
import { cycleDayText, nullify, options, SectionScreen } from '../shared';
import { ListEditor } from './ListEditor';
import { ClinicDateInput } from '../../../components/ClinicDateInput';

const blank = {
  type: '' as TreatmentType | '',
  regimen: '',
  startDate: '',
  endDate: '',
  cycleLengthDays: '' as number | '',
  day1Dates: [] as string[],
  notes: '',
};

export function TreatmentsSection() {
  return (
    <SectionScreen title="Treatments">
      {(record, setRecord) => (
        <ListEditor<TreatmentView, typeof blank>
          noun="treatment"
          items={record.treatments}
          blank={blank}
          toValues={(t) => ({
            type: t.type,
            regimen: t.regimen ?? '',
            startDate: t.startDate,
            endDate: t.endDate ?? '',
            cycleLengthDays: t.cycleLengthDays ?? '',
            day1Dates: t.day1Dates,
            notes: t.notes ?? '',
          })}
          describe={(t) => (
            <Stack gap={2}>
              <Group gap="xs">
                <Text fw={600}>
                  {treatmentTypes.labels[t.type]}: {t.regimen}
                </Text>
                {t.activeToday ? <Badge color="grape">Current</Badge> : <Badge color="gray">Not current</Badge>}
                {t.cycleDayToday && (
                  <Badge color="grape" variant="light" style={{ textTransform: 'none' }}>
                    Today: {cycleDayText(t.cycleDayToday)}
                  </Badge>
                )}
              </Group>
              <Text size="sm">
                {formatClinicDate(t.startDate)} – {t.endDate ? formatClinicDate(t.endDate) : 'ongoing'}
                {t.cycleLengthDays ? ` · every ${t.cycleLengthDays} days` : ''}
              </Text>
              {t.day1Dates.length > 0 && (
                <Text size="sm" c="dimmed">
                  Day 1s: {t.day1Dates.map(formatClinicDate).join(', ')}
                </Text>
              )}
            </Stack>
          )}
          fields={(form) => (
            <>
              <SimpleGrid cols={{ base: 2, md: 3 }}>
                <NativeSelect
                  label="Treatment type"
                  withAsterisk
                  data={options(treatmentTypes, 'Choose…')}
                  {...form.getInputProps('type')}
                />
                <TextInput
                  label="Regimen"
                  withAsterisk
                  placeholder="e.g. Paclitaxel 3-weekly"
                  {...form.getInputProps('regimen')}
                />
                <NumberInput
                  clampBehavior="none"
                  label="Cycle length (days)"
                  description="For cyclical treatment, e.g. 21"
                  min={7}
                  max={90}
                  {...form.getInputProps('cycleLengthDays')}
                />
                <ClinicDateInput label="Start date" withAsterisk {...form.getInputProps('startDate')} />
                <ClinicDateInput label="End date" {...form.getInputProps('endDate')} />
              </SimpleGrid>
              <Stack gap="xs">
                <Text fw={500} size="sm">
                  Day-1 dates
                </Text>
                {form.errors.day1Dates && (
                  <Text c="red" size="sm">
                    {form.errors.day1Dates}
                  </Text>
                )}
                <Group gap="sm">
                  {form.values.day1Dates.map((_, i) => (
                    <Group key={i} gap={4} align="flex-end" wrap="nowrap">
                      <ClinicDateInput label={`Day-1 date ${i + 1}`} {...form.getInputProps(`day1Dates.${i}`)} />
                      <ActionIcon
                        variant="subtle"
                        size="lg"
                        mb={4}
                        aria-label={`Remove day-1 date ${i + 1}`}
                        onClick={() => form.removeListItem('day1Dates', i)}
                      >
                        <IconX size={18} />
                      </ActionIcon>
                    </Group>
                  ))}
                </Group>
                <Group>
                  <Button
                    variant="light"
                    leftSection={<IconPlus size={18} />}
                    onClick={() => form.insertListItem('day1Dates', '')}
                  >
                    Add day-1 date
                  </Button>
                </Group>
              </Stack>
              <Textarea label="Notes" autosize minRows={2} {...form.getInputProps('notes')} />
            </>
          )}
          save={(values, id) =>
            api.intake.saveTreatment({
              ...nullify(values),
              patientId: record.patient.id,
              id,
              type: values.type as TreatmentType,
              day1Dates: values.day1Dates.filter(Boolean),
              cycleLengthDays: values.cycleLengthDays === '' ? null : values.cycleLengthDays,
            })
          }
          onSaved={setRecord}
        />
      )}
    </SectionScreen>
  );
}
