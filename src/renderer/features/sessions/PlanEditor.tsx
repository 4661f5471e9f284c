import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import {
  conflictsFor,
  movementTagLabels,
  planItemLimitProblems,
  type BoneRestriction,
} from '../../../shared/clinical/session';
import type { OutputOf } from '../../../shared/contract';
import { formatClinicDate } from '../../dates';
import { boneLesionSites } from '../../../shared/domain/vocabulary';
import { api } from '../../api';
import { showApiError, showSaved } from '../../components/forms';
import { MovementClearancePanel } from './MovementClearance';
import { DoctorRestrictions, LimitWarning } from './safetyPanels';
import { libraryFilter, useExerciseLibrary } from './useLibrary';
import { BackLink } from '../../components/BackLink';

type Num = number | '';
interface ItemDraft {
  key: string;
  exerciseId: string;
  sets: Num;
  reps: Num;
  durationMin: Num;
  loadKg: Num;
  rpeMin: Num;
  rpeMax: Num;
  hrMin: Num;
  hrMax: Num;
  talkTest: boolean;
  restSeconds: Num;
  progression: string;
  notes: string;
  overrideNote: string;
}
const blankItem = (exerciseId: string): ItemDraft => ({
  key: `${exerciseId}-${Math.random().toString(36).slice(2)}`,
  exerciseId,
  sets: '',
  reps: '',
  durationMin: '',
  loadKg: '',
  rpeMin: 11,
  rpeMax: 13,
  hrMin: '',
  hrMax: '',
  talkTest: true,
  restSeconds: '',
  progression: '',
  notes: '',
  overrideNote: '',
});
const n = (v: Num) => (v === '' ? null : v);
const num = (v: string | number): Num => (v === '' ? '' : Number(v));

export function RestrictionsSummary({ restrictions }: { restrictions: BoneRestriction[] }) {
  if (restrictions.length === 0) return null;
  return (
    <Alert color="grape" variant="light" title="Bone-metastasis restrictions">
      {restrictions.map((r) => (
        <Text size="sm" key={r.lesionId}>
          <b>{boneLesionSites.labels[r.site]}:</b> avoid{' '}
          {r.avoid.map((t) => movementTagLabels[t].split(' (')[0]!.toLowerCase()).join(', ')}. {r.allowedNote}{' '}
          <Text span size="xs" opacity={0.8}>
            ({r.source})
          </Text>
        </Text>
      ))}
    </Alert>
  );
}

/** The written plan: each save is a new version; the handout is printed from the current one. */
export function PlanEditor() {
  const { patientId = '' } = useParams();
  const library = useExerciseLibrary();
  const byId = useMemo(() => new Map(library.map((e) => [e.id, e])), [library]);
  const [view, setView] = useState<OutputOf<'plans.current'> | null>(null);
  const [perWeek, setPerWeek] = useState<Num>(2);
  const [minutes, setMinutes] = useState<Num>(45);
  const [cycle, setCycle] = useState('');
  const [milestones, setMilestones] = useState('');
  const [notes, setNotes] = useState('');
  const [items, setItems] = useState<ItemDraft[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [printing, setPrinting] = useState(false);

  useEffect(() => {
    api.plans
      .current({ patientId })
      .then((v) => {
        setView(v);
        const p = v.plan;
        if (!p) return;
        setPerWeek(p.sessionsPerWeek);
        setMinutes(p.sessionMinutes);
        setCycle(p.cycleAdjustment ?? '');
        setMilestones(p.milestones ?? '');
        setNotes(p.notes ?? '');
        setItems(
          p.items.map((i) => ({
            ...blankItem(i.exerciseId),
            sets: i.sets ?? '',
            reps: i.reps ?? '',
            durationMin: i.durationMin ?? '',
            loadKg: i.loadKg ?? '',
            rpeMin: i.rpeMin ?? '',
            rpeMax: i.rpeMax ?? '',
            hrMin: i.hrMin ?? '',
            hrMax: i.hrMax ?? '',
            talkTest: i.talkTest,
            restSeconds: i.restSeconds ?? '',
            progression: i.progression ?? '',
            notes: i.notes ?? '',
            overrideNote: i.overrideNote ?? '',
          })),
        );
      })
      .catch((e: unknown) => showApiError(e, undefined, { title: 'Could not load the plan' }));
  }, [patientId]);

  if (!view) return <Text c="dimmed">Loading the plan…</Text>;
  const hrAllowed = view.heartRateTargets.allowed;
  const set = (key: string, patch: Partial<ItemDraft>) =>
    setItems((all) => all.map((i) => (i.key === key ? { ...i, ...patch } : i)));

  const save = async () => {
    setErrors({});
    try {
      const plan = await api.plans.save({
        patientId,
        sessionsPerWeek: Number(perWeek),
        sessionMinutes: Number(minutes),
        cycleAdjustment: cycle || null,
        milestones: milestones || null,
        notes: notes || null,
        items: items.map((i) => ({
          exerciseId: i.exerciseId,
          sets: n(i.sets),
          reps: n(i.reps),
          durationMin: n(i.durationMin),
          loadKg: n(i.loadKg),
          rpeMin: n(i.rpeMin),
          rpeMax: n(i.rpeMax),
          hrMin: n(i.hrMin),
          hrMax: n(i.hrMax),
          talkTest: i.talkTest,
          restSeconds: n(i.restSeconds),
          progression: i.progression || null,
          notes: i.notes || null,
          overrideNote: i.overrideNote || null,
        })),
      });
      setView({ ...view, plan, versions: plan.version });
      showSaved(`Plan version ${plan.version} saved`);
    } catch (error) {
      showApiError(error, { setErrors });
    }
  };

  const printHandout = async () => {
    setPrinting(true);
    try {
      const saved = await api.plans.handout({ patientId });
      if (saved.path) showSaved(`Patient handout saved to ${saved.path}`);
    } catch (error) {
      showApiError(error, undefined, { title: 'Handout not printed' });
    } finally {
      setPrinting(false);
    }
  };

  return (
    <Stack gap="md" maw={1100}>
      <BackLink to={`/patients/${patientId}`} spokenArrow>
        Patient overview
      </BackLink>
      <Group justify="space-between">
        <Title order={2}>Exercise plan</Title>
        <Group>
          {view.plan && (
            <Text size="sm" c="dimmed">
              Version {view.plan.version} · {formatClinicDate(view.plan.createdAt.slice(0, 10))} ·{' '}
              {view.plan.createdByName}
            </Text>
          )}
          <Button
            variant="default"
            leftSection={<IconPrinter size={18} />}
            loading={printing}
            disabled={!view.plan}
            onClick={printHandout}
          >
            Patient handout (PDF)
          </Button>
        </Group>
      </Group>
      <DoctorRestrictions text={view.doctorRestrictions.text} limits={view.doctorRestrictions.limits} />
      <RestrictionsSummary restrictions={view.restrictions} />
      <MovementClearancePanel patientId={patientId} view={view} onChanged={setView} />
      {!hrAllowed && (
        <Alert color="orange" variant="light" title={`${view.heartRateTargets.medicines} recorded`}>
          {view.heartRateTargets.reason}.{' '}
          <Text span size="xs" c="dimmed">
            ({view.heartRateTargets.source})
          </Text>
        </Alert>
      )}
      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={2} spacing="sm">
          <NumberInput
            label="Sessions per week"
            min={1}
            max={7}
            value={perWeek}
            onChange={(v) => setPerWeek(num(v))}
            error={errors.sessionsPerWeek}
          />
          <NumberInput
            label="Session length (minutes)"
            min={10}
            max={180}
            value={minutes}
            onChange={(v) => setMinutes(num(v))}
            error={errors.sessionMinutes}
          />
          <Textarea
            label="Around treatment cycles"
            description="e.g. lighter on days 1–5 after each infusion (Kirkham 2020)"
            autosize
            value={cycle}
            onChange={(e) => setCycle(e.currentTarget.value)}
          />
          <Textarea
            label="Milestones"
            autosize
            value={milestones}
            onChange={(e) => setMilestones(e.currentTarget.value)}
          />
        </SimpleGrid>
        <Textarea mt="sm" label="Plan notes" autosize value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
      </Paper>
      {items.map((item, index) => {
        const ex = byId.get(item.exerciseId);
        const conflicts = ex ? conflictsFor(ex, view.restrictions) : [];
        const limitProblems = ex
          ? planItemLimitProblems({ rpeMax: n(item.rpeMax), hrMax: n(item.hrMax) }, ex, view.doctorRestrictions.limits)
          : [];
        const hrWarning = !hrAllowed && (item.hrMin !== '' || item.hrMax !== '');
        const err = (f: string) => errors[`items.${index}.${f}`];
        return (
          <Paper key={item.key} withBorder p="md" radius="md" role="group" aria-label={ex?.name ?? 'Exercise'}>
            <Group justify="space-between" mb="xs">
              <Group gap="xs">
                <Text fw={650}>{ex?.name ?? '…'}</Text>
                {ex?.retired && <Badge color="gray">Retired</Badge>}
              </Group>
              <Button
                size="compact-sm"
                variant="subtle"
                color="gray"
                onClick={() => setItems((all) => all.filter((i) => i.key !== item.key))}
              >
                Remove
              </Button>
            </Group>
            <SimpleGrid cols={6} spacing="xs">
              <NumberInput
                size="sm"
                label="Sets"
                min={1}
                max={20}
                value={item.sets}
                error={err('sets')}
                onChange={(v) => set(item.key, { sets: num(v) })}
              />
              <NumberInput
                size="sm"
                label="Reps"
                min={1}
                max={200}
                value={item.reps}
                error={err('reps')}
                onChange={(v) => set(item.key, { reps: num(v) })}
              />
              <NumberInput
                size="sm"
                label="Minutes"
                min={0.5}
                max={180}
                decimalScale={1}
                value={item.durationMin}
                error={err('durationMin')}
                onChange={(v) => set(item.key, { durationMin: num(v) })}
              />
              <NumberInput
                size="sm"
                label="Load (kg)"
                min={0}
                max={300}
                decimalScale={1}
                value={item.loadKg}
                error={err('loadKg')}
                onChange={(v) => set(item.key, { loadKg: num(v) })}
              />
              <NumberInput
                size="sm"
                label="RPE from"
                min={6}
                max={20}
                value={item.rpeMin}
                error={err('rpeMin')}
                onChange={(v) => set(item.key, { rpeMin: num(v) })}
              />
              <NumberInput
                size="sm"
                label="RPE to"
                min={6}
                max={20}
                value={item.rpeMax}
                error={err('rpeMax')}
                onChange={(v) => set(item.key, { rpeMax: num(v) })}
              />
              <NumberInput
                size="sm"
                label="HR from (bpm)"
                description={hrAllowed ? undefined : 'Unreliable here: prefer RPE'}
                min={40}
                max={220}
                value={item.hrMin}
                error={err('hrMin')}
                onChange={(v) => set(item.key, { hrMin: num(v) })}
              />
              <NumberInput
                size="sm"
                label="HR to (bpm)"
                min={40}
                max={220}
                value={item.hrMax}
                error={err('hrMax')}
                onChange={(v) => set(item.key, { hrMax: num(v) })}
              />
              <NumberInput
                size="sm"
                label="Rest (seconds)"
                min={0}
                max={900}
                value={item.restSeconds}
                onChange={(v) => set(item.key, { restSeconds: num(v) })}
              />
              <Checkbox
                size="sm"
                mt={28}
                label="Talk test"
                checked={item.talkTest}
                onChange={(e) => set(item.key, { talkTest: e.currentTarget.checked })}
              />
            </SimpleGrid>
            <SimpleGrid cols={2} spacing="xs" mt="xs">
              <TextInput
                size="sm"
                label="Progression rule"
                value={item.progression}
                onChange={(e) => set(item.key, { progression: e.currentTarget.value })}
              />
              <TextInput
                size="sm"
                label="Notes"
                value={item.notes}
                onChange={(e) => set(item.key, { notes: e.currentTarget.value })}
              />
            </SimpleGrid>
            {(conflicts.length > 0 || limitProblems.length > 0 || hrWarning) && (
              <Stack gap={4} mt="xs">
                {hrWarning && (
                  <Alert
                    color="orange"
                    variant="light"
                    p="xs"
                    title="Heart-rate target on a heart-rate-lowering medicine"
                  >
                    <Text size="sm">
                      {view.heartRateTargets.reason}. Say in the override note where the range comes from.
                    </Text>
                  </Alert>
                )}
                {conflicts.length > 0 && (
                  <Alert color="orange" variant="light" p="xs" title="Conflicts with a bone-lesion restriction">
                    {conflicts.map((c) => (
                      <Text size="sm" key={`${c.lesionId}:${c.tag}`}>
                        {boneLesionSites.labels[c.site]} lesion — {c.reason}
                      </Text>
                    ))}
                  </Alert>
                )}
                {limitProblems.length > 0 && <LimitWarning problems={limitProblems} />}
                <Textarea
                  size="sm"
                  label="Override note (required)"
                  autosize
                  value={item.overrideNote}
                  error={err('overrideNote')}
                  onChange={(e) => set(item.key, { overrideNote: e.currentTarget.value })}
                />
              </Stack>
            )}
          </Paper>
        );
      })}
      <Select
        label="Add an exercise to the plan"
        placeholder="Type to search the library"
        searchable
        filter={libraryFilter(library)}
        value={null}
        data={library.filter((e) => !e.retired).map((e) => ({ value: e.id, label: e.name }))}
        onChange={(value) => value && setItems((all) => [...all, blankItem(value)])}
      />
      <Group justify="flex-end">
        <Button onClick={save}>{view.plan ? `Save as version ${view.versions + 1}` : 'Save the plan'}</Button>
      </Group>
    </Stack>
  );
}
