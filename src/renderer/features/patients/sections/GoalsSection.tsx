import { Badge, Button, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { GoalView } from '../../../../shared/contract/intake';
import { formatClinicDate } from '../../../dates';
import { goalCategories, goalStatuses, type GoalCategory, type GoalStatus } from '../../../../shared/domain/vocabulary';
import { api } from '../../../api';
import { nullify, options, SectionScreen } from '../shared';
import { ListEditor } from './ListEditor';
import { ClinicDateInput } from '../../../components/ClinicDateInput';

const blank = {
  inOwnWords: '',
  category: '' as GoalCategory | '',
  measureKey: '',
  targetValue: '',
  targetDate: '',
  status: 'active' as GoalStatus,
  achievedOn: '',
  milestones: [] as Array<{ id: string; description: string; targetDate: string; achievedOn: string }>,
};

export function GoalsSection() {
  return (
    <SectionScreen title="Goals">
      {(record, setRecord) => (
        <ListEditor<GoalView, typeof blank>
          noun="goal"
          items={record.goals}
          blank={blank}
          toValues={(g) => ({
            inOwnWords: g.inOwnWords,
            category: g.category,
            measureKey: g.measureKey ?? '',
            targetValue: g.targetValue ?? '',
            targetDate: g.targetDate ?? '',
            status: g.status,
            achievedOn: g.achievedOn ?? '',
            milestones: g.milestones.map((m) => ({
              id: m.id,
              description: m.description,
              targetDate: m.targetDate ?? '',
              achievedOn: m.achievedOn ?? '',
            })),
          })}
          describe={(g) => (
            <Stack gap={2}>
              <Group gap="xs">
                <Text fw={600}>“{g.inOwnWords}”</Text>
                <Badge variant="light">{goalCategories.labels[g.category]}</Badge>
                <Badge variant="light" color={g.status === 'achieved' ? 'teal' : 'gray'}>
                  {goalStatuses.labels[g.status]}
                </Badge>
              </Group>
              {(g.measureKey || g.targetDate) && (
                <Text size="sm">
                  {g.measureKey ? `${g.measureKey}${g.targetValue ? ` → ${g.targetValue}` : ''}` : ''}
                  {g.targetDate ? ` · by ${formatClinicDate(g.targetDate)}` : ''}
                </Text>
              )}
              {g.milestones.map((m) => (
                <Text key={m.id} size="sm">
                  {m.achievedOn ? '✓' : '○'} {m.description}
                  {m.targetDate ? ` (by ${formatClinicDate(m.targetDate)})` : ''}
                </Text>
              ))}
            </Stack>
          )}
          fields={(form) => (
            <>
              <Textarea
                label="Goal in the patient's own words"
                withAsterisk
                autosize
                minRows={2}
                {...form.getInputProps('inOwnWords')}
              />
              <SimpleGrid cols={{ base: 2, md: 3 }}>
                <NativeSelect
                  label="Goal category"
                  withAsterisk
                  data={options(goalCategories, 'Choose…')}
                  {...form.getInputProps('category')}
                />
                <TextInput label="Measure" placeholder="e.g. 6-minute walk" {...form.getInputProps('measureKey')} />
                <TextInput label="Target" placeholder="e.g. 400 m" {...form.getInputProps('targetValue')} />
                <ClinicDateInput label="Target date" {...form.getInputProps('targetDate')} />
                <NativeSelect label="Goal status" data={options(goalStatuses)} {...form.getInputProps('status')} />
                <ClinicDateInput label="Date achieved" {...form.getInputProps('achievedOn')} />
              </SimpleGrid>
              <Stack gap="xs">
                <Text fw={500} size="sm">
                  Milestones
                </Text>
                {form.values.milestones.map((_, i) => (
                  <Group key={i} grow align="flex-start">
                    <TextInput label={`Milestone ${i + 1}`} {...form.getInputProps(`milestones.${i}.description`)} />
                    <ClinicDateInput
                      label={`Milestone ${i + 1} target date`}
                      {...form.getInputProps(`milestones.${i}.targetDate`)}
                    />
                    <ClinicDateInput
                      label={`Milestone ${i + 1} achieved on`}
                      {...form.getInputProps(`milestones.${i}.achievedOn`)}
                    />
                  </Group>
                ))}
                <Group>
                  <Button
                    variant="light"
                    leftSection={<IconPlus size={18} />}
                    onClick={() =>
                      form.insertListItem('milestones', { id: '', description: '', targetDate: '', achievedOn: '' })
                    }
                  >
                    Add milestone
                  </Button>
                </Group>
              </Stack>
            </>
          )}
          save={(values, id) => api.intake.saveGoal({ ...nullify(values), patientId: record.patient.id, id } as never)}
          onSaved={setRecord}
        />
      )}
    </SectionScreen>
  );
}
