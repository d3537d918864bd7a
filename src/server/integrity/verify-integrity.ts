import { sql } from 'drizzle-orm';
import type { AppContext } from '../app-context.ts';
import { readMigrations } from '../db/migrate-database.ts';
import { queryRows } from '../db/query-rows.ts';
import { verifyExpenses } from '../expenses/verify-expenses.ts';
import { verifyLedger } from '../ledger/verify-ledger.ts';

export type IntegrityCheck = { name: string; ok: boolean; details: string[] };
export type IntegrityReport = { ok: boolean; checkedAt: string; checks: IntegrityCheck[] };

/**
 * `mutua verify`: every check that the books and records are whole. Each feature adds its own checks here
 * (the ledger adds its hash chains and balances).
 */
export async function verifyIntegrity(ctx: AppContext): Promise<IntegrityReport> {
  const checks: IntegrityCheck[] = [];

  const applied = await queryRows<{ name: string; sha256: string }>(
    ctx.db,
    sql`SELECT name, sha256 FROM schema_migrations ORDER BY name`,
  );
  const known = new Map(applied.map((r) => [r.name, r.sha256]));
  const migrationProblems: string[] = [];
  for (const m of readMigrations()) {
    const sha = known.get(m.name);
    if (!sha) migrationProblems.push(`${m.name} is not applied`);
    else if (sha !== m.sha256) migrationProblems.push(`${m.name} differs from the applied version`);
  }
  checks.push({ name: 'migrations', ok: migrationProblems.length === 0, details: migrationProblems });

  const triggers = await queryRows<{ tgname: string }>(
    ctx.db,
    sql`SELECT tgname FROM pg_trigger WHERE tgrelid = 'audit_log'::regclass AND NOT tgisinternal`,
  );
  const names = new Set(triggers.map((r) => r.tgname));
  const missing = ['audit_log_append_only', 'audit_log_no_truncate'].filter((t) => !names.has(t));
  checks.push({
    name: 'audit log is append-only',
    ok: missing.length === 0,
    details: missing.map((t) => `trigger ${t} is missing`),
  });

  checks.push(...(await verifyLedger(ctx)));
  checks.push(...(await verifyExpenses(ctx)));

  return { ok: checks.every((c) => c.ok), checkedAt: ctx.now().toISOString(), checks };
}
