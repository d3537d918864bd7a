import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load-config.ts';

const tempDir = () => mkdtempSync(join(tmpdir(), 'mutua-config-'));
/** Loads the configuration from exactly these variables, in a fresh working directory. */
const load = (env: Record<string, string>, cwd = tempDir()) =>
  loadConfig({ DATA_DIR: join(cwd, 'data'), ...env }, cwd);

function refusal(env: Record<string, string>): string {
  try {
    load(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error(`accepted ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('starts with sensible defaults: port 3000, ./data, the embedded database, no SMTP', () => {
    const cwd = tempDir();
    const config = loadConfig({}, cwd);
    expect(config).toMatchObject({
      port: 3000,
      dataDir: join(cwd, 'data'),
      databaseUrl: null,
      publicUrl: 'http://localhost:3000',
      smtpUrl: null,
      secureCookies: false,
      trustProxy: false,
    });
  });

  it('reads every variable', () => {
    const config = load({
      PORT: '8080',
      DATABASE_URL: 'postgresql://mutua:secret@db:5432/mutua',
      PUBLIC_URL: 'https://coop.example.fr/',
      SMTP_URL: 'smtps://user:pass@mail.example.fr:465',
      SESSION_SECRET: 's'.repeat(32),
      TRUST_PROXY: 'true',
    });
    expect(config).toMatchObject({
      port: 8080,
      databaseUrl: 'postgresql://mutua:secret@db:5432/mutua',
      publicUrl: 'https://coop.example.fr',
      smtpUrl: 'smtps://user:pass@mail.example.fr:465',
      sessionSecret: 's'.repeat(32),
      secureCookies: true,
      trustProxy: true,
    });
  });

  it('resolves a relative DATA_DIR against the working directory', () => {
    const cwd = tempDir();
    expect(loadConfig({ DATA_DIR: 'here' }, cwd).dataDir).toBe(join(cwd, 'here'));
  });

  it('refuses a PORT that is not a whole number from 1 to 65535', () => {
    for (const PORT of ['abc', '0', '65536', '3000.5', '-1', ' ', '1e3', '0x10', '3000abc'])
      expect(refusal({ PORT }), PORT).toMatch(/^PORT must be a whole number from 1 to 65535/);
  });

  it('refuses a DATABASE_URL that is not a postgres:// URL', () => {
    expect(refusal({ DATABASE_URL: 'not a url' })).toMatch(/^DATABASE_URL is not a URL/);
    expect(refusal({ DATABASE_URL: 'mysql://root@localhost/db' })).toMatch(
      /^DATABASE_URL must start with postgres/,
    );
  });

  it('refuses a PUBLIC_URL that is not http(s)', () => {
    for (const PUBLIC_URL of ['ftp://coop.example.fr', 'coop.example.fr', 'localhost:3000'])
      expect(refusal({ PUBLIC_URL }), PUBLIC_URL).toMatch(/^PUBLIC_URL must be an http\(s\) URL/);
  });

  it('refuses an SMTP_URL that is not smtp:// or smtps://', () => {
    for (const SMTP_URL of ['http://mail.example.fr', 'mail.example.fr:587', 'smtp//x'])
      expect(refusal({ SMTP_URL }), SMTP_URL).toMatch(/^SMTP_URL must look like smtp:/);
  });

  it('refuses a SESSION_SECRET shorter than 32 characters', () => {
    expect(refusal({ SESSION_SECRET: 'too-short' })).toBe(
      'SESSION_SECRET must be at least 32 characters long.',
    );
  });

  it('refuses a DATA_DIR that cannot be created', () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'a-file'), 'x');
    expect(refusal({ DATA_DIR: join(cwd, 'a-file', 'data') })).toMatch(/^DATA_DIR ".*" cannot be created/);
  });

  it('generates SESSION_SECRET once, keeps it in DATA_DIR readable by its owner only, and reuses it', () => {
    const cwd = tempDir();
    const first = loadConfig({}, cwd);
    expect(first.sessionSecret.length).toBeGreaterThanOrEqual(32);
    const file = join(cwd, 'data', 'session-secret');
    expect(readFileSync(file, 'utf8').trim()).toBe(first.sessionSecret);
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(loadConfig({}, cwd).sessionSecret).toBe(first.sessionSecret);
    expect(loadConfig({}, tempDir()).sessionSecret).not.toBe(first.sessionSecret);
    // A secret given in the environment wins and is not written down.
    const given = tempDir();
    expect(loadConfig({ SESSION_SECRET: 'g'.repeat(40) }, given).sessionSecret).toBe('g'.repeat(40));
    expect(() => readFileSync(join(given, 'data', 'session-secret'))).toThrow();
  });

  it('refuses a kept secret that was emptied or shortened', () => {
    const cwd = tempDir();
    loadConfig({}, cwd);
    writeFileSync(join(cwd, 'data', 'session-secret'), '\n');
    expect(() => loadConfig({}, cwd)).toThrow(ConfigError);
    expect(() => loadConfig({}, cwd)).toThrow(/session-secret holds no usable secret/);
  });
});
