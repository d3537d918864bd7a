import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { demoAdmin, demoMember, e2eDemoPassword } from './e2e-env.ts';
import { logIn } from './log-in.ts';

/**
 * Not a test: screenshots of every screen at desktop and phone widths, for a person to look at before
 * calling a screen done (ui.md). playwright.config.ts includes it only when SCREENSHOT_DIR is set:
 *   SCREENSHOT_DIR=/tmp/shots npx playwright test e2e/screenshots.spec.ts
 */
const dir = process.env.SCREENSHOT_DIR;

const widths = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 375, height: 740 },
];

async function shoot(page: Page, name: string) {
  // Not 'networkidle': Chromium never reports it while a sandboxed srcdoc frame (the mail) is shown.
  await expect(page.locator('[role="status"][aria-label]')).toHaveCount(0, { timeout: 30_000 });
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(dir!, `${name}.png`), fullPage: true });
}

async function inviteLink(page: Page, email: string): Promise<string> {
  const me = await (await page.request.get('/api/me')).json();
  const headers = { 'x-csrf-token': me.csrfToken };
  await page.request.post('/api/invitations', {
    headers,
    data: { email, name: 'Noé Nouveau', roles: ['member'], locale: 'fr' },
  });
  const mails = await (await page.request.get(`/api/outbox?to=${encodeURIComponent(email)}`)).json();
  const mail = await (await page.request.get(`/api/outbox/${mails[0].id}`)).json();
  return /https?:\/\/\S+\/invitation\/\S+/.exec(mail.textBody)![0];
}

for (const size of widths) {
  test(`every screen at ${size.name} width`, async ({ page }) => {
    test.setTimeout(240_000);
    mkdirSync(dir!, { recursive: true });
    await page.setViewportSize({ width: size.width, height: size.height });
    const s = (name: string) => shoot(page, `${size.name}-${name}`);

    await page.goto('/login');
    await s('login');
    await page.getByLabel('Adresse e-mail').fill(demoMember.email);
    await page.getByLabel(/^Mot de passe/).fill('pas le bon');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await s('login-error');
    await page.goto('/forgot-password');
    await s('forgot-password');
    await page.goto('/reset-password/not-a-real-token-but-long-enough');
    await s('reset-password');
    await page.goto('/invitation/not-a-real-token-but-long-enough');
    await s('invitation-invalid');

    await logIn(page, demoMember.email, e2eDemoPassword);
    await s('home-member');
    await page.goto('/account');
    await s('account-member');
    await page.getByRole('button', { name: 'Compte de Camille Martin' }).click();
    await s('account-menu');
    await page.keyboard.press('Escape');
    await page.goto('/audit');
    await s('forbidden-member');

    await page.getByRole('button', { name: 'Compte de Camille Martin' }).click();
    await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
    await expect(page).toHaveURL(/\/login$/);
    await logIn(page, demoAdmin.email, e2eDemoPassword);
    await s('home-admin');
    if (size.name === 'phone') {
      await page.getByRole('button', { name: 'Ouvrir le menu' }).click();
      await s('drawer-open');
      await page.getByRole('button', { name: 'Fermer le menu' }).click();
    }
    const link = await inviteLink(page, `noe.${size.name}.${Date.now()}@example.org`);
    await page.goto('/settings');
    await s('settings');
    await page.getByLabel('SIREN').fill('123456789');
    await page.getByLabel('SIREN').blur();
    await s('settings-error');
    await page.goto('/people');
    await s('people');
    await page.goto('/people?q=zzz');
    await s('people-empty');
    await page.goto('/people?tab=invitations');
    await s('invitations');
    await page.goto('/people?invite=1');
    await s('invite-modal');
    await page.getByRole('button', { name: "Envoyer l'invitation" }).click();
    await s('invite-modal-errors');
    await page.goto('/audit');
    await s('audit');
    await page.goto('/outbox');
    await s('outbox');
    await page
      .getByRole('button', { name: /Invitation à rejoindre/ })
      .first()
      .click();
    await expect(page.frameLocator('iframe').getByText('Bonjour Noé Nouveau,')).toBeVisible();
    await s('outbox-mail');
    await page.goto('/account');
    await s('account-admin');
    await page.goto('/nowhere');
    await s('not-found');
    await page.goto(link);
    await s('invitation');
    await page.getByText('EN', { exact: true }).click();
    await s('invitation-en');
  });
}
