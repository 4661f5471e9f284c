import { describe, expect, it } from 'vitest';
import { chooseChromium, CHROMIUM_ENV, DEBIAN_CHROMIUM, NO_CHROMIUM_MESSAGE } from './browser';

const bundled = '/home/dev/.cache/ms-playwright/chromium-1200/chrome-linux/chrome';
const on =
  (...paths: string[]) =>
  (path: string) =>
    paths.includes(path);

describe('choosing the e2e browser', () => {
  it('takes the environment variable first', () => {
    expect(
      chooseChromium({ [CHROMIUM_ENV]: '/opt/chrome' }, () => bundled, on('/opt/chrome', DEBIAN_CHROMIUM)),
    ).toEqual({ executablePath: '/opt/chrome', source: 'environment' });
  });

  it('says so when the environment variable points nowhere', () => {
    expect(() => chooseChromium({ [CHROMIUM_ENV]: '/nope' }, () => bundled, on(DEBIAN_CHROMIUM))).toThrow(
      `${CHROMIUM_ENV} is set to /nope, which does not exist.`,
    );
  });

  it("then Debian's Chromium, then Playwright's own", () => {
    expect(chooseChromium({}, () => bundled, on(DEBIAN_CHROMIUM, bundled)).source).toBe('debian');
    expect(chooseChromium({}, () => bundled, on(bundled))).toEqual({ executablePath: undefined, source: 'playwright' });
  });

  it('with none, says in one line how to get one', () => {
    expect(() => chooseChromium({}, () => bundled, on())).toThrow(NO_CHROMIUM_MESSAGE);
    expect(() =>
      chooseChromium(
        {},
        () => {
          throw new Error('no registry');
        },
        on(),
      ),
    ).toThrow(/npx playwright install chromium/);
    expect(NO_CHROMIUM_MESSAGE).not.toContain('\n');
  });
});
