import { defineConfig } from '@playwright/test';
import { electronBinary } from './e2e/support/electron';

// The same scenarios run in Chromium (e2e/support/browser.ts finds one) and through Electron where its binary exists.
type Target = { target: 'chromium' | 'electron' };
const projects: Array<{ name: string; use: Target }> = [{ name: 'chromium', use: { target: 'chromium' } }];
if (electronBinary()) projects.push({ name: 'electron', use: { target: 'electron' } });

export default defineConfig<Target>({
  testDir: './e2e',
  // Scenarios only: e2e/support/*.test.ts are vitest unit tests of the fixture's helpers.
  testMatch: '**/*.spec.ts',
  outputDir: './test-results',
  fullyParallel: true,
  workers: process.env['CI'] ? 2 : 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 7_000 },
  reporter: [['list']],
  use: { viewport: { width: 1280, height: 800 }, actionTimeout: 10_000 },
  projects,
});
