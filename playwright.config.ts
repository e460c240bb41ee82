import { defineConfig } from '@playwright/test';
import { findChromium } from './e2e/chromium.ts';

const browser = findChromium();
const executablePath = browser.ok ? browser.executablePath : undefined;

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  // Waits are for states, so generous limits cost nothing when the machine is fast; with the
  // machine at load 9 (two workers beside other work) a first paint can take over 10 s.
  timeout: 60_000,
  expect: { timeout: 20_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: executablePath ? { executablePath } : {},
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
  },
});
