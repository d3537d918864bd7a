import { expect, type Locator, type Page, test } from '@playwright/test';
import { demoMember, e2eDemoPassword } from './e2e-env.ts';
import { logIn } from './log-in.ts';

const support = 'accompagnement@demo.mutua.coop';

/** Picks an option of a Mantine select by its label. */
async function choose(page: Page, scope: Locator, label: string, option: string | RegExp) {
  await scope.getByRole('combobox', { name: label }).click();
  await page
    .getByRole('option', typeof option === 'string' ? { name: option, exact: true } : { name: option })
    .first()
    .click();
}

/** Opens the "record in the journey" dialog, fills it, submits it. */
async function record(page: Page, kind: string, fill: (dialog: Locator) => Promise<void>) {
  await page.getByRole('button', { name: 'Enregistrer un événement' }).click();
  const dialog = page.getByRole('dialog', { name: 'Enregistrer dans le parcours' });
  await choose(page, dialog, 'Nature', kind);
  await fill(dialog);
  await dialog.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  return dialog;
}

test('support records a journey from the information meeting to the CESA and sees the associate deadline; an illegal renewal is refused with its rule; the member sees her next steps', async ({
  page,
}) => {
  const lastName = `Lucas ${Date.now().toString(36)}`;
  await logIn(page, support, e2eDemoPassword);
  await page.getByRole('navigation').getByRole('link', { name: 'Entrepreneur·es' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Entrepreneur·es' })).toBeVisible();

  // A new file: the person came to an information meeting.
  await page.getByRole('button', { name: 'Nouvelle fiche' }).click();
  const create = page.getByRole('dialog', { name: 'Nouvelle fiche d’entrepreneur·e' });
  await create.getByLabel('Prénom').fill('Rosa');
  await create.getByLabel(/^Nom/).fill(lastName);
  await create.getByRole('button', { name: 'Créer la fiche' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Rosa ${lastName}` })).toBeVisible();
  await expect(page.getByText('Premier contact')).toBeVisible();

  let dialog = await record(page, 'Réunion d’information', async (d) =>
    d.getByLabel('Date').fill('2024-09-05'),
  );
  await expect(dialog).toBeHidden();
  dialog = await record(page, 'Entretien d’accueil', async (d) => d.getByLabel('Date').fill('2024-09-20'));
  await expect(dialog).toBeHidden();
  dialog = await record(page, 'CAPE', async (d) => {
    await d.getByLabel('Début').fill('2024-10-01');
    await d.getByLabel('Fin (dernier jour)').fill('2025-03-31');
  });
  await expect(dialog).toBeHidden();

  // A renewal of more than 12 months is refused, naming the rule and its article.
  dialog = await record(page, 'Renouvellement du CAPE (avenant)', async (d) => {
    await choose(page, d, 'Contrat concerné', /^CAPE/);
    await d.getByLabel('Signé le').fill('2025-03-15');
    await d.getByLabel('Nouvelle fin (dernier jour)').fill('2026-04-30');
  });
  await expect(dialog.getByRole('alert')).toContainText('12 mois (C. com. L127-2)');
  await dialog.getByLabel('Nouvelle fin (dernier jour)').fill('2025-09-30');
  await dialog.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Renouvellement du CAPE — avenant n° 1')).toBeVisible();

  dialog = await record(page, 'CESA', async (d) => {
    await d.getByLabel('Début').fill('2025-10-01');
    await d.getByLabel('Part fixe mensuelle (€)').fill('150');
  });
  await expect(dialog).toBeHidden();

  // The associate deadline: 3 years from the CESA minus the 365 days of CAPE (C. trav. L7331-3).
  const associate = page.getByRole('listitem').filter({ hasText: 'Devenir associé·e au plus tard' });
  await expect(associate).toContainText('01/10/2027');
  await expect(associate).toContainText('C. trav. L7331-3');
  await expect(page.getByText('Entrepreneur·e salarié·e').first()).toBeVisible();

  // The member, on her side, reads her next steps in plain French.
  await page.getByRole('button', { name: /Menu du compte|Sacha/ }).click();
  await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
  await logIn(page, demoMember.email, e2eDemoPassword);
  await page.getByRole('navigation').getByRole('link', { name: 'Mon parcours' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mon parcours' })).toBeVisible();
  await expect(
    page.getByText(/Vous devez devenir associé·e de la coopérative au plus tard le \d\d\/\d\d\/\d{4}/),
  ).toBeVisible();
  await expect(page.getByText('C. trav. L7331-3')).toBeVisible();
});

test('an import with a bad line is refused line by line and imports nothing', async ({ page }) => {
  await logIn(page, support, e2eDemoPassword);
  await page.goto('/members/import');
  const csv =
    'Nom;Prénom;Courriel;Début CAPE;Fin CAPE\nPetit;Jo;jo@example.org;31/02/2025;31/12/2025\nRoux;Ana;ana@example.org;;\n';
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: 'membres.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
  await expect(page.getByText('1 ligne(s) correctes sur 2')).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'Début CAPE' });
  await expect(row).toContainText('Date invalide');
  await expect(page.getByRole('button', { name: /^Importer/ })).toHaveCount(0);
});
