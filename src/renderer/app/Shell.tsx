import {
  ActionIcon,
  AppShell,
  Group,
  NavLink,
  Text,
  Title,
  Tooltip,
  useComputedColorScheme,
  useMantineColorScheme,
} from '@mantine/core';
import { IconCalendarEvent, IconMail, IconMoon, IconSettings, IconSun, IconUsers } from '@tabler/icons-react';
import { NavLink as RouterLink, Outlet, useLocation } from 'react-router';
import { professions } from '../../shared/domain/vocabulary';
import { useAppState } from './AppStateContext';
import { useStartupReconciliation } from '../features/settings/useStartupReconciliation';

const sections = [
  { to: '/caseload', label: 'Caseload', icon: IconUsers },
  { to: '/today', label: 'Today', icon: IconCalendarEvent },
  { to: '/letters', label: 'Letters', icon: IconMail },
  { to: '/settings', label: 'Settings', icon: IconSettings },
];

function ColorSchemeToggle() {
  const { setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme('light');
  const next = computed === 'dark' ? 'light' : 'dark';
  return (
    <Tooltip label={`Switch to ${next} theme`}>
      <ActionIcon
        variant="default"
        size="xl"
        aria-label={`Switch to ${next} theme`}
        onClick={() => setColorScheme(next)}
      >
        {computed === 'dark' ? <IconSun size={20} /> : <IconMoon size={20} />}
      </ActionIcon>
    </Tooltip>
  );
}

export function Shell() {
  useStartupReconciliation();
  const { state } = useAppState();
  const clinician = state.currentClinician;
  const { pathname } = useLocation();
  const scheme = useComputedColorScheme('light');
  return (
    <AppShell header={{ height: 64 }} navbar={{ width: 210, breakpoint: 0 }} padding="lg">
      <AppShell.Header px="lg">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Title
              order={1}
              size="h3"
              c={scheme === 'dark' ? 'pacewise.3' : 'pacewise.8'}
              style={{ letterSpacing: '-0.01em' }}
            >
              Pacewise
            </Title>
            <Text c="dimmed" size="sm" truncate>
              {state.clinicName}
            </Text>
          </Group>
          <Group gap="md" wrap="nowrap">
            {clinician && (
              <Text size="sm" ta="right" lh={1.2} aria-label="Signed-in clinician">
                <b>{clinician.fullName}</b>
                <br />
                <Text span c="dimmed" size="xs">
                  {professions.labels[clinician.profession]}
                </Text>
              </Text>
            )}
            <ColorSchemeToggle />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Main">
        {sections.map((section) => (
          <NavLink
            key={section.to}
            component={RouterLink}
            to={section.to}
            label={section.label}
            active={pathname.startsWith(section.to)}
            leftSection={<section.icon size={22} stroke={1.6} />}
            styles={{ root: { borderRadius: 8, minHeight: 48 }, label: { fontSize: 16 } }}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
