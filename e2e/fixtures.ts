import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import {
  _electron,
  chromium,
  expect,
  test as base,
  type Browser,
  type BrowserContext,
  type ElectronApplication,
  type Locator,
  type Page,
} from '@playwright/test';
import {
  buildBridge,
  channelNames,
  type ApiResult,
  type ChannelName,
  type InputOf,
  type OutputOf,
} from '../src/shared/contract';
import { launchCaseload, type LaunchedCaseload } from '../src/main/launch';
import { reconcileFile } from '../src/main/services/reconcile';
import { holdTestKey, TEST_ADMIN, TEST_SET_UP } from '../src/main/testing';
import { folderExportTarget } from '../src/main/services/exports/target';
import { describeViolations, seriousViolations, settle, type ColorScheme } from './support/axe';
import { chooseChromium } from './support/browser';
import { electronBinary } from './support/electron';
import { serveRenderer } from './support/staticServer';
import { fromWireSource, toWire } from './support/wire';

const REPO = resolve(__dirname, '..');
const MIGRATIONS_DIR = join(REPO, 'migrations');
const SCREENSHOT_DIR = join(REPO, 'e2e', '.screenshots');
/** Where the test transport's export port saves: the save dialog's stand-in, kept for eyes. */
export const EXPORTS_DIR = join(REPO, 'e2e', '.artifacts', 'exports');

/** The page's locale, told to the main process too, as Electron's app.getLocale() tells it in the app. */
const BROWSER_LOCALE = 'en-AU';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-features=Translate,OptimizationHints,MediaRouter',
];

/**
 * The test transport: every page of `context` gets the same window.api the preload builds, bound to
 * the real dispatch over the real file. Only the hop differs from Electron's IPC. Results cross as
 * JSON text where JSON carries them exactly (see wire.ts).
 */
export async function bridgeContext(
  context: BrowserContext,
  dispatch: (channel: string, input: unknown) => Promise<unknown>,
): Promise<void> {
  await context.exposeBinding('__pacewiseInvoke', async (_source, channel: string, input: unknown) =>
    toWire(await dispatch(channel, input)),
  );
  await context.addInitScript({
    content: `Object.defineProperty(window, 'api', { value: Object.freeze((${buildBridge.toString()})(${JSON.stringify(
      channelNames,
    )}, (c, i) => window.__pacewiseInvoke(c, i).then(${fromWireSource}))), writable: false });`,
  });
}

export interface PacewiseApp {
  page: Page;
  dataDir: string;
  /** This test's stand-in for Electron's userData folder, where device.json is written. */
  userDataDir: string;
  /** This test's stand-in for the save dialog: every export lands here (under e2e/.artifacts/exports/). */
  exportsDir: string;
  /**
   * Moves the main process's clock forward (days), as if the app were used later. The main process
   * has locked by itself meanwhile (no activity for days), so the clinician unlocks, as they would.
   */
  advanceClock(days: number): Promise<void>;
  /** Every URL the page asked for, in order: the test for "nothing leaves the machine". */
  requests: string[];
  consoleErrors: string[];
  /** Calls a channel through the page's own `window.api`, exactly as a screen would. */
  call<K extends ChannelName>(channel: K, input: InputOf<K>): Promise<OutputOf<K>>;
  /** The same call made straight to the main-process dispatch in Node, not through the page (benches). */
  dispatchInNode(channel: ChannelName, input: unknown): Promise<unknown>;
  /** Closes the app and its database, then opens both again on the same folder (`meanwhile` runs between). */
  /** Closes and relaunches; signs the administrator back in through the sign-in screen unless told not to. */
  restart(meanwhile?: () => void, options?: { signIn?: boolean }): Promise<void>;
  /** The recovery key the set-up showed (null when a test set up the clinic itself). */
  recoveryKey: string | null;
  /** Who signs in after a restart and whose passphrase opens the files afterwards (the set-up administrator unless a test changes it). */
  account: { login: string; passphrase: string };
  /** Signs in through the sign-in screen, as a clinician at the computer would. */
  signIn(account?: { login: string; passphrase: string }): Promise<void>;
  /** The live caseload connection in this process (Chromium target), for asserting what was written. */
  sqlite(): import('better-sqlite3').Database;
  /** Holds the caseload's key in this process, so a test can open the encrypted files directly. */
  holdKey(): Promise<Buffer>;
  /** The folder the substituted save/open dialogs answer with ("the USB stick"). */
  usbDir: string;
  /** The file the substituted open dialog picks, when a test sets one. */
  pickFile: { path: string | null };
  screenshot(name: string): Promise<string>;
  /**
   * Checks what the page shows now with axe-core (WCAG 2.1 A and AA) in light and then dark, and saves a
   * full-page screenshot of each as `a11y-<screen>-<scheme>.png` (unless `screenshot: false`, for a page
   * too tall to photograph whole). A serious or critical violation fails the test (softly: the test goes
   * on, so one run lists every screen's findings) naming the screen, the scheme, the rule, its impact and
   * each element. Leaves the scheme as it found it.
   */
  expectAccessible(screen: string, options?: { screenshot?: boolean }): Promise<void>;
}

interface Options {
  target: 'chromium' | 'electron';
  setUp: boolean;
  /** After each scenario, every record must still equal its audit trail (off only where a test edits the file). */
  reconciles: boolean;
}

/** The clinic every scenario starts in; its administrator signs in through the real screen after a restart. */
const SET_UP = TEST_SET_UP;
export const ADMIN = TEST_ADMIN;

export const test = base.extend<Options & { app: PacewiseApp }, { browser: Browser; rendererUrl: string }>({
  target: ['chromium', { option: true }],
  setUp: [true, { option: true }],
  reconciles: [true, { option: true }],
  rendererUrl: [
    async ({}, use) => {
      const server = await serveRenderer();
      await use(server.url);
      await server.close();
    },
    { scope: 'worker' },
  ],
  browser: [
    async ({}, use) => {
      const { executablePath } = chooseChromium(process.env, () => chromium.executablePath());
      const browser = await chromium.launch({
        ...(executablePath ? { executablePath } : {}),
        args: CHROMIUM_ARGS,
        headless: true,
      });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  app: async ({ target, setUp, reconciles, browser, rendererUrl }, use) => {
    // As on a new computer: Electron's userData folder exists, the caseload folder inside it does not
    // (set-up creates it, as the installed app's default `<userData>/caseload`).
    const userDataDir = mkdtempSync(join(tmpdir(), 'pacewise-e2e-userdata-'));
    const dataDir = join(userDataDir, 'caseload');
    const exportsDir = join(EXPORTS_DIR, basename(userDataDir));
    let clockOffsetMs = 0;
    const requests: string[] = [];
    const consoleErrors: string[] = [];
    const usbDir = mkdtempSync(join(tmpdir(), 'pacewise-usb-'));
    const pickFile: { path: string | null } = { path: null };
    let running: LaunchedCaseload | null = null;
    let context: BrowserContext | null = null;
    let electronApp: ElectronApplication | null = null;
    let page!: Page;

    const watch = (p: Page) => {
      p.on('request', (r) => requests.push(r.url()));
      p.on('console', (m) => {
        if (m.type() === 'error') consoleErrors.push(m.text());
      });
      p.on('pageerror', (e) => consoleErrors.push(String(e)));
    };

    const open = async () => {
      if (target === 'electron') {
        electronApp = await _electron.launch({
          executablePath: electronBinary()!,
          args: [REPO],
          env: { ...process.env, PACEWISE_DATA_DIR: dataDir, PACEWISE_EXPORT_DIR: exportsDir },
        });
        page = await electronApp.firstWindow();
        watch(page);
        return;
      }
      running = launchCaseload({
        dataDir,
        userDataDir,
        migrationsDir: MIGRATIONS_DIR,
        appVersion: 'e2e',
        log: () => undefined,
        // As the app does: the full page check runs in a worker right after sign-in.
        checkAfterOpen: true,
        warmDocuments: true,
        now: () => new Date(Date.now() + clockOffsetMs),
        dialogs: { chooseBackupFolder: async () => usbDir, chooseBackupFile: async () => pickFile.path },
        exportTarget: folderExportTarget(exportsDir),
        displayLocale: BROWSER_LOCALE,
      });
      const dispatch = running.dispatch;
      context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: BROWSER_LOCALE });
      await bridgeContext(context, dispatch);
      page = await context.newPage();
      watch(page);
      await page.goto(`${rendererUrl}/index.html`);
    };

    const close = async () => {
      if (electronApp) await (electronApp as ElectronApplication).close();
      if (context) await (context as BrowserContext).close();
      running?.close();
      electronApp = null;
      context = null;
      running = null;
    };

    await open();
    const app: PacewiseApp = {
      get page() {
        return page;
      },
      dataDir,
      userDataDir,
      exportsDir,
      async advanceClock(days: number) {
        clockOffsetMs += days * 86_400_000;
        if (!running?.running()) return;
        const unlocked = await running.dispatch('access.unlock', { passphrase: app.account.passphrase });
        if (!unlocked.ok) throw new Error(`Unlocking after the clock moved: ${unlocked.error.message}`);
      },
      usbDir,
      pickFile,
      requests,
      consoleErrors,
      async dispatchInNode(channel: ChannelName, input: unknown) {
        if (!running) throw new Error('The app is not running.');
        return running.dispatch(channel, input);
      },
      async call<K extends ChannelName>(channel: K, input: InputOf<K>): Promise<OutputOf<K>> {
        const result = (await page.evaluate(
          ([c, i]) => {
            const [ns, m] = (c as string).split('.') as [string, string];
            const bridge = (
              window as unknown as { api: Record<string, Record<string, (x: unknown) => Promise<unknown>>> }
            ).api;
            return bridge[ns]![m]!(i);
          },
          [channel, input] as const,
        )) as ApiResult<OutputOf<K>>;
        if (!result.ok)
          throw new Error(`${channel} refused: ${result.error.message} ${JSON.stringify(result.error.fields)}`);
        return result.value;
      },
      async restart(meanwhile?: () => void, options: { signIn?: boolean } = {}) {
        await close();
        meanwhile?.();
        await open();
        if (setUp && options.signIn !== false) await app.signIn();
      },
      account: { ...ADMIN },
      recoveryKey: null,
      async signIn(account = app.account) {
        await page.getByLabel('Sign-in name').fill(account.login);
        await page.getByLabel(/^Passphrase/).fill(account.passphrase);
        await page.getByRole('button', { name: 'Sign in', exact: true }).click();
        // Then the caseload, or the recovery screen when the file could not be opened as it was.
        await expect(page.getByRole('form', { name: 'Sign in' })).toHaveCount(0, { timeout: 15_000 });
      },
      holdKey: () => holdTestKey(dataDir, app.account),
      sqlite() {
        const live = running?.running();
        if (!live) throw new Error('The caseload is not open in this process');
        return live.ctx.sqlite;
      },
      async screenshot(name: string) {
        const scheme = await page.evaluate(
          () => document.documentElement.getAttribute('data-mantine-color-scheme') ?? 'light',
        );
        const path = join(SCREENSHOT_DIR, `${name}-${scheme}.png`);
        await page.screenshot({ path, fullPage: true });
        return path;
      },
      async expectAccessible(screen: string, { screenshot = true }: { screenshot?: boolean } = {}) {
        const found = await currentColorScheme(page);
        for (const scheme of [found, found === 'light' ? 'dark' : 'light'] as const) {
          await useColorScheme(page, scheme);
          await settle(page);
          const violations = await seriousViolations(page);
          if (screenshot) await app.screenshot(`a11y-${screen.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`);
          expect
            .soft(
              violations.reduce((n, v) => n + v.nodes.length, 0),
              describeViolations(screen, scheme, violations),
            )
            .toBe(0);
        }
        await useColorScheme(page, found);
      },
    };
    if (setUp) {
      // Set-up through the contract (the set-up screen has its own scenario); the session stays signed in.
      app.recoveryKey = (await app.call('access.setUp', SET_UP)).recoveryKey;
      await page.reload();
    }
    await use(app);
    await close();
    if (reconciles && existsSync(join(dataDir, 'caseload.db'))) {
      if (existsSync(join(dataDir, 'caseload.keys'))) await holdTestKey(dataDir, app.account);
      const report = reconcileFile(join(dataDir, 'caseload.db'), dataDir, new Date());
      expect(report.chain.breaks, 'audit chain breaks after the scenario').toEqual([]);
      expect(report.findings, 'records that differ from their audit trail after the scenario').toEqual([]);
    }
    rmSync(userDataDir, { recursive: true, force: true });
    rmSync(usbDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';

/** The notifications on screen ("Saved …", a refusal): polite statuses, each with its close button. */
export function notifications(page: Page): Locator {
  return page.getByRole('status').filter({ has: page.getByRole('button', { name: 'Close the notification' }) });
}

async function currentColorScheme(page: Page): Promise<ColorScheme> {
  const scheme = await page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'));
  return scheme === 'dark' ? 'dark' : 'light';
}

/**
 * Switches the colour scheme the way a user does: with the header toggle, or where the screen has none
 * (sign-in, set-up, recovery, the lock screen over an inert shell) through the system's scheme it follows.
 */
export async function useColorScheme(page: Page, scheme: ColorScheme): Promise<void> {
  if ((await currentColorScheme(page)) === scheme) return;
  const toggle = page.getByRole('button', { name: `Switch to ${scheme} theme` });
  if (await toggle.isVisible()) {
    await toggle.click();
    // Off the toggle, so its tooltip is not in the picture.
    await page.mouse.move(0, 0);
  } else await page.emulateMedia({ colorScheme: scheme });
  await expect(
    page.locator('html'),
    `switching to the ${scheme} scheme (a screen without the toggle follows the system only until the toggle was used)`,
  ).toHaveAttribute('data-mantine-color-scheme', scheme);
}
