import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContributionPolicy } from '../../core/contribution/contribution-policy.ts';
import type { PostEntryInput } from '../../core/ledger/entry-schemas.ts';
import { systemActor } from '../audit/actor.ts';
import { queryRows } from '../db/query-rows.ts';
import { postEntries } from '../ledger/post-entries.ts';
import { seedLedgerActivities } from '../ledger/testing/ledger-test-fixture.ts';
import { createTestContext, type TestContext } from '../testing/create-test-context.ts';
import { loadContributionInputs } from './load-contribution-inputs.ts';

let ctx: TestContext;
let activity: string;
let client: string;
let counter = 0;

const collected = ContributionPolicy.parse({
  base: 'collected',
  schedule: { brackets: [{ fromCents: 0, rateBp: 1_000 }], monthlyFeeCents: 0 },
});

/** An invoice as sales stores it once issued (totals only: the loader reads nothing else). */
async function invoice(excl: number, vat: number, vatPending: number) {
  const [row] = await queryRows<{ id: string }>(
    ctx.db,
    sql`INSERT INTO invoices (activity_id, client_id, type, payment_terms, total_lines_cents, total_excl_cents,
          total_vat_cents, total_incl_cents, vat_pending_cents)
        VALUES (${activity}, ${client}, 'invoice', '{"kind": "days", "days": 30}', ${excl}, ${excl}, ${vat},
          ${excl + vat}, ${vatPending}) RETURNING id`,
  );
  return row!.id;
}

/** A payment as recordPayment posts it: D 512 · C 411, and D 44574 · C 44571 for VAT due on receipt. */
async function pay(invoiceId: string, amount: number, vatMoved: number, date: string) {
  counter += 1;
  const third = { code: 'C1', name: 'Client' };
  const lines: PostEntryInput['lines'] = [
    { accountNumber: '512000', activityId: activity, debitCents: BigInt(amount) },
    { accountNumber: '411000', activityId: activity, thirdParty: third, creditCents: BigInt(amount) },
  ];
  if (vatMoved)
    lines.push(
      { accountNumber: '445740', activityId: activity, debitCents: BigInt(vatMoved) },
      { accountNumber: '445710', activityId: activity, creditCents: BigInt(vatMoved) },
    );
  const [posted] = await postEntries(ctx, systemActor, [
    {
      journalCode: 'BQ',
      entryDate: date,
      pieceRef: `R-${counter}`,
      pieceDate: date,
      label: `Règlement ${counter}`,
      source: { type: 'payment', id: `pay-${counter}` },
      idempotencyKey: `collected-base:${counter}`,
      lines,
    },
  ]);
  await ctx.db.execute(sql`INSERT INTO payments (invoice_id, paid_on, amount_cents, method, ledger_entry_id)
                           VALUES (${invoiceId}, ${date}, ${amount}, 'transfer', ${posted!.id})`);
}

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.setNow('2026-04-05T10:00:00Z');
  activity = (await seedLedgerActivities(ctx)).alice;
  const [c] = await queryRows<{ id: string }>(
    ctx.db,
    sql`INSERT INTO clients (activity_id, kind, name, billing_address)
        VALUES (${activity}, 'company', 'Client', '{}') RETURNING id`,
  );
  client = c!.id;
});
afterAll(() => ctx.close());

describe('the collected base', () => {
  it('is revenue received excluding VAT, for goods (VAT due at invoicing) as for services', async () => {
    // Goods: 1 000 € + 200 € VAT collected at invoicing, paid in three parts over two months.
    const goods = await invoice(100_000, 20_000, 0);
    await pay(goods, 40_001, 0, '2026-01-20');
    await pay(goods, 39_999, 0, '2026-01-25');
    await pay(goods, 40_000, 0, '2026-02-10');
    // Services, VAT on receipts: 500 € + 100 €, the payment moves the VAT itself.
    const services = await invoice(50_000, 10_000, 10_000);
    await pay(services, 60_000, 10_000, '2026-02-12');
    // Goods and services on one invoice: 300 € + 60 € of goods VAT at invoicing, 100 € + 20 € on receipt.
    const mixed = await invoice(40_000, 8_000, 2_000);
    await pay(mixed, 48_000, 2_000, '2026-03-05');

    const [a] = await loadContributionInputs(ctx.db, {
      yearStart: '2026-01-01',
      month: '2026-03',
      versions: [{ validFrom: '2026-01-01', validTo: null, policy: collected }],
      activityId: activity,
    });
    const byMonth = Object.fromEntries(a!.months.map((m) => [m.month, m.collectedCents]));
    // 80 000 received in January: 80 000 × 1 000 / 1 200 = 66 666.67, rounded on the cumulated amount.
    expect(byMonth['2026-01']).toBe(66_667n);
    expect(byMonth['2026-02']).toBe(100_000n - 66_667n + 50_000n);
    expect(byMonth['2026-03']).toBe(40_000n);
    // The year to date is exactly the invoices' amounts excluding VAT.
    expect(a!.months.reduce((s, m) => s + m.collectedCents, 0n)).toBe(100_000n + 50_000n + 40_000n);
  });
});
