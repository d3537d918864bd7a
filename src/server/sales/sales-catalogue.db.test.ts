import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/query-rows.ts';
import { issueInvoice } from './issue-invoice.ts';
import { companyClientInput, setUpSales } from './sales-test-fixture.ts';
import { saveInvoiceDraft } from './save-invoice-draft.ts';

/** The catalogue per activity (issue 5 §2): CRUD with archive, rights like clients, refusals. */
let s: Awaited<ReturnType<typeof setUpSales>>;
beforeAll(async () => {
  s = await setUpSales();
  // A sub-account of 706 the accountants opened for training (the catalogue only names accounts of the chart).
  await s.ctx.db.execute(sql`INSERT INTO ledger_accounts (number, label) VALUES ('706100', 'Formations')`);
}, 60_000);
afterAll(async () => {
  await s.ctx.close();
});

const item = {
  name: 'Journée de conseil',
  description: 'Sur site',
  unit: 'DAY',
  unitPriceCents: 60_000,
  vat: { kind: 'rate', rateBp: 2000 },
  kind: 'services',
};

describe('catalogue', () => {
  let id: string;

  it('adds, reads, replaces, archives and deletes an item of the member’s activity, audited', async () => {
    const member = await s.loggedIn('member@test.coop');
    const created = await member.post(`/sales/activities/${s.bois}/catalogue`, item);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...item, salesAccount: '706000', archived: false });
    id = created.body.id;
    const goods = await member.post(`/sales/activities/${s.bois}/catalogue`, {
      ...item,
      name: 'Plateau chêne',
      kind: 'goods',
      unit: 'H87',
      vat: { kind: 'exempt', exemption: 'other', reason: 'Article 293 B du CGI' },
    });
    expect(goods.body.salesAccount).toBe('707000');
    const replaced = await member.put(`/sales/catalogue/${id}`, {
      ...item,
      unitPriceCents: 65_000,
      salesAccount: '706100',
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ unitPriceCents: 65_000, salesAccount: '706100' });
    expect((await member.get(`/sales/catalogue/${id}`)).body.unitPriceCents).toBe(65_000);

    expect((await member.post(`/sales/catalogue/${id}/archive`, {})).body.archived).toBe(true);
    const active = await member.get(`/sales/activities/${s.bois}/catalogue?archived=false`);
    expect(active.body.map((i: { name: string }) => i.name)).toEqual(['Plateau chêne']);
    expect((await member.get(`/sales/activities/${s.bois}/catalogue`)).body).toHaveLength(2);
    expect((await member.post(`/sales/catalogue/${id}/unarchive`, {})).body.archived).toBe(false);

    expect((await member.delete(`/sales/catalogue/${goods.body.id}`)).status).toBe(204);
    expect((await member.get(`/sales/catalogue/${goods.body.id}`)).status).toBe(404);
    const audit = await queryRows<{ action: string }>(
      s.ctx.db,
      sql`SELECT action FROM audit_log WHERE object_type = 'catalogue_item' ORDER BY id`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'sales.catalogue.create',
      'sales.catalogue.create',
      'sales.catalogue.update',
      'sales.catalogue.archive',
      'sales.catalogue.unarchive',
      'sales.catalogue.delete',
    ]);
  });

  it('books a line copied from the catalogue on the item’s sales account', async () => {
    const member = await s.loggedIn('member@test.coop');
    const training = (await member.get(`/sales/catalogue/${id}`)).body;
    expect(training.salesAccount).toBe('706100');
    const client = await member.post(`/sales/activities/${s.bois}/clients`, companyClientInput);
    const admin = s.actorOf(s.people.admin);
    const line = (description: string, salesAccount?: string) => ({
      description,
      quantity: '1',
      unitPriceCents: 10_000,
      vat: { kind: 'rate', rateBp: 2000 },
      ...(salesAccount ? { salesAccount } : {}),
    });
    const draft = await saveInvoiceDraft(s.ctx, admin, {
      activityId: s.bois,
      clientId: client.body.id,
      deliveryDate: '2026-02-27',
      body: { sections: [{ title: null, lines: [line('Formation', '706100'), line('Conseil')] }] },
    });
    // The draft keeps the account (the editor saves it again unchanged).
    const saved = (await member.get(`/sales/invoices/${draft.id}`)).body;
    expect(saved.body.sections[0].lines.map((l: { salesAccount?: string }) => l.salesAccount)).toEqual([
      '706100',
      undefined,
    ]);
    const issued = await issueInvoice(s.ctx, admin, draft.id);
    const credited = await queryRows<{ account_number: string; credit: string }>(
      s.ctx.db,
      sql`SELECT account_number, sum(credit_cents)::text AS credit FROM ledger_entry_lines
          WHERE entry_id = ${issued.ledgerEntryId} AND account_number LIKE '70%'
          GROUP BY account_number ORDER BY account_number`,
    );
    expect(credited).toEqual([
      { account_number: '706000', credit: '10000' },
      { account_number: '706100', credit: '10000' },
    ]);
  });

  it('refuses bad items and changes nothing', async () => {
    const member = await s.loggedIn('member@test.coop');
    for (const bad of [
      { ...item, name: '' },
      { ...item, unitPriceCents: -1 },
      { ...item, unitPriceCents: 12.5 },
      { ...item, unitPriceCents: '600' },
      { ...item, unitPriceCents: 1e15 },
      { ...item, vat: { kind: 'rate', rateBp: 1960 } },
      { ...item, vat: { kind: 'exempt', exemption: 'other' } },
      { ...item, unit: 'BARREL' },
      { ...item, kind: 'both' },
      { ...item, salesAccount: '411000' },
      { ...item, salesAccount: '706900' },
      { ...item, extra: true },
      { name: 'Sans prix' },
    ]) {
      const res = await member.post(`/sales/activities/${s.bois}/catalogue`, bad);
      expect(res.status, JSON.stringify(bad)).toBe(422);
    }
    expect((await member.put(`/sales/catalogue/${id}`, { ...item, unitPriceCents: -5 })).status).toBe(422);
    const unknownAccount = await member.put(`/sales/catalogue/${id}`, { ...item, salesAccount: '706900' });
    expect(unknownAccount.body).toMatchObject({ code: 'SALES_ACCOUNT_UNKNOWN' });
    expect(unknownAccount.body.detail).toContain('706900');
    expect((await member.get(`/sales/catalogue/${id}`)).body.unitPriceCents).toBe(65_000);
  });

  it('keeps each activity’s catalogue to its members; staff see every activity', async () => {
    const other = await s.loggedIn('other@test.coop');
    expect((await other.get(`/sales/activities/${s.bois}/catalogue`)).status).toBe(404);
    expect((await other.post(`/sales/activities/${s.bois}/catalogue`, item)).status).toBe(404);
    expect((await other.get(`/sales/catalogue/${id}`)).status).toBe(404);
    expect((await other.put(`/sales/catalogue/${id}`, item)).status).toBe(404);
    expect((await other.post(`/sales/catalogue/${id}/archive`, {})).status).toBe(404);
    expect((await other.delete(`/sales/catalogue/${id}`)).status).toBe(404);
    const support = await s.loggedIn('support@test.coop');
    expect((await support.get(`/sales/activities/${s.bois}/catalogue`)).body).toHaveLength(1);
    const anonymous = (await import('../testing/test-client.ts')).createTestClient(s.ctx);
    expect((await anonymous.get(`/sales/activities/${s.bois}/catalogue`)).status).toBe(401);
  });
});
