import { expect, type Page, test } from '@playwright/test';
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

async function logOut(page: Page) {
  await page.context().clearCookies();
}

/** Camille's available treasury, as "Mes comptes" shows it. */
async function treasury(page: Page): Promise<number> {
  await page.goto('/me/accounts');
  const card = page.getByText('Trésorerie disponible', { exact: true }).first().locator('..');
  await expect(card).toContainText('€');
  return cents((await card.textContent()) ?? '');
}

test('a member simulates and proposes a salary, support approves, the accountant runs the payroll, the member sees the salary and the treasury fall by the employer cost', async ({
  page,
}) => {
  const now = new Date();
  const month = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
  const monthName = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric' }).format(now);

  // The member simulates a salary with the official rules.
  await logIn(page, demoMember.email, e2eDemoPassword);
  await page.getByRole('navigation').getByRole('link', { name: 'Simulateur de salaire' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Simulateur de salaire' })).toBeVisible();
  await page.getByLabel('Montant mensuel (€)').fill('1 500');
  await page.getByRole('button', { name: 'Calculer' }).click();
  await expect(page.getByText('Le détail des cotisations')).toBeVisible();
  await expect(page.getByText(/Calculé avec les règles officielles \(modele-social/)).toBeVisible();

  const before = await treasury(page);

  // She proposes 1 500 € gross from this month on.
  await page.getByRole('navigation').getByRole('link', { name: 'Mon salaire' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mon salaire' })).toBeVisible();
  await page.getByLabel('À partir de').fill(month);
  await page.getByLabel('Brut mensuel (€)').fill('1 500');
  await page.getByLabel('Un mot pour votre accompagnement').fill('Nouveau client régulier');
  await page.getByRole('button', { name: 'Proposer', exact: true }).click();
  await expect(page.getByText('Proposition envoyée.')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'En attente' })).toBeVisible();
  await logOut(page);

  // Support approves it.
  await logIn(page, support, e2eDemoPassword);
  await page.getByRole('navigation').getByRole('link', { name: 'Plans de salaire' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Plans de salaire à valider' })).toBeVisible();
  await page.getByRole('button', { name: 'Approuver — Camille Martin' }).click();
  await expect(page.getByText('Décision enregistrée.')).toBeVisible();
  await logOut(page);

  // The accountant previews and runs the month's payroll.
  await logIn(page, accountant, e2eDemoPassword);
  await page.getByRole('navigation').getByRole('link', { name: 'Paie', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Paie du mois' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'Camille Martin' });
  await expect(row).toContainText('plan');
  await expect(row).toContainText('Prêt');
  await expect(row).toContainText('1 500,00');
  const cells = row.getByRole('cell');
  const employerCost = cents((await cells.nth(5).textContent()) ?? '');
  expect(employerCost).toBeGreaterThan(150_000);
  await page.getByRole('button', { name: `Lancer la paie de ${monthName}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Lancer la paie ?' });
  await dialog.getByRole('button', { name: `Lancer la paie de ${monthName}` }).click();
  await expect(page.getByText('Paie enregistrée.')).toBeVisible();
  await expect(row).toContainText('Fait');
  await logOut(page);

  // The member sees the salary, and her treasury fell by the employer cost.
  await logIn(page, demoMember.email, e2eDemoPassword);
  await page.goto('/me/salary');
  const slip = page
    .getByRole('row')
    .filter({ hasText: monthName })
    .filter({ hasText: 'En attente de virement' });
  await expect(slip).toContainText('1 500,00');
  await expect(slip).toContainText('En attente de virement');
  expect(await treasury(page)).toBe(before - employerCost);
});
