import { Anchor, Badge, Button, Checkbox, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconChartLine, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { assessmentKindLabels, type AssessmentList } from '../../../shared/contract/assessments';
import type { PatientSummary } from '../../../shared/contract/patients';
import type { Clinician } from '../../../shared/contract/setup';
import { todayLocal } from '../../../shared/dates';
import { formatClinicDate } from '../../dates';
import { api } from '../../api';
import { useAppState } from '../../app/AppStateContext';
import { showApiError, showSaved } from '../../components/forms';
import { AssessmentHeaderFields, headerPayload, type HeaderValues } from './AssessmentHeaderFields';
import { useLoad, useMeasureDefinitions } from './hooks';
import { PatientBanner } from './PatientBanner';
import { ScheduleBadge } from './ScheduleBadge';
import { useFocusWhen } from '../../app/focus';

export function patientName(p: PatientSummary | null): string {
  if (!p) return '';
  return `${p.preferredName ?? p.givenName} ${p.familyName}`;
}

function NewAssessmentForm({
  patientId,
  list,
  clinicians,
  onCancel,
}: {
  patientId: string;
  list: AssessmentList;
  clinicians: Clinician[];
  onCancel(): void;
}) {
  const navigate = useNavigate();
  const { state } = useAppState();
  const measures = useMeasureDefinitions();
  const battery = useLoad(() => api.measures.defaultBattery({}), [], 'the default battery');
  const [saving, setSaving] = useState(false);
  const hasBaseline = list.assessments.some((a) => a.kind === 'baseline' && a.status !== 'discarded');
  const form = useForm<HeaderValues & { measureKeys: string[] | null }>({
    initialValues: {
      kind: hasBaseline ? 'reassessment' : 'baseline',
      assessedOn: todayLocal(),
      clinicianId: state.currentClinician?.id ?? null,
      heightCm: '',
      weightKg: '',
      notes: '',
      measureKeys: null,
    },
  });
  const chosen = form.values.measureKeys ?? battery.value ?? [];
  // Opened in place of its button: focus comes to the form, not back to the top of the page.
  const headingRef = useFocusWhen<HTMLHeadingElement>(1);

  const submit = form.onSubmit(async (values) => {
    setSaving(true);
    try {
      const created = await api.assessments.create({ patientId, ...headerPayload(values), measureKeys: chosen });
      showSaved('Assessment started');
      navigate(`/patients/${patientId}/assessments/${created.id}`);
    } catch (error) {
      showApiError(error, form);
    } finally {
      setSaving(false);
    }
  });

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-label="New assessment">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={3} size="h4" ref={headingRef}>
            New assessment
          </Title>
          <AssessmentHeaderFields form={form} clinicians={clinicians} />
          <Checkbox.Group
            label="Measures on the form"
            description="Prefilled with the clinic’s default battery (Settings). More can be added on the form."
            value={chosen}
            onChange={(keys) => form.setFieldValue('measureKeys', keys)}
          >
            <SimpleGrid cols={{ base: 2, md: 3 }} mt="xs" spacing="xs">
              {measures.recordable.map((def) => (
                <Checkbox key={def.key} value={def.key} label={def.name} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
            <Button type="submit" loading={saving} disabled={!battery.value && !form.values.measureKeys}>
              Start assessment
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** A patient's assessments, the reassessment schedule, and where to start the next one. */
export function AssessmentsScreen() {
  const { patientId = '' } = useParams();
  const [adding, setAdding] = useState(false);
  const list = useLoad(() => api.assessments.list({ patientId }), [patientId], 'the assessments');
  const clinicians = useLoad(() => api.clinicians.list({}), [], 'the clinicians');
  const draft = list.value?.assessments.find((a) => a.status === 'draft');

  return (
    <Stack gap="md">
      <PatientBanner title="Assessments" back={{ to: `/patients/${patientId}`, label: 'Back to overview' }} />
      <Group justify="space-between" align="center">
        {list.value ? <ScheduleBadge schedule={list.value.schedule} /> : <span />}
        <Group>
          <Button
            component={Link}
            to={`/patients/${patientId}/progress`}
            variant="default"
            leftSection={<IconChartLine size={20} />}
          >
            Progress and comparison
          </Button>
          {!adding && !draft && (
            <Button leftSection={<IconPlus size={20} />} onClick={() => setAdding(true)}>
              New assessment
            </Button>
          )}
        </Group>
      </Group>
      {adding && list.value && clinicians.value && (
        <NewAssessmentForm
          patientId={patientId}
          list={list.value}
          clinicians={clinicians.value}
          onCancel={() => setAdding(false)}
        />
      )}
      <Paper withBorder radius="md">
        <Table verticalSpacing="sm" horizontalSpacing="md" aria-label="Assessments" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Date</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Measures</Table.Th>
              <Table.Th>Clinician</Table.Th>
              <Table.Th>Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.value?.assessments.map((a) => (
              <Table.Tr
                key={a.id}
                aria-label={`${assessmentKindLabels[a.kind]} ${formatClinicDate(a.assessedOn)}`}
                c={a.status === 'discarded' ? 'dimmed' : undefined}
              >
                <Table.Td>
                  <Anchor component={Link} to={`/patients/${patientId}/assessments/${a.id}`} fw={600}>
                    {formatClinicDate(a.assessedOn)}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  {assessmentKindLabels[a.kind]}
                  {a.amendsId && (
                    <Text size="xs" c="dimmed">
                      Correction: {a.amendmentReason}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{a.measureNames.join(', ') || '—'}</Text>
                </Table.Td>
                <Table.Td>{a.clinicianName}</Table.Td>
                <Table.Td>
                  {a.status === 'discarded' ? (
                    <Stack gap={2} align="flex-start">
                      <Badge color="gray" variant="outline">
                        Discarded
                      </Badge>
                      {a.discardReason && (
                        <Text size="xs" c="dimmed">
                          {a.discardReason}
                        </Text>
                      )}
                    </Stack>
                  ) : a.supersededById ? (
                    <Badge color="gray" variant="outline">
                      Replaced by correction
                    </Badge>
                  ) : a.status === 'finalised' ? (
                    <Badge color="teal" variant="light">
                      Finalised
                    </Badge>
                  ) : (
                    <Badge color="yellow" variant="light">
                      Draft
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {list.value && list.value.assessments.length === 0 && (
          <Text p="lg" c="dimmed" ta="center">
            No assessments yet. Start with a baseline.
          </Text>
        )}
      </Paper>
      {draft && !adding && (
        <Text size="sm" c="dimmed">
          A draft dated {formatClinicDate(draft.assessedOn)} is open:{' '}
          <Anchor component={Link} to={`/patients/${patientId}/assessments/${draft.id}`}>
            continue it
          </Anchor>{' '}
          before starting another.
        </Text>
      )}
    </Stack>
  );
}
