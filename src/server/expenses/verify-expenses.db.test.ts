import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/query-rows.ts';
import { verifyIntegrity } from '../integrity/verify-integrity.ts';
import { createTestContext, type TestContext } from '../testing/create-test-context.ts';
import { seedDemoExpenses } from './seed-demo-expenses.ts';
import { seedCamilleActivity } from './testing/seed-camille-activity.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  ctx.setNow('2026-03-20T09:00:00Z');
  await seedCamilleActivity(ctx);
  // Claims and supplier invoices in every state, a confirmed batch with a paid and a rejected line.
  await seedDemoExpenses(ctx, {
    member: 'member@test.coop',
    support: 'support@test.coop',
    accountant: 'accountant@test.coop',
  });
}, 120_000);
afterAll(async () => {
  await ctx?.close();
});

const expenseChecks = async () => {
  const report = await verifyIntegrity(ctx);
  return Object.fromEntries(
    report.checks.filter((c) => c.name.startsWith('expenses:')).map((c) => [c.name, c]),
  );
};
const approvals = 'expenses: one approval entry per approved claim and supplier invoice';
const payments = 'expenses: one payment entry per paid line of a confirmed batch';
const amounts = 'expenses: paid amounts are the sums of the paid lines';

describe('mutua verify: expenses', () => {
  it('holds on claims and invoices in every state, paid or not', async () => {
    const checks = await expenseChecks();
    expect(Object.keys(checks).sort()).toEqual([amounts, approvals, payments].sort());
    for (const c of Object.values(checks)) expect(c, c.name).toMatchObject({ ok: true, details: [] });
    // The demo does hold what the checks look at.
    const [counts] = await queryRows<{ approved: number; paid_lines: number }>(
      ctx.db,
      sql`SELECT (SELECT count(*)::int FROM expense_claims WHERE status IN ('approved', 'paid'))
               + (SELECT count(*)::int FROM supplier_invoices WHERE status IN ('approved', 'paid')) AS approved,
                 (SELECT count(*)::int FROM expense_payment_lines WHERE status = 'paid') AS paid_lines`,
    );
    expect(counts!.approved).toBeGreaterThanOrEqual(2);
    expect(counts!.paid_lines).toBeGreaterThanOrEqual(1);
  });

  it('fails when an approved claim has no approval entry, or a paid line of a confirmed batch no payment entry', async () => {
    // Another approved claim's entry stands in for the missing one (the foreign key wants an entry).
    const [approved] = await queryRows<{
      id: string;
      activity_id: string;
      member_id: string;
      entry_id: string;
    }>(
      ctx.db,
      sql`SELECT id, activity_id, member_id, entry_id FROM expense_claims WHERE status = 'approved' LIMIT 1`,
    );
    await ctx.db.execute(sql`
      INSERT INTO expense_claims (number, activity_id, member_id, title, status, total_cents, vat_cents, entry_id)
      VALUES ('NDF-2026-99999', ${approved!.activity_id}, ${approved!.member_id}, 'Sans écriture', 'approved',
              4200, 0, ${approved!.entry_id})`);
    const [batch] = await queryRows<{ id: string; n: number }>(
      ctx.db,
      sql`SELECT b.id, (SELECT max(position) FROM expense_payment_lines l WHERE l.batch_id = b.id) AS n
          FROM expense_payment_batches b WHERE b.status = 'confirmed' LIMIT 1`,
    );
    await ctx.db.execute(sql`
      INSERT INTO expense_payment_lines (batch_id, position, item_type, item_id, activity_id, end_to_end_id,
                                         creditor_name, iban, amount_cents, label, status, entry_id)
      VALUES (${batch!.id}, ${batch!.n + 1}, 'claim', ${approved!.id}, ${approved!.activity_id}, 'E2E-MISSING',
              'Camille Martin', 'FR7630006000011234567890189', 1500, 'Sans écriture', 'paid', ${approved!.entry_id})`);

    const checks = await expenseChecks();
    expect(checks[approvals]).toMatchObject({
      ok: false,
      details: ['claim NDF-2026-99999 is approved but its approval entry is missing'],
    });
    expect(checks[payments]!.ok).toBe(false);
    expect(checks[payments]!.details).toEqual([
      expect.stringMatching(/line \d+ is paid but its payment entry is missing$/),
    ]);
    expect(checks[amounts]!.ok).toBe(false);
    expect((await verifyIntegrity(ctx)).ok).toBe(false);
  });
});
