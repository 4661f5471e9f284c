import { Alert, Stack, Title } from '@mantine/core';

export function LettersScreen() {
  return (
    <Stack>
      <Title order={2}>Letters</Title>
      <Alert color="gray" title="Letters are not available yet">
        Letters to the oncology team (clearance requests, reassessment, discharge and urgent-concern letters) are
        planned and not yet part of this version.
      </Alert>
    </Stack>
  );
}
