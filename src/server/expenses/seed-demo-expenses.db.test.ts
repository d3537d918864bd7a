import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sniffReceiptType } from '../../core/expenses/sniff-receipt-type.ts';
import { queryRows } from '../db/query-rows.ts';
import { verifyLedger } from '../ledger/verify-ledger.ts';
import { createTestContext, type TestContext } from '../testing/create-test-context.ts';
import { drawDemoInvoicePdf, drawDemoReceiptPng } from './draw-demo-receipt.ts';
import { seedDemoExpenses } from './seed-demo-expenses.ts';
import { seedCamilleActivity } from './testing/seed-camille-activity.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  ctx.setNow('2026-03-20T09:00:00Z');
  await seedCamilleActivity(ctx);
}, 120_000);
afterAll(async () => {
  await ctx?.close();
});

describe('demo expenses', () => {
  it('draws real pictures and PDFs for receipts', () => {
    expect(sniffReceiptType(drawDemoReceiptPng(3))).toBe('image/png');
    expect(sniffReceiptType(drawDemoInvoicePdf(['Facture 1']))).toBe('application/pdf');
  });

  it('leaves claims and supplier invoices in every state, the books intact', async () => {
    const seeded = await seedDemoExpenses(ctx, {
      member: 'member@test.coop',
      support: 'support@test.coop',
      accountant: 'accountant@test.coop',
    });
    expect(seeded).toEqual({ claims: 6, invoices: 5 });
    const claims = await queryRows<{ status: string; n: number }>(
      ctx.db,
      sql`SELECT status, count(*)::int AS n FROM expense_claims GROUP BY status ORDER BY status`,
    );
    expect(claims).toEqual([
      { status: 'approved', n: 1 },
      { status: 'draft', n: 1 },
      { status: 'paid', n: 1 },
      { status: 'rejected', n: 1 },
      { status: 'submitted', n: 2 },
    ]);
    const invoices = await queryRows<{ status: string; partly: boolean; n: number }>(
      ctx.db,
      sql`SELECT status, paid_cents > 0 AND status <> 'paid' AS partly, count(*)::int AS n
          FROM supplier_invoices GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    expect(invoices).toEqual([
      { status: 'approved', partly: false, n: 1 },
      { status: 'approved', partly: true, n: 1 },
      { status: 'paid', partly: false, n: 1 },
      { status: 'rejected', partly: false, n: 1 },
      { status: 'submitted', partly: false, n: 1 },
    ]);
    const checks = await verifyLedger(ctx);
    expect(checks.filter((c) => !c.ok)).toEqual([]);
  });
});
