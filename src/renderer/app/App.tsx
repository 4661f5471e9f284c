import { Alert, Center, Loader, MantineProvider } from '@mantine/core';
import { Notifications, notifications } from '@mantine/notifications';
import { lazy, Suspense, useEffect } from 'react';
import { createHashRouter, Navigate, RouterProvider } from 'react-router';
import { ChoosePassphraseScreen } from '../features/access/ChoosePassphraseScreen';
import { LockScreen } from '../features/access/LockScreen';
import { SecureExistingScreen } from '../features/access/SecureExistingScreen';
import { SetUpScreen } from '../features/access/SetUpScreen';
import { SignInScreen } from '../features/access/SignInScreen';
import { RecoveryScreen } from '../features/setup/RecoveryScreen';
import { ClinicDateFormatProvider } from '../dates';
import { LocalTermsProvider } from '../localTerms';
import type { AppState } from '../../shared/contract/setup';
import { AppStateProvider } from './AppStateContext';
import { Shell } from './Shell';
import { routes } from './routes';
import { ScreenError } from './ScreenError';
import { cssVariablesResolver, theme } from './theme';

// Loaded when a check-in opens: its code has no place in the first screen of every start.
const PatientWindow = lazy(() =>
  import('../features/checkIn/PatientWindow').then((m) => ({ default: m.PatientWindow })),
);

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

/**
 * Which screen the window shows. Nothing of the caseload before sign-in, and nothing while locked:
 * the patient screens are unmounted, not covered, so no screen reader, DOM reader or DevTools finds
 * them. The router keeps its place, so unlocking returns to the same screen, and the session draft
 * comes back from the main process (useSessionDraft).
 */
function Screen({ state }: { state: AppState }) {
  const showsCaseload = state.access === 'signed-in' && !state.startup && !state.checkIn;
  useEffect(() => {
    // A "Saved: Margaret Chen…" toast belongs to the clinician who caused it, never to the lock or
    // sign-in screen, nor to the patient holding the device for their check-in.
    if (!showsCaseload) notifications.clean();
  }, [showsCaseload]);
  if (state.startup) return <RecoveryScreen problem={state.startup} />;
  if (state.access === 'set-up') return <SetUpScreen />;
  if (state.access === 'secure-existing') return <SecureExistingScreen />;
  if (state.access !== 'signed-in') return state.locked ? <LockScreen locked={state.locked} /> : <SignInScreen />;
  if (state.currentClinician?.mustChoosePassphrase) {
    return <ChoosePassphraseScreen fullName={state.currentClinician.fullName} />;
  }
  // A patient holds the device: nothing of the caseload is mounted, only their check-in.
  if (state.checkIn) {
    return (
      <Suspense fallback={<Loader aria-label="Opening the check-in" />}>
        <PatientWindow state={state} />
      </Suspense>
    );
  }
  return (
    // Loaded before any screen draws, so no date is ever shown in a format about to change.
    <ClinicDateFormatProvider>
      <LocalTermsProvider>
        <RouterProvider router={router} />
      </LocalTermsProvider>
    </ClinicDateFormatProvider>
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
