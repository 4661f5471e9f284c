import { Center, Loader } from '@mantine/core';
import { lazy, type ComponentType, type ReactElement } from 'react';

/**
 * A screen whose code loads when it is first opened, so the first screen does not wait for
 * letters, the session recorder and the rest.
 *
 * There is no Suspense boundary per screen: the one around the shell's outlet (ScreenLoading) is
 * already showing a screen when a clinician moves to another, and the router moves inside a React
 * transition, so the screen they are on stays until the next one's code is in (a few tens of ms
 * from disk). A new boundary per screen showed its spinner at once instead, and React then held the
 * loaded screen back until 300 ms after that spinner appeared (its fallback throttle): every first
 * open of a screen took 300 ms or more (the patient overview: 350 ms in the UI bench).
 */
export function lazyScreen<M>(load: () => Promise<M>, pick: (module: M) => ComponentType): ReactElement {
  const Screen = lazy(() => load().then((module) => ({ default: pick(module) })));
  return <Screen />;
}

/** What the shell shows while the first screen after sign-in loads its code. */
export function ScreenLoading() {
  return (
    <Center py="xl" role="status" aria-label="Loading the screen">
      <Loader />
    </Center>
  );
}

/**
 * Loads a screen's code once the browser is idle, for the screen a clinician most likely opens
 * next, so its first open does not wait for it. Loading twice costs nothing: the module is cached.
 */
export function warmWhenIdle(load: () => Promise<unknown>): void {
  requestIdleCallback(() => void load().catch(() => undefined), { timeout: 2_000 });
}
