import { Badge, Group, Tooltip } from '@mantine/core';
import { decisionLabels, type ScreenDecision } from '../../../shared/clinical/session';
import type { TodayBooking } from '../../../shared/contract/sessions';
import { formatClinicDate } from '../../dates';
import { clearanceBadgeLook } from '../patients/shared';

export { decisionLabels };
export const decisionColors: Record<ScreenDecision, string> = { go: 'teal', modify: 'yellow', hold: 'red' };

const clearanceLabels: Record<string, string> = {
  missing: 'No clearance',
  requested: 'Clearance requested',
  valid: 'Cleared',
  expiring: 'Clearance due for review',
  expired: 'Clearance expired',
  not_cleared: 'Not cleared',
};

/** Today's wording; the colour is the caseload's and overview's (clearanceBadgeLook). */
export function clearanceBadge(state: string, reviewBy: string | null, today: string) {
  const effective = state === 'valid' && reviewBy !== null && reviewBy < today ? 'expired' : state;
  return { state: effective, label: clearanceLabels[effective] ?? state };
}

/**
 * Reassessment due (within 7 days) or overdue, in the caseload's words ("Overdue 5 d", "Due today", "Due in 3 d")
 * with "Reassessment" in front, since Today has no reassessment column. Null when nothing is due soon.
 */
export function reassessmentBadge(r: TodayBooking['badges']['reassessment']) {
  if (!r || r.state === 'scheduled') return null;
  const when = r.state === 'overdue' ? `overdue ${-r.days} d` : r.days === 0 ? 'due today' : `due in ${r.days} d`;
  return {
    label: `Reassessment ${when}`,
    tooltip: `Reassessment ${r.state === 'overdue' ? 'was due' : 'due'} ${formatClinicDate(r.dueOn)}`,
    color: r.state === 'overdue' ? 'red' : 'yellow',
    variant: r.state === 'overdue' ? 'filled' : 'light',
  } as const;
}

/** The safety facts a specialist checks before calling a patient through. */
export function SafetyBadges(props: { badges: TodayBooking['badges']; date: string; cycleDay?: string | null }) {
  const { badges } = props;
  const clearance = clearanceBadge(badges.clearanceState, badges.clearanceReviewBy, props.date);
  const reassessment = reassessmentBadge(badges.reassessment);
  return (
    <Group gap={6} wrap="wrap">
      <Badge {...clearanceBadgeLook(clearance.state)} size="md">
        {clearance.label}
      </Badge>
      {badges.hasBoneMets && (
        <Tooltip label={`Skeletal risk: ${badges.skeletalRiskLevel}`}>
          <Badge variant="light" color="grape" size="md">
            Bone metastases
          </Badge>
        </Tooltip>
      )}
      {badges.onTreatment && (
        <Badge variant="light" color="blue" size="md">
          {props.cycleDay ?? 'On treatment'}
        </Badge>
      )}
      {badges.openRedFlags > 0 && (
        <Badge variant="filled" color="red" size="md">
          Open red flag{badges.openRedFlags > 1 ? `s (${badges.openRedFlags})` : ''}
        </Badge>
      )}
      {badges.ungradedAdverseEvents > 0 && (
        <Tooltip label="An incident opened from a red flag has no grade yet: grade it under Sessions and adherence">
          <Badge variant="outline" color="red" size="md">
            Grade needed{badges.ungradedAdverseEvents > 1 ? ` (${badges.ungradedAdverseEvents})` : ''}
          </Badge>
        </Tooltip>
      )}
      {badges.openAdverseEvents > badges.openRedFlags && (
        <Badge variant="light" color="red" size="md">
          Open adverse event{badges.openAdverseEvents - badges.openRedFlags > 1 ? 's' : ''}
        </Badge>
      )}
      {badges.guidanceReply && (
        <Tooltip
          label={`Request for medical guidance sent ${formatClinicDate(badges.guidanceReply.since)}, no reply recorded`}
        >
          <Badge variant={badges.guidanceReply.overdue ? 'filled' : 'light'} color="orange" size="md">
            {badges.guidanceReply.overdue
              ? `Guidance reply overdue (${badges.guidanceReply.days} d)`
              : 'Awaiting guidance reply'}
          </Badge>
        </Tooltip>
      )}
      {reassessment && (
        <Tooltip label={reassessment.tooltip}>
          <Badge variant={reassessment.variant} color={reassessment.color} size="md">
            {reassessment.label}
          </Badge>
        </Tooltip>
      )}
    </Group>
  );
}
