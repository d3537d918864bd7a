import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/create-test-context.ts';
import { seedTestPeople, testPassword } from '../testing/seed-test-people.ts';
import { createTestClient } from '../testing/test-client.ts';
import { verifyIntegrity } from './verify-integrity.ts';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedTestPeople(ctx);
});
afterAll(() => ctx.close());

describe('verifyIntegrity', () => {
  it('passes on a freshly migrated database', async () => {
    const report = await verifyIntegrity(ctx);
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.checks.map((c) => c.name)).toEqual(
      expect.arrayContaining(['migrations', 'audit log is append-only']),
    );
  });

  it('is open to accountants and administrators only', async () => {
    for (const [role, status] of [
      ['accountant', 200],
      ['admin', 200],
      ['member', 403],
      ['manager', 403],
    ] as const) {
      const client = createTestClient(ctx, { ip: `10.9.0.${role.length}` });
      await client.logIn(`${role}@test.coop`, testPassword);
      const res = await client.post('/integrity/verify');
      expect(res.status, role).toBe(status);
      if (status === 200) expect(res.body.ok).toBe(true);
    }
  });

  it('fails when the audit log loses its append-only guard, or a migration is missing', async () => {
    await ctx.database.exec('DROP TRIGGER audit_log_no_truncate ON audit_log');
    await ctx.database.exec(`DELETE FROM schema_migrations WHERE name = '0001_foundation.sql'`);
    const report = await verifyIntegrity(ctx);
    expect(report.ok).toBe(false);
    const failed = Object.fromEntries(report.checks.filter((c) => !c.ok).map((c) => [c.name, c.details]));
    expect(failed['audit log is append-only']).toEqual(['trigger audit_log_no_truncate is missing']);
    expect(failed.migrations).toEqual(['0001_foundation.sql is not applied']);
  });
});
