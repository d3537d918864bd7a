import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { AppError } from '../../core/errors/app-error.ts';
import { describeError } from '../../core/errors/error-catalog.ts';
import { Email, Password, PersonName } from '../../core/people/people-schemas.ts';
import { boot } from '../boot.ts';
import { ConfigError, loadConfig } from '../config/load-config.ts';
import { demoPassword, hasDemoPassword } from '../demo/demo-password.ts';
import { demoPeople, isEmptyCooperative, seedDemo } from '../demo/seed-demo.ts';
import { verifyIntegrity } from '../integrity/verify-integrity.ts';
import { writeFecFiles } from '../ledger/write-fec-files.ts';
import { serveApp, stopOnSignals } from '../main.ts';
import { seedLargeCooperative } from '../members/seed-large-cooperative.ts';
import { createAccount } from '../people/create-account.ts';
import { exportInvoices } from '../sales/export-invoices.ts';

const help = `mutua — the software of a coopérative d'activités et d'emploi

Usage: mutua <command> [options]

Commands:
  start [--demo]     migrate, seed the demo on an empty embedded database, serve (default)
  migrate            apply the database migrations and exit
  seed [--members N] seed the demo cooperative into an empty database; --members N also generates
                     N members with journeys and activities (deterministic; for benchmarks)
  verify             check the integrity of the records; exit 0 only when everything holds
  fec --year YYYY --out DIR
                     write the FEC of the fiscal year closing in YYYY and its description into DIR
  export-invoices --out DIR
                     write the PDF of every issued invoice and credit note (as stored) and index.csv
  create-admin --email E --name N [--password P]
                     create an administrator (the first one on a PostgreSQL server)
  help               this text

Configuration comes from environment variables: PORT, DATA_DIR, DATABASE_URL, PUBLIC_URL, SMTP_URL,
SESSION_SECRET (see README.md).`;

function fail(message: string): never {
  process.stderr.write(`mutua: ${message}\n`);
  process.exit(1);
}

export async function runCli(argv: string[]) {
  const [command = 'start', ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      demo: { type: 'boolean', default: false },
      email: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      year: { type: 'string' },
      out: { type: 'string' },
      members: { type: 'string' },
    },
    allowPositionals: false,
    strict: true,
  });
  if (command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(`${help}\n`);
    return;
  }
  const known = ['start', 'migrate', 'seed', 'verify', 'create-admin', 'fec', 'export-invoices'];
  if (!known.includes(command)) fail(`unknown command "${command}". Run "mutua help".`);

  const config = loadConfig();
  const ctx = await boot(config, { quiet: command !== 'start' });
  const printDemo = (password: string) => {
    process.stdout.write(`\nDemo log-ins (mot de passe / password: ${password}):\n`);
    for (const p of demoPeople) process.stdout.write(`  ${p.roles.join(', ').padEnd(11)} ${p.email}\n`);
  };

  if (command === 'migrate') {
    await ctx.database.close();
    process.stdout.write('Database is up to date.\n');
    return;
  }
  if (command === 'seed') {
    const generate = values.members === undefined ? 0 : Number(values.members);
    const empty = await isEmptyCooperative(ctx);
    if (!Number.isInteger(generate) || generate < 0 || (!empty && !generate)) {
      await ctx.database.close();
      fail(
        generate < 0 || !Number.isInteger(generate)
          ? '--members must be a whole number.'
          : 'the database already has accounts; the demo is seeded only into an empty one.',
      );
    }
    const password = empty ? demoPassword(config.dataDir) : null;
    if (password) await seedDemo(ctx, password);
    if (generate) {
      const result = await seedLargeCooperative(ctx, {
        members: generate,
        progress: (done, total) => process.stderr.write(`\rmembers: ${done}/${total}`),
      });
      process.stdout.write(
        `\nGenerated ${result.members} members, ${result.activities} activities, ${result.referents} referents in ${(result.ms / 1000).toFixed(1)} s.\n`,
      );
    }
    await ctx.database.close();
    if (password) printDemo(password);
    return;
  }
  if (command === 'fec') {
    const year = Number(values.year);
    if (!values.year || !Number.isInteger(year) || year < 1900 || year > 2999 || !values.out) {
      await ctx.database.close();
      fail('usage: mutua fec --year YYYY --out DIR');
    }
    try {
      const written = await writeFecFiles(ctx.db, year, values.out);
      process.stdout.write(`${written.path} (${written.lineCount} lines)\n${written.descriptionPath}\n`);
    } catch (error) {
      await ctx.database.close();
      if (error instanceof AppError && error.code === 'NOT_FOUND')
        fail(`no fiscal year closes in ${year}, or the cooperative's identity (SIREN) is not set.`);
      throw error;
    }
    await ctx.database.close();
    return;
  }
  if (command === 'export-invoices') {
    if (!values.out) {
      await ctx.database.close();
      fail('usage: mutua export-invoices --out DIR');
    }
    try {
      const written = await exportInvoices(ctx.db, values.out);
      process.stdout.write(`${written.count} documents\n${written.indexPath}\n`);
    } finally {
      await ctx.database.close();
    }
    return;
  }
  if (command === 'verify') {
    const report = await verifyIntegrity(ctx);
    await ctx.database.close();
    for (const check of report.checks) {
      process.stdout.write(`${check.ok ? 'ok  ' : 'FAIL'} ${check.name}\n`);
      for (const d of check.details) process.stdout.write(`       ${d}\n`);
    }
    process.stdout.write(report.ok ? 'All checks passed.\n' : 'Integrity problems found.\n');
    process.exitCode = report.ok ? 0 : 1;
    return;
  }
  if (command === 'create-admin') {
    const email = Email.safeParse(values.email ?? '');
    const name = PersonName.safeParse(values.name ?? '');
    if (!email.success) fail('--email must be a valid e-mail address.');
    if (!name.success) fail('--name is required.');
    const generated = !values.password;
    const password = values.password ?? randomBytes(12).toString('base64url');
    if (!Password.safeParse(password).success) fail('--password must be 12 to 256 characters long.');
    try {
      await createAccount(ctx, { email: email.data, name: name.data, password, roles: ['admin'] });
    } catch (error) {
      await ctx.database.close();
      if (error instanceof AppError) fail(describeError(error.code, 'en', error.details));
      throw error;
    }
    await ctx.database.close();
    process.stdout.write(
      `Administrator ${email.data} created.${generated ? ` Password: ${password}` : ''}\n`,
    );
    return;
  }

  // start
  if (values.demo && config.databaseUrl) {
    await ctx.database.close();
    fail('demo accounts are never created on a PostgreSQL server; use "mutua create-admin".');
  }
  let demo: string | null = null;
  if (!config.databaseUrl && (await isEmptyCooperative(ctx))) {
    demo = demoPassword(config.dataDir);
    await seedDemo(ctx, demo);
    ctx.log.info('demo cooperative seeded');
  } else if (!config.databaseUrl && hasDemoPassword(config.dataDir)) {
    demo = demoPassword(config.dataDir);
  }
  const { stop } = await serveApp(ctx);
  stopOnSignals(ctx, stop);
  process.stdout.write(
    `\nMutua is running on ${config.publicUrl} (${ctx.database.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'})\n`,
  );
  if (demo) printDemo(demo);
}

export async function main(argv = process.argv.slice(2)) {
  try {
    await runCli(argv);
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    if (error instanceof Error && 'code' in error && (error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      fail(`port ${process.env.PORT ?? 3000} is already in use (set PORT to another one).`);
    }
    if (error instanceof Error && /ECONNREFUSED|password authentication|does not exist/.test(error.message)) {
      fail(`cannot reach the database: ${error.message}`);
    }
    if (error instanceof TypeError && /parseArgs|Unknown option/i.test(String(error.message)))
      fail(error.message);
    if (error instanceof Error && (error as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
      fail(error.message);
    throw error;
  }
}
