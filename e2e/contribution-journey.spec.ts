import { expect, test } from '@playwright/test';
import { demoMember, e2eDemoPassword } from './e2e-env.ts';
import { logIn } from './log-in.ts';

/** The money in a figure or a total, as the screen prints it ("12 345,67 €"). */
const amountIn = (text: string | null) =>
  /-?[\d\s\u202f\u00a0]+,\d{2}\s?€/.exec(text ?? '')?.[0]?.replace(/\s/g, '');

test('a member opens her dashboard, follows the treasury down to its ledger lines, and reads why a contribution is what it is', async ({
  page,
}) => {
  await logIn(page, demoMember.email, e2eDemoPassword);
  await page.getByRole('navigation').getByRole('link', { name: 'Mon activité' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mon activité' })).toBeVisible();

  // The treasury figure opens the lines behind it, whose total is the figure itself.
  const card = page.getByTestId('figure-treasury');
  await expect(card).toContainText('Trésorerie disponible');
  const treasury = amountIn(await card.textContent());
  expect(treasury).toBeTruthy();
  await card.click();
  await expect(
    page.getByRole('heading', { level: 1, name: /^Trésorerie disponible — lignes d’écriture/ }),
  ).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Compte' })).toBeVisible();
  expect(amountIn(await page.getByTestId('lines-total').textContent())).toBe(treasury);
  expect(await page.getByRole('row').count()).toBeGreaterThan(2);

  // Back on the dashboard, a month's contribution explains itself: base, brackets, fee, amount.
  await page.getByRole('link', { name: /Retour au tableau de bord/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mon activité' })).toBeVisible();
  await page
    .getByRole('button', { name: /^Comprendre/ })
    .first()
    .click();
  const dialog = page.getByRole('dialog', { name: /^Contribution de / });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Base : marge brute');
  await expect(dialog).toContainText('Forfait mensuel');
  await expect(
    dialog.getByRole('rowheader', { name: 'Montant prélevé' }).or(dialog.getByText('Montant prélevé')),
  ).toBeVisible();

  // Closed with the keyboard, back to the dashboard and its chart.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Les 12 derniers mois' })).toBeVisible();
});
