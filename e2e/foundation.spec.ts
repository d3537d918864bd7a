import { expect, test } from '@playwright/test';
import { demoAdmin, demoMember, e2eBaseUrl, e2eDemoPassword } from './e2e-env.ts';
import { logIn } from './log-in.ts';

test('an admin invites someone, who follows the e-mailed link, sets a password and switches to English', async ({
  page,
}) => {
  const invitee = { email: `ines.${Date.now()}@example.org`, name: 'Inès Invitée' };
  const password = 'une phrase de passe assez longue';

  // The demo admin logs in (logged-out visitors land on the log-in page).
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await logIn(page, demoAdmin.email, e2eDemoPassword);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour Alex' })).toBeVisible();

  // Invites someone with two roles.
  await page.getByRole('navigation').getByRole('link', { name: 'Personnes & droits' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Personnes & droits' })).toBeVisible();
  await page.getByRole('button', { name: 'Inviter une personne' }).first().click();
  const modal = page.getByRole('dialog', { name: 'Inviter une personne' });
  await modal.getByLabel('Adresse e-mail').fill(invitee.email);
  await modal.getByLabel('Nom').fill(invitee.name);
  await modal.getByRole('checkbox', { name: 'Accompagnement' }).check();
  await modal.getByRole('button', { name: "Envoyer l'invitation" }).click();
  await expect(modal).toBeHidden();
  // The list of invitations shows the new one (the confirmation toast may be gone on a slow machine).
  const row = page.getByRole('row').filter({ hasText: invitee.email });
  await expect(row).toContainText('En attente');

  // Opens the invitation e-mail in the outbox (no SMTP here: mails stay there).
  await page.getByRole('navigation').getByRole('link', { name: 'E-mails envoyés' }).click();
  await page.getByLabel('Destinataire').fill(invitee.email);
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await page.getByRole('button', { name: /Invitation à rejoindre/ }).click();
  const mail = page.getByRole('article');
  await expect(mail.getByRole('heading', { name: /Invitation à rejoindre/ })).toBeVisible();
  await expect(mail.frameLocator('iframe').getByText(`Bonjour ${invitee.name},`)).toBeVisible();
  const link = mail.getByTestId('mail-link').filter({ hasText: '/invitation/' });
  await expect(link).toHaveCount(1);
  const href = await link.getAttribute('href');
  expect(href?.startsWith(`${e2eBaseUrl}/invitation/`)).toBe(true);
  expect(href).toMatch(/\/invitation\/[\w-]{20,}$/);

  // Follows the link and chooses a password.
  await page.goto(href!);
  await expect(page.getByRole('heading', { level: 1, name: 'Rejoindre la coopérative' })).toBeVisible();
  await expect(page.getByText(invitee.email)).toBeVisible();
  await page.getByLabel('Nouveau mot de passe').fill('trop court');
  await page.getByLabel('Confirmez le mot de passe').fill('trop court');
  await page.getByRole('button', { name: 'Activer mon compte' }).click();
  await expect(page.getByText('Le mot de passe doit compter au moins 12 caractères.')).toBeVisible();
  await page.getByLabel('Nouveau mot de passe').fill(password);
  await page.getByLabel('Confirmez le mot de passe').fill(password);
  await page.getByRole('button', { name: 'Activer mon compte' }).click();

  // Lands logged in as the new person, with the navigation of their roles only.
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour Inès' })).toBeVisible();
  await expect(page).toHaveURL(/\/$/);
  const nav = page.getByRole('navigation');
  await expect(nav.getByRole('link', { name: 'Personnes & droits' })).toBeVisible();
  await expect(nav.getByRole('link', { name: "Journal d'audit" })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'E-mails envoyés' })).toHaveCount(0);
  await page.getByRole('button', { name: `Compte de ${invitee.name}` }).click();
  await expect(page.getByRole('menu')).toContainText(invitee.email);
  await page.keyboard.press('Escape');

  // Switches to English: the screen, and the server's messages, follow; the choice is kept.
  await page.getByText('EN', { exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hello Inès' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Home' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'People & access' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Hello Inès' })).toBeVisible();
  await nav.getByRole('link', { name: 'My account', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My account' })).toBeVisible();
  await expect(page.getByRole('main').getByLabel('Language')).toHaveValue('English');
});

test('a wrong password shows the French error and stays on the log-in page', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Adresse e-mail').fill(demoMember.email);
  await page.getByLabel(/^Mot de passe/).fill('pas le bon mot de passe');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('alert')).toHaveText('Adresse e-mail ou mot de passe incorrect.');
  await expect(page).toHaveURL(/\/login$/);
});

test('the top bar search opens a screen, and an invoice of the member’s own activity', async ({ page }) => {
  await logIn(page, demoMember.email, e2eDemoPassword);
  await page.keyboard.press('Control+K');
  const box = page.getByRole('textbox', { name: 'Rechercher…' });
  await box.fill('factu');
  await page.getByRole('button', { name: /^Factures\s*Écran$/ }).click();
  await expect(page).toHaveURL(/\/sales\/invoices$/);
  await page.getByRole('button', { name: 'Rechercher (Ctrl+K)' }).click();
  await box.fill('F20');
  const invoice = page.getByRole('button', { name: /^F\d{4}-\d+.*Facture$/ }).first();
  await expect(invoice).toBeVisible();
  await invoice.click();
  await expect(page).toHaveURL(/\/sales\/invoices\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: /F\d{4}-\d+/ })).toBeVisible();
});

test('the settings form shows a French error beside an invalid SIREN and saves nothing', async ({ page }) => {
  await logIn(page, demoAdmin.email, e2eDemoPassword);
  await page.getByRole('navigation').getByRole('link', { name: 'Paramètres de la coopérative' }).click();
  const siren = page.getByLabel('SIREN');
  await expect(siren).toHaveValue('912345675');
  await siren.fill('123456789');
  await siren.blur();
  const message = 'Numéro SIREN invalide (9 chiffres, clé de contrôle incorrecte).';
  await expect(page.getByText(message)).toBeVisible();
  await expect(siren).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.getByText(message)).toBeVisible();
  await expect(page.getByText('Paramètres enregistrés.')).toHaveCount(0);
  // The saved SIREN is unchanged.
  await page.reload();
  await expect(page.getByLabel('SIREN')).toHaveValue('912345675');
});

test.describe('on a phone (375 px)', () => {
  test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

  test('the navigation folds into a drawer that opens from the menu button', async ({ page }) => {
    await logIn(page, demoMember.email, e2eDemoPassword);
    const account = page.getByRole('link', { name: 'Mon compte' });
    // Closed, the drawer is out of sight and out of reach (no focusable link behind the page).
    await expect(account).toHaveCount(0);
    await expect(page.getByText('Mon compte', { exact: true })).not.toBeInViewport();
    await page.getByRole('button', { name: 'Ouvrir le menu' }).click();
    await expect(page.getByRole('link', { name: 'Accueil' })).toBeInViewport();
    // The member's links fill more than a phone's height: the drawer scrolls to the last of them.
    await account.scrollIntoViewIfNeeded();
    await expect(account).toBeInViewport();
    await account.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mon compte' })).toBeVisible();
    await expect(account).toHaveCount(0);
  });
});
