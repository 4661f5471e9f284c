import { Alert, Box, Button, Checkbox, Code, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { DeviceSettings } from '../../../shared/contract/device';
import { api } from '../../api';
import { showApiError } from '../../components/forms';

/**
 * Where this computer keeps the caseload (device.json). Read once at start-up, so a saved change
 * waits for the next start, and nothing is copied: the panel says both before and after saving.
 */
export function DeviceFolderPanel() {
  const [settings, setSettings] = useState<DeviceSettings | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useForm({ initialValues: { dataDirectory: '', allowEnvOverride: false } });
  const { setValues, resetDirty } = form;
  useEffect(() => {
    api.device
      .settings({})
      .then((found) => {
        setSettings(found);
        const values = { dataDirectory: found.dataDirectory ?? '', allowEnvOverride: found.allowEnvOverride };
        setValues(values);
        resetDirty(values);
      })
      .catch((e: unknown) => showApiError(e, undefined, { title: 'Caseload folder settings not shown' }));
  }, [setValues, resetDirty]);

  const save = form.onSubmit(async (values) => {
    setSaved(false);
    try {
      const next = await api.device.setSettings(values);
      setSettings(next);
      const stored = { dataDirectory: next.dataDirectory ?? '', allowEnvOverride: next.allowEnvOverride };
      setValues(stored);
      resetDirty(stored);
      setSaved(true);
    } catch (error) {
      showApiError(error, form);
    }
  });

  if (!settings) return <Text c="dimmed">Loading…</Text>;
  const moves = settings.nextStart !== settings.inUse;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        Where Pacewise keeps the caseload on this computer: its own folder for this user, or a folder you choose (a
        drive the clinic backs up). Pacewise reads this setting when it starts.
      </Text>
      <Box style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 24, rowGap: 6 }}>
        <Text size="sm" c="dimmed">
          Folder in use now
        </Text>
        <div>
          <Code aria-label="Folder in use now">{settings.inUse}</Code>
        </div>
        <Text size="sm" c="dimmed">
          Folder for the next start
        </Text>
        <div>
          <Code aria-label="Folder for the next start">{settings.nextStart}</Code>
          {settings.dataDirectory === null && (
            <Text size="xs" c="dimmed">
              This computer&apos;s default folder
            </Text>
          )}
        </div>
      </Box>
      {settings.problems.length > 0 && (
        <Alert color="orange" title="The settings file had a problem" icon={<IconAlertTriangle />}>
          {settings.problems.join(' ')} Saving here writes it afresh.
        </Alert>
      )}
      {saved && (
        <Alert color="teal" title="Saved: this takes effect at the next start" role="status" icon={<IconInfoCircle />}>
          <Text size="sm">
            Pacewise keeps using <Code>{settings.inUse}</Code> until it is closed and started again
            {moves ? (
              <>
                ; from then on it opens <Code>{settings.nextStart}</Code>.
              </>
            ) : (
              '.'
            )}
          </Text>
          {moves && !settings.nextStartHoldsCaseload && (
            <Text size="sm" mt="xs" fw={600}>
              That folder holds no caseload yet. Close Pacewise and copy the folder in use now there before starting it
              again; otherwise Pacewise starts with its set-up screen, where you can open the caseload from a backup.
            </Text>
          )}
        </Alert>
      )}
      <form onSubmit={save} noValidate aria-label="Caseload folder">
        <Stack gap="sm">
          <TextInput
            label="Caseload folder"
            description={`A full path, such as /srv/pacewise or D:\\Pacewise. Leave empty for this computer's default folder (${settings.defaultDataDirectory}).`}
            placeholder="Empty: this computer's default folder"
            spellCheck={false}
            autoComplete="off"
            {...form.getInputProps('dataDirectory')}
          />
          <Checkbox
            label="Let the PACEWISE_DATA_DIR setting choose the folder instead"
            description="For IT staff who start Pacewise from a script; it also lets PACEWISE_EXPORT_DIR save every export into one folder without asking. Leave this off unless IT asks for it."
            {...form.getInputProps('allowEnvOverride', { type: 'checkbox' })}
          />
          <Alert color="yellow" variant="light" role="note" title="Changing the folder does not move the caseload">
            <Text size="sm">
              Nothing is copied. Before Pacewise next starts, either close Pacewise and copy the whole folder in use now
              to the new place, or restore a backup there after the restart. The change takes effect at the next start;
              the caseload open now stays where it is.
            </Text>
          </Alert>
          <Group>
            <Button type="submit" variant="light">
              Save caseload folder
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
