import { randomInt } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';

/**
 * The demo accounts' password: generated once for this install and kept in DATA_DIR (or set by
 * MUTUA_DEMO_PASSWORD, as the tests do), so that no two installs share a password.
 */
export function demoPassword(dataDir: string, env = process.env): string {
  if (env.MUTUA_DEMO_PASSWORD) return env.MUTUA_DEMO_PASSWORD;
  const file = join(dataDir, 'demo-password');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const groups = Array.from({ length: 4 }, () =>
    Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join(''),
  );
  const password = groups.join('-');
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

export function hasDemoPassword(dataDir: string, env = process.env): boolean {
  return Boolean(env.MUTUA_DEMO_PASSWORD) || existsSync(join(dataDir, 'demo-password'));
}
