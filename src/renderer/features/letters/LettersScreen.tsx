import { Alert, Stack, Title } from '@mantine/core';

export function LettersScreen() {
  return (
    <Stack maw={760}>
      <Title order={2}>Letters</Title>
      <Alert color="gray" title="Letters are not available yet">
        Letters to the oncology team (clearance requests, reassessment, discharge and urgent-concern letters) are
        planned and not yet part of this version. Until then, write them in your clinic’s usual template: each patient’s
        care team and contact details are on their overview, under Care team.
      </Alert>
    </Stack>
  );
}
