import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { e2eBaseUrl, e2eDemoPassword, e2ePort } from './e2e/e2e-env.ts';

/**
 * Browser journeys against the built app (`npm run build:web` first) served by `mutua start` on a
 * fresh database seeded with the demo: embedded, or on the PostgreSQL server of DATABASE_URL.
 * Debian's Chromium, never a downloaded browser.
 */
const port = e2ePort;
const baseURL = e2eBaseUrl;

// A fresh embedded database for every run, in a directory of its own (two runs on one machine must not
// share it). The config is loaded again by each worker, which inherits the directory from the runner.
if (!process.env.MUTUA_E2E_DATA_DIR) {
  const dir = mkdtempSync(join(tmpdir(), 'mutua-e2e-'));
  process.env.MUTUA_E2E_DATA_DIR = dir;
  // The runner exits after the web server has stopped: the database goes with it.
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
}
const dataDir = process.env.MUTUA_E2E_DATA_DIR;

export default defineConfig({
  testDir: 'e2e',
  // screenshots.spec.ts takes pictures for people to look at; it runs only when asked for.
  testIgnore: process.env.SCREENSHOT_DIR ? [] : ['screenshots.spec.ts'],
  // One server and one database shared by the journeys: run them one after the other.
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Generous limits: CI machines are shared and noisy (a payroll preview prices every salary with the rules
  // engine; under a load of 14 it took more than 10 s). A passing step never waits for them.
  timeout: 180_000,
  expect: { timeout: 30_000 },
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
    command: 'node e2e/start-server.mjs',
    url: `${baseURL}/api/health`,
    timeout: 600_000, // the demo is seeded first (PostgreSQL: `mutua seed`): minutes on a busy machine
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    env: {
      DATA_DIR: dataDir,
      PORT: String(port),
      PUBLIC_URL: baseURL,
      MUTUA_DEMO_PASSWORD: e2eDemoPassword,
      // With DATABASE_URL set (the PostgreSQL pass of npm test), the journeys run on a fresh database of
      // that server (e2e/start-server.mjs); otherwise on a fresh embedded one.
      DATABASE_URL: '',
      E2E_DATABASE_URL: process.env.DATABASE_URL ?? '',
      SMTP_URL: '',
      LOG_LEVEL: 'warn',
    },
  },
});
