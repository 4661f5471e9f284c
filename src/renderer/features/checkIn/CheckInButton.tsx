import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceTablet } from '@tabler/icons-react';
import { useState } from 'react';
import { api } from '../../api';
import { useAppState } from '../../app/AppStateContext';
import { flushBeforeHandOver } from '../../app/handOver';
import { showApiError } from '../../components/forms';

/** Where the clinician was when the check-in started, to return there when they take the device back. */
let returnTo: string | null = null;

/** Back where the clinician started the check-in (the session, or Today). */
export function returnFromCheckIn(): void {
  if (returnTo) window.location.hash = returnTo;
  returnTo = null;
}

/**
 * "Check in on this device" for one booking: after a confirmation, the window becomes the patient's
 * view. The session's draft is saved first; the address bar is left on a page that names no one.
 */
export function CheckInButton(props: {
  sessionId: string;
  patientName: string;
  size?: 'sm' | 'md';
  variant?: 'light' | 'default' | 'filled';
  label?: string | undefined;
}) {
  const { replace } = useAppState();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const start = async () => {
    setBusy(true);
    try {
      await flushBeforeHandOver();
      const state = await api.checkIn.start({ sessionId: props.sessionId });
      returnTo = window.location.hash;
      window.location.hash = '#/today';
      notifications.clean();
      replace(state);
    } catch (error) {
      showApiError(error, undefined, { title: 'Check-in not started' });
    } finally {
      setBusy(false);
    }
  };
  return (
    // Inside a Today row, which opens the session when clicked: nothing here (the dialog included,
    // whose events React passes up through its portal) may reach the row.
    <span onClick={(event) => event.stopPropagation()} onKeyDown={(event) => event.stopPropagation()}>
      <Button
        size={props.size ?? 'md'}
        variant={props.variant ?? 'light'}
        leftSection={<IconDeviceTablet size={18} />}
        onClick={() => setAsking(true)}
      >
        {props.label ?? 'Check in on this device'}
      </Button>
      <Modal
        opened={asking}
        onClose={() => setAsking(false)}
        title={`Check in ${props.patientName} on this device?`}
        size="lg"
      >
        <Stack>
          <Text>Hand the device to the patient once it shows their questions. Until you take it back:</Text>
          <List spacing={4}>
            <List.Item>
              the screen shows only their preferred name and the questions, nothing else of the caseload;
            </List.Item>
            <List.Item>leaving needs your PIN or passphrase;</List.Item>
            <List.Item>after a few minutes without a touch (clinic policy) unfinished answers are discarded.</List.Item>
          </List>
          <Text>Their answers arrive in this session’s pre-session screen for you to confirm or correct.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)}>
              Cancel
            </Button>
            <Button loading={busy} onClick={() => void start()}>
              Start check-in
            </Button>
          </Group>
        </Stack>
      </Modal>
    </span>
  );
}
