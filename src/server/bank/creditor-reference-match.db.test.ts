import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  creditorReference,
  formatCreditorReference,
  readCreditorReference,
} from '../../core/bank/creditor-reference.ts';
import { autoConfirmThreshold } from '../../core/bank/match-bank-lines.ts';
import { writeCamt053 } from '../../core/bank/write-statement-files.ts';
import { queryRows } from '../db/query-rows.ts';
import { companyClientInput, invoiceDraft, rateLine, setUpSales } from '../sales/sales-test-fixture.ts';
import { lacksSystemTool } from '../testing/system-tool.ts';
import type { TestClient } from '../testing/test-client.ts';

/**
 * The RF creditor reference printed on an issued invoice (ISO 11649, beside the IBAN, and BT-83 in its
 * Factur-X XML) brings the client's transfer back to that invoice with the matcher's highest reason
 * (issue 5 §6 bank details, issue 9 §3): read from the invoice's own stored PDF, quoted by the client as
 * printed in the free remittance, or sent by the bank in the structured one.
 */
let s: Awaited<ReturnType<typeof setUpSales>>;
let accountant: TestClient;
let member: TestClient;
let accountId: string;
const iban = 'FR7630004000031234567890143';
const dir = mkdtempSync(join(tmpdir(), 'mutua-rf-'));
const noPoppler = lacksSystemTool('pdfdetach');

beforeAll(async () => {
  s = await setUpSales();
  s.ctx.setNow('2026-04-02T09:00:00Z');
  accountant = await s.loggedIn('accountant@test.coop');
  member = await s.loggedIn('member@test.coop');
  const created = await accountant.post('/bank/accounts', { name: 'Compte courant', iban });
  expect(created.status, created.text).toBe(201);
  accountId = created.body.id;
}, 120_000);

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await s.ctx.close();
});

async function issue(clientId: string) {
  const id = (
    await member.post('/sales/invoices', invoiceDraft(s.bois, clientId, [rateLine('Table', 50_000)]))
  ).body.id as string;
  const res = await member.post(`/sales/invoices/${id}/issue`, {});
  expect(res.status, res.text).toBe(200);
  return { id, number: res.body.number as string };
}

/** The stored PDF of an issued invoice: its text and its embedded factur-x.xml (poppler-utils). */
async function storedPdf(invoiceId: string) {
  const [row] = await queryRows<{ bytes: Uint8Array }>(
    s.ctx.db,
    sql`SELECT f.bytes FROM invoices i JOIN files f ON f.sha256 = i.pdf_sha256 WHERE i.id = ${invoiceId}`,
  );
  const file = join(dir, `${invoiceId}.pdf`);
  writeFileSync(file, row!.bytes);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8').replace(/\s+/g, ' ');
  const list = execFileSync('pdfdetach', ['-list', file]).toString('utf8');
  const index = /^(\d+): factur-x\.xml$/m.exec(list)![1]!;
  execFileSync('pdfdetach', ['-save', index, '-o', `${file}.xml`, file]);
  return { text, xml: readFileSync(`${file}.xml`, 'utf8') };
}

async function importCamt(content: string) {
  const start = await accountant.post(`/bank/accounts/${accountId}/uploads`, { fileName: 'releve.xml' });
  expect(start.status, start.text).toBe(201);
  const part = await accountant.put(`/bank/uploads/${start.body.uploadId}/parts`, { part: 0, content });
  expect(part.status, part.text).toBe(200);
  return accountant.post(`/bank/accounts/${accountId}/imports`, { uploadId: start.body.uploadId });
}

describe('the RF reference of an issued invoice', () => {
  it('is printed beside the bank details and carried as BT-83, and a transfer quoting it pays that invoice', async () => {
    const client = (await member.post(`/sales/activities/${s.bois}/clients`, companyClientInput)).body;
    // Three invoices of the same client and amount: only the reference tells them apart.
    const older = await issue(client.id);
    const quoted = await issue(client.id);
    const structured = await issue(client.id);

    let reference = creditorReference(quoted.number)!;
    if (!noPoppler) {
      // The reference as the client sees it: from the invoice's own stored file, never drawn again.
      const pdf = await storedPdf(quoted.id);
      const bt83 = /<ram:PaymentReference>([^<]+)<\/ram:PaymentReference>/.exec(pdf.xml)?.[1];
      expect(bt83).toBe(reference);
      expect(pdf.text).toContain(`Référence de paiement : ${formatCreditorReference(reference)}`);
      expect(pdf.text).toContain('Merci d’indiquer cette référence dans le libellé de votre virement.');
      reference = bt83!;
    }
    expect(readCreditorReference(reference)).not.toBeNull();

    const res = await importCamt(
      writeCamt053([
        {
          iban,
          statementId: 'RF-1',
          openingCents: 0,
          openingDate: '2026-04-01',
          closingDate: '2026-04-30',
          lines: [
            {
              date: '2026-04-10',
              amountCents: 60_000,
              reference: 'RF-L1',
              counterparty: 'MENUISERIES DU RHONE',
              // As printed, in groups of four, among the client's own words.
              remittance: `Reglement ${formatCreditorReference(reference)} merci`,
            },
            {
              date: '2026-04-11',
              amountCents: 60_000,
              reference: 'RF-L2',
              counterparty: 'MENUISERIES DU RHONE',
              remittance: 'VIREMENT',
              structuredReference: creditorReference(structured.number)!,
            },
          ],
        },
      ]),
    );
    expect(res.status, res.text).toBe(201);
    expect(res.body.autoConfirmed).toBe(2);
    const matches = await queryRows<{ target_id: string; reason: string; confidence: number; auto: boolean }>(
      s.ctx.db,
      sql`SELECT m.target_id, m.reason, m.confidence, m.auto FROM bank_matches m
          JOIN bank_lines l ON l.id = m.line_id ORDER BY l.bank_reference`,
    );
    // The highest reason the matcher gives, above the auto-confirm threshold: the older invoice of the same
    // client and amount (which the amount-and-client rule would rank first) stays open.
    expect(matches).toEqual([
      { target_id: quoted.id, reason: 'structuredReference', confidence: 99, auto: true },
      { target_id: structured.id, reason: 'structuredReference', confidence: 99, auto: true },
    ]);
    expect(matches[0]!.confidence).toBeGreaterThanOrEqual(autoConfirmThreshold);
    const paid = await queryRows<{ invoice_id: string; amount: string }>(
      s.ctx.db,
      sql`SELECT invoice_id, amount_cents::text AS amount FROM payments ORDER BY created_at`,
    );
    expect(paid).toEqual([
      { invoice_id: quoted.id, amount: '60000' },
      { invoice_id: structured.id, amount: '60000' },
    ]);
    expect(paid.some((p) => p.invoice_id === older.id)).toBe(false);
  }, 120_000);
});
