import { memo } from 'react';
import { Alert, Badge, Group, List, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconClipboardList, IconHandStop, IconPhone } from '@tabler/icons-react';
import type { ClearanceLimits } from '../../../shared/clinical/intake/clearance';
import type { PatientAlert } from '../../../shared/clinical/intake/patientAlerts';
import {
  describeLimits,
  movementTagLabels,
  redFlags,
  type BoneConflict,
  type FiredRule,
  type LimitProblem,
  type MissingVital,
  type ScreenDecision,
} from '../../../shared/clinical/session';
import type { SessionView } from '../../../shared/contract/sessions';
import { boneLesionSites, contactRoles, treatmentTypes } from '../../../shared/domain/vocabulary';
import { clearanceBadgeLook, cycleDayText } from '../patients/shared';
import { useLocalTerms } from '../../localTerms';
import { decisionColors, decisionLabels } from './badges';
import type { StartBlocker } from './startBlockers';

/*
 * The safety panels shared by the live session screen and the signed record: the decision and
 * its fired rules, the urgent-action panel, the patient's safety header and the bone-lesion
 * conflict warning.
 */

/** The verdict, live or as signed: every rule that fired, with its value, threshold and source. */
export function DecisionPanel(props: {
  decision: ScreenDecision;
  rules: FiredRule[];
  /** A signed record: the decision and rules as stored at sign-off, in the past tense. */
  recorded: boolean;
  /** Core vitals still needed; while any are, a Go is not a decision yet. */
  missing?: MissingVital[];
  /** Core vitals recorded as not taken, with the clinician's reason. */
  notTaken?: Array<{ label: string; reason: string }>;
  /** Why the session cannot start on what is on screen (clearance, an impossible value); never shown as Go. */
  blockers?: StartBlocker[];
}) {
  const acting = props.rules.filter((r) => r.effect !== 'info');
  const notes = props.rules.filter((r) => r.effect === 'info');
  const missing = props.missing ?? [];
  // A signed record keeps the decision it was recorded with; only a live screen waits for vitals.
  const incomplete = missing.length > 0 && props.decision !== 'hold' && !props.recorded;
  const blockers = props.recorded ? [] : (props.blockers ?? []);
  // A Hold already says nobody starts; anything else with a blocker must not read as Go.
  const cannotStart = blockers.length > 0 && props.decision !== 'hold';
  const color = cannotStart ? 'red' : incomplete ? 'gray' : decisionColors[props.decision];
  const Icon = cannotStart
    ? IconHandStop
    : incomplete
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
            {props.recorded ? 'Signed decision' : 'Decision so far'}
          </Text>
          <Text
            fw={750}
            fz={24}
            c={cannotStart ? 'red' : incomplete ? undefined : color}
            lh={1.1}
            data-testid="decision"
          >
            {cannotStart ? 'Cannot start yet' : incomplete ? 'Screen incomplete' : decisionLabels[props.decision]}
          </Text>
        </div>
      </Group>
      {blockers.length > 0 && (
        <Alert color="red" variant="light" mt="sm" p="sm" aria-label="Why not yet">
          <List size="sm" spacing={2}>
            {blockers.map((b) => (
              <List.Item key={b.message}>{b.message}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {incomplete && (
        <Alert color="orange" variant="light" mt="sm" p="sm" aria-label="Still needed">
          <Text size="sm" fw={650}>
            {cannotStart ? 'Also still needed' : 'Not Go yet: still needed'}
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
      {acting.length === 0 && !incomplete && !cannotStart && (
        <Text size="sm" mt="sm" c="dimmed">
          {props.recorded
            ? 'No rule called for a change or a hold at this screen.'
            : 'No rule has fired on what is entered so far.'}
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
  const { localise } = useLocalTerms();
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
      <Text size="sm">{localise(rule.advice)}</Text>
      <Text size="xs" c="dimmed">
        Source: {rule.source}
      </Text>
    </Paper>
  );
}

/** What to do now, and whom to ring, when a red flag is ticked. */
export function UrgentActionPanel(props: { view: SessionView; flagIds: string[]; rules: FiredRule[] }) {
  const { localise } = useLocalTerms();
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
                <List.Item key={a}>{localise(a)}</List.Item>
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
            <Text size="sm">{localise(rule.advice)}</Text>
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

export function ClinicPolicyBadge() {
  return (
    <Badge size="xs" variant="outline" color="gray" title="The clinic's own default, editable in Settings">
      Clinic policy
    </Badge>
  );
}

/** The patient's standing safety alerts: the same list, from the same rule, as the overview shows. */
export function StandingAlerts(props: { alerts: PatientAlert[] }) {
  if (props.alerts.length === 0) return null;
  return (
    <Stack gap={4} role="list" aria-label="Patient alerts">
      {props.alerts.map((a) => (
        <Alert
          key={a.id}
          role="listitem"
          color={a.color}
          variant="light"
          p={6}
          icon={<IconAlertTriangle size={18} />}
          aria-label={a.title}
        >
          <Text size="sm">
            <b>{a.title}:</b> {a.body} {a.clinicPolicy && <ClinicPolicyBadge />}
          </Text>
        </Alert>
      ))}
    </Stack>
  );
}

/** The doctor's restrictions from the clearance in force: their own words, then what Pacewise enforces. */
export function DoctorRestrictions(props: { text: string | null; limits: ClearanceLimits }) {
  const enforced = describeLimits(props.limits);
  if (!props.text && enforced.length === 0) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      title="Doctor’s restrictions (clearance)"
      p="sm"
      aria-label="Doctor’s restrictions"
    >
      {props.text && <Text size="sm">“{props.text}”</Text>}
      {enforced.length > 0 && (
        <Text size="sm" mt={props.text ? 4 : 0}>
          <b>Checked on every log and plan:</b> {enforced.join(' · ')}. Going beyond them needs an override note.
        </Text>
      )}
    </Alert>
  );
}

// Memoised: it depends on the session's view only, not on what is being typed.
export const PatientSafetyHeader = memo(function PatientSafetyHeader({ view }: { view: SessionView }) {
  const { safety } = view;
  // Every cyclic treatment gets its own badge, worded as the overview words it.
  const cycling = safety.activeTreatments.filter((t) => t.cycleDay);
  return (
    <Stack gap="xs">
      <Group gap={6} wrap="wrap">
        <Badge {...clearanceBadgeLook(safety.clearance.state)} size="lg">
          {safety.clearance.label}
        </Badge>
        {cycling.map((t) => (
          <Badge key={t.id} variant="light" size="lg" color="blue" tt="none">
            {cycleDayText(t.cycleDay)} · {t.regimen ?? treatmentTypes.labels[t.type]}
          </Badge>
        ))}
        {safety.boneLesions.length > 0 && (
          <Badge variant="light" size="lg" color="grape">
            Bone metastases: {safety.boneLesions.map((l) => boneLesionSites.labels[l.site]).join(', ')}
          </Badge>
        )}
        {!view.heartRateTargets.allowed && (
          <Badge variant="light" size="lg" color="orange" tt="none">
            {view.heartRateTargets.medicines}: use RPE, not HR
          </Badge>
        )}
      </Group>
      {view.signedAt && (
        <Text size="xs" c="dimmed">
          Safety facts as the patient’s record reads today. The signed log below keeps the decision, thresholds and
          bone-lesion conflicts as they were at sign-off.
        </Text>
      )}
      <DoctorRestrictions text={safety.clearance.restrictions} limits={safety.clearance.limits} />
      <StandingAlerts alerts={safety.alerts} />
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
});

/** Where a logged value or planned exercise goes beyond the doctor's structured restrictions. */
export function LimitWarning(props: { problems: LimitProblem[] }) {
  return (
    <Alert
      color="orange"
      variant="light"
      p="xs"
      icon={<IconAlertTriangle size={18} />}
      title="Beyond the doctor’s restrictions"
    >
      {props.problems.map((p) => (
        <Text size="sm" key={p.message}>
          {p.message}
        </Text>
      ))}
    </Alert>
  );
}

export function ConflictWarning(props: { conflicts: BoneConflict[] }) {
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
