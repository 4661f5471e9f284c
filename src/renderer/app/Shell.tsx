import { Suspense } from 'react';
import { notifications } from '@mantine/notifications';
import {
  ActionIcon,
  Anchor,
  AppShell,
  Group,
  Menu,
  NavLink,
  Text,
  UnstyledButton,
  Title,
  Tooltip,
  VisuallyHidden,
  useComputedColorScheme,
  useMantineColorScheme,
} from '@mantine/core';
import {
  IconCalendarEvent,
  IconLock,
  IconMail,
  IconMoon,
  IconReportAnalytics,
  IconSettings,
  IconSun,
  IconUserCircle,
  IconUsers,
} from '@tabler/icons-react';
import { api } from '../api';
import { showApiError } from '../components/forms';
import { useIdleLock, useLockNow } from '../features/access/useIdleLock';
import { flushBeforeHandOver } from './handOver';
import { NavLink as RouterLink, Outlet, useLocation } from 'react-router';
import { professions } from '../../shared/domain/vocabulary';
import { useAppState } from './AppStateContext';
import { ScreenLoading } from './lazyScreen';
import { useStartupReconciliation } from '../features/settings/useStartupReconciliation';
import { focusQuietly, useFocusRecovery } from './focus';
import { useNotificationsFollowTheScreen } from './screenNotifications';

const sections = [
  { to: '/caseload', label: 'Caseload', icon: IconUsers },
  { to: '/today', label: 'Today', icon: IconCalendarEvent },
  { to: '/letters', label: 'Letters', icon: IconMail },
  { to: '/reports', label: 'Reports', icon: IconReportAnalytics },
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

/** Who is signed in, and the two ways to leave the computer safely. */
function ClinicianMenu(props: { fullName: string; profession: string }) {
  const { replace } = useAppState();
  const lockNow = useLockNow();
  const switchClinician = async () => {
    try {
      await flushBeforeHandOver();
      const next = await api.access.switchClinician({});
      // Nothing of the last clinician's work stays on screen for the next one.
      notifications.clean();
      // The next clinician starts from the caseload, not from the last one's open record.
      window.location.hash = '#/caseload';
      replace(next);
    } catch (error) {
      showApiError(error);
    }
  };
  return (
    <Group gap="xs" wrap="nowrap">
      <Menu position="bottom-end" withArrow>
        <Menu.Target>
          {/* Named by what it shows (with words for a screen reader around it), so a voice command
              that says the name on screen finds it. */}
          <UnstyledButton px="xs" mih={48}>
            <Text size="sm" ta="right" lh={1.2} component="span" display="block">
              <VisuallyHidden>Signed in as </VisuallyHidden>
              <b>{props.fullName}</b>
              <br />
              <Text span c="dimmed" size="xs">
                <VisuallyHidden>, </VisuallyHidden>
                {props.profession}
              </Text>
              <VisuallyHidden>: lock or switch clinician</VisuallyHidden>
            </Text>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconLock size={18} />} onClick={() => void lockNow('manual').catch(showApiError)}>
            Lock now
          </Menu.Item>
          <Menu.Item leftSection={<IconUserCircle size={18} />} onClick={switchClinician}>
            Switch clinician
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Tooltip label="Lock Pacewise now">
        <ActionIcon
          variant="default"
          size="xl"
          aria-label="Lock Pacewise now"
          onClick={() => void lockNow('manual').catch(showApiError)}
        >
          <IconLock size={20} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

/** The first Tab stop: straight past the header and menu to the screen's own heading. */
function SkipToScreen() {
  return (
    <Anchor
      href="#screen"
      className="pw-skip-link"
      onClick={(event) => {
        // The router owns the hash; move focus without navigating.
        event.preventDefault();
        const screen = document.getElementById('screen');
        const target = screen?.querySelector<HTMLElement>('h1, h2, h3') ?? screen;
        if (target) focusQuietly(target);
      }}
    >
      Skip to the screen
    </Anchor>
  );
}

export function Shell() {
  useStartupReconciliation();
  const { state } = useAppState();
  useIdleLock(state.idleLockMinutes, state.access === 'signed-in');
  const clinician = state.currentClinician;
  const { pathname } = useLocation();
  const scheme = useComputedColorScheme('light');
  useFocusRecovery();
  useNotificationsFollowTheScreen(pathname);
  return (
    <AppShell header={{ height: 64 }} navbar={{ width: 210, breakpoint: 0 }} padding="lg">
      <SkipToScreen />
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
              <ClinicianMenu fullName={clinician.fullName} profession={professions.labels[clinician.profession]} />
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
      <AppShell.Main id="screen">
        <Suspense fallback={<ScreenLoading />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
