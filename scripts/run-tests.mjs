#!/usr/bin/env node
// `npm test`: every suite — unit and database tests (Vitest), then the browser journeys (Playwright on the
// system's Chromium). Ends with one plain line "N passed, N failed[, N skipped]" and writes
// test-results/summary.json. Database tests run on PGlite, or on the PostgreSQL server named by DATABASE_URL.
//   --e2e-only   only the browser journeys        --no-e2e   skip them
// Without Chromium the journeys are reported as skipped, unless REQUIRE_E2E=1 (CI), where that is a failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const args = new Set(process.argv.slice(2));
const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'test-results');
mkdirSync(out, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function run(cmd, cmdArgs, env = {}) {
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

if (!args.has('--e2e-only')) {
  const file = join(out, 'vitest.json');
  rmSync(file, { force: true });
  const status = run(npx, [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${file}`,
  ]);
  const report = readJson(file);
  if (report) {
    totals.passed += report.numPassedTests ?? 0;
    totals.failed += report.numFailedTests ?? 0;
    totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    // A suite that fails to load counts its file as a failure.
    totals.failed += (report.testResults ?? []).filter(
      (t) => t.status === 'failed' && (t.assertionResults ?? []).length === 0,
    ).length;
  }
  if (status !== 0 && totals.failed === 0) totals.failed += 1;
}

function findChromium() {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  return candidates.find((p) => p && existsSync(p));
}

if (!args.has('--no-e2e')) {
  const chromium = findChromium();
  if (!chromium) {
    if (process.env.REQUIRE_E2E === '1') {
      console.error('e2e: FAILED: no Chromium found and REQUIRE_E2E=1');
      totals.failed += 1;
    } else {
      console.log('e2e: skipped: no Chromium found (install Debian chromium or set CHROMIUM_PATH)');
    }
  } else if (!existsSync(join(root, 'playwright.config.ts'))) {
    console.log('e2e: skipped: no playwright.config.ts');
  } else {
    const built = run('npm', ['run', '--silent', 'build:web']);
    if (built !== 0) {
      console.error('e2e: the web app did not build');
      totals.failed += 1;
    } else {
      const file = join(out, 'e2e.json');
      rmSync(file, { force: true });
      const status = run(npx, ['playwright', 'test'], {
        CHROMIUM_PATH: chromium,
        PLAYWRIGHT_JSON_OUTPUT_NAME: file,
      });
      const report = readJson(file);
      if (report?.stats) {
        totals.passed += (report.stats.expected ?? 0) + (report.stats.flaky ?? 0);
        totals.failed += report.stats.unexpected ?? 0;
        totals.skipped += report.stats.skipped ?? 0;
      }
      if (status !== 0 && !(report?.stats?.unexpected > 0)) totals.failed += 1;
    }
  }
}

writeFileSync(join(out, 'summary.json'), `${JSON.stringify(totals)}\n`);
console.log(
  `\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`,
);
process.exit(totals.failed > 0 ? 1 : 0);
