import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { writeCamt053 } from '../src/core/bank/write-statement-files.ts';
import { demoMember, e2eDemoPassword } from './e2e-env.ts';
import { logIn } from './log-in.ts';

const accountant = 'compta@demo.mutua.coop';

/** '1 234,56 €' (French, any kind of space) → 123456 cents. */
function cents(text: string): number {
  const m = /(-?[\d\s\u00a0\u202f]+),(\d{2})/.exec(text);
  if (!m) throw new Error(`no amount in ${text}`);
  const value = Number(m[1]!.replace(/[\s\u00a0\u202f]/g, '')) * 100 + Number(m[2]);
  return m[1]!.trim().startsWith('-') ? -Math.abs(value) : value;
}

/** With BANK_SCREENSHOTS=<dir>, pictures of a screen at desktop and phone widths, for people to look at. */
async function snap(page: Page, name: string) {
  const dir = process.env.BANK_SCREENSHOTS;
  if (!dir) return;
  await page.screenshot({ path: join(dir, `${name}-desktop.png`), fullPage: true });
  const size = page.viewportSize();
  await page.setViewportSize({ width: 375, height: 800 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(dir, `${name}-375.png`), fullPage: true });
  if (size) await page.setViewportSize(size);
}

/** Camille's available treasury, as "Mes comptes" shows it. */
async function treasury(page: Page): Promise<number> {
  await page.goto('/me/accounts');
  const card = page.getByText('Trésorerie disponible', { exact: true }).first().locator('..');
  await expect(card).toContainText('€');
  return cents((await card.textContent()) ?? '');
}

test('the accountant imports a statement, confirms the suggestions, the member sees her invoice paid and her treasury rise', async ({
  page,
}) => {
  // Camille has an invoice still unpaid, and a treasury.
  await logIn(page, demoMember.email, e2eDemoPassword);
  const invoices = (await (await page.request.get('/api/sales/invoices?status=issued')).json()) as {
    id: string;
    number: string | null;
    type: string;
    clientName: string;
    dueCents: number;
  }[];
  const open = invoices.filter((i) => i.type !== 'creditNote' && i.dueCents > 0 && i.number);
  // One the suggestion names without doubt: no other open invoice of the client for the same amount.
  const unpaid = open.find(
    (i) => !open.some((o) => o.id !== i.id && o.clientName === i.clientName && o.dueCents === i.dueCents),
  );
  expect(unpaid, 'Camille has an unpaid invoice').toBeTruthy();
  const before = await treasury(page);
  await page.context().clearCookies();

  // The accountant sees the bank, members never do.
  await logIn(page, accountant, e2eDemoPassword);
  await page.getByRole('navigation').getByRole('link', { name: 'Banque' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Banque' })).toBeVisible();
  await expect(page.getByText('Solde banque')).toBeVisible();
  await snap(page, 'bank-summary');
  const accounts = (await (await page.request.get('/api/bank/accounts')).json()) as {
    id: string;
    iban: string;
  }[];
  const state = await (await page.request.get(`/api/bank/accounts/${accounts[0]!.id}/reconciliation`)).json();

  // Today's statement: the client pays by name and amount, without the invoice number (a suggestion to confirm).
  const today = new Date().toISOString().slice(0, 10);
  const xml = writeCamt053([
    {
      iban: accounts[0]!.iban,
      statementId: `E2E-${Date.now()}`,
      openingCents: state.bankBalanceCents ?? 0,
      openingDate: today,
      closingDate: today,
      lines: [
        {
          date: today,
          amountCents: unpaid!.dueCents,
          reference: `E2E${Date.now()}`,
          counterparty: unpaid!.clientName.toUpperCase(),
          remittance: 'REGLEMENT PRESTATION',
        },
      ],
    },
  ]);
  const file = join(mkdtempSync(join(tmpdir(), 'mutua-bank-')), 'releve-e2e.xml');
  writeFileSync(file, xml);
  await page.getByRole('link', { name: 'Importer un relevé' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Importer un relevé' })).toBeVisible();
  await page.locator('input[type="file"]').setInputFiles(file);
  await page.getByRole('button', { name: 'Importer', exact: true }).click();
  await expect(page.getByText('Relevé importé')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/1 lignes lues, 1 nouvelles/)).toBeVisible();
  await expect(page.getByText(/Solde d'ouverture \+ opérations = solde de clôture/)).toBeVisible();
  await snap(page, 'bank-import');

  // The matching screen: the line with its suggestion, its reason and confidence; confirmed from the keyboard.
  await page.getByRole('link', { name: 'Rapprocher les lignes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rapprochement' })).toBeVisible();
  const line = page.getByRole('option').filter({ hasText: unpaid!.clientName.toUpperCase() }).last();
  await line.click();
  await expect(line).toContainText('Montant et nom du client');
  await expect(line).toContainText(unpaid!.number!);
  await expect(line).toContainText(/confiance \d+ %/);
  await snap(page, 'bank-matching');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Ligne rapprochée')).toBeVisible();
  await expect(
    page
      .getByRole('option')
      .filter({ hasText: unpaid!.clientName.toUpperCase() })
      .filter({ hasText: 'REGLEMENT PRESTATION' }),
  ).toHaveCount(0);
  await page.context().clearCookies();

  // The member sees the invoice paid and her treasury risen by the payment.
  await logIn(page, demoMember.email, e2eDemoPassword);
  const after = (await (await page.request.get(`/api/sales/invoices/${unpaid!.id}`)).json()) as {
    dueCents: number;
  };
  expect(after.dueCents).toBe(0);
  await page.goto(`/sales/invoices/${unpaid!.id}`);
  await expect(page.getByText(/Payée/).first()).toBeVisible();
  expect(await treasury(page)).toBe(before + unpaid!.dueCents);
  expect((await page.request.get('/api/bank/accounts')).status()).toBe(403);
});
