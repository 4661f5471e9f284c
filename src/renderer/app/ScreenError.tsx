import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useNavigate, useRouteError } from 'react-router';

/**
 * Shown in place of a screen that failed to draw: the shell and its menu stay, so the specialist
 * can carry on elsewhere. Saved records are unaffected, because every save went through main.
 */
export function ScreenError() {
  const error = useRouteError();
  const navigate = useNavigate();
  const detail = error instanceof Error ? error.message : String(error);
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle />}
      title="This screen could not be shown"
      role="alert"
      maw={720}
    >
      <Stack gap="sm">
        <Text size="sm">
          Pacewise hit a problem drawing this screen. Everything already saved is safe, and a session’s draft is kept as
          you type it. Go back, or choose another section from the menu on the left. If it happens again, note what you
          were doing and tell whoever supports Pacewise at your clinic, with the detail below.
        </Text>
        <Code block>{detail}</Code>
        <Group>
          <Button variant="default" onClick={() => void navigate(-1)}>
            Go back
          </Button>
          <Button variant="subtle" onClick={() => void navigate(0)}>
            Try again
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
