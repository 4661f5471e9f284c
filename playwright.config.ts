import { defineConfig } from '@playwright/test';
import { electronBinary } from './e2e/support/electron';

// The same scenarios run in Debian's Chromium (always) and through Electron where its binary exists.
const projects = [{ name: 'chromium', use: { target: 'chromium' as const } }];
if (electronBinary()) projects.push({ name: 'electron', use: { target: 'electron' as never } });

export default defineConfig({
  testDir: './e2e',
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
