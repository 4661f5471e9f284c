import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Input,
  List,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import {
  IconAlertTriangle,
  IconCheck,
  IconClipboardList,
  IconHandStop,
  IconPhone,
  IconPlayerPlay,
} from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import {
  conflictsFor,
  coreVitalLabels,
  coreVitals,
  entrySpo2Problem,
  evaluateScreen,
  screenCompleteness,
  type CoreVital,
  type MissingVital,
  movementTagLabels,
  redFlags,
  screenContextFor,
  screenInputFrom,
  type BoneConflict,
  type FiredRule,
  type ScreenDecision,
} from '../../../shared/clinical/session';
import {
  afterRanges,
  attendanceLabels,
  entryRanges,
  screenRanges,
  symptomRanges,
  type NumberRange,
  entryOutcomeLabels,
  entryOutcomes,
  type EntryOutcome,
  type Exercise,
  type SessionView,
} from '../../../shared/contract/sessions';
import { formatClinicDate } from '../../../shared/dates';
import { boneLesionSites, contactRoles } from '../../../shared/domain/vocabulary';
import { api } from '../../api';
import { showApiError, showSaved } from '../../components/forms';
import { clearanceBadgeLook } from '../patients/shared';
import { decisionColors, decisionLabels } from './badges';
import {
  afterPayload,
  entriesPayload,
  initialDraft,
  newKey,
  notTakenPayload,
  screenPayload,
  vitalBlank,
  withPerformedValue,
  type AfterField,
  type EntryDraft,
  type EntryNumberField,
  type Num,
  type ScreenNumberField,
  type SessionDraft,
} from './draft';
import { SignedSession } from './SignedSession';

const DRAFT_DELAY_MS = 250;

// Labels are the screen's own; every range comes from the contract that validates the save.
const screenFieldRanges: Record<ScreenNumberField, NumberRange> = { ...screenRanges, ...symptomRanges };
const vitalInputs: Array<[ScreenNumberField, string]> = [
  ['restingHr', 'Resting HR (bpm)'],
  ['sbp', 'Systolic BP (mmHg)'],
  ['dbp', 'Diastolic BP (mmHg)'],
  ['spo2', 'SpO₂ (%)'],
  ['temperatureC', 'Temperature (°C)'],
  ['standingSbp', 'Standing systolic BP (optional)'],
];
const bloodInputs: Array<[ScreenNumberField, string]> = [
  ['haemoglobinGL', 'Haemoglobin (g/L)'],
  ['plateletsX109', 'Platelets (×10⁹/L)'],
  ['neutrophilsX109', 'Neutrophils (×10⁹/L)'],
  ['glucoseMmol', 'Glucose (mmol/L)'],
];
const symptomInputs: Array<[ScreenNumberField, string]> = [
  ['fatigue0to10', 'Fatigue (0–10)'],
  ['pain0to10', 'Pain (0–10)'],
  ['breathlessness0to10', 'Breathlessness (0–10)'],
  ['nausea0to10', 'Nausea (0–10)'],
  ['sleepQuality0to10', 'Sleep quality (0–10)'],
  ['energy0to10', 'Energy (0–10)'],
];
const entryInputs: Array<[EntryNumberField, string]> = [
  ['sets', 'Sets'],
  ['reps', 'Reps'],
  ['loadKg', 'Load kg'],
  ['durationMin', 'Minutes'],
  ['rpe', 'RPE'],
  ['peakHr', 'Peak HR'],
  ['spo2', 'SpO₂'],
  ['painChange', 'Pain ±'],
];
const afterInputs: Array<[AfterField, string]> = [
  ['restingHr', 'Heart rate after (bpm)'],
  ['sbp', 'Systolic BP after'],
  ['dbp', 'Diastolic BP after'],
  ['spo2', 'SpO₂ after (%)'],
  ['rpeOverall', 'Session RPE (6–20)'],
  ['fatigue', 'Fatigue after (0–10)'],
  ['pain', 'Pain after (0–10)'],
];

/** One line a colleague can read at a glance: the vitals as taken. */
function screenSummary(draft: SessionDraft): string {
  const v = draft.screen;
  const parts = [
    v.restingHr !== '' ? `HR ${v.restingHr}` : null,
    v.sbp !== '' || v.dbp !== '' ? `BP ${v.sbp || '?'}/${v.dbp || '?'}` : null,
    v.spo2 !== '' ? `SpO₂ ${v.spo2}%` : null,
    v.temperatureC !== '' ? `${v.temperatureC} °C` : null,
    ...Object.entries(notTakenPayload(draft)).map(
      ([k, reason]) => `${coreVitalLabels[k as CoreVital]} not taken (${reason.trim() || 'no reason'})`,
    ),
    v.redFlags.length > 0 ? `${v.redFlags.length} red flag${v.redFlags.length > 1 ? 's' : ''}` : 'no red flags',
  ];
  return parts.filter(Boolean).join(' · ');
}

function NumberField(props: {
  label: string;
  value: Num;
  min: number;
  max: number;
  decimals?: number;
  error?: string | undefined;
  size?: 'sm' | 'md';
  logField?: boolean;
  onChange(value: Num): void;
}) {
  return (
    <NumberInput
      label={props.label}
      data-log-field={props.logField ? '' : undefined}
      value={props.value}
      min={props.min}
      max={props.max}
      decimalScale={props.decimals ?? 0}
      hideControls
      clampBehavior="none"
      size={props.size ?? 'md'}
      error={props.error}
      onChange={(v) => props.onChange(v === '' ? '' : Number(v))}
    />
  );
}

/** The live verdict: every rule that fired, with its value, threshold and source. */
export function DecisionPanel(props: {
  decision: ScreenDecision;
  rules: FiredRule[];
  recorded: boolean;
  /** Core vitals still needed; while any are, a Go is not a decision yet. */
  missing?: MissingVital[];
  /** Core vitals recorded as not taken, with the clinician's reason. */
  notTaken?: Array<{ label: string; reason: string }>;
}) {
  const acting = props.rules.filter((r) => r.effect !== 'info');
  const notes = props.rules.filter((r) => r.effect === 'info');
  const missing = props.missing ?? [];
  // A signed record keeps the decision it was recorded with; only a live screen waits for vitals.
  const incomplete = missing.length > 0 && props.decision !== 'hold' && !props.recorded;
  const color = incomplete ? 'gray' : decisionColors[props.decision];
  const Icon = incomplete
    ? IconClipboardList
    : props.decision === 'hold'
      ? IconHandStop
      : props.decision === 'modify'
        ? IconAlertTriangle
        : IconCheck;
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      role="region"
      aria-label="Screen decision"
      style={{ borderColor: `var(--mantine-color-${color}-6)`, borderWidth: 2 }}
    >
      <Group gap="sm" wrap="nowrap">
        <ThemeIcon color={color} size={44} radius="xl">
          <Icon size={26} />
        </ThemeIcon>
        <div>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {props.recorded ? 'Recorded decision' : 'Decision so far'}
          </Text>
          <Text
            fw={750}
            fz={24}
            c={incomplete ? undefined : `${color}.${props.decision === 'modify' ? 8 : 7}`}
            lh={1.1}
            data-testid="decision"
          >
            {incomplete ? 'Screen incomplete' : decisionLabels[props.decision]}
          </Text>
        </div>
      </Group>
      {incomplete && (
        <Alert color="orange" variant="light" mt="sm" p="sm" aria-label="Still needed">
          <Text size="sm" fw={650}>
            Not Go yet: still needed
          </Text>
          <List size="sm" spacing={0}>
            {missing.map((m) => (
              <List.Item key={m.vital}>{m.label}</List.Item>
            ))}
          </List>
          <Text size="xs" mt={4}>
            Enter each, or tick “not taken” and say why. A Hold can be recorded without them.
          </Text>
        </Alert>
      )}
      {!incomplete && missing.length > 0 && (
        <Text size="sm" mt="sm">
          Not entered: {missing.map((m) => m.label).join(', ')}
        </Text>
      )}
      {(props.notTaken ?? []).map((n) => (
        <Text size="sm" mt={6} key={n.label} aria-label={`${n.label} not taken`}>
          <b>{n.label} not taken:</b> {n.reason}
        </Text>
      ))}
      {acting.length === 0 && !incomplete && (
        <Text size="sm" mt="sm" c="dimmed">
          No rule has fired on what is entered so far.
        </Text>
      )}
      <Stack gap="xs" mt="sm">
        {acting.map((rule) => (
          <RuleLine key={rule.id} rule={rule} />
        ))}
      </Stack>
      {notes.length > 0 && (
        <>
          <Text size="sm" fw={600} mt="md">
            Also note
          </Text>
          <Stack gap={6} mt={4}>
            {notes.map((rule) => (
              <RuleLine key={rule.id} rule={rule} />
            ))}
          </Stack>
        </>
      )}
    </Paper>
  );
}

function RuleLine({ rule }: { rule: FiredRule }) {
  const color = rule.effect === 'hold' ? 'red' : rule.effect === 'modify' ? 'yellow' : 'gray';
  return (
    <Paper withBorder p="xs" radius="sm" aria-label={rule.label}>
      <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
        <Text fw={650} size="sm">
          {rule.label}
        </Text>
        <Badge color={color} variant="light" size="sm" style={{ flexShrink: 0 }}>
          {rule.effect === 'hold' ? 'Hold' : rule.effect === 'modify' ? 'Modify' : 'Note'}
        </Badge>
      </Group>
      <Text size="sm">
        <b>{rule.value}</b> · threshold {rule.threshold}
      </Text>
      <Text size="sm">{rule.advice}</Text>
      <Text size="xs" c="dimmed">
        Source: {rule.source}
      </Text>
    </Paper>
  );
}

/** What to do now, and whom to ring, when a red flag is ticked. */
export function UrgentActionPanel(props: { view: SessionView; flagIds: string[]; rules: FiredRule[] }) {
  const flags = redFlags.filter((f) => props.flagIds.includes(f.id));
  const holds = props.rules.filter((r) => r.effect === 'hold' && !r.id.startsWith('red_flag:'));
  if (flags.length === 0 && holds.length === 0) return null;
  const { careTeam, emergencyContact } = props.view.safety;
  return (
    <Alert
      color="red"
      variant="filled"
      radius="md"
      title={flags.length > 0 ? 'Urgent action: red flag' : 'Urgent action: no exercise today'}
      icon={<IconAlertTriangle />}
      role="alert"
      aria-label="Urgent action"
      // A deep red reads with white text in both schemes; the default dark-scheme red is too light.
      styles={{ root: { backgroundColor: 'var(--mantine-color-red-9)' } }}
    >
      <Stack gap="sm">
        {flags.map((flag) => (
          <div key={flag.id}>
            <Text fw={700}>{flag.label}</Text>
            <List size="sm" spacing={2}>
              {flag.urgentActions.map((a) => (
                <List.Item key={a}>{a}</List.Item>
              ))}
            </List>
            <Text size="xs" opacity={0.85}>
              Source: {flag.source}
            </Text>
          </div>
        ))}
        {holds.map((rule) => (
          <div key={rule.id}>
            <Text fw={700}>
              {rule.label}: {rule.value}
            </Text>
            <Text size="sm">{rule.advice}</Text>
          </div>
        ))}
        <div>
          <Text fw={700}>Care team</Text>
          {careTeam.length === 0 && <Text size="sm">No care team recorded: use the hospital’s switchboard.</Text>}
          {careTeam.map((m) => (
            <Group key={m.contactId} gap={6} wrap="nowrap" align="flex-start">
              <IconPhone size={16} style={{ flexShrink: 0, marginTop: 3 }} />
              <Text size="sm">
                {m.fullName} ({contactRoles.labels[m.role]}
                {m.isMainOncologist ? ', main oncologist' : ''}): <b>{m.phone ?? 'no phone recorded'}</b>
              </Text>
            </Group>
          ))}
          {emergencyContact.name && (
            <Group gap={6} wrap="nowrap" align="flex-start">
              <IconPhone size={16} style={{ flexShrink: 0, marginTop: 3 }} />
              <Text size="sm">
                Emergency contact {emergencyContact.name}
                {emergencyContact.relationship ? ` (${emergencyContact.relationship})` : ''}:{' '}
                <b>{emergencyContact.phone ?? 'no phone recorded'}</b>
              </Text>
            </Group>
          )}
        </div>
      </Stack>
    </Alert>
  );
}

export function PatientSafetyHeader({ view }: { view: SessionView }) {
  const { safety } = view;
  const cycle = safety.activeTreatments.find((t) => t.cycleDay);
  return (
    <Stack gap="xs">
      <Group gap={6} wrap="wrap">
        <Badge {...clearanceBadgeLook(safety.clearance.state)} size="lg">
          {safety.clearance.label}
        </Badge>
        {cycle?.cycleDay && (
          <Badge variant="light" size="lg" color="blue">
            Cycle day {cycle.cycleDay.day}
            {cycle.regimen ? ` · ${cycle.regimen}` : ''}
          </Badge>
        )}
        {safety.boneLesions.length > 0 && (
          <Badge variant="light" size="lg" color="grape">
            Bone metastases: {safety.boneLesions.map((l) => boneLesionSites.labels[l.site]).join(', ')}
          </Badge>
        )}
        {!view.heartRateTargets.allowed && (
          <Badge variant="light" size="lg" color="orange">
            Beta-blocker: use RPE, not HR
          </Badge>
        )}
      </Group>
      {view.signedAt && (
        <Text size="xs" c="dimmed">
          Safety facts as the patient’s record reads today. The signed log below keeps the decision, thresholds and
          bone-lesion conflicts as they were at sign-off.
        </Text>
      )}
      {view.restrictions.length > 0 && (
        <Alert color="grape" variant="light" title="Bone-metastasis restrictions" p="sm">
          {view.restrictions.map((r) => (
            <Text key={r.lesionId} size="sm">
              <b>{boneLesionSites.labels[r.site]}:</b> avoid{' '}
              {r.avoid.map((t) => movementTagLabels[t].split(' (')[0]!.toLowerCase()).join(', ')}.{' '}
              <Text span size="xs" opacity={0.8}>
                ({r.source})
              </Text>
            </Text>
          ))}
        </Alert>
      )}
    </Stack>
  );
}

function ConflictWarning(props: { conflicts: BoneConflict[] }) {
  const byLesion = [...new Map(props.conflicts.map((c) => [`${c.lesionId}:${c.reason}`, c])).values()];
  return (
    <Alert
      color="orange"
      variant="light"
      p="xs"
      icon={<IconAlertTriangle size={18} />}
      title="Conflicts with a bone-lesion restriction"
    >
      {byLesion.map((c) => (
        <Text size="sm" key={`${c.lesionId}:${c.tag}`}>
          {boneLesionSites.labels[c.site]} lesion — {c.reason}{' '}
          <Text span size="xs" c="dimmed">
            ({c.source})
          </Text>
        </Text>
      ))}
    </Alert>
  );
}

/** Focus the start of the row after `row` in the same log, or the first after-session field. */
function focusNextRow(row: HTMLElement | null) {
  const log = row?.closest('[data-log]');
  if (!row || !log) return;
  const rows = [...log.querySelectorAll<HTMLElement>('[data-log-row]')];
  const next = rows[rows.indexOf(row) + 1];
  const target =
    next?.querySelector<HTMLElement>('[data-row-start]') ??
    next?.querySelector<HTMLElement>('[data-log-field]') ??
    log.closest('[data-recorder]')?.querySelector<HTMLElement>('[data-after-start] input');
  target?.focus();
}

/**
 * Enter moves on like a paper form: to the next field of the row, and from the row's last field to
 * the next row, so a specialist can log a class without reaching for the mouse. Tab keeps its order.
 */
function onRowKeyDown(event: KeyboardEvent<HTMLElement>) {
  const target = event.target as HTMLElement;
  if (event.key !== 'Enter' || event.shiftKey || !target.matches('input[data-log-field]')) return;
  event.preventDefault();
  const row = event.currentTarget;
  const fields = [...row.querySelectorAll<HTMLElement>('input[data-log-field]')];
  const next = fields[fields.indexOf(target) + 1];
  if (next) next.focus();
  else focusNextRow(row);
}

function EntryEditor(props: {
  entry: EntryDraft;
  index: number;
  conflicts: BoneConflict[];
  cols: number;
  errors: Record<string, string>;
  planned: Partial<Record<EntryNumberField, Num>> | null;
  thresholds: SessionView['thresholds'];
  onChange(next: EntryDraft): void;
  onRemove(): void;
}) {
  const { entry } = props;
  const rowRef = useRef<HTMLDivElement>(null);
  const set = (patch: Partial<EntryDraft>) => props.onChange({ ...entry, done: true, ...patch });
  // SpO₂ below the hold level during an exercise: said at once, as main will say it on sign-off.
  const spo2Problem = entrySpo2Problem(entry.spo2 === '' ? null : entry.spo2, entry.outcome, props.thresholds);
  const err = (field: string) =>
    props.errors[`entries.${props.index}.${field}`] ?? (field === 'spo2' ? (spo2Problem ?? undefined) : undefined);
  // Stale once an outcome is chosen: the refusal was about the missing choice.
  const outcomeError = entry.outcome === null ? err('outcome') : undefined;
  const completeAsPlanned = () => {
    set({ ...(props.planned ?? {}), outcome: 'completed', reason: '' });
    focusNextRow(rowRef.current);
  };
  return (
    <Paper
      ref={rowRef}
      withBorder
      p="sm"
      radius="md"
      role="group"
      aria-label={entry.exerciseName}
      data-log-row=""
      onKeyDown={onRowKeyDown}
      style={
        outcomeError
          ? { borderColor: 'var(--mantine-color-error)' }
          : entry.done
            ? { borderColor: 'var(--mantine-color-teal-6)' }
            : undefined
      }
    >
      <Group justify="space-between" mb={6} gap="xs" wrap="wrap" align="center">
        <Group gap="xs" wrap="wrap">
          <Text fw={650}>{entry.exerciseName}</Text>
          <Badge size="sm" variant="light" color={entry.planned ? 'gray' : 'blue'}>
            {entry.planned ? 'Planned' : 'Added'}
          </Badge>
          {entry.outcome === null ? (
            <Badge size="sm" color="orange" variant="outline">
              Not recorded
            </Badge>
          ) : (
            entry.done && (
              <Badge size="sm" color="teal" variant="light" leftSection={<IconCheck size={12} />}>
                {entryOutcomeLabels[entry.outcome]}
              </Badge>
            )
          )}
        </Group>
        {entry.planned && (
          <Button
            size="compact-md"
            variant={entry.done && entry.outcome === 'completed' ? 'subtle' : 'light'}
            color="teal"
            leftSection={<IconCheck size={16} />}
            style={{ flexShrink: 0 }}
            data-row-start=""
            title="Marks the row completed with the planned sets, reps, load and minutes, then moves to the next row (Enter)"
            onClick={completeAsPlanned}
          >
            Complete as planned
          </Button>
        )}
      </Group>
      <SimpleGrid cols={props.cols} spacing={6} verticalSpacing={4}>
        {entryInputs.map(([field, label]) => (
          <NumberField
            key={field}
            size="sm"
            label={label}
            value={entry[field]}
            min={entryRanges[field].min}
            max={entryRanges[field].max}
            decimals={entryRanges[field].decimals}
            error={err(field)}
            logField
            onChange={(v) => props.onChange(withPerformedValue(entry, field, v))}
          />
        ))}
      </SimpleGrid>
      <Group gap="sm" mt={6} align="flex-end" wrap="nowrap">
        <Stack gap={2} style={{ flex: 1 }}>
          <Text size="sm" fw={500} id={`outcome-${entry.key}`}>
            Outcome
          </Text>
          <SegmentedControl
            size="md"
            fullWidth
            aria-labelledby={`outcome-${entry.key}`}
            aria-describedby={outcomeError ? `outcome-error-${entry.key}` : undefined}
            value={entry.outcome ?? ''}
            data={entryOutcomes.map((o) => ({ value: o, label: entryOutcomeLabels[o] }))}
            onChange={(value) => set({ outcome: value as EntryOutcome })}
          />
          {outcomeError && <Input.Error id={`outcome-error-${entry.key}`}>{outcomeError}</Input.Error>}
        </Stack>
        {!entry.planned && (
          <Button size="md" variant="subtle" color="gray" style={{ flexShrink: 0 }} onClick={props.onRemove}>
            Remove
          </Button>
        )}
      </Group>
      {(entry.outcome === 'modified' || entry.outcome === 'skipped') && (
        <TextInput
          mt={6}
          size="sm"
          label={entry.outcome === 'skipped' ? 'Why skipped' : 'What was modified and why'}
          value={entry.reason}
          error={err('reason')}
          data-log-field=""
          onChange={(e) => set({ reason: e.currentTarget.value })}
        />
      )}
      {props.conflicts.length > 0 && entry.outcome !== 'skipped' && (
        <Stack gap={6} mt={6}>
          <ConflictWarning conflicts={props.conflicts} />
          <Textarea
            size="sm"
            label="Override note (required)"
            description="Why this exercise is safe for this patient today"
            autosize
            minRows={1}
            value={entry.overrideNote}
            error={err('overrideNote')}
            onChange={(e) => set({ overrideNote: e.currentTarget.value })}
          />
        </Stack>
      )}
    </Paper>
  );
}

/**
 * "Not taken" for a core vital left blank: ticked, it needs a reason, which is stored with the
 * screen and shown on the signed record (screenCompleteness).
 */
function NotTakenFields(props: {
  draft: SessionDraft;
  errors: Record<string, string>;
  onChange(notTaken: Partial<Record<CoreVital, string>>): void;
}) {
  const notTaken = props.draft.notTaken ?? {};
  const blank = coreVitals.filter((v) => vitalBlank(props.draft, v));
  if (blank.length === 0) return null;
  return (
    <Stack gap={6} mt="sm">
      <Group gap="md">
        {blank.map((vital) => (
          <Checkbox
            key={vital}
            size="sm"
            label={`${coreVitalLabels[vital]} not taken`}
            checked={vital in notTaken}
            onChange={(e) => {
              const next = { ...notTaken };
              if (e.currentTarget.checked) next[vital] = '';
              else delete next[vital];
              props.onChange(next);
            }}
          />
        ))}
      </Group>
      {blank
        .filter((vital) => vital in notTaken)
        .map((vital) => (
          <TextInput
            key={vital}
            size="sm"
            withAsterisk
            label={`Why was the ${vital === 'spo2' ? 'SpO₂' : coreVitalLabels[vital].toLowerCase()} not taken?`}
            placeholder={vital === 'spo2' ? 'e.g. oximeter unavailable' : 'e.g. equipment unavailable'}
            value={notTaken[vital] ?? ''}
            error={props.errors[`screen.notTaken.${vital}`]}
            onChange={(e) => props.onChange({ ...notTaken, [vital]: e.currentTarget.value })}
          />
        ))}
    </Stack>
  );
}

/**
 * One patient's session from screen to sign-off. Everything typed lives in a draft that is saved
 * to the caseload a moment after every change, so a reload or crash brings it back.
 */
/** One patient's state at a glance, for the class switcher. */
export interface RecorderStatus {
  sessionId: string;
  patientName: string;
  label: string;
  color: string;
}

function statusOf(view: SessionView, draft: SessionDraft, live: ScreenDecision): RecorderStatus {
  const base = { sessionId: view.id, patientName: view.patientName };
  if (view.signedAt) {
    return { ...base, label: `Signed${view.decision ? ` · ${decisionLabels[view.decision]}` : ''}`, color: 'gray' };
  }
  if (view.decision) return { ...base, label: decisionLabels[view.decision], color: decisionColors[view.decision] };
  const typed = Object.values(draft.screen).some((v) => v !== '' && !(Array.isArray(v) && v.length === 0));
  if (typed && live === 'hold') return { ...base, label: 'Screening · Hold', color: 'red' };
  return { ...base, label: typed ? 'Screening' : 'To screen', color: typed ? 'blue' : 'gray' };
}

export function SessionRecorder(props: {
  sessionId: string;
  compact?: boolean;
  library: Exercise[];
  onStatus?(status: RecorderStatus): void;
}) {
  // Lays itself out by its own width: a full-width patient at 1024 px reads like a narrow column would not.
  const { ref: sizeRef, width } = useElementSize();
  const compact = props.compact ?? (width > 0 && width < 900);
  // Field grids by the width they actually get, so labels such as "Resting HR (bpm)" stay on one line.
  const formWidth = compact ? width : width / 2;
  const fieldCols = width === 0 || formWidth >= 690 ? 3 : 2;
  const afterCols = width >= 1200 ? 5 : width >= 700 ? 3 : 2;
  const entryCols = width > 0 && width < 500 ? 3 : compact ? 4 : 8;
  const [view, setView] = useState<SessionView | null>(null);
  const [draft, setDraft] = useState<SessionDraft | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [bloodsOpen, setBloodsOpen] = useState(false);
  const [screenOpen, setScreenOpen] = useState(false);
  const dirty = useRef(false);

  const load = async () => {
    try {
      const next = await api.sessions.get({ sessionId: props.sessionId });
      setView(next);
      setDraft(initialDraft(next));
      setSavedAt(next.draftSavedAt);
      dirty.current = false;
    } catch (error) {
      showApiError(error, undefined, { title: 'Could not open the session' });
    }
  };
  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.sessionId]);

  // The draft not yet sent. It is sent after a short pause in typing, and at once when the screen
  // closes (leaving the session, switching route, closing the window), so no keystroke is lost.
  const pending = useRef<{ sessionId: string; draft: SessionDraft } | null>(null);
  const flushDraft = useRef(() => {
    const next = pending.current;
    if (!next) return;
    pending.current = null;
    api.sessions
      .saveDraft({ sessionId: next.sessionId, draft: next.draft as unknown as Record<string, unknown> })
      .then((r) => setSavedAt(r.savedAt))
      .catch((error: unknown) => showApiError(error, undefined, { title: 'Draft not saved' }));
  });
  useEffect(() => {
    if (view?.signedAt) pending.current = null;
    if (!draft || !dirty.current || view?.signedAt) return;
    pending.current = { sessionId: props.sessionId, draft };
    const timer = setTimeout(flushDraft.current, DRAFT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, props.sessionId, view?.signedAt]);
  useEffect(() => {
    const flush = flushDraft.current;
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [props.sessionId]);

  const update = (fn: (d: SessionDraft) => SessionDraft) => {
    dirty.current = true;
    setDraft((d) => (d ? fn(d) : d));
  };

  const live = useMemo(() => {
    if (!view || !draft) return null;
    return evaluateScreen(
      screenInputFrom(screenPayload(draft) as Record<string, unknown>),
      screenContextFor(view.safety, view.classId !== null),
      view.thresholds,
    );
  }, [view, draft]);

  const libraryById = useMemo(() => new Map(props.library.map((e) => [e.id, e])), [props.library]);

  const status = view && draft && live ? statusOf(view, draft, live.decision) : null;
  const { onStatus } = props;
  useEffect(() => {
    if (status) onStatus?.(status);
    // Only when what the chip says changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [status?.label, status?.color, status?.patientName, onStatus]);

  if (!view || !draft || !live) {
    return (
      <Text c="dimmed" ref={sizeRef}>
        Opening the session…
      </Text>
    );
  }
  if (view.signedAt) return <SignedSession view={view} onChanged={setView} />;

  const recorded = view.decision !== null;
  const showBloods =
    bloodsOpen ||
    (['haemoglobinGL', 'plateletsX109', 'neutrophilsX109', 'glucoseMmol'] as const).some((k) => draft.screen[k] !== '');
  const setShowBloods = setBloodsOpen;
  const decision = live.decision;
  const completeness = screenCompleteness(
    screenInputFrom(screenPayload(draft) as Record<string, unknown>),
    notTakenPayload(draft),
    decision,
  );
  const mayStart = view.safety.mayStart;
  const needsOverride = mayStart.verdict === 'override_required' && decision !== 'hold';
  const fieldsError = (e: unknown) => showApiError(e, { setErrors: (f) => setErrors(f) });

  const recordScreen = async () => {
    flushDraft.current();
    if (!completeness.complete) {
      // The same rule main applies on save: say under each field what is still needed.
      setErrors(Object.fromEntries(completeness.missing.map((m) => [`screen.${m.field}`, m.message])));
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      await api.sessions.recordScreen({
        sessionId: view.id,
        screen: screenPayload(draft),
        clearanceOverrideReason: draft.overrideReason || null,
      });
      const next = await api.sessions.get({ sessionId: view.id });
      setView(next);
      setScreenOpen(false);
      showSaved(`Screen recorded for ${view.patientName}: ${decisionLabels[next.decision ?? decision]}`);
    } catch (error) {
      fieldsError(error);
    } finally {
      setBusy(false);
    }
  };

  const sign = async () => {
    // The draft goes first, so a refused sign-off still leaves everything typed saved.
    flushDraft.current();
    setBusy(true);
    setErrors({});
    try {
      const next = await api.sessions.sign({
        sessionId: view.id,
        screen: screenPayload(draft),
        clearanceOverrideReason: draft.overrideReason || null,
        entries: view.decision === 'hold' ? [] : entriesPayload(draft.entries),
        after: afterPayload(draft),
        notes: draft.notes || null,
        occurredAt: draft.occurredAt ? new Date(draft.occurredAt).toISOString() : null,
      });
      setView(next);
      showSaved(`Session for ${view.patientName} signed and locked`);
    } catch (error) {
      fieldsError(error);
    } finally {
      setBusy(false);
    }
  };

  // Every screen number field, vitals, bloods and symptoms alike, shows its own refusal from main.
  const screenField = ([key, label]: [ScreenNumberField, string]) => (
    <NumberField
      key={key}
      label={label}
      value={draft.screen[key] ?? ''}
      min={screenFieldRanges[key].min}
      max={screenFieldRanges[key].max}
      decimals={screenFieldRanges[key].decimals}
      error={errors[`screen.${key}`]}
      onChange={(v) => setScreen(key, v)}
    />
  );
  const setScreen = (key: ScreenNumberField, value: Num) =>
    update((d) => ({ ...d, screen: { ...d.screen, [key]: value } }));

  return (
    <Stack gap="md" component="section" aria-label={view.patientName} ref={sizeRef} data-recorder="">
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Title order={compact ? 3 : 2} size={compact ? 'h4' : 'h3'}>
              {view.patientName}
            </Title>
            <Text c="dimmed" size="sm">
              {formatClinicDate(view.date)} at {view.startTime}
              {view.className ? ` · ${view.className}` : ''} · {attendanceLabels[view.attendance]}
            </Text>
          </div>
          <Text size="xs" c="dimmed" ta="right" aria-live="polite">
            {savedAt ? `Draft saved ${new Date(savedAt).toLocaleTimeString()}` : 'Nothing typed yet'}
          </Text>
        </Group>
        <div style={{ marginTop: 8 }}>
          <PatientSafetyHeader view={view} />
        </div>
      </Paper>

      {recorded && !screenOpen ? (
        <Paper withBorder p="md" radius="md" component="section" aria-label="Pre-session screen">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <div>
              <Group gap="xs">
                <Title order={3} size="h4">
                  Screen
                </Title>
                <Badge color={decisionColors[view.decision!]} size="lg">
                  {decisionLabels[view.decision!]}
                </Badge>
              </Group>
              <Text size="sm" mt={4}>
                {screenSummary(draft)}
              </Text>
              {view.firedRules
                .filter((r) => r.effect !== 'info')
                .map((r) => (
                  <Text size="sm" key={r.id}>
                    {r.label}: {r.value} ({r.threshold}) — {r.advice}
                  </Text>
                ))}
              {view.adverseEvents.length > 0 && (
                <Text size="sm" c="red" fw={600}>
                  Incident recorded ({view.adverseEvents.length})
                </Text>
              )}
            </div>
            <Button variant="default" size="compact-md" style={{ flexShrink: 0 }} onClick={() => setScreenOpen(true)}>
              Change
            </Button>
          </Group>
        </Paper>
      ) : (
        <SimpleGrid cols={compact ? 1 : 2} spacing="md" style={{ alignItems: 'start' }}>
          <Paper withBorder p="md" radius="md" component="section" aria-label="Pre-session screen">
            <Title order={3} size="h4" mb="xs">
              Pre-session screen
            </Title>
            <SimpleGrid cols={fieldCols} spacing="sm">
              {vitalInputs.map(screenField)}
            </SimpleGrid>
            <NotTakenFields
              draft={draft}
              errors={errors}
              onChange={(notTaken) => update((d) => ({ ...d, notTaken }))}
            />
            <Checkbox.Group
              mt="md"
              label="Red flags today"
              description="Any one means Hold"
              error={errors['screen.redFlags']}
              value={draft.screen.redFlags}
              onChange={(redFlagsNow) => update((d) => ({ ...d, screen: { ...d.screen, redFlags: redFlagsNow } }))}
            >
              <Stack gap={6} mt={6}>
                {redFlags.map((flag) => (
                  <Checkbox key={flag.id} value={flag.id} label={flag.label} size="sm" />
                ))}
              </Stack>
            </Checkbox.Group>
            <Text fw={600} mt="md" size="sm">
              Symptoms
            </Text>
            <SimpleGrid cols={fieldCols} spacing="sm">
              {symptomInputs.map(screenField)}
            </SimpleGrid>
            {draft.screen.pain0to10 !== '' && draft.screen.pain0to10 > 0 && (
              <TextInput
                mt="sm"
                label="Pain site"
                value={draft.screen.painSite}
                onChange={(e) => {
                  const painSite = e.currentTarget.value;
                  update((d) => ({ ...d, screen: { ...d.screen, painSite } }));
                }}
              />
            )}
            {!showBloods && (
              <Button variant="subtle" size="compact-md" mt="sm" px={0} onClick={() => setShowBloods(true)}>
                Add recent blood results
              </Button>
            )}
            {showBloods && (
              <>
                <Text fw={600} mt="md" size="sm">
                  Recent blood results (optional)
                </Text>
                <SimpleGrid cols={fieldCols} spacing="sm">
                  {bloodInputs.map(screenField)}
                  <TextInput
                    label="Date of blood test"
                    type="date"
                    value={draft.screen.bloodsDate}
                    onChange={(e) => {
                      const bloodsDate = e.currentTarget.value;
                      update((d) => ({ ...d, screen: { ...d.screen, bloodsDate } }));
                    }}
                  />
                </SimpleGrid>
                {draft.screen.glucoseMmol !== '' &&
                  draft.screen.glucoseMmol > view.thresholds.glucoseHoldAboveWithSymptoms.value && (
                    <Checkbox
                      mt="sm"
                      label="Ketones present, or weakness or unusual tiredness"
                      checked={draft.screen.glucoseKetonesOrSymptoms === true}
                      onChange={(e) => {
                        const glucoseKetonesOrSymptoms = e.currentTarget.checked;
                        update((d) => ({ ...d, screen: { ...d.screen, glucoseKetonesOrSymptoms } }));
                      }}
                    />
                  )}
              </>
            )}
          </Paper>

          <Stack gap="md">
            <DecisionPanel
              decision={decision}
              rules={live.firedRules}
              recorded={false}
              missing={completeness.missing}
              notTaken={completeness.notTaken}
            />
            <UrgentActionPanel view={view} flagIds={draft.screen.redFlags} rules={live.firedRules} />
            {mayStart.verdict !== 'may_start' && (
              <Alert
                color={mayStart.verdict === 'blocked' ? 'red' : 'orange'}
                title="Medical clearance"
                variant="light"
              >
                {mayStart.reasons.map((r) => (
                  <Text size="sm" key={r}>
                    {r}
                  </Text>
                ))}
                {needsOverride && (
                  <Textarea
                    mt="xs"
                    label="Reason for starting without valid clearance"
                    withAsterisk
                    autosize
                    minRows={2}
                    value={draft.overrideReason}
                    error={errors.clearanceOverrideReason}
                    onChange={(e) => {
                      const overrideReason = e.currentTarget.value;
                      update((d) => ({ ...d, overrideReason }));
                    }}
                  />
                )}
              </Alert>
            )}
            <Button
              leftSection={decision === 'hold' ? <IconHandStop size={20} /> : <IconPlayerPlay size={20} />}
              color={decision === 'hold' ? 'red.8' : undefined}
              loading={busy}
              disabled={mayStart.verdict === 'blocked' && decision !== 'hold'}
              onClick={recordScreen}
            >
              {recorded
                ? 'Record the screen again'
                : decision === 'hold'
                  ? 'Record screen and hold'
                  : 'Record screen and start'}
            </Button>
            {recorded && (
              <Text size="sm" c="dimmed">
                Recorded: {decisionLabels[view.decision!]}
                {view.adverseEvents.length > 0 ? ` · incident recorded (${view.adverseEvents.length})` : ''}
              </Text>
            )}
          </Stack>
        </SimpleGrid>
      )}

      {recorded && view.decision !== 'hold' && (
        <Paper withBorder p="md" radius="md" component="section" aria-label="Exercise log">
          <Group justify="space-between" mb="xs">
            <Title order={3} size="h4">
              Exercise log
            </Title>
            <Text size="sm" c="dimmed">
              {view.plan ? `Plan v${view.plan.version}` : 'No written plan'} · RPE on the 6–20 scale
            </Text>
          </Group>
          {errors.entries && (
            <Alert color="red" mb="xs">
              {errors.entries}
            </Alert>
          )}
          <Text size="xs" c="dimmed" mb={6}>
            Keyboard: Tab moves through a row; Enter moves to the next field, and from the last field to the next row;
            on “Complete as planned”, Enter logs the row as planned and moves on.
          </Text>
          <Stack gap="xs" data-log="">
            {draft.entries.map((entry, index) => {
              const ex = libraryById.get(entry.exerciseId);
              const conflicts = ex ? conflictsFor(ex, view.restrictions) : [];
              const item = entry.planned ? view.plan?.items.find((i) => i.exerciseId === entry.exerciseId) : undefined;
              return (
                <EntryEditor
                  key={entry.key}
                  entry={entry}
                  index={index}
                  conflicts={conflicts}
                  cols={entryCols}
                  errors={errors}
                  thresholds={view.thresholds}
                  planned={
                    item
                      ? {
                          sets: item.sets ?? '',
                          reps: item.reps ?? '',
                          loadKg: item.loadKg ?? '',
                          durationMin: item.durationMin ?? '',
                        }
                      : null
                  }
                  onChange={(next) => {
                    const prefix = `entries.${index}.`;
                    if (Object.keys(errors).some((k) => k.startsWith(prefix))) {
                      setErrors((all) =>
                        Object.fromEntries(Object.entries(all).filter(([k]) => !k.startsWith(prefix))),
                      );
                    }
                    update((d) => ({ ...d, entries: d.entries.map((e) => (e.key === entry.key ? next : e)) }));
                  }}
                  onRemove={() => update((d) => ({ ...d, entries: d.entries.filter((e) => e.key !== entry.key) }))}
                />
              );
            })}
          </Stack>
          <Select
            mt="sm"
            label="Add an exercise"
            placeholder="Type to search the library"
            searchable
            value={null}
            data={props.library.filter((e) => !e.retired).map((e) => ({ value: e.id, label: e.name }))}
            onChange={(value) => {
              const ex = value ? libraryById.get(value) : undefined;
              if (!ex) return;
              update((d) => ({
                ...d,
                entries: [
                  ...d.entries,
                  {
                    key: newKey(),
                    exerciseId: ex.id,
                    exerciseName: ex.name,
                    planned: false,
                    sets: '',
                    reps: '',
                    loadKg: '',
                    durationMin: '',
                    rpe: '',
                    peakHr: '',
                    spo2: '',
                    painChange: '',
                    outcome: 'completed',
                    reason: '',
                    overrideNote: '',
                  },
                ],
              }));
            }}
          />
        </Paper>
      )}

      {recorded && (
        <Paper withBorder p="md" radius="md" component="section" aria-label="After the session">
          <Title order={3} size="h4" mb="xs">
            {view.decision === 'hold' ? 'Held for safety' : 'After the session'}
          </Title>
          {view.decision !== 'hold' && (
            <SimpleGrid cols={afterCols} spacing="sm" data-after-start="">
              {afterInputs.map(([key, label]) => (
                <NumberField
                  key={key}
                  label={label}
                  value={draft.after[key]}
                  min={afterRanges[key].min}
                  max={afterRanges[key].max}
                  error={errors[`after.${key}`]}
                  onChange={(v) => update((d) => ({ ...d, after: { ...d.after, [key]: v } }))}
                />
              ))}
            </SimpleGrid>
          )}
          <Textarea
            mt="sm"
            label="Session notes"
            autosize
            minRows={2}
            value={draft.notes}
            error={errors.notes}
            onChange={(e) => {
              const notes = e.currentTarget.value;
              update((d) => ({ ...d, notes }));
            }}
          />
          <Group mt="sm" align="flex-end" justify="space-between">
            <TextInput
              label="Session took place at"
              type="datetime-local"
              value={draft.occurredAt}
              error={errors.occurredAt}
              onChange={(e) => {
                const occurredAt = e.currentTarget.value;
                update((d) => ({ ...d, occurredAt }));
              }}
            />
            <Button loading={busy} onClick={sign} color={view.decision === 'hold' ? 'red.8' : undefined}>
              {view.decision === 'hold' ? 'Sign as held for safety' : 'Sign and lock session'}
            </Button>
          </Group>
        </Paper>
      )}
    </Stack>
  );
}

export function EntriesTable({ entries }: { entries: SessionView['entries'] }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing={4} aria-label="Exercises logged">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Exercise</Table.Th>
            <Table.Th>Sets × reps</Table.Th>
            <Table.Th>Load</Table.Th>
            <Table.Th>Min</Table.Th>
            <Table.Th>RPE</Table.Th>
            <Table.Th>Outcome</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>
                {e.exerciseName}
                {e.exerciseRetired ? ' (retired)' : ''}
                {!e.planned && (
                  <Badge ml={6} size="xs" variant="light">
                    Added
                  </Badge>
                )}
                {e.overrideNote && (
                  <Text size="xs" c="orange.8">
                    Override: {e.overrideNote}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{e.sets != null || e.reps != null ? `${e.sets ?? '–'} × ${e.reps ?? '–'}` : '—'}</Table.Td>
              <Table.Td>{e.loadKg != null ? `${e.loadKg} kg` : '—'}</Table.Td>
              <Table.Td>{e.durationMin ?? '—'}</Table.Td>
              <Table.Td>{e.rpe ?? '—'}</Table.Td>
              <Table.Td>
                {entryOutcomeLabels[e.outcome]}
                {e.reason ? `: ${e.reason}` : ''}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
