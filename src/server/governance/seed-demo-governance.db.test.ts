import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/query-rows.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { verifyIntegrity } from '../integrity/verify-integrity.ts';
import { createTestContext, type TestContext } from '../testing/create-test-context.ts';
import { createTestClient } from '../testing/test-client.ts';

const password = 'demo-password-123';
let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.setNow('2026-11-20T10:00:00Z');
  await seedDemo(ctx, password);
}, 600_000);
afterAll(() => ctx.close());

describe('the demo democratic life', () => {
  it('has a register of associates whose shares are paid through the ledger, within the legal ratios', async () => {
    const manager = createTestClient(ctx);
    await manager.logIn('direction@demo.mutua.coop', password);
    const associates = (await manager.get('/governance/associates?status=all')).body as any[];
    const active = associates.filter((a) => a.exitedOn === null);
    expect(active.length).toBe(10);
    expect(associates.filter((a) => a.exitedOn !== null).map((a) => a.name)).toEqual(['Monique Barbier']);
    expect(associates.map((a) => a.number)).toEqual(associates.map((_, i) => i + 1));
    const capital = (await manager.get('/governance/capital')).body;
    expect(capital.ratios.every((r: any) => r.ok)).toBe(true);
    // Every paid share is in the books: 101300 holds the capital of the register (refund not paid yet).
    const [books] = await queryRows<{ c: string }>(
      ctx.db,
      sql`SELECT coalesce(sum(credit_cents - debit_cents), 0)::text AS c FROM ledger_entry_lines l
          JOIN ledger_entries e ON e.id = l.entry_id
          WHERE l.account_number = '101300' AND e.journal_code <> 'AN'`,
    );
    const [register] = await queryRows<{ c: string }>(
      ctx.db,
      sql`SELECT sum(capital_cents) FILTER (WHERE kind = 'subscription')::text AS c FROM share_movements`,
    );
    expect(books!.c).toBe(register!.c);
    // The refund of the associate who left waits for the close of her year, and says so.
    expect(capital.refunds).toMatchObject([{ payable: false, reason: 'amountNotFixed' }]);
    // A subscription waits for its payment.
    const sarah = active.find((a) => a.name === 'Sarah Meyer');
    const detail = (await manager.get(`/governance/associates/${sarah.id}`)).body;
    expect(detail.subscriptions.map((s: any) => s.status)).toEqual(['paid', 'subscribed']);
  });

  it('has a past assembly with sealed minutes, the next one convened for today, and consultations', async () => {
    const hugo = createTestClient(ctx);
    await hugo.logIn('hugo.bernard@exemple.coop', password);
    const assemblies = (await hugo.get('/governance/assemblies')).body as any[];
    expect(assemblies.map((a) => [a.status, a.meetingOn])).toEqual([
      ['convened', '2026-11-20'],
      ['closed', '2026-06-20'],
    ]);
    const past = (await hugo.get(`/governance/assemblies/${assemblies[1].id}`)).body;
    expect(past.minutesSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(past.resolutions.map((r: any) => [r.result.counts, r.result.adopted])).toEqual([
      [{ yes: 5, no: 0, abstain: 0, blank: 0 }, true],
      [{ yes: 3, no: 1, abstain: 1, blank: 0 }, true],
      [{ yes: 3, no: 0, abstain: 0, blank: 1 }, true],
    ]);
    const minutes = await hugo.get(`/governance/assemblies/${assemblies[1].id}/minutes`);
    expect(minutes.status).toBe(200);
    expect(minutes.headers.get('x-content-sha256')).toBe(past.minutesSha256);
    // Hugo may vote today; the proxy of Laura is held by the direction.
    const ballot = (await hugo.get(`/governance/assemblies/${assemblies[0].id}/my-ballot`)).body;
    expect(ballot).toMatchObject({ mode: null, represented: [] });
    const consultations = (await hugo.get('/governance/consultations')).body as any[];
    expect(consultations.map((c) => [c.status, c.participants, c.answered])).toEqual([
      ['open', 2, false],
      ['closed', 3, true],
    ]);
    expect(consultations[1].result).toMatchObject({ winner: 0, result: 'adopted' });
    const mine = (await hugo.get('/governance/me')).body as any[];
    expect(mine[0].subscriptions[0]).toMatchObject({ status: 'paid', certificateNumber: expect.any(Number) });
  });

  it('passes mutua verify', async () => {
    const report = await verifyIntegrity(ctx);
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
  });
});
