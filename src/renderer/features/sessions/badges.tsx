import { Badge, Group, Tooltip } from '@mantine/core';
import type { ScreenDecision } from '../../../shared/clinical/session';
import type { TodayBooking } from '../../../shared/contract/sessions';

export const decisionLabels: Record<ScreenDecision, string> = {
  go: 'Go',
  modify: 'Go with modifications',
  hold: 'Hold',
};
export const decisionColors: Record<ScreenDecision, string> = { go: 'teal', modify: 'yellow', hold: 'red' };

const clearanceLabels: Record<string, { label: string; color: string }> = {
  missing: { label: 'No clearance', color: 'orange' },
  requested: { label: 'Clearance requested', color: 'orange' },
  valid: { label: 'Cleared', color: 'teal' },
  expiring: { label: 'Clearance due for review', color: 'yellow' },
  expired: { label: 'Clearance expired', color: 'red' },
  not_cleared: { label: 'Not cleared', color: 'red' },
};

export function clearanceBadge(state: string, reviewBy: string | null, today: string) {
  const effective = state === 'valid' && reviewBy !== null && reviewBy < today ? 'expired' : state;
  return clearanceLabels[effective] ?? { label: state, color: 'gray' };
}

/** The safety facts a specialist checks before calling a patient through. */
export function SafetyBadges(props: { badges: TodayBooking['badges']; date: string; cycleDay?: string | null }) {
  const { badges } = props;
  const clearance = clearanceBadge(badges.clearanceState, badges.clearanceReviewBy, props.date);
  return (
    <Group gap={6} wrap="wrap">
      <Badge variant="light" color={clearance.color} size="md">
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
      {badges.openAdverseEvents > badges.openRedFlags && (
        <Badge variant="light" color="red" size="md">
          Open adverse event{badges.openAdverseEvents - badges.openRedFlags > 1 ? 's' : ''}
        </Badge>
      )}
    </Group>
  );
}
