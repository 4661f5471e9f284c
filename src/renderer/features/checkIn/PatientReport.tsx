import { Alert, Badge, Button, Group, Paper, Radio, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconCheck, IconDeviceTablet } from '@tabler/icons-react';
import { useState } from 'react';
import { ESAS_R_SOURCE, esasCompletedByLabels, esasFormItems, esasSymptoms } from '../../../shared/clinical/measures';
import { prefilledFieldLabels, redFlagAnswerLabels, type PrefilledField } from '../../../shared/clinical/session';
import type { ScreenValues } from '../../../shared/contract/sessions';
import {
  reviewFindingLabels,
  reviewFindings,
  type PatientReportView,
  type ReportedFlag,
  type ReviewFinding,
} from '../../../shared/contract/checkIn';
import { formatClinicDate } from '../../dates';
import { todayLocal } from '../../../shared/dates';
import { api } from '../../api';
import { showApiError, showSaved } from '../../components/forms';

const timeOf = (instant: string) =>
  new Date(instant).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

/** When the patient answered, in the clinician's terms: the time today, the date and time otherwise. */
export function reportedAt(instant: string): string {
  const day = todayLocal(new Date(instant));
  return day === todayLocal() ? timeOf(instant) : `${formatClinicDate(day)} ${timeOf(instant)}`;
}

/**
 * The clinician asked about a red flag the patient reported: what did they find? Confirmed, an
 * incident opens (and the session stays on Hold until it is closed); not confirmed, the note is kept.
 */
function FlagReviewForm(props: {
  sessionId: string;
  checkInId: string;
  flag: ReportedFlag;
  onReviewed(report: PatientReportView, finding: ReviewFinding): void;
}) {
  const [finding, setFinding] = useState<ReviewFinding | ''>('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const record = async () => {
    setBusy(true);
    setErrors({});
    try {
      const report = await api.checkIn.reviewFlag({
        sessionId: props.sessionId,
        checkInId: props.checkInId,
        redFlagId: props.flag.id,
        finding: finding as ReviewFinding,
        note,
      });
      showSaved(
        finding === 'confirmed'
          ? `${props.flag.label}: confirmed, incident recorded`
          : `${props.flag.label}: not confirmed, review recorded`,
      );
      props.onReviewed(report, finding as ReviewFinding);
    } catch (error) {
      showApiError(error, { setErrors });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="xs" component="form" aria-label={`Review: ${props.flag.label}`} onSubmit={(e) => e.preventDefault()}>
      <Radio.Group
        label="What did you find when you asked?"
        withAsterisk
        value={finding}
        error={errors['finding']}
        onChange={(value) => setFinding(value as ReviewFinding)}
      >
        <Stack gap={6} mt={4}>
          {reviewFindings.map((value) => (
            <Radio key={value} value={value} label={reviewFindingLabels[value]} />
          ))}
        </Stack>
      </Radio.Group>
      <Textarea
        label="What you found"
        withAsterisk
        autosize
        minRows={2}
        value={note}
        error={errors['note']}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
      <Group>
        <Button color={finding === 'confirmed' ? 'red.8' : undefined} loading={busy} onClick={() => void record()}>
          Record review
        </Button>
      </Group>
    </Stack>
  );
}

function ReportedFlagItem(props: {
  sessionId: string;
  report: PatientReportView;
  flag: ReportedFlag;
  editable: boolean;
  onReviewed(report: PatientReportView, finding: ReviewFinding): void;
}) {
  const { flag } = props;
  const review = flag.review;
  return (
    <Alert
      color={review ? (review.finding === 'confirmed' ? 'red' : 'gray') : 'red'}
      variant="light"
      title={`Patient answered “${redFlagAnswerLabels[flag.answer!]}”: ${flag.label}`}
    >
      <Stack gap="xs">
        <Text size="sm">Asked: “{flag.question}”</Text>
        {review ? (
          <Text size="sm">
            <b>{review.finding === 'confirmed' ? 'Confirmed' : 'Not confirmed'}</b> by {review.byName} at{' '}
            {reportedAt(review.at)}: {review.note}
            {review.adverseEventId ? ' · incident recorded' : ''}
          </Text>
        ) : props.editable ? (
          <FlagReviewForm
            sessionId={props.sessionId}
            checkInId={props.report.checkInId}
            flag={flag}
            onReviewed={props.onReviewed}
          />
        ) : (
          <Text size="sm" fw={600}>
            Not reviewed.
          </Text>
        )}
      </Stack>
    </Alert>
  );
}

/**
 * The patient's check-in in the pre-session screen, marked patient-reported with its time: the
 * ESAS-r as answered, every red flag they reported (each to be reviewed here), the questions they
 * answered "no" or left unanswered, and anything else they wrote.
 */
export function PatientReportPanel(props: {
  sessionId: string;
  report: PatientReportView;
  editable: boolean;
  onReviewed(report: PatientReportView, flagId: string, finding: ReviewFinding): void;
}) {
  const { report } = props;
  const reported = report.redFlags.filter((f) => f.answer === 'yes' || f.answer === 'not_sure');
  const answeredNo = report.redFlags.filter((f) => f.answer === 'no');
  const unanswered = report.redFlags.filter((f) => f.answer === null);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Patient check-in">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Group gap="xs">
            <IconDeviceTablet size={22} aria-hidden />
            <Title order={3} size="h4">
              Patient-reported at check-in
            </Title>
            <Badge variant="light" color="blue" size="lg">
              {reportedAt(report.completedAt)}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed" ta="right">
            Filled in by: {esasCompletedByLabels[report.completedBy].toLowerCase()} · started by {report.startedByName}
          </Text>
        </Group>
        <div>
          <Group gap="xs" mb={4}>
            <Text fw={600} size="sm">
              ESAS-r, how they feel now (0 none – 10 worst possible)
            </Text>
            {report.esasAnswered < esasSymptoms.length && (
              <Badge color="orange" variant="light">
                Partial: {report.esasAnswered} of {esasSymptoms.length} answered
              </Badge>
            )}
          </Group>
          <SimpleGrid cols={{ base: 3, md: 5 }} spacing={6} verticalSpacing={2}>
            {esasFormItems.map((item) => (
              <Text size="sm" key={item.symptom}>
                {item.name}: <b>{report.esas[item.symptom] ?? '—'}</b>
              </Text>
            ))}
            {report.other && (
              <Text size="sm">
                {report.other.problem}: <b>{report.other.score ?? '—'}</b>
              </Text>
            )}
          </SimpleGrid>
          <Text size="xs" c="dimmed" mt={4}>
            {ESAS_R_SOURCE}
          </Text>
        </div>
        {reported.map((flag) => (
          <ReportedFlagItem
            key={flag.id}
            sessionId={props.sessionId}
            report={report}
            flag={flag}
            editable={props.editable}
            onReviewed={(next, finding) => props.onReviewed(next, flag.id, finding)}
          />
        ))}
        <Text size="sm">
          {reported.length === 0 ? 'No red flag reported. ' : ''}
          Answered “No”: {answeredNo.length === 0 ? 'none' : answeredNo.map((f) => f.label).join(', ')}.
        </Text>
        {unanswered.length > 0 && (
          <Text size="sm" fw={600} c="orange.8">
            Not answered (ask): {unanswered.map((f) => f.label).join(', ')}.
          </Text>
        )}
        {report.anythingElse && (
          <Text size="sm">
            <b>Anything else:</b> “{report.anythingElse}”
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** Under a prefilled symptom: what the patient said, and the clinician's confirm (or that it was corrected). */
export function ReportedValue(props: {
  label: string;
  reported: number;
  current: number | '';
  confirmed: boolean;
  onConfirm(): void;
}) {
  if (props.current !== props.reported) {
    return (
      <Text size="xs" c="orange.8" fw={600} mt={2}>
        Corrected · patient reported {props.reported}
      </Text>
    );
  }
  if (props.confirmed) {
    return (
      <Group gap={4} mt={2}>
        <IconCheck size={14} aria-hidden />
        <Text size="xs" c="teal.8" fw={600}>
          Confirmed as the patient reported
        </Text>
      </Group>
    );
  }
  return (
    <Group gap="xs" mt={2} wrap="nowrap">
      <Text size="xs" fw={600}>
        Patient reported {props.reported}
      </Text>
      <Button size="compact-sm" variant="light" onClick={props.onConfirm} aria-label={`Confirm ${props.label}`}>
        Confirm
      </Button>
    </Group>
  );
}

/**
 * How the recorded screen stands against the patient's answers, field by field: confirmed as
 * reported, corrected (both values), or recorded without review (a Hold does not wait for it).
 */
export function prefillReview(report: PatientReportView, screen: ScreenValues | null): string {
  const confirmed = screen?.checkIn?.checkInId === report.checkInId ? screen.checkIn.confirmed : [];
  return (Object.entries(report.prefill) as Array<[PrefilledField, number]>)
    .map(([field, reported]) => {
      const label = prefilledFieldLabels[field];
      const recorded = screen?.[field] ?? null;
      if (recorded !== reported) return `${label} ${reported} → ${recorded ?? 'blank'} (corrected)`;
      return `${label} ${reported} (${confirmed.includes(field) ? 'confirmed' : 'not reviewed'})`;
    })
    .join('; ');
}
