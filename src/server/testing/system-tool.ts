import { spawnSync } from 'node:child_process';

/**
 * Whether a Debian tool a test relies on (pdftotext, pdfdetach, xmllint) is installed. On a developer
 * machine with Node alone those checks are skipped with their reason; CI installs the tools and sets
 * CI=true, where a missing tool fails the test instead of skipping it.
 */
export function lacksSystemTool(command: string, args: string[] = ['-v']): boolean {
  if (process.env.CI) return false;
  return spawnSync(command, args).status !== 0;
}
