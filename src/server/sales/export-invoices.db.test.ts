import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from '../files/store-file.ts';
import { exportInvoices } from './export-invoices.ts';
import { invoices } from './sales-tables.ts';
import { companyClientInput, invoiceDraft, setUpSales } from './sales-test-fixture.ts';

/** `mutua export-invoices`: every issued document's stored PDF, byte for byte, and an index. */
let s: Awaited<ReturnType<typeof setUpSales>>;
const out = mkdtempSync(join(tmpdir(), 'mutua-export-'));
beforeAll(async () => {
  s = await setUpSales();
}, 60_000);
afterAll(async () => {
  rmSync(out, { recursive: true, force: true });
  await s.ctx.close();
});

describe('export-invoices', () => {
  it('writes the stored PDF of every issued invoice and credit note, never a draft, with index.csv', async () => {
    const member = await s.loggedIn('member@test.coop');
    const client = (await member.post(`/sales/activities/${s.bois}/clients`, companyClientInput)).body.id;
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const id = (await member.post('/sales/invoices', invoiceDraft(s.bois, client))).body.id;
      expect((await member.post(`/sales/invoices/${id}/issue`, {})).status).toBe(200);
      ids.push(id);
    }
    const cn = (await member.post(`/sales/invoices/${ids[0]}/credit-notes`, {})).body.id;
    expect((await member.post(`/sales/invoices/${cn}/issue`, {})).status).toBe(200);
    await member.post('/sales/invoices', invoiceDraft(s.bois, client));

    const result = await exportInvoices(s.ctx.db, out);
    expect(result.count).toBe(4);
    expect(readdirSync(out).sort()).toEqual([
      'F2026-00001.pdf',
      'F2026-00002.pdf',
      'F2026-00003.pdf',
      'F2026-00004.pdf',
      'index.csv',
    ]);
    for (const row of await s.ctx.db.select().from(invoices)) {
      if (row.status !== 'issued') continue;
      const stored = await readFile(s.ctx.db, row.pdfSha256!);
      expect(readFileSync(join(out, `${row.number}.pdf`)).equals(Buffer.from(stored!.bytes))).toBe(true);
    }
    const index = readFileSync(result.indexPath, 'utf8').trim().split('\n');
    expect(index[0]).toBe('number;type;issue_date;client;total_incl_cents;sha256');
    expect(index.slice(1).map((l) => l.split(';').slice(0, 3))).toEqual([
      ['F2026-00001', 'invoice', '2026-03-02'],
      ['F2026-00002', 'invoice', '2026-03-02'],
      ['F2026-00003', 'invoice', '2026-03-02'],
      ['F2026-00004', 'creditNote', '2026-03-02'],
    ]);
    // Running it again writes the same files.
    expect((await exportInvoices(s.ctx.db, out)).count).toBe(4);
  }, 60_000);
});
