import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';

/** A configuration value that stops start-up: the message is printed on one line, no stack trace. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  publicUrl: string;
  smtpUrl: string | null;
  sessionSecret: string;
  /** Behind https the session cookie is marked Secure. */
  secureCookies: boolean;
  logLevel: string;
  /** Behind a reverse proxy, the client address is taken from X-Forwarded-For. */
  trustProxy: boolean;
};

const Env = z.object({
  PORT: z.string().optional(),
  HOST: z.string().optional(),
  DATA_DIR: z.string().optional(),
  DATABASE_URL: z.string().optional(),
  PUBLIC_URL: z.string().optional(),
  SMTP_URL: z.string().optional(),
  SESSION_SECRET: z.string().optional(),
  LOG_LEVEL: z.string().optional(),
  TRUST_PROXY: z.string().optional(),
});

/** Reads the environment (documented in the README). A wrong value throws a ConfigError naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const e = Env.parse(env);
  const port =
    e.PORT === undefined || e.PORT === '' ? 3000 : /^\d{1,5}$/.test(e.PORT) ? Number(e.PORT) : Number.NaN;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 1 to 65535 (got "${e.PORT}").`);
  }
  const dataDir = e.DATA_DIR
    ? isAbsolute(e.DATA_DIR)
      ? e.DATA_DIR
      : resolve(cwd, e.DATA_DIR)
    : resolve(cwd, 'data');
  const databaseUrl = e.DATABASE_URL || null;
  if (databaseUrl) {
    let url: URL;
    try {
      url = new URL(databaseUrl);
    } catch {
      throw new ConfigError(
        'DATABASE_URL is not a URL (expected postgres://user:password@host:5432/database).',
      );
    }
    if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
      throw new ConfigError(`DATABASE_URL must start with postgres:// (got "${url.protocol}//").`);
    }
  }
  const publicUrl = (e.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, '');
  try {
    const u = new URL(publicUrl);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error();
  } catch {
    throw new ConfigError(`PUBLIC_URL must be an http(s) URL (got "${e.PUBLIC_URL}").`);
  }
  const smtpUrl = e.SMTP_URL || null;
  if (smtpUrl) {
    try {
      const u = new URL(smtpUrl);
      if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:') throw new Error();
    } catch {
      throw new ConfigError('SMTP_URL must look like smtp://user:password@host:587 or smtps://…:465.');
    }
  }
  if (e.SESSION_SECRET !== undefined && e.SESSION_SECRET !== '' && e.SESSION_SECRET.length < 32) {
    throw new ConfigError('SESSION_SECRET must be at least 32 characters long.');
  }
  ensureDataDir(dataDir);
  const sessionSecret = e.SESSION_SECRET || readOrCreateSecret(dataDir);
  return {
    port,
    host: e.HOST || '0.0.0.0',
    dataDir,
    databaseUrl,
    publicUrl,
    smtpUrl,
    sessionSecret,
    secureCookies: publicUrl.startsWith('https://'),
    logLevel: e.LOG_LEVEL || 'info',
    trustProxy: e.TRUST_PROXY === '1' || e.TRUST_PROXY === 'true',
  };
}

function ensureDataDir(dataDir: string) {
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw new ConfigError(`DATA_DIR "${dataDir}" cannot be created: ${(error as Error).message}`);
  }
}

/** SESSION_SECRET, when absent, is generated once and kept in DATA_DIR so sessions survive restarts. */
function readOrCreateSecret(dataDir: string): string {
  const file = join(dataDir, 'session-secret');
  if (!existsSync(file)) {
    try {
      // 'wx': if another process created it meanwhile, keep theirs.
      writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
        throw new ConfigError(`cannot write ${file}: ${(error as Error).message}`);
    }
  }
  const secret = readFileSync(file, 'utf8').trim();
  // An empty or edited file would sign sessions with a guessable key.
  if (secret.length < 32)
    throw new ConfigError(`${file} holds no usable secret; delete it and a new one will be generated.`);
  return secret;
}
