import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconLock, IconPencil, IconTrash } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { assessmentKindLabels, type AssessmentDetail } from '../../../shared/contract/assessments';
import { formatClinicDate } from '../../dates';
import { api } from '../../api';
import { showApiError, showSaved } from '../../components/forms';
import { AssessmentHeaderFields, headerPayload, type HeaderValues } from './AssessmentHeaderFields';
import { useLoad, useMeasureDefinitions } from './hooks';
import { MeasureCard } from './MeasureCard';
import { PatientBanner } from './PatientBanner';

function headerValues(a: AssessmentDetail): HeaderValues {
  return {
    // A check-in's ESAS-r is finalised as it arrives, so its header is never edited on this form.
    kind: a.kind === 'patient_reported' ? '' : a.kind,
    assessedOn: a.assessedOn,
    clinicianId: a.clinicianId,
    heightCm: a.heightCm ?? '',
    weightKg: a.weightKg ?? '',
    notes: a.notes ?? '',
  };
}

function HeaderSection({ assessment, onSaved }: { assessment: AssessmentDetail; onSaved(a: AssessmentDetail): void }) {
  const clinicians = useLoad(() => api.clinicians.list({}), [], 'the clinicians');
  const [saving, setSaving] = useState(false);
  const locked = assessment.status !== 'draft';
  const form = useForm<HeaderValues>({ initialValues: headerValues(assessment) });
  const submit = form.onSubmit(async (values) => {
    setSaving(true);
    try {
      const next = await api.assessments.update({ assessmentId: assessment.id, ...headerPayload(values) });
      form.resetDirty(headerValues(next));
      showSaved('Assessment details saved; scores recalculated');
      onSaved(next);
    } catch (error) {
      showApiError(error, form);
    } finally {
      setSaving(false);
    }
  });
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-label="Assessment details">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={3} size="h4">
            Details
          </Title>
          {locked ? (
            <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
              {[
                ['Type', assessmentKindLabels[assessment.kind]],
                ['Assessment date', formatClinicDate(assessment.assessedOn)],
                ['Clinician', assessment.clinicianName],
                ['Height', assessment.heightCm == null ? '—' : `${assessment.heightCm} cm`],
                ['Weight', assessment.weightKg == null ? '—' : `${assessment.weightKg} kg`],
                ['Notes', assessment.notes ?? '—'],
              ].map(([label, value]) => (
                <div key={label}>
                  <Text size="xs" c="dimmed">
                    {label}
                  </Text>
                  <Text fw={600}>{value}</Text>
                </div>
              ))}
            </SimpleGrid>
          ) : (
            <AssessmentHeaderFields form={form} clinicians={clinicians.value ?? []} />
          )}
          {!locked && (
            <Group justify="flex-end">
              <Button type="submit" loading={saving} variant={form.isDirty() ? 'filled' : 'light'}>
                Save details
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}

function AmendDialog({
  assessment,
  opened,
  onClose,
}: {
  assessment: AssessmentDetail;
  opened: boolean;
  onClose(): void;
}) {
  const navigate = useNavigate();
  const form = useForm({ initialValues: { reason: '' } });
  const [saving, setSaving] = useState(false);
  const submit = form.onSubmit(async (values) => {
    setSaving(true);
    try {
      const draft = await api.assessments.amend({ assessmentId: assessment.id, reason: values.reason });
      onClose();
      navigate(`/patients/${assessment.patientId}/assessments/${draft.id}`);
    } catch (error) {
      showApiError(error, form);
    } finally {
      setSaving(false);
    }
  });
  return (
    <Modal opened={opened} onClose={onClose} title="Correct this assessment" size="lg">
      <form onSubmit={submit} noValidate aria-label="Correct this assessment">
        <Stack>
          <Text size="sm">
            A correction is a new version of this assessment. The original stays readable in the record and in the audit
            log; once the correction is finalised, it replaces the original in comparisons and charts.
          </Text>
          <Textarea
            label="Reason for the correction"
            withAsterisk
            autosize
            minRows={2}
            {...form.getInputProps('reason')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              Start correction
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Abandons a draft or an unfinalised correction: kept, marked discarded, audited with the reason. */
function DiscardDialog({
  assessment,
  opened,
  onClose,
}: {
  assessment: AssessmentDetail;
  opened: boolean;
  onClose(): void;
}) {
  const navigate = useNavigate();
  const form = useForm({ initialValues: { reason: '' } });
  const [saving, setSaving] = useState(false);
  const what = assessment.amendsId ? 'correction' : 'draft';
  const submit = form.onSubmit(async (values) => {
    setSaving(true);
    try {
      await api.assessments.discard({ assessmentId: assessment.id, reason: values.reason });
      onClose();
      showSaved(assessment.amendsId ? 'Correction discarded; the original still counts' : 'Draft discarded');
      navigate(`/patients/${assessment.patientId}/assessments`);
    } catch (error) {
      showApiError(error, form);
    } finally {
      setSaving(false);
    }
  });
  return (
    <Modal opened={opened} onClose={onClose} title={`Discard this ${what}?`} size="lg">
      <form onSubmit={submit} noValidate aria-label={`Discard this ${what}`}>
        <Stack>
          <Text size="sm">
            {assessment.amendsId
              ? 'The correction stops here and the original assessment keeps counting, unchanged.'
              : 'The draft will no longer count or block a new assessment.'}{' '}
            Nothing is deleted: it stays in the list marked “Discarded”, and the audit log records who discarded it and
            why.
          </Text>
          <Textarea label="Reason for discarding" withAsterisk autosize minRows={2} {...form.getInputProps('reason')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Keep the {what}
            </Button>
            <Button type="submit" color="red" loading={saving}>
              Discard {what}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Entering, finalising and correcting one assessment. */
export function AssessmentEditor() {
  const { patientId = '', assessmentId = '' } = useParams();
  const {
    value: assessment,
    setValue,
    reload,
  } = useLoad(() => api.assessments.get({ assessmentId }), [assessmentId], 'the assessment');
  const measures = useMeasureDefinitions();
  const [extra, setExtra] = useState<string[]>([]);
  const [adding, setAdding] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [amending, setAmending] = useState(false);
  const [discarding, setDiscarding] = useState(false);
  const [finalising, setFinalising] = useState(false);
  const [unsaved, setUnsaved] = useState<ReadonlySet<string>>(new Set());
  const markDirty = useCallback((key: string, dirty: boolean) => {
    setUnsaved((current) => {
      if (current.has(key) === dirty) return current;
      const next = new Set(current);
      if (dirty) next.add(key);
      else next.delete(key);
      return next;
    });
  }, []);
  useEffect(() => setExtra([]), [assessmentId]);

  if (!assessment || !measures.loaded) return null;
  const locked = assessment.status !== 'draft';
  const recordedKeys = assessment.results.filter((r) => !r.measureKey.startsWith('esas_r.')).map((r) => r.measureKey);
  const keys = locked ? recordedKeys : [...new Set([...assessment.plannedMeasureKeys, ...recordedKeys, ...extra])];
  const person = {
    sex: assessment.person.sex,
    age: assessment.person.ageOnDate,
    heightCm: assessment.heightCm,
    weightKg: assessment.weightKg,
  };
  const missing = keys.filter((k) => !recordedKeys.includes(k));

  const finalise = async () => {
    setFinalising(true);
    try {
      const next = await api.assessments.finalise({ assessmentId });
      setValue(next);
      setConfirming(false);
      showSaved('Assessment finalised and locked');
    } catch (error) {
      showApiError(error, undefined, { title: 'Not finalised' });
    } finally {
      setFinalising(false);
    }
  };

  return (
    <Stack gap="md">
      <PatientBanner
        title={`${assessmentKindLabels[assessment.kind]} · ${formatClinicDate(assessment.assessedOn)}`}
        back={{ to: `/patients/${patientId}/assessments`, label: 'All assessments' }}
      />
      <Group justify="space-between" align="center">
        <Text c="dimmed" size="sm">
          {assessment.clinicianName} · {assessment.person.ageOnDate} years on the day
        </Text>
        <Group>
          {assessment.status === 'finalised' ? (
            <Badge size="lg" color="teal" variant="light" leftSection={<IconLock size={14} />}>
              Finalised {assessment.finalisedByName ? `by ${assessment.finalisedByName}` : ''}
            </Badge>
          ) : assessment.status === 'discarded' ? (
            <Badge size="lg" color="gray" variant="outline">
              Discarded
            </Badge>
          ) : (
            <Badge size="lg" color="yellow" variant="light">
              Draft
            </Badge>
          )}
          <Button component={Link} to={`/patients/${patientId}/progress`} variant="default">
            Progress and comparison
          </Button>
          {assessment.status === 'finalised' &&
            !assessment.supersededById &&
            assessment.kind !== 'patient_reported' && (
              <Button variant="default" leftSection={<IconPencil size={18} />} onClick={() => setAmending(true)}>
                Correct this assessment
              </Button>
            )}
        </Group>
      </Group>
      {assessment.amendsId && (
        <Alert color="blue" variant="light" title="This is a correction">
          It corrects{' '}
          <Anchor component={Link} to={`/patients/${patientId}/assessments/${assessment.amendsId}`}>
            the original assessment
          </Anchor>
          . Reason: {assessment.amendmentReason}
        </Alert>
      )}
      {assessment.status === 'discarded' && (
        <Alert color="gray" variant="light" title="Discarded draft">
          Kept for the record; it does not count anywhere. Reason: {assessment.discardReason}
        </Alert>
      )}
      {assessment.supersededById && (
        <Alert color="gray" variant="light" title="Replaced by a correction">
          This original is kept for the record but no longer counts.{' '}
          <Anchor component={Link} to={`/patients/${patientId}/assessments/${assessment.supersededById}`}>
            Open the correction
          </Anchor>
          .
        </Alert>
      )}
      <HeaderSection key={`${assessment.id}-${assessment.status}`} assessment={assessment} onSaved={setValue} />
      {keys.map((key) => {
        const def = measures.byKey.get(key);
        if (!def) return null;
        return (
          <MeasureCard
            key={`${assessment.id}-${key}-${assessment.status}-${assessment.heightCm}-${assessment.weightKg}`}
            def={def}
            result={assessment.results.find((r) => r.measureKey === key)}
            person={person}
            locked={locked}
            conflict={assessment.testConflicts.find((c) => c.measureKey === key)}
            onSave={async (components, overrideNote) => {
              const next = await api.assessments.recordMeasure({
                assessmentId,
                measureKey: key,
                components,
                overrideNote,
              });
              // The card's own "Saved" badge confirms it; a notification per measure would pile up over the form.
              setValue(next);
            }}
            onDirtyChange={(dirty) => markDirty(key, dirty)}
            onClear={async () => {
              try {
                setValue(await api.assessments.clearMeasure({ assessmentId, measureKey: key }));
              } catch (error) {
                showApiError(error);
              }
            }}
          />
        );
      })}
      {!locked && (
        <Paper withBorder radius="md" p="lg">
          <Group align="flex-end">
            <Select
              label="Add another measure"
              placeholder="Choose a measure"
              searchable
              data={measures.recordable
                .filter((d) => !keys.includes(d.key))
                .map((d) => ({ value: d.key, label: d.name }))}
              value={adding}
              onChange={setAdding}
              w={380}
            />
            <Button
              variant="light"
              disabled={!adding}
              onClick={() => {
                if (adding) setExtra((e) => [...e, adding]);
                setAdding(null);
              }}
            >
              Add to form
            </Button>
          </Group>
        </Paper>
      )}
      {!locked && (
        // Both on the right: the bottom-left corner is where "Saved" notifications appear.
        <Group justify="flex-end">
          <Button
            variant="subtle"
            color="red"
            leftSection={<IconTrash size={18} />}
            onClick={() => setDiscarding(true)}
          >
            {assessment.amendsId ? 'Discard correction' : 'Discard draft'}
          </Button>
          <Button size="lg" leftSection={<IconLock size={20} />} onClick={() => setConfirming(true)}>
            Finalise assessment
          </Button>
        </Group>
      )}
      <DiscardDialog assessment={assessment} opened={discarding} onClose={() => setDiscarding(false)} />
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Finalise this assessment?">
        <Stack>
          <Text size="sm">
            Finalising locks the assessment: it can then only be changed by a correction, which keeps this version
            readable.
          </Text>
          {unsaved.size > 0 && (
            <Alert color="red" variant="light" title="Typed but not saved">
              {[...unsaved].map((k) => measures.byKey.get(k)?.shortName ?? k).join(', ')}: save each one first, or what
              was typed will not be part of the assessment.
            </Alert>
          )}
          {missing.filter((k) => !unsaved.has(k)).length > 0 && (
            <Text size="sm" c="orange">
              Not entered:{' '}
              {missing
                .filter((k) => !unsaved.has(k))
                .map((k) => measures.byKey.get(k)?.shortName ?? k)
                .join(', ')}
              . They will not be part of this assessment.
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Keep editing
            </Button>
            <Button loading={finalising} disabled={unsaved.size > 0} onClick={() => void finalise()}>
              Finalise and lock
            </Button>
          </Group>
        </Stack>
      </Modal>
      <AmendDialog
        assessment={assessment}
        opened={amending}
        onClose={() => {
          setAmending(false);
          reload();
        }}
      />
    </Stack>
  );
}
