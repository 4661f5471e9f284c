import { defineConfig } from '@playwright/test';

// The UI bench: the e2e harness (e2e/fixtures.ts) on a seeded caseload, in Chromium, one worker.
export default defineConfig<{ target: 'chromium' | 'electron' }>({
  testDir: '.',
  testMatch: '*.bench.ts',
  outputDir: '../../test-results/bench-ui',
  workers: 1,
  retries: 0,
  timeout: 20 * 60_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
  use: { viewport: { width: 1280, height: 800 }, actionTimeout: 30_000 },
  projects: [{ name: 'chromium', use: { target: 'chromium' } }],
});
