// The journeys' web server. On the embedded database `mutua start` seeds the demo itself. When the run
// targets PostgreSQL (E2E_DATABASE_URL), a fresh database is created for it, the demo is seeded there with
// `mutua seed` (start-up never seeds a server), and the database is dropped when the server stops.
import { spawn, spawnSync } from 'node:child_process';
import pg from 'pg';

const serverUrl = process.env.E2E_DATABASE_URL;
const env = { ...process.env };
let drop = async () => {};

if (serverUrl) {
  const name = `mutua_e2e_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  drop = async () => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  };
  const seeded = spawnSync(process.execPath, ['bin/mutua.mjs', 'seed'], { env, stdio: 'inherit' });
  if (seeded.status !== 0) {
    await drop();
    process.exit(1);
  }
}

const child = spawn(process.execPath, ['bin/mutua.mjs', 'start'], { env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', async (code) => {
  await drop().catch(() => {});
  process.exit(code ?? 0);
});
