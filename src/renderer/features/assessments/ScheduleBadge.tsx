import { Badge, Group, Text, Tooltip } from '@mantine/core';
import type { ScheduleView } from '../../../shared/contract/assessments';
import { formatClinicDate } from '../../dates';

const stateText = { not_due: 'Next reassessment', due: 'Reassessment due', overdue: 'Reassessment overdue' } as const;
// Same look as the caseload's and Today's reassessment badges: due is a light yellow, overdue a filled red.
const stateColour = { not_due: 'gray', due: 'yellow', overdue: 'red' } as const;
// Not due yet is information, not an alert: an outlined badge (a grey fill reads as a black block in dark).
const variant = { not_due: 'default', due: 'light', overdue: 'filled' } as const;

export function ScheduleBadge({ schedule }: { schedule: ScheduleView }) {
  const days = schedule.daysUntilDue;
  const when =
    days === 0
      ? 'today'
      : days > 0
        ? `in ${days} day${days === 1 ? '' : 's'}`
        : `${-days} day${days === -1 ? '' : 's'} ago`;
  return (
    <Group gap="sm" wrap="wrap" aria-label="Reassessment schedule" role="group">
      <Badge size="lg" variant={variant[schedule.state]} color={stateColour[schedule.state]}>
        {stateText[schedule.state]}: {formatClinicDate(schedule.dueOn)} ({when})
      </Badge>
      <Tooltip label={`Every ${schedule.intervalWeeks} weeks by default (${schedule.source})`} multiline w={280}>
        <Text size="sm" c="dimmed">
          {schedule.lastAssessmentOn ? '' : 'No finalised baseline yet. '}
          {schedule.reason}
        </Text>
      </Tooltip>
    </Group>
  );
}
