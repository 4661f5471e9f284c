import { Box, Button, Center, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconHeartHandshake } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { PatientView } from '../../../shared/contract/checkIn';
import type { AppState } from '../../../shared/contract/setup';
import { api } from '../../api';
import { useAppState } from '../../app/AppStateContext';
import { LockScreen } from '../access/LockScreen';
import { useIdleLock } from '../access/useIdleLock';
import { CheckInQuestions } from './CheckInQuestions';
import { HandBackForm } from './HandBackForm';

const ACTIVITY = ['pointerdown', 'keydown', 'touchstart', 'input'] as const;
/** The main process also times the check-in out; it hears of touches this often at most. */
const REPORT_EVERY_MS = 20_000;

/**
 * After the idle time (clinic policy) with no touch, the unfinished answers are discarded and the
 * neutral screen shows. The main process keeps its own count from the touches reported here.
 */
function useAnswerTimeout(view: PatientView, active: boolean, changed: () => void): void {
  useEffect(() => {
    if (!active) return;
    let timer = 0;
    let reportedAt = Date.now();
    const expire = () => {
      void api.checkIn
        .abandon({ checkInId: view.checkInId, reason: 'idle' })
        .catch(() => undefined)
        .then(changed);
    };
    const touched = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(expire, view.idleMinutes * 60_000);
      if (Date.now() - reportedAt < REPORT_EVERY_MS) return;
      reportedAt = Date.now();
      void api.checkIn
        .stillHere({})
        .then((now) => now.phase !== 'answering' && changed())
        .catch(() => undefined);
    };
    touched();
    for (const event of ACTIVITY) window.addEventListener(event, touched, { passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const event of ACTIVITY) window.removeEventListener(event, touched);
    };
  }, [active, view.checkInId, view.idleMinutes, changed]);
}

/** Done, timed out or locked: a neutral screen with nothing of the patient on it. */
function ThankYou() {
  return (
    <Center style={{ flex: 1 }}>
      <Stack align="center" gap="lg" maw={640}>
        <IconHeartHandshake size={80} stroke={1.4} aria-hidden />
        <Title order={1} fz={48}>
          Thank you
        </Title>
        <Text fz={28} ta="center" lh={1.4}>
          Please hand this device back to a member of staff.
        </Text>
      </Stack>
    </Center>
  );
}

/**
 * The whole window while a patient holds the device: the questions or the thank-you screen, and a
 * way for staff to take it back. Nothing of the caseload is mounted; the app's idle lock still runs.
 */
export function PatientWindow({ state }: { state: AppState }) {
  const view = state.checkIn!;
  const { refresh } = useAppState();
  const locked = state.access === 'locked' ? state.locked : null;
  const [staff, setStaff] = useState(false);
  useIdleLock(state.idleLockMinutes, state.access === 'signed-in');
  useAnswerTimeout(view, view.phase === 'answering' && !locked, refresh);
  useEffect(() => {
    // A "Saved: <patient>" toast from the clinician's last action must not stay over the patient's view.
    notifications.clean();
  }, []);
  useEffect(() => {
    if (locked) setStaff(false);
  }, [locked]);
  return (
    <>
      <div
        inert={locked !== null}
        aria-hidden={locked !== null}
        style={{ position: 'fixed', inset: 0, overflowY: 'auto', background: 'var(--mantine-color-body)' }}
      >
        <Box
          component="main"
          aria-label="Patient check-in"
          maw={980}
          mx="auto"
          px="xl"
          pt="xs"
          mih="100%"
          style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
        >
          <Group justify="space-between">
            <Text fz={20} c="dimmed">
              Check-in
            </Text>
            {!staff && (
              <Button variant="subtle" color="gray" size="lg" h={56} onClick={() => setStaff(true)}>
                Staff
              </Button>
            )}
          </Group>
          {view.phase === 'answering' ? (
            // Kept mounted (hidden) while staff are asked for their PIN, so "Back to the questions" loses nothing.
            <div style={{ display: staff ? 'none' : 'flex', flex: 1, flexDirection: 'column' }}>
              <CheckInQuestions key={view.checkInId} view={view} onFinished={() => void refresh()} />
            </div>
          ) : (
            !staff && <ThankYou />
          )}
          {staff && (
            <Center style={{ flex: 1 }}>
              <HandBackForm view={view} answering={view.phase === 'answering'} onCancel={() => setStaff(false)} />
            </Center>
          )}
        </Box>
      </div>
      {locked && <LockScreen locked={locked} />}
    </>
  );
}
