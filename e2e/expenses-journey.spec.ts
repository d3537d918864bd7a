import { expect, type Page, test } from '@playwright/test';
import { drawDemoInvoicePdf, drawDemoReceiptPng } from '../src/server/expenses/draw-demo-receipt.ts';
import { demoMember, e2eDemoPassword } from './e2e-env.ts';
import { logIn } from './log-in.ts';

const support = 'accompagnement@demo.mutua.coop';
const accountant = 'compta@demo.mutua.coop';

/** '1 234,56 €' (French, any kind of space) → 123456 cents. */
function cents(text: string): number {
  const m = /(-?[\d\s\u00a0\u202f]+),(\d{2})/.exec(text);
  if (!m) throw new Error(`no amount in ${text}`);
  const value = Number(m[1]!.replace(/[\s\u00a0\u202f]/g, '')) * 100 + Number(m[2]);
  return m[1]!.trim().startsWith('-') ? -Math.abs(value) : value;
}

/** Camille's available treasury, as "Mes comptes" shows it. */
async function treasury(page: Page): Promise<number> {
  await page.goto('/me/accounts');
  const card = page.getByText('Trésorerie disponible', { exact: true }).first().locator('..');
  await expect(card).toContainText('€');
  return cents((await card.textContent()) ?? '');
}

// On a phone: the member files it from the street, support and the accountant work from theirs too.
test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

test('a member files a claim with a photo on her phone, support approves, the accountant pays the batch, her treasury falls by the cost', async ({
  page,
}) => {
  const title = `Rendez-vous client à Lille ${Date.now() % 100_000}`;

  await logIn(page, demoMember.email, e2eDemoPassword);
  const before = await treasury(page);

  // The claim form: one receipt, photographed; the VAT follows the category's usual rate (10 % on transport).
  await page.goto('/expenses');
  await expect(page.getByRole('heading', { level: 1, name: 'Mes dépenses' })).toBeVisible();
  await page.getByRole('link', { name: 'Nouvelle note de frais' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nouvelle note de frais' })).toBeVisible();
  await page.getByLabel('Objet').fill(title);
  await page.getByRole('combobox', { name: 'Catégorie' }).click();
  await page.getByRole('option', { name: 'Transports (train, avion, taxi, parking)' }).click();
  await page.getByLabel('Description').fill('Train Paris – Lille aller-retour');
  await page.getByLabel('Montant TTC (€)').fill('48,40');
  await expect(page.getByLabel('dont TVA (€)')).toHaveValue('4,40');
  const camera = page.locator('input[type=file]');
  await expect(camera).toHaveAttribute('capture', 'environment');
  await expect(camera).toHaveAttribute('accept', 'image/*,application/pdf');
  await camera.setInputFiles({
    name: 'ticket.png',
    mimeType: 'image/png',
    buffer: Buffer.from(drawDemoReceiptPng(42)),
  });
  await expect(page.getByText('✓ Justificatif joint')).toBeVisible();
  await expect(page.getByRole('img', { name: 'Justificatif joint' })).toBeVisible();
  await page.getByRole('button', { name: 'Envoyer pour validation' }).click();
  await expect(page.getByText('Note de frais envoyée pour validation.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Mes dépenses' })).toBeVisible();
  const mine = page
    .getByRole('link', { name: title })
    .locator('xpath=ancestor::div[contains(@class,"Paper")][1]');
  await expect(mine).toContainText('À valider');
  await page.context().clearCookies();

  // Support approves it, the receipt beside the figures and the activity's treasury.
  await logIn(page, support, e2eDemoPassword);
  await page.goto('/expenses/approvals');
  await expect(page.getByRole('heading', { level: 1, name: 'Dépenses à valider' })).toBeVisible();
  const card = page
    .getByRole('heading', { name: title })
    .locator('xpath=ancestor::div[contains(@class,"Paper")][1]');
  await expect(card).toContainText('48,40');
  await expect(card).toContainText('Trésorerie disponible de l’activité');
  await expect(card.getByRole('img', { name: 'Train Paris – Lille aller-retour' })).toBeVisible();
  await card.getByRole('button', { name: `Valider — ${title}` }).click();
  await expect(page.getByText('Décision enregistrée.')).toBeVisible();
  await expect(page.getByRole('heading', { name: title })).toHaveCount(0);
  await page.context().clearCookies();

  // The accountant puts it in a batch, downloads the SEPA file, confirms the bank paid it.
  await logIn(page, accountant, e2eDemoPassword);
  await page.goto('/expenses/payments');
  await expect(page.getByRole('heading', { level: 1, name: 'Lots de paiement' })).toBeVisible();
  await page.getByRole('checkbox', { name: new RegExp(title) }).check();
  await page.getByRole('button', { name: 'Préparer le lot (1)' }).click();
  await expect(page.getByText('Lot préparé : téléchargez le fichier SEPA pour la banque.')).toBeVisible();
  const batch = page
    .getByText(title, { exact: false })
    .first()
    .locator('xpath=ancestor::div[contains(@class,"Paper")][1]');
  const sepa = await page.request.get(
    (await batch.getByRole('link', { name: 'Fichier SEPA' }).getAttribute('href'))!,
  );
  expect(sepa.status()).toBe(200);
  const xml = await sepa.text();
  expect(xml).toContain('pain.001.001.03');
  expect(xml).toContain('<InstdAmt Ccy="EUR">48.40</InstdAmt>');
  await batch.getByRole('button', { name: 'Confirmer le paiement' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Confirmer le paiement' }).click();
  await expect(page.getByText('Paiements enregistrés.')).toBeVisible();
  await expect(batch).toContainText('Payé');
  await page.context().clearCookies();

  // The member sees the claim paid, and her treasury fell by the cost: 48,40 € less the 4,40 € of VAT recovered.
  await logIn(page, demoMember.email, e2eDemoPassword);
  await page.goto('/expenses');
  await expect(
    page.getByRole('link', { name: title }).locator('xpath=ancestor::div[contains(@class,"Paper")][1]'),
  ).toContainText('Payée');
  expect(await treasury(page)).toBe(before - 4_400);
});

test('a member records a supplier invoice with two VAT rates as a draft, then sends it; the same number again is refused', async ({
  page,
}) => {
  const number = `FA-${Date.now() % 1_000_000}`;
  await logIn(page, demoMember.email, e2eDemoPassword);
  await page.goto('/expenses');
  const record = async (button: 'Enregistrer le brouillon' | 'Envoyer pour validation') => {
    await page.getByRole('button', { name: 'Facture fournisseur' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('textbox', { name: 'Fournisseur', exact: true })).toBeInViewport();
    await page.waitForTimeout(300); // the dialog's opening transition
    // By keyboard: in a dialog on a touch screen the list keeps being placed again, never still enough to tap.
    const category = dialog.getByRole('combobox', { name: 'Catégorie' });
    await category.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(category).toHaveValue('Fournitures et petit matériel');
    await dialog.getByRole('textbox', { name: 'Fournisseur', exact: true }).fill('Atelier Reliure Paris');
    await dialog.getByLabel('SIREN du fournisseur').fill('732 829 320');
    await dialog.getByLabel('IBAN du fournisseur').fill('FR76 3000 4000 0312 3456 7890 143');
    await dialog.getByLabel('Numéro de facture').fill(number);
    // Two VAT rates, as the invoice prints them: 250 € at 20 % and 40 € at 10 %.
    await dialog.getByLabel('Montant HT (€)').fill('250');
    await expect(dialog.getByLabel('TVA (€)')).toHaveValue('50,00');
    await dialog.getByRole('button', { name: 'Ajouter un taux' }).click();
    await expect(dialog.getByRole('combobox', { name: 'Taux de TVA' }).nth(1)).toHaveValue('10 %');
    await dialog.getByLabel('Montant HT (€)').nth(1).fill('40');
    await expect(dialog.getByLabel('TVA (€)').nth(1)).toHaveValue('4,00');
    // A VAT that is not the rate's, a total a cent off: said in French, nothing is sent.
    await dialog.getByLabel('TVA (€)').nth(1).fill('5');
    await dialog.getByLabel('Total TTC de la facture (€)').fill('344,01');
    await expect(dialog).toContainText(
      'La TVA ne correspond pas au taux : 4,00 € attendus (à 1 centime près).',
    );
    await dialog.getByLabel('TVA (€)').nth(1).fill('4');
    await expect(dialog).toContainText(
      'Les lignes font 344,00 € TTC : il manque 0,01 € pour arriver au total de la facture (344,01 €).',
    );
    await dialog.getByLabel('Total TTC de la facture (€)').fill('344,00');
    await expect(dialog).toContainText('HT 290,00 € · TVA 54,00 € · TTC 344,00 €');
    await expect(dialog).not.toContainText('Les lignes font');
    await dialog.locator('input[type=file]').setInputFiles({
      name: 'facture.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(drawDemoInvoicePdf([number])),
    });
    await expect(dialog.getByRole('button', { name: '✓ facture.pdf' })).toBeVisible();
    await dialog.getByRole('button', { name: button, exact: true }).click();
    return dialog;
  };
  // First a draft (as a claim): it waits in the member's list until she sends it.
  await record('Enregistrer le brouillon');
  await expect(
    page.getByText('Brouillon enregistré : envoyez-le pour validation quand il est prêt.'),
  ).toBeVisible();
  const card = page
    .getByText(`Atelier Reliure Paris · ${number}`)
    .locator('xpath=ancestor::div[contains(@class,"Paper")][1]');
  await expect(card).toContainText('344,00 €');
  await expect(card).toContainText('Brouillon');
  // She changes it: the second rate's base was 45 €, not 40 €.
  await card
    .getByRole('button', { name: `Modifier le brouillon : Atelier Reliure Paris · ${number}` })
    .click();
  const edit = page.getByRole('dialog');
  await expect(edit.getByLabel('Numéro de facture')).toHaveValue(number);
  await expect(edit.getByLabel('Total TTC de la facture (€)')).toHaveValue('344,00');
  await edit.getByLabel('Montant HT (€)').nth(1).fill('45');
  await expect(edit.getByLabel('TVA (€)').nth(1)).toHaveValue('4,50');
  await edit.getByLabel('Total TTC de la facture (€)').fill('349,50');
  await edit.getByRole('button', { name: 'Enregistrer le brouillon', exact: true }).click();
  await expect(edit).toHaveCount(0);
  await expect(card).toContainText('349,50 €');
  await card
    .getByRole('button', { name: `Envoyer pour validation : Atelier Reliure Paris · ${number}` })
    .click();
  await expect(page.getByText('Facture fournisseur enregistrée : elle attend sa validation.')).toBeVisible();
  await expect(card).toContainText('À valider');
  await expect(card.getByRole('button')).toHaveCount(0);
  const again = await record('Envoyer pour validation');
  await expect(again.getByRole('alert')).toContainText(
    `La facture ${number} de ce fournisseur est déjà enregistrée.`,
  );
});

/**
 * Not a test: the expense screens at desktop and phone widths, for a person to look at (ui.md). Runs only when
 * SCREENSHOT_DIR is set, after the journey above (its claim is in the lists):
 *   SCREENSHOT_DIR=/tmp/shots MUTUA_E2E_PORT=3221 npx playwright test e2e/expenses-journey.spec.ts
 */
for (const size of [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 375, height: 740 },
]) {
  test(`expense screens at ${size.name} width`, async ({ page }) => {
    const dir = process.env.SCREENSHOT_DIR;
    test.skip(!dir, 'screenshots only when SCREENSHOT_DIR is set');
    test.setTimeout(120_000);
    await page.setViewportSize({ width: size.width, height: size.height });
    const shoot = async (name: string) => {
      await expect(page.locator('[role="status"][aria-label]')).toHaveCount(0, { timeout: 30_000 });
      await page.waitForTimeout(500);
      await page.screenshot({ path: `${dir}/${size.name}-expenses-${name}.png`, fullPage: true });
    };
    await logIn(page, demoMember.email, e2eDemoPassword);
    await page.goto('/expenses');
    await expect(page.getByRole('heading', { level: 1, name: 'Mes dépenses' })).toBeVisible();
    await shoot('mine');
    // The dialog scrolls inside itself: a viewport as tall as the form shows it whole, two VAT rates and a total
    // one cent off (its message) included.
    await page.setViewportSize({ width: size.width, height: 1_500 });
    await page.getByRole('button', { name: 'Facture fournisseur' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Montant HT (€)').fill('250');
    await dialog.getByRole('button', { name: 'Ajouter un taux' }).click();
    await dialog.getByLabel('Montant HT (€)').nth(1).fill('40');
    await dialog.getByLabel('Total TTC de la facture (€)').fill('344,01');
    await expect(dialog).toContainText('il manque 0,01 €');
    await shoot('supplier-invoice');
    await page.keyboard.press('Escape');
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.getByRole('link', { name: 'Salon du graphisme' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Salon du graphisme' })).toBeVisible();
    await shoot('claim-rejected');
    await page.goto('/expenses');
    await page.getByRole('link', { name: 'Fournitures atelier' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Note de frais' })).toBeVisible();
    await page.getByRole('button', { name: 'Ajouter une ligne' }).click();
    await page.getByText('Kilomètres', { exact: true }).last().click();
    await shoot('claim-draft');
    await page.context().clearCookies();
    await logIn(page, 'accompagnement@demo.mutua.coop', e2eDemoPassword);
    await page.goto('/expenses/approvals');
    await expect(page.getByRole('heading', { level: 1, name: 'Dépenses à valider' })).toBeVisible();
    await shoot('approvals');
    await page.context().clearCookies();
    await logIn(page, 'compta@demo.mutua.coop', e2eDemoPassword);
    await page.goto('/expenses/payments');
    await expect(page.getByRole('heading', { level: 1, name: 'Lots de paiement' })).toBeVisible();
    await shoot('payments');
  });
}
