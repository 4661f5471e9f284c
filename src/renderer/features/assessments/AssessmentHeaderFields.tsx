import { NumberInput, Radio, Group, Select, SimpleGrid, Textarea } from '@mantine/core';
import type { useForm } from '@mantine/form';
import {
  assessmentKindLabels,
  assessmentKinds,
  type RecordedAssessmentKind,
} from '../../../shared/contract/assessments';
import type { Clinician } from '../../../shared/contract/setup';
import { ClinicDateInput } from '../../components/ClinicDateInput';

export interface HeaderValues {
  kind: RecordedAssessmentKind | '';
  assessedOn: string;
  clinicianId: string | null;
  heightCm: number | string;
  weightKg: number | string;
  notes: string;
}

export function headerPayload(values: HeaderValues) {
  return {
    kind: values.kind as RecordedAssessmentKind,
    assessedOn: values.assessedOn,
    clinicianId: values.clinicianId,
    heightCm: typeof values.heightCm === 'number' ? values.heightCm : null,
    weightKg: typeof values.weightKg === 'number' ? values.weightKg : null,
    notes: values.notes,
  };
}

/** Type, date, clinician, height and weight (for the 6MWT prediction) and notes. */
export function AssessmentHeaderFields({
  form,
  clinicians,
  disabled = false,
}: {
  form: ReturnType<typeof useForm<HeaderValues>>;
  clinicians: Clinician[];
  disabled?: boolean;
}) {
  return (
    <>
      <Radio.Group label="Type of assessment" withAsterisk {...form.getInputProps('kind')}>
        <Group mt="xs" gap="xl">
          {assessmentKinds.map((kind) => (
            <Radio key={kind} value={kind} label={assessmentKindLabels[kind]} disabled={disabled} size="md" />
          ))}
        </Group>
      </Radio.Group>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
        <ClinicDateInput
          label="Assessment date"
          withAsterisk
          disabled={disabled}
          {...form.getInputProps('assessedOn')}
        />
        <Select
          label="Clinician"
          withAsterisk
          disabled={disabled}
          data={clinicians.filter((c) => c.active).map((c) => ({ value: c.id, label: c.fullName }))}
          {...form.getInputProps('clinicianId')}
        />
        <NumberInput
          label="Height (cm)"
          description="For the 6MWT prediction"
          clampBehavior="none"
          min={100}
          max={230}
          hideControls
          disabled={disabled}
          {...form.getInputProps('heightCm')}
        />
        <NumberInput
          label="Weight (kg)"
          description="On the day"
          clampBehavior="none"
          min={25}
          max={250}
          decimalScale={1}
          hideControls
          disabled={disabled}
          {...form.getInputProps('weightKg')}
        />
      </SimpleGrid>
      <Textarea label="Notes" autosize minRows={2} disabled={disabled} {...form.getInputProps('notes')} />
    </>
  );
}
