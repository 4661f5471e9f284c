import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import {
  checklistRedFlags,
  coreVitalLabels,
  coreVitals,
  spinalPainQuestions,
  type CoreVital,
  type PrefilledField,
  type RedFlagId,
  type ScreenContext,
  type SpinalPainReport,
} from '../../../shared/clinical/session';
import { prefillReview, ReportedValue } from '../checkIn/PatientReport';
import type { SessionView } from '../../../shared/contract/sessions';
import { useLocalTerms } from '../../localTerms';
import { decisionColors, decisionLabels } from './badges';
import { notTakenPayload, vitalBlank, type ScreenNumberField, type SessionDraft } from './draft';
import type { DraftAction } from './draftReducer';
import { bloodInputs, NumberField, screenFieldRanges, symptomInputs, vitalInputs } from './sessionFields';
import { UrgentLetterButton } from '../letters/UrgentLetterButton';
import { IncidentGrade } from './IncidentGrade';
import { ClinicDateInput } from '../../components/ClinicDateInput';

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

/**
 * A recorded screen, folded to one summary until the specialist chooses to change it. An incident
 * it opened (a red flag) is graded here, where the clinician already is: signing needs the grade.
 */
export function RecordedScreen(props: {
  view: SessionView;
  draft: SessionDraft;
  onChange(): void;
  onIncidentGraded(): void;
}) {
  const { view } = props;
  const { localise } = useLocalTerms();
  const ungraded = view.adverseEvents.filter((e) => e.severity === null && e.closedAt === null);
  return (
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
            {screenSummary(props.draft)}
          </Text>
          {view.checkIn && Object.keys(view.checkIn.prefill).length > 0 && (
            <Text size="sm">Patient-reported symptoms: {prefillReview(view.checkIn, view.screen)}</Text>
          )}
          {view.firedRules
            .filter((r) => r.effect !== 'info')
            .map((r) => (
              <Text size="sm" key={r.id}>
                {r.label}: {r.value} ({r.threshold}) — {localise(r.advice)}
              </Text>
            ))}
          {view.adverseEvents.length > 0 && (
            <Text size="sm" c="red" fw={600}>
              Incident recorded ({view.adverseEvents.length})
              {ungraded.length > 0 ? ' · grade needed: choose its grade and write what was done, below' : ''}
            </Text>
          )}
          {view.decision === 'hold' && view.adverseEvents.length > 0 && (
            <Group mt="xs">
              <UrgentLetterButton patientId={view.patientId} sessionId={view.id} />
            </Group>
          )}
        </div>
        <Button variant="default" size="compact-md" style={{ flexShrink: 0 }} onClick={props.onChange}>
          Change
        </Button>
      </Group>
      {ungraded.map((event, i) => (
        <Paper
          key={event.id}
          withBorder
          p="sm"
          mt="sm"
          radius="sm"
          component="section"
          aria-label={`Grade the incident: ${event.description ?? 'incident'}`}
        >
          <Text size="sm" fw={650}>
            {event.description ?? 'Incident'} · grade needed
          </Text>
          <IncidentGrade
            event={event}
            labelPrefix={ungraded.length > 1 ? `Incident ${i + 1}` : undefined}
            onGraded={props.onIncidentGraded}
          />
        </Paper>
      ))}
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

const bloodFields = ['haemoglobinGL', 'plateletsX109', 'neutrophilsX109', 'glucoseMmol'] as const;

/**
 * New or worse back or neck pain asks the cord-compression questions (NICE CG75/NG234, for anyone
 * with cancer): each needs a yes or a no before a Go, and any yes raises its red flag (Hold).
 */
function SpinalPainQuestions(props: {
  report: SpinalPainReport | undefined;
  error: string | undefined;
  onChange(report: SpinalPainReport): void;
}) {
  const report = props.report ?? { isNew: false, answers: {} };
  return (
    <Stack gap={6} mt="sm">
      <Checkbox
        size="sm"
        label="New or worse back or neck pain today"
        checked={report.isNew}
        onChange={(e) => props.onChange({ ...report, isNew: e.currentTarget.checked })}
      />
      {report.isNew && (
        <Alert
          color="orange"
          variant="light"
          p="sm"
          title="Cord-compression questions"
          role="group"
          aria-label="Cord-compression questions"
        >
          <Text size="xs" mb={6}>
            Ask each one. Any yes means no exercise today and a call to the team (NICE CG75, carried into NG234).
          </Text>
          <Stack gap={8}>
            {spinalPainQuestions.map((q) => (
              <Radio.Group
                key={q.id}
                label={q.question}
                size="sm"
                value={report.answers[q.id] ?? null}
                onChange={(value) =>
                  props.onChange({ ...report, answers: { ...report.answers, [q.id]: value as 'yes' | 'no' } })
                }
              >
                <Group gap="lg" mt={4}>
                  <Radio value="no" label="No" size="md" />
                  <Radio value="yes" label="Yes" size="md" />
                </Group>
              </Radio.Group>
            ))}
          </Stack>
          {props.error && (
            <Text size="sm" c="red.8" mt={6} role="alert">
              {props.error}
            </Text>
          )}
        </Alert>
      )}
    </Stack>
  );
}

/** The pre-session screen as typed: vitals, red flags, symptoms and recent bloods. */
export function ScreenForm(props: {
  view: SessionView;
  draft: SessionDraft;
  context: ScreenContext;
  /** Red flags the spinal-pain answers raise: shown ticked, and untickable only by changing the answer. */
  raisedFlags: RedFlagId[];
  errors: Record<string, string>;
  /** Clears the errors under a field once it is edited, so a fixed field no longer reads as refused. */
  clearErrors(prefix: string): void;
  fieldCols: number;
  dispatch(action: DraftAction): void;
}) {
  const { draft, errors, dispatch, fieldCols, raisedFlags, clearErrors } = props;
  const temperatureRequired = props.context.chemotherapyActive;
  const [bloodsOpen, setBloodsOpen] = useState(false);
  const showBloods = bloodsOpen || bloodFields.some((k) => draft.screen[k] !== '');
  const report =
    props.view.checkIn && draft.checkIn?.checkInId === props.view.checkIn.checkInId ? props.view.checkIn : null;
  // Every screen number field, vitals, bloods and symptoms alike, shows its own refusal from main.
  const screenField = ([key, label]: [ScreenNumberField, string]) => {
    const reported = report?.prefill[key as PrefilledField];
    const input = (
      <NumberField
        key={key}
        label={label}
        value={draft.screen[key] ?? ''}
        min={screenFieldRanges[key].min}
        max={screenFieldRanges[key].max}
        decimals={screenFieldRanges[key].decimals}
        required={key === 'temperatureC' && temperatureRequired}
        description={key === 'temperatureC' && temperatureRequired ? 'Needed on chemotherapy' : undefined}
        error={errors[`screen.${key}`]}
        onChange={(value) => {
          dispatch({ type: 'screenNumber', field: key, value });
          clearErrors(`screen.${key}`);
        }}
      />
    );
    if (reported === undefined) return input;
    return (
      <div key={key}>
        {input}
        <ReportedValue
          label={label}
          reported={reported}
          current={draft.screen[key] ?? ''}
          confirmed={draft.checkIn?.confirmed.includes(key as PrefilledField) ?? false}
          onConfirm={() => {
            dispatch({ type: 'confirmReported', field: key as PrefilledField });
            clearErrors(`screen.${key}`);
          }}
        />
      </div>
    );
  };
  const glucoseHigh =
    draft.screen.glucoseMmol !== '' &&
    draft.screen.glucoseMmol > props.view.thresholds.glucoseHoldAboveWithSymptoms.value;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Pre-session screen">
      <Title order={3} size="h4" mb="xs">
        Pre-session screen
      </Title>
      <SimpleGrid cols={fieldCols} spacing="sm">
        {vitalInputs.map(screenField)}
      </SimpleGrid>
      <NotTakenFields draft={draft} errors={errors} onChange={(value) => dispatch({ type: 'notTaken', value })} />
      <Checkbox.Group
        mt="md"
        label="Red flags today"
        description="Any one means Hold"
        error={errors['screen.redFlags']}
        value={[...new Set([...draft.screen.redFlags, ...raisedFlags])]}
        onChange={(value) =>
          dispatch({
            type: 'redFlags',
            value: value.filter((id) => !raisedFlags.includes(id as RedFlagId) || draft.screen.redFlags.includes(id)),
          })
        }
      >
        <Stack gap={6} mt={6}>
          {checklistRedFlags.map((flag) => (
            <Checkbox
              key={flag.id}
              value={flag.id}
              label={flag.label}
              size="sm"
              disabled={raisedFlags.includes(flag.id) && !draft.screen.redFlags.includes(flag.id)}
              description={
                raisedFlags.includes(flag.id) && !draft.screen.redFlags.includes(flag.id)
                  ? 'From the spinal-pain answers'
                  : undefined
              }
            />
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
          onChange={(e) => dispatch({ type: 'screenText', field: 'painSite', value: e.currentTarget.value })}
        />
      )}
      <SpinalPainQuestions
        report={draft.screen.spinalPain}
        error={errors['screen.spinalPain']}
        onChange={(value) => {
          dispatch({ type: 'spinalPain', value });
          clearErrors('screen.spinalPain');
        }}
      />
      {!showBloods && (
        <Button variant="subtle" size="compact-md" mt="sm" px={0} onClick={() => setBloodsOpen(true)}>
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
            <ClinicDateInput
              label="Date of blood test"
              value={draft.screen.bloodsDate}
              error={errors['screen.bloodsDate']}
              onChange={(value) => dispatch({ type: 'screenText', field: 'bloodsDate', value })}
            />
          </SimpleGrid>
          {glucoseHigh && (
            <Checkbox
              mt="sm"
              label="Ketones present, or weakness or unusual tiredness"
              checked={draft.screen.glucoseKetonesOrSymptoms === true}
              onChange={(e) => dispatch({ type: 'glucoseKetonesOrSymptoms', value: e.currentTarget.checked })}
            />
          )}
        </>
      )}
    </Paper>
  );
}
