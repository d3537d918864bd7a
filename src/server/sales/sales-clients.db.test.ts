import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/query-rows.ts';
import { clients } from './sales-tables.ts';
import { companyClientInput, individualClientInput, invoiceDraft, setUpSales } from './sales-test-fixture.ts';

/** Clients (issue 5 §1): edit, archive, delete only without documents, the client page and its balance. */
let s: Awaited<ReturnType<typeof setUpSales>>;
beforeAll(async () => {
  s = await setUpSales();
}, 60_000);
afterAll(async () => {
  await s.ctx.close();
});

describe('clients', () => {
  let clientId: string;

  it('edits a client of the member’s activity, audited; refuses bad details and another activity', async () => {
    const member = await s.loggedIn('member@test.coop');
    clientId = (await member.post(`/sales/activities/${s.bois}/clients`, companyClientInput)).body.id;
    const edited = await member.put(`/sales/clients/${clientId}`, {
      ...companyClientInput,
      name: 'Menuiseries du Rhône SAS',
      paymentTerms: { kind: 'daysEndOfMonth', days: 45 },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      name: 'Menuiseries du Rhône SAS',
      paymentTerms: { kind: 'daysEndOfMonth', days: 45 },
    });
    const [audit] = await queryRows<{ changes: { name: { from: string; to: string } } }>(
      s.ctx.db,
      sql`SELECT changes FROM audit_log WHERE action = 'sales.client.update' AND object_id = ${clientId}`,
    );
    expect(audit!.changes.name).toEqual({
      from: 'Menuiseries du Rhône SARL',
      to: 'Menuiseries du Rhône SAS',
    });

    for (const bad of [
      { ...companyClientInput, siren: '842166101' },
      { ...companyClientInput, name: '' },
      { ...companyClientInput, name: 42 },
      { ...companyClientInput, paymentTerms: { kind: 'days', days: 61 } },
      { ...companyClientInput, paymentTerms: { kind: 'daysEndOfMonth', days: 46 } },
      { ...companyClientInput, email: 'not-an-address' },
      { ...companyClientInput, billingAddress: { line1: 'x', postalCode: '123', city: 'Lyon' } },
      { ...individualClientInput, siren: '842166100' },
      { ...companyClientInput, siren: null },
      { ...companyClientInput, unknownField: 1 },
    ]) {
      const res = await member.put(`/sales/clients/${clientId}`, bad);
      expect(res.status, JSON.stringify(bad)).toBe(422);
    }
    const [row] = await s.ctx.db.select().from(clients).where(eq(clients.id, clientId));
    expect(row!.name).toBe('Menuiseries du Rhône SAS');

    const other = await s.loggedIn('other@test.coop');
    expect((await other.put(`/sales/clients/${clientId}`, companyClientInput)).status).toBe(404);
    expect((await other.get(`/sales/clients/${clientId}`)).status).toBe(404);
    expect((await other.post(`/sales/clients/${clientId}/archive`, {})).status).toBe(404);
    expect((await other.delete(`/sales/clients/${clientId}`)).status).toBe(404);
    expect((await member.get('/sales/clients/not-a-uuid')).status).toBe(422);
    const anonymous = (await import('../testing/test-client.ts')).createTestClient(s.ctx);
    expect((await anonymous.get(`/sales/clients/${clientId}`)).status).toBe(401);
  });

  it('archives and brings back a client; an archived client gets no new invoice', async () => {
    const member = await s.loggedIn('member@test.coop');
    const archived = await member.post(`/sales/clients/${clientId}/archive`, {});
    expect(archived.status).toBe(200);
    expect(archived.body.archived).toBe(true);
    expect((await member.post(`/sales/clients/${clientId}/archive`, {})).body.archived).toBe(true);
    const [{ n }] = (await queryRows<{ n: number }>(
      s.ctx.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'sales.client.archive' AND object_id = ${clientId}`,
    )) as [{ n: number }];
    expect(Number(n)).toBe(1);
    const list = await member.get(`/sales/activities/${s.bois}/clients?archived=false`);
    expect(list.body.map((c: { id: string }) => c.id)).not.toContain(clientId);
    expect(
      (await member.get(`/sales/activities/${s.bois}/clients?archived=true`)).body.map(
        (c: { id: string }) => c.id,
      ),
    ).toEqual([clientId]);
    expect((await member.post('/sales/invoices', invoiceDraft(s.bois, clientId))).status).toBe(404);
    const back = await member.post(`/sales/clients/${clientId}/unarchive`, {});
    expect(back.body.archived).toBe(false);
    expect((await member.post('/sales/invoices', invoiceDraft(s.bois, clientId))).status).toBe(201);
  });

  it('deletes a client without documents only', async () => {
    const member = await s.loggedIn('member@test.coop');
    const refused = await member.delete(`/sales/clients/${clientId}`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('CLIENT_HAS_DOCUMENTS');
    expect(refused.body.detail ?? refused.body.title).toBeTruthy();
    const lone = (await member.post(`/sales/activities/${s.bois}/clients`, individualClientInput)).body.id;
    expect((await member.get(`/sales/clients/${lone}`)).body.deletable).toBe(true);
    expect((await member.delete(`/sales/clients/${lone}`)).status).toBe(204);
    expect((await member.get(`/sales/clients/${lone}`)).status).toBe(404);
    expect((await member.delete(`/sales/clients/${lone}`)).status).toBe(404);
  });

  it('shows the client page with its documents and balance: invoiced, credited, paid, due, overdue', async () => {
    const member = await s.loggedIn('member@test.coop');
    const a = (await member.post('/sales/invoices', invoiceDraft(s.bois, clientId))).body.id;
    await member.post(`/sales/invoices/${a}/issue`, {});
    const b = (await member.post('/sales/invoices', invoiceDraft(s.bois, clientId))).body.id;
    await member.post(`/sales/invoices/${b}/issue`, {});
    const pay = await member.post(`/sales/invoices/${a}/payments`, {
      amountCents: 10_000,
      paidOn: '2026-03-02',
    });
    expect(pay.status).toBe(201);
    const cn = await member.post(`/sales/invoices/${b}/credit-notes`, {});
    expect((await member.post(`/sales/invoices/${cn.body.id}/issue`, {})).status).toBe(200);

    const page = await member.get(`/sales/clients/${clientId}`);
    expect(page.status).toBe(200);
    const total = 144_000; // 2.5 × 480 € + 20 % VAT
    expect(page.body.client.name).toBe('Menuiseries du Rhône SAS');
    expect(page.body.deletable).toBe(false);
    // Two issued invoices, one credit note and the draft from the archive test.
    expect(page.body.invoices).toHaveLength(4);
    expect(page.body.balance).toEqual({
      invoicedCents: 2 * total,
      creditedCents: total,
      paidCents: 10_000,
      dueCents: total - 10_000,
      overdueCents: 0,
    });
    // Past the due date (30 days), what remains is overdue.
    s.ctx.setNow('2026-05-02T09:00:00.000Z');
    // (Two months later the session has expired: log in again.)
    const later = await (await s.loggedIn('member@test.coop')).get(`/sales/clients/${clientId}`);
    expect(later.body.balance.overdueCents).toBe(total - 10_000);
    s.ctx.setNow('2026-03-02T09:00:00.000Z');
    const filtered = await member.get(`/sales/invoices?clientId=${clientId}&status=issued`);
    expect(filtered.body).toHaveLength(3);
  }, 60_000);
});
