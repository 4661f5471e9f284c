import { existsSync } from 'node:fs';

/** Set to a Chromium or Chrome binary to use it for the end-to-end tests. */
export const CHROMIUM_ENV = 'PACEWISE_CHROMIUM';
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export const NO_CHROMIUM_MESSAGE =
  `No Chromium for the end-to-end tests: set ${CHROMIUM_ENV} to a Chromium or Chrome binary, ` +
  `install Debian's (apt-get install -y chromium), or run "npx playwright install chromium" where the internet is reachable.`;

export interface BrowserChoice {
  /** Undefined means Playwright's own Chromium. */
  executablePath: string | undefined;
  source: 'environment' | 'debian' | 'playwright';
}

/**
 * Which Chromium the e2e tests launch, in order: the environment variable, Debian's Chromium,
 * Playwright's own Chromium if installed. Throws one line saying how to get one when none is found.
 */
export function chooseChromium(
  env: Record<string, string | undefined>,
  playwrightChromium: () => string,
  exists: (path: string) => boolean = existsSync,
): BrowserChoice {
  const fromEnv = env[CHROMIUM_ENV]?.trim();
  if (fromEnv) {
    if (!exists(fromEnv)) throw new Error(`${CHROMIUM_ENV} is set to ${fromEnv}, which does not exist.`);
    return { executablePath: fromEnv, source: 'environment' };
  }
  if (exists(DEBIAN_CHROMIUM)) return { executablePath: DEBIAN_CHROMIUM, source: 'debian' };
  let bundled = '';
  try {
    bundled = playwrightChromium();
  } catch {
    // Playwright throws when it has no browser registry entry: the same as not installed.
  }
  if (bundled && exists(bundled)) return { executablePath: undefined, source: 'playwright' };
  throw new Error(NO_CHROMIUM_MESSAGE);
}
