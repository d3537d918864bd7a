import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../audit/actor.ts';
import { queryRows } from '../db/query-rows.ts';
import { verifyLedger } from '../ledger/verify-ledger.ts';
import { listInvoices } from './get-invoice.ts';
import { setUpSales } from './sales-test-fixture.ts';
import { type DemoInvoicePlan, seedDemoSales } from './seed-demo-sales.ts';

/** The demo's real invoices: issued in date order through the use cases, some paid, some credited, some late. */
let s: Awaited<ReturnType<typeof setUpSales>>;
beforeAll(async () => {
  s = await setUpSales();
  s.ctx.setNow('2026-11-20T10:00:00.000Z');
}, 60_000);
afterAll(async () => {
  await s.ctx.close();
});

describe('demo sales', () => {
  it('issues the planned invoices in date order, pays, credits, leaves the rest late; once only', async () => {
    const plan = (over: Partial<DemoInvoicePlan>): DemoInvoicePlan => ({
      activityId: s.bois,
      activityCode: 'BOIS',
      clientName: 'Mairie de Montreuil',
      htCents: 150_000,
      issueDate: '2026-09-10',
      paidOn: null,
      creditNote: false,
      ...over,
    });
    const plans = [
      plan({ issueDate: '2026-10-02', paidOn: '2026-10-20' }),
      plan({
        activityId: s.textile,
        activityCode: 'TEXT',
        clientName: 'Atelier Lumière SARL',
        issueDate: '2026-09-15',
      }),
      plan({ issueDate: '2026-09-10', creditNote: true }),
      plan({ issueDate: '2026-11-18', clientName: 'Boulangerie Durand' }),
    ];
    expect(await seedDemoSales(s.ctx, plans)).toEqual({ invoices: 4, creditNotes: 1, payments: 1 });
    const rows = await queryRows<{ number: string; issue_date: string; type: string }>(
      s.ctx.db,
      sql`SELECT number, issue_date::text AS issue_date, type FROM invoices WHERE status = 'issued' ORDER BY counter`,
    );
    expect(rows).toEqual([
      { number: 'F2026-00001', issue_date: '2026-09-10', type: 'invoice' },
      { number: 'F2026-00002', issue_date: '2026-09-15', type: 'invoice' },
      { number: 'F2026-00003', issue_date: '2026-09-15', type: 'creditNote' },
      { number: 'F2026-00004', issue_date: '2026-10-02', type: 'invoice' },
      { number: 'F2026-00005', issue_date: '2026-11-18', type: 'invoice' },
    ]);
    const views = await listInvoices(s.ctx, systemActor, {});
    const status = Object.fromEntries(
      views.filter((v) => v.type !== 'creditNote').map((v) => [v.number, v.paymentStatus]),
    );
    expect(status).toEqual({
      'F2026-00001': 'paid', // credited in full: nothing left to pay
      'F2026-00002': 'overdue',
      'F2026-00004': 'paid',
      'F2026-00005': 'unpaid',
    });
    expect((await verifyLedger(s.ctx)).filter((c) => !c.ok)).toEqual([]);
    expect(await seedDemoSales(s.ctx, plans)).toEqual({ invoices: 0, creditNotes: 0, payments: 0 });
  }, 120_000);
});
