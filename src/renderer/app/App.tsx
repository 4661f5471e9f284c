import { Alert, Center, Loader, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { createHashRouter, Navigate, RouterProvider } from 'react-router';
import { LockScreen } from '../features/access/LockScreen';
import { SecureExistingScreen } from '../features/access/SecureExistingScreen';
import { SetUpScreen } from '../features/access/SetUpScreen';
import { SignInScreen } from '../features/access/SignInScreen';
import { RecoveryScreen } from '../features/setup/RecoveryScreen';
import { ClinicDateFormatProvider } from '../dates';
import type { AppState } from '../../shared/contract/setup';
import { AppStateProvider } from './AppStateContext';
import { Shell } from './Shell';
import { routes } from './routes';
import { ScreenError } from './ScreenError';
import { cssVariablesResolver, theme } from './theme';

const router = createHashRouter([
  {
    path: '/',
    element: <Shell />,
    // A screen that fails to draw shows ScreenError inside the shell, never a blank window.
    children: [
      {
        errorElement: <ScreenError />,
        children: [{ index: true, element: <Navigate to="/caseload" replace /> }, ...routes],
      },
    ],
  },
]);

/** Which screen the window shows: nothing of the caseload before sign-in, blurred and inert while locked. */
function Screen({ state }: { state: AppState }) {
  if (state.startup) return <RecoveryScreen problem={state.startup} />;
  if (state.access === 'set-up') return <SetUpScreen />;
  if (state.access === 'secure-existing') return <SecureExistingScreen />;
  if (state.access === 'signed-out') return <SignInScreen />;
  const locked = state.access === 'locked' ? state.locked : null;
  return (
    <>
      <div
        inert={locked !== null}
        aria-hidden={locked !== null}
        style={locked ? { filter: 'blur(16px)', pointerEvents: 'none', userSelect: 'none' } : undefined}
      >
        {/* Loaded before any screen draws, so no date is ever shown in a format about to change. */}
        <ClinicDateFormatProvider>
          <RouterProvider router={router} />
        </ClinicDateFormatProvider>
      </div>
      {locked && <LockScreen locked={locked} />}
    </>
  );
}

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
      {/* Bottom-left, over the empty foot of the menu column (210 px), two at most and closing by
          themselves: a "Saved" must never sit over the patient header, its alerts, the filters at
          the top, or the Sign and Save buttons at the bottom right of a form. */}
      {/* Announced politely (the container is always there, so a screen reader hears each one as it is
          added), and shown one of a kind at a time (components/forms.ts). */}
      <Notifications position="bottom-left" containerWidth={186} limit={2} autoClose={4000} aria-live="polite" />
      <AppStateProvider
        loading={
          <Center h="100vh">
            <Loader aria-label="Opening the caseload" />
          </Center>
        }
        failed={(message) => (
          <Center h="100vh" p="xl">
            <Alert color="red" title="Pacewise could not open the caseload" maw={560}>
              {message}
            </Alert>
          </Center>
        )}
      >
        {(state) => <Screen state={state} />}
      </AppStateProvider>
    </MantineProvider>
  );
}
