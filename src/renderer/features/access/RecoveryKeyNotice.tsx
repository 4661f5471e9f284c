import { Alert, Button, Checkbox, Code, Group, Stack, Text } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { AuthLayout } from './AuthLayout';

/**
 * Shown once, after set-up: the only copy of the recovery key Pacewise will ever show. The
 * clinician cannot continue until they say it has been printed or written down.
 */
export function RecoveryKeyNotice(props: { recoveryKey: string; clinicName: string | null; onDone(): void }) {
  const [kept, setKept] = useState(false);
  return (
    <AuthLayout
      title="Your clinic’s recovery key"
      label="Keep the recovery key"
      width={640}
      intro="The caseload on this computer is encrypted. This key opens it if every passphrase is lost."
    >
      <Code
        block
        fz="lg"
        ta="center"
        style={{ letterSpacing: '0.08em', wordSpacing: '0.4em', whiteSpace: 'normal', lineHeight: 1.8 }}
        aria-label="Recovery key"
      >
        {props.recoveryKey.split('-').join(' ')}
      </Code>
      <Alert color="orange" title="Print it and keep it somewhere safe, away from this computer">
        <Stack gap={6}>
          <Text size="sm">
            Pacewise will not show this key again. Keep it where the clinic keeps other critical records — a locked
            drawer or safe, not on this laptop or in an email.
          </Text>
          <Text size="sm" fw={600}>
            Without the recovery key and without every clinician’s passphrase, the caseload cannot be opened by anyone:
            not the clinic, not support, not Pacewise’s makers. The data is then lost.
          </Text>
        </Stack>
      </Alert>
      <Group>
        <Button variant="default" leftSection={<IconPrinter size={18} />} onClick={() => window.print()}>
          Print the key
        </Button>
      </Group>
      <Checkbox
        size="md"
        checked={kept}
        onChange={(e) => setKept(e.currentTarget.checked)}
        label="I have printed or written down the recovery key and stored it safely"
      />
      <Button disabled={!kept} onClick={props.onDone} size="md">
        Open {props.clinicName ?? 'the caseload'}
      </Button>
    </AuthLayout>
  );
}
