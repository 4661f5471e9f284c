import { Badge, Group, Loader, Stack, Text, Title, type MantineColor } from '@mantine/core';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useParams } from 'react-router';
import { clearanceStateLabels, type ClearanceState } from '../../../shared/clinical/intake/clearance';
import type { CycleDay } from '../../../shared/clinical/intake/treatmentCycle';
import type { IntakeRecord } from '../../../shared/contract/intake';
import { ageOn } from '../../../shared/dates';
import { formatClinicDate } from '../../dates';
import { patientStatuses, sexes, type PatientStatus } from '../../../shared/domain/vocabulary';
import { api } from '../../api';
import { showApiError } from '../../components/forms';
import { BackLink } from '../../components/BackLink';

/** Loads a patient's intake record; each section's save hands back the refreshed record. */
export function usePatientRecord(): {
  patientId: string;
  record: IntakeRecord | null;
  setRecord(record: IntakeRecord): void;
  reload(): void;
} {
  const { patientId = '' } = useParams();
  const [record, setRecord] = useState<IntakeRecord | null>(null);
  const reload = useCallback(() => {
    api.intake
      .record({ patientId })
      .then(setRecord)
      .catch((error: unknown) => showApiError(error, undefined, { title: 'Could not open the patient' }));
  }, [patientId]);
  useEffect(reload, [reload]);
  return { patientId, record, setRecord, reload };
}

export const clearanceColors: Record<ClearanceState, MantineColor> = {
  missing: 'red',
  requested: 'orange',
  valid: 'teal',
  expiring: 'yellow',
  expired: 'red',
  not_cleared: 'red',
};

/**
 * How a clearance badge looks on every screen (caseload, overview, Today, recorder): the same colour
 * for the same state, and filled whenever it stops or limits exercise, so it is seen first.
 */
export function clearanceBadgeLook(state: string) {
  const color: MantineColor = clearanceColors[state as ClearanceState] ?? 'gray';
  return { color, variant: state === 'valid' ? 'light' : 'filled', autoContrast: true } as const;
}

/** One wording everywhere, the same as the clearance card: "review due in N days". */
function reviewDue(daysLeft: number | null): string {
  if (daysLeft === 0) return 'review due today';
  return `review due in ${daysLeft} day${daysLeft === 1 ? '' : 's'}`;
}

export function clearanceShortLabel(state: ClearanceState, daysLeft: number | null): string {
  if (state === 'expiring') return `Clearance ${reviewDue(daysLeft)}`;
  return clearanceStateLabels[state];
}

const compactClearanceLabels: Record<ClearanceState, string> = {
  missing: 'No clearance',
  requested: 'Requested',
  valid: 'Cleared',
  expiring: 'Review due',
  expired: 'Expired',
  not_cleared: 'Not cleared',
};

/** Badges never truncate: a clipped safety label is worse than a wrapped row. */
export const badgeStyles = { label: { overflow: 'visible' as const } };

export function ClearanceBadge(props: {
  state: ClearanceState;
  daysLeft: number | null;
  size?: 'sm' | 'md' | 'lg';
  compact?: boolean;
}) {
  const label = props.compact
    ? props.state === 'expiring'
      ? reviewDue(props.daysLeft).replace(/^r/, 'R')
      : compactClearanceLabels[props.state]
    : clearanceShortLabel(props.state, props.daysLeft);
  return (
    <Badge
      {...clearanceBadgeLook(props.state)}
      size={props.size ?? 'md'}
      style={{ textTransform: 'none' }}
      styles={badgeStyles}
    >
      {label}
    </Badge>
  );
}

export const statusColors: Record<PatientStatus, MantineColor> = {
  referred: 'blue',
  active: 'teal',
  on_hold: 'yellow',
  discharged: 'gray',
  deceased: 'dark',
};

export function StatusBadge(props: { status: PatientStatus; size?: 'sm' | 'md' | 'lg' }) {
  return (
    <Badge
      color={statusColors[props.status]}
      variant="light"
      size={props.size ?? 'md'}
      radius="sm"
      style={{ textTransform: 'none' }}
      styles={badgeStyles}
    >
      {patientStatuses.labels[props.status]}
    </Badge>
  );
}

/**
 * The patient's status and clearance badges, for any screen that shows a patient (reassessment,
 * progress, sessions). `clearance` is `IntakeRecord.clearance`, the safety context's clearance, or
 * any `{ state, daysLeft }`.
 */
export function PatientStatusBadges(props: {
  status: PatientStatus;
  clearance: { state: ClearanceState; daysLeft: number | null };
  size?: 'sm' | 'md' | 'lg';
}) {
  return (
    <Group gap="xs" role="group" aria-label="Patient status">
      <StatusBadge status={props.status} size={props.size} />
      <ClearanceBadge state={props.clearance.state} daysLeft={props.clearance.daysLeft} size={props.size ?? 'lg'} />
    </Group>
  );
}

export function displayName(p: { givenName: string; familyName: string; preferredName: string | null }): string {
  return `${p.givenName} ${p.familyName}`;
}

/** The identity line every patient screen starts with, so the clinician never loses whose record it is. */
export function PatientHeader(props: { record: IntakeRecord; title?: string; back?: boolean }) {
  const { patient, clearance, today } = props.record;
  return (
    <Stack gap={4}>
      {props.back !== false && <BackLink to={`/patients/${patient.id}`}>Back to overview</BackLink>}
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={0}>
          {props.title && (
            <Text size="sm" c="dimmed">
              {displayName(patient)} · {patient.mrn}
            </Text>
          )}
          <Title order={2}>{props.title ?? displayName(patient)}</Title>
          {!props.title && (
            <Text c="dimmed">
              {patient.preferredName ? `Prefers “${patient.preferredName}” · ` : ''}MRN {patient.mrn} · born{' '}
              {formatClinicDate(patient.dateOfBirth)} ({ageOn(patient.dateOfBirth, today)} y) ·{' '}
              {sexes.labels[patient.sex]}
            </Text>
          )}
        </Stack>
        <PatientStatusBadges status={patient.status} clearance={clearance} />
      </Group>
    </Stack>
  );
}

export function Loading() {
  return (
    <Group justify="center" p="xl">
      <Loader aria-label="Loading" />
    </Group>
  );
}

/** A section screen: header, then its content once the record is loaded. */
export function SectionScreen(props: {
  title: string;
  children(record: IntakeRecord, setRecord: (r: IntakeRecord) => void): ReactNode;
}) {
  const { record, setRecord } = usePatientRecord();
  if (!record) return <Loading />;
  return (
    <Stack gap="lg" maw={1000}>
      <PatientHeader record={record} title={props.title} />
      {props.children(record, setRecord)}
    </Stack>
  );
}

/**
 * A form's values as the contract wants them: a blank ('') becomes null, in arrays and nested
 * objects alike. A plain `string` field keeps the type `string`: when it is blank and required,
 * main refuses the null with the field's own message, which is the check that counts.
 */
export type Nullified<T> = T extends ''
  ? null
  : T extends string | number | boolean
    ? T
    : T extends readonly (infer U)[]
      ? Nullified<U>[]
      : T extends object
        ? { [K in keyof T]: Nullified<T[K]> }
        : T;

/** A stored row as a form holds it: every null or absent value is ''. */
export type Blankified<T> = T extends null | undefined
  ? ''
  : T extends readonly (infer U)[]
    ? Blankified<U>[]
    : T extends object
      ? { [K in keyof T]-?: Blankified<T[K]> }
      : T;

/** Form values keep '' for empty inputs; the contract wants null (see Nullified). */
export function nullify<T>(value: T): Nullified<T> {
  if (value === '') return null as Nullified<T>;
  if (Array.isArray(value)) return value.map(nullify) as Nullified<T>;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, nullify(v)])) as Nullified<T>;
  }
  return value as Nullified<T>;
}

/** The reverse, for loading a stored row into a form. */
export function blankify<T>(value: T): Blankified<T> {
  if (value === null || value === undefined) return '' as Blankified<T>;
  if (Array.isArray(value)) return value.map(blankify) as Blankified<T>;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, blankify(v)])) as Blankified<T>;
  }
  return value as Blankified<T>;
}

export function options<T extends string>(vocab: { values: readonly T[]; labels: Record<T, string> }, blank?: string) {
  const list = vocab.values.map((value) => ({ value, label: vocab.labels[value] }));
  return blank !== undefined ? [{ value: '', label: blank }, ...list] : list;
}

export function cycleDayText(cycleDay: CycleDay | null): string {
  if (!cycleDay) return '';
  return `Cycle ${cycleDay.cycleNumber}, day ${cycleDay.day}${cycleDay.projected ? ' (projected)' : ''}`;
}
