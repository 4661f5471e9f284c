import { Alert, Center, Loader, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { createHashRouter, Navigate, RouterProvider } from 'react-router';
import { FirstRunSetup } from '../features/setup/FirstRunSetup';
import { RecoveryScreen } from '../features/setup/RecoveryScreen';
import { ClinicDateFormatProvider } from '../dates';
import { AppStateProvider } from './AppStateContext';
import { Shell } from './Shell';
import { routes } from './routes';
import { ScreenError } from './ScreenError';
import { theme } from './theme';

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

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto">
      {/* Bottom-left, over the empty foot of the menu column (210 px), two at most and closing by
          themselves: a "Saved" must never sit over the patient header, its alerts, the filters at
          the top, or the Sign and Save buttons at the bottom right of a form. */}
      <Notifications position="bottom-left" containerWidth={186} limit={2} autoClose={4000} />
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
        {(state) =>
          state.startup ? (
            <RecoveryScreen problem={state.startup} />
          ) : state.isSetUp ? (
            // Loaded before any screen draws, so no date is ever shown in a format about to change.
            <ClinicDateFormatProvider>
              <RouterProvider router={router} />
            </ClinicDateFormatProvider>
          ) : (
            <FirstRunSetup />
          )
        }
      </AppStateProvider>
    </MantineProvider>
  );
}
