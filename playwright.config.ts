import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { e2eBaseUrl, e2eDemoPassword, e2ePort } from './e2e/e2e-env.ts';

/**
 * Browser journeys against the built app (`npm run build:web` first) served by `mutua start` on a
 * fresh embedded database seeded with the demo. Debian's Chromium, never a downloaded browser.
 */
const port = e2ePort;
const baseURL = e2eBaseUrl;
const dataDir = join(tmpdir(), 'mutua-e2e');

// A fresh embedded database on every run. The config is loaded again by each worker, which must not
// wipe the database of the running server: only the first load (the runner) does.
if (!process.env.MUTUA_E2E_STARTED) {
  process.env.MUTUA_E2E_STARTED = '1';
  rmSync(dataDir, { recursive: true, force: true });
}

export default defineConfig({
  testDir: 'e2e',
  // One server and one database shared by the journeys: run them one after the other.
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  outputDir: 'test-results/e2e-artifacts',
  use: {
    baseURL,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    command: 'node bin/mutua.mjs start',
    url: `${baseURL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    env: {
      DATA_DIR: dataDir,
      PORT: String(port),
      PUBLIC_URL: baseURL,
      MUTUA_DEMO_PASSWORD: e2eDemoPassword,
      // The embedded database, whatever the caller's environment says.
      DATABASE_URL: '',
      SMTP_URL: '',
      LOG_LEVEL: 'warn',
    },
  },
});
