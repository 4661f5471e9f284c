import { Button, Group, NumberInput, Text } from '@mantine/core';
import { createElement, useEffect, useState } from 'react';
import { CHECK_IN_IDLE } from '../../../shared/contract/checkIn';
import { api } from '../../api';
import { showApiError, showSaved } from '../../components/forms';
import type { SettingsPanel } from '../settings/panels';

/** How long the patient view waits for a touch before it discards unfinished answers (clinic policy). */
function CheckInIdlePanel() {
  const [minutes, setMinutes] = useState<number | string>('');
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    api.checkIn
      .settings({})
      .then((s) => setMinutes(s.idleMinutes))
      .catch((e: unknown) => showApiError(e, undefined, { title: 'Could not load the check-in settings' }));
  }, []);
  if (minutes === '' && !error) return <Text c="dimmed">Loading…</Text>;
  return (
    <Group align="flex-end">
      <NumberInput
        label="Minutes without a touch before a check-in’s unfinished answers are discarded (clinic policy)"
        description={`The patient view then shows a neutral screen. Default ${CHECK_IN_IDLE.defaultMinutes}; no source sets it. Pacewise’s own idle lock still applies.`}
        min={CHECK_IN_IDLE.min}
        max={CHECK_IN_IDLE.max}
        clampBehavior="none"
        allowDecimal={false}
        value={minutes}
        onChange={setMinutes}
        error={error}
        w={520}
      />
      <Button
        onClick={async () => {
          setError(undefined);
          try {
            const saved = await api.checkIn.setIdleMinutes({ minutes: Number(minutes) });
            setMinutes(saved.idleMinutes);
            showSaved('Check-in idle time updated');
          } catch (e) {
            showApiError(e, { setErrors: (f) => setError(f['minutes']) });
          }
        }}
      >
        Save
      </Button>
    </Group>
  );
}

export const checkInSettingsPanels: SettingsPanel[] = [
  { id: 'check-in', title: 'Patient check-in', element: createElement(CheckInIdlePanel) },
];
