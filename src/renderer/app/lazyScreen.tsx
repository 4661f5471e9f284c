import { Center, Loader } from '@mantine/core';
import { lazy, Suspense, type ComponentType, type ReactElement } from 'react';

/**
 * A screen whose code loads when it is first opened, so the first screen does not wait for charts,
 * letters and the session recorder. Until then a labelled loading state stands in its place.
 */
export function lazyScreen<M>(load: () => Promise<M>, pick: (module: M) => ComponentType, what: string): ReactElement {
  const Screen = lazy(() => load().then((module) => ({ default: pick(module) })));
  return (
    <Suspense
      fallback={
        <Center py="xl" role="status" aria-label={`Loading ${what}`}>
          <Loader />
        </Center>
      }
    >
      <Screen />
    </Suspense>
  );
}
