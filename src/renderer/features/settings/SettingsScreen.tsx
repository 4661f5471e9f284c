import { Alert, Button, Group, Paper, Stack, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useAppState } from '../../app/AppStateContext';
import { adminPanelIds, settingsSections, type SettingsPanel } from './panels';

/** Said once on every panel a clinician may read but not change. */
const ADMIN_ONLY_REASON = 'Only a clinic administrator can change this.';

function PanelCard(props: { panel: SettingsPanel; heading: boolean; readOnly: boolean }) {
  const { panel } = props;
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-label={panel.title} id={`settings-${panel.id}`}>
      {props.heading && (
        <Title order={4} mb="sm">
          {panel.title}
        </Title>
      )}
      {props.readOnly ? (
        <>
          <Alert variant="light" color="gray" icon={<IconLock size={18} />} mb="sm" p="xs">
            {ADMIN_ONLY_REASON}
          </Alert>
          <fieldset disabled style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
            {panel.element}
          </fieldset>
        </>
      ) : (
        panel.element
      )}
    </Paper>
  );
}

/**
 * Settings in sections, one at a time (#/settings/<section>): a page a specialist can take in,
 * rather than one 12,000 px long. Choosing a section moves focus to its heading.
 */
export function SettingsScreen() {
  const { state } = useAppState();
  const isAdmin = state.currentClinician?.role === 'administrator';
  const { section: chosen } = useParams();
  const section = settingsSections.find((s) => s.id === chosen) ?? settingsSections[0]!;
  const heading = useRef<HTMLHeadingElement>(null);
  // Counts choices in the section navigation: each moves focus to the section's heading once it is
  // drawn (not an arrival from the main menu, where focus stays on the menu).
  const [chosenCount, setChosenCount] = useState(0);
  useEffect(() => {
    if (chosenCount > 0) heading.current?.focus();
  }, [chosenCount, section.id]);

  const single = section.panels.length === 1 && section.panels[0]!.title === section.title;
  return (
    <Stack gap="lg" maw={900}>
      <Title order={2}>Settings</Title>
      <Group gap="xs" component="nav" aria-label="Settings sections">
        {settingsSections.map((s) => (
          <Button
            key={s.id}
            component={Link}
            to={`/settings/${s.id}`}
            size="sm"
            variant={s.id === section.id ? 'filled' : 'default'}
            aria-current={s.id === section.id ? 'page' : undefined}
            onClick={() => setChosenCount((n) => n + 1)}
          >
            {s.title}
          </Button>
        ))}
      </Group>
      <Title order={3} ref={heading} tabIndex={-1} style={{ outlineOffset: 4 }}>
        {section.title}
      </Title>
      {section.panels.map((panel) => (
        <PanelCard key={panel.id} panel={panel} heading={!single} readOnly={adminPanelIds.has(panel.id) && !isAdmin} />
      ))}
    </Stack>
  );
}
