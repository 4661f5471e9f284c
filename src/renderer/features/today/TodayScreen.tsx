import { Alert, Stack, Title } from '@mantine/core';
import { formatClinicDate, todayLocal } from '../../../shared/dates';

export function TodayScreen() {
  return (
    <Stack>
      <Title order={2}>Today · {formatClinicDate(todayLocal())}</Title>
      <Alert color="gray" title="No bookings yet">
        Bookings and supervised sessions will appear here.
      </Alert>
    </Stack>
  );
}
