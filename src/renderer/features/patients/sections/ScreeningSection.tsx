import { NativeSelect, NumberInput, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import {
  neuropathyGrades,
  readinessLabels,
  readinessStages,
  type ScreeningView,
} from '../../../../shared/contract/intake';
import { todayLocal } from '../../../../shared/dates';
import { formatClinicDate } from '../../../dates';
import { api } from '../../../api';
import { blankify, nullify, SectionScreen } from '../shared';
import { ListEditor } from './ListEditor';
import { ClinicDateInput } from '../../../components/ClinicDateInput';

const n = '' as number | '';
const blank = {
  screenedOn: '',
  fatigue: n,
  pain: n,
  painSite: '',
  breathlessness: n,
  nausea: n,
  neuropathy: '' as (typeof neuropathyGrades)[number] | '',
  sleepQuality: n,
  energy: n,
  ecog: n,
  fallsLast6Months: n,
  currentActivity: '',
  exerciseFear: n,
  readiness: '' as (typeof readinessStages)[number] | '',
  priorities: '',
};

const ecogLabels = [
  '0 — Fully active',
  '1 — Restricted in strenuous activity, ambulatory',
  '2 — Ambulatory, self-care, up >50% of waking hours',
  '3 — Limited self-care, in bed or chair >50% of waking hours',
  '4 — Completely disabled',
];

export function ScreeningSection() {
  return (
    <SectionScreen title="Baseline screening">
      {(record, setRecord) => (
        <ListEditor<ScreeningView, typeof blank>
          noun="screening"
          items={record.screenings}
          blank={{ ...blank, screenedOn: todayLocal() }}
          toValues={(s) => blankify(s) as unknown as typeof blank}
          describe={(s) => (
            <Stack gap={2}>
              <Text fw={600}>Screened {formatClinicDate(s.screenedOn)}</Text>
              <Text size="sm">
                Fatigue {s.fatigue ?? '—'}/10 · Pain {s.pain ?? '—'}/10{s.painSite ? ` (${s.painSite})` : ''} ·
                Breathlessness {s.breathlessness ?? '—'}/10 · Nausea {s.nausea ?? '—'}/10 · ECOG {s.ecog ?? '—'} · Falls
                (6 mo) {s.fallsLast6Months ?? '—'}
              </Text>
              {s.priorities && <Text size="sm">Priorities: “{s.priorities}”</Text>}
            </Stack>
          )}
          fields={(form) => {
            // Symptom items run 0 = none to 10 = worst; sleep quality and energy the other way round.
            const score = (key: keyof typeof blank, label: string, anchors = '0 = none, 10 = worst') => (
              <NumberInput
                clampBehavior="none"
                label={label}
                description={anchors}
                min={0}
                max={10}
                {...form.getInputProps(key)}
              />
            );
            return (
              <>
                <SimpleGrid cols={{ base: 2, md: 4 }}>
                  <ClinicDateInput label="Screening date" withAsterisk {...form.getInputProps('screenedOn')} />
                  {score('fatigue', 'Fatigue')}
                  {score('pain', 'Pain')}
                  <TextInput label="Pain site" {...form.getInputProps('painSite')} />
                  {score('breathlessness', 'Breathlessness')}
                  {score('nausea', 'Nausea')}
                  {score('sleepQuality', 'Sleep quality', '0 = worst, 10 = best')}
                  {score('energy', 'Energy', '0 = worst, 10 = best')}
                  <NativeSelect
                    label="Neuropathy"
                    data={[
                      { value: '', label: 'Not assessed' },
                      ...neuropathyGrades.map((g) => ({ value: g, label: g.charAt(0).toUpperCase() + g.slice(1) })),
                    ]}
                    {...form.getInputProps('neuropathy')}
                  />
                  <NativeSelect
                    label="ECOG performance status"
                    data={[
                      { value: '', label: 'Not assessed' },
                      ...ecogLabels.map((label, i) => ({ value: String(i), label })),
                    ]}
                    value={form.values.ecog === '' ? '' : String(form.values.ecog)}
                    error={form.errors.ecog}
                    onChange={(e) =>
                      form.setFieldValue('ecog', e.currentTarget.value === '' ? '' : Number(e.currentTarget.value))
                    }
                  />
                  <NumberInput
                    clampBehavior="none"
                    label="Falls in the last 6 months"
                    min={0}
                    max={99}
                    {...form.getInputProps('fallsLast6Months')}
                  />
                  {score('exerciseFear', 'Fear or anxiety about exercise')}
                  <NativeSelect
                    label="Readiness to start"
                    data={[
                      { value: '', label: 'Not asked' },
                      ...readinessStages.map((r) => ({ value: r, label: readinessLabels[r] })),
                    ]}
                    {...form.getInputProps('readiness')}
                  />
                </SimpleGrid>
                <Textarea label="Current activity" autosize minRows={2} {...form.getInputProps('currentActivity')} />
                <Textarea
                  label="The patient's own priorities"
                  autosize
                  minRows={2}
                  {...form.getInputProps('priorities')}
                />
              </>
            );
          }}
          save={(values, id) => api.intake.saveScreening({ ...nullify(values), patientId: record.patient.id, id })}
          onSaved={setRecord}
        />
      )}
    </SectionScreen>
  );
}
