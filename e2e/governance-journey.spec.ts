import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, expect, type Locator, type Page, test } from '@playwright/test';
import { e2eDemoPassword } from './e2e-env.ts';
import { logIn } from './log-in.ts';

const manager = 'direction@demo.mutua.coop';
const hugo = 'hugo.bernard@exemple.coop';
const nadia = 'nadia.haddad@exemple.coop';

/** Today in Paris (the server's calendar), plus some days, as YYYY-MM-DD. */
function parisDay(plusDays = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + plusDays);
  return d.toISOString().slice(0, 10);
}

/** Picks an option of a Mantine select by the select's label. */
async function choose(page: Page, scope: Locator | Page, label: string | RegExp, option: string) {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Answers the confirmation dialog titled `title` by its button `action`. */
async function confirm(page: Page, title: string | RegExp, action: string | RegExp) {
  const dialog = page.getByRole('dialog', { name: title });
  await dialog.getByRole('button', { name: action }).click();
  return dialog;
}

async function newSession(browser: Browser, email: string, phone = false) {
  const context = await browser.newContext(
    phone ? { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true } : {},
  );
  const page = await context.newPage();
  await logIn(page, email, e2eDemoPassword);
  return { context, page };
}

/** The text of a PDF (poppler's pdftotext), whitespace collapsed; null when the tool is missing outside CI. */
function pdfText(bytes: Buffer): string | null {
  if (!process.env.CI && spawnSync('pdftotext', ['-v']).status !== 0) return null;
  const dir = mkdtempSync(join(tmpdir(), 'mutua-minutes-'));
  try {
    const file = join(dir, 'minutes.pdf');
    writeFileSync(file, bytes);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8').replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the manager convenes an assembly within the notice delay; at the sitting two associates vote from their phone, one of them by proxy; the chair closes each vote and the assembly; the sealed minutes carry the results', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const chair = await newSession(browser, manager);
  const page = chair.page;

  // ---- Preparing and convening a new assembly -------------------------------------------------------
  await page.getByRole('navigation').getByRole('link', { name: 'Assemblées & votes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Assemblées générales' })).toBeVisible();
  await page.getByRole('link', { name: 'Préparer une assemblée' }).click();
  const title = `AGE — révision des statuts ${Date.now().toString(36)}`;
  await page.getByLabel('Intitulé').fill(title);
  await choose(page, page, "Type d'assemblée", 'Assemblée générale extraordinaire');
  // Ten days ahead: too late for a first call (15 days, R225-69).
  await page.getByLabel('Date de la réunion').fill(parisDay(10));
  await page.getByLabel('Lieu').fill('Salle du conseil');
  await page.getByLabel('Titre de la résolution').fill('Modification de l’article 12 des statuts');
  // The legal rule of an extraordinary assembly is offered by default.
  await expect(page.getByRole('combobox', { name: 'Règle de majorité' })).toHaveValue(
    'Règle légale : au moins 2/3 des voix exprimées',
  );
  await page.getByRole('button', { name: "Créer l'assemblée" }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.getByRole('button', { name: 'Envoyer la convocation' }).click();
  let dialog = await confirm(page, 'Envoyer la convocation ?', 'Envoyer la convocation');
  await expect(dialog.getByRole('alert')).toContainText('Convocation trop tardive : il faut 15 jours');
  await dialog.getByRole('button', { name: 'Annuler' }).click();
  // Moved three weeks ahead, the notice leaves.
  await page.getByRole('link', { name: 'Modifier' }).click();
  await page.getByLabel('Date de la réunion').fill(parisDay(21));
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.getByRole('button', { name: 'Envoyer la convocation' }).click();
  dialog = await confirm(page, 'Envoyer la convocation ?', 'Envoyer la convocation');
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Convocation envoyée à 10 associé·es')).toBeVisible();
  await expect(page.getByText('Convoquée', { exact: true })).toBeVisible();

  // ---- Before the sitting of today's assembly: Nadia gives her proxy to Hugo, from her phone ---------
  const member = await newSession(browser, nadia, true);
  const phone = member.page;
  await phone.goto('/governance/assemblies');
  await phone
    .getByRole('article', { name: /Union régionale et fonds de solidarité/ })
    .getByRole('link', { name: 'Voter' })
    .click();
  await expect(phone.getByText('Pas encore indiquée')).toBeVisible();
  await choose(phone, phone, 'Donner mon pouvoir à', 'Hugo Bernard');
  await phone.getByRole('button', { name: 'Donner mon pouvoir' }).click();
  await expect(phone.getByText('Représenté·e', { exact: true })).toBeVisible();
  await expect(phone.getByText('Vous êtes représenté·e par Hugo Bernard.')).toBeVisible();
  const assemblyUrl = new URL(phone.url()).pathname.replace(/\/vote$/, '');

  // Hugo takes the same phone.
  await member.context.clearCookies();
  await logIn(phone, hugo, e2eDemoPassword);
  await phone.goto(`${assemblyUrl}/vote`);
  await expect(phone.getByText('Vous portez 1 pouvoir')).toBeVisible();
  await expect(phone.getByText('Vous votez aussi pour : Nadia Haddad.')).toBeVisible();

  // ---- The sitting: the chair opens it, marks himself present, opens the first vote ------------------
  await page.goto(assemblyUrl);
  await page.getByRole('button', { name: 'Ouvrir la séance' }).click();
  await confirm(page, 'Ouvrir la séance ?', 'Ouvrir la séance');
  await expect(page.getByText('En séance', { exact: true })).toBeVisible();
  await choose(page, page, 'Participation de Dominique Gérant', 'Présent·e');
  // Present, with Laura's proxy and Nadia's (held by Hugo, who is not in yet): 2 of 10, quorum 1/5.
  await expect(page.getByText('2 participant·es sur 10 associé·es — 2 nécessaires')).toBeVisible();
  await expect(page.getByText('Quorum atteint')).toBeVisible();
  const live1 = page.getByRole('article', {
    name: 'Adhésion de la coopérative à l’Union régionale des Scop',
  });
  await live1.getByRole('button', { name: 'Ouvrir le vote' }).click();

  // Hugo votes for himself and for Nadia; each vote is asked once more, then cannot be cast again.
  const r1 = phone.getByRole('article', { name: 'Adhésion de la coopérative à l’Union régionale des Scop' });
  await expect(r1.getByText('Vote ouvert')).toBeVisible({ timeout: 15_000 });
  await r1.getByRole('group', { name: 'Mon vote' }).getByRole('button', { name: 'Pour' }).click();
  dialog = await confirm(phone, 'Voter « Pour » ?', 'Voter « Pour »');
  await expect(dialog).toBeHidden();
  await expect(r1.getByRole('group', { name: 'Mon vote' }).getByText('Vote enregistré')).toBeVisible();
  await r1
    .getByRole('group', { name: 'Pour Nadia Haddad (pouvoir)' })
    .getByRole('button', { name: 'Pour' })
    .click();
  await expect(phone.getByRole('dialog', { name: 'Voter « Pour » ?' })).toContainText(
    'Vous votez pour Nadia Haddad',
  );
  await confirm(phone, 'Voter « Pour » ?', 'Voter « Pour »');
  await expect(
    r1.getByRole('group', { name: 'Pour Nadia Haddad (pouvoir)' }).getByText('Vote enregistré'),
  ).toBeVisible();
  // No result before the close.
  await expect(r1.getByRole('table', { name: 'Résultat du vote' })).toHaveCount(0);

  // The chair votes against, from his own voting page.
  await page.goto(`${assemblyUrl}/vote`);
  const chairR1 = page.getByRole('article', {
    name: 'Adhésion de la coopérative à l’Union régionale des Scop',
  });
  await chairR1.getByRole('group', { name: 'Mon vote' }).getByRole('button', { name: 'Contre' }).click();
  await confirm(page, 'Voter « Contre » ?', 'Voter « Contre »');
  await expect(chairR1.getByRole('group', { name: 'Mon vote' }).getByText('Vote enregistré')).toBeVisible();

  // ---- The chair closes the first vote: 2 for, 1 against, adopted -----------------------------------
  await page.goto(assemblyUrl);
  await expect(live1.getByText('3 bulletins reçus')).toBeVisible();
  await live1.getByRole('button', { name: 'Clore le vote' }).click();
  await confirm(page, /^Clore le vote sur/, 'Clore le vote');
  await expect(live1.getByText('Adoptée')).toBeVisible();
  const result1 = live1.getByRole('table', { name: 'Résultat du vote' });
  await expect(result1.getByRole('cell')).toHaveText(['2', '1', '0', '0']);
  // The associate sees the result once the vote is closed.
  await expect(r1.getByText('Adoptée')).toBeVisible({ timeout: 15_000 });

  // ---- Second resolution: Hugo against, Nadia (by proxy) abstains; rejected --------------------------
  const live2 = page.getByRole('article', {
    name: 'Création d’un fonds de solidarité entre entrepreneur·es',
  });
  await live2.getByRole('button', { name: 'Ouvrir le vote' }).click();
  const r2 = phone.getByRole('article', { name: 'Création d’un fonds de solidarité entre entrepreneur·es' });
  await expect(r2.getByText('Vote ouvert')).toBeVisible({ timeout: 15_000 });
  await r2.getByRole('group', { name: 'Mon vote' }).getByRole('button', { name: 'Contre' }).click();
  await confirm(phone, 'Voter « Contre » ?', 'Voter « Contre »');
  await expect(r2.getByRole('group', { name: 'Mon vote' }).getByText('Vote enregistré')).toBeVisible();
  await r2
    .getByRole('group', { name: 'Pour Nadia Haddad (pouvoir)' })
    .getByRole('button', { name: 'Abstention' })
    .click();
  await confirm(phone, 'Voter « Abstention » ?', 'Voter « Abstention »');
  await expect(
    r2.getByRole('group', { name: 'Pour Nadia Haddad (pouvoir)' }).getByText('Vote enregistré'),
  ).toBeVisible();
  await expect(live2.getByText('2 bulletins reçus')).toBeVisible({ timeout: 15_000 });
  await live2.getByRole('button', { name: 'Clore le vote' }).click();
  await confirm(page, /^Clore le vote sur/, 'Clore le vote');
  await expect(live2.getByText('Rejetée')).toBeVisible();
  await expect(live2.getByRole('table', { name: 'Résultat du vote' }).getByRole('cell')).toHaveText([
    '0',
    '1',
    '1',
    '0',
  ]);

  // ---- The chair closes the assembly: the minutes are sealed -------------------------------------------
  await page.getByRole('button', { name: "Clore l'assemblée" }).click();
  await confirm(page, "Clore l'assemblée ?", "Clore l'assemblée");
  await expect(page.getByText('Procès-verbal scellé')).toBeVisible();
  const sha = ((await page.locator('code').textContent()) ?? '').trim();
  expect(sha).toMatch(/^[0-9a-f]{64}$/);
  const minutes = await page.request.get(`/api${assemblyUrl}/minutes`);
  expect(minutes.status()).toBe(200);
  expect(minutes.headers()['x-content-sha256']).toBe(sha);
  const bytes = await minutes.body();
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  const text = pdfText(bytes);
  if (text !== null) {
    expect(text).toContain('Procès-verbal de l’assemblée générale ordinaire');
    expect(text).toContain('pour 2, contre 1, abstentions 0, blancs ou nuls 0 (exprimés : 3)');
    expect(text).toContain('pour 0, contre 1, abstentions 1, blancs ou nuls 0 (exprimés : 1)');
    expect(text.indexOf('Résolution adoptée.')).toBeLessThan(text.indexOf('Résolution rejetée.'));
    // The attendance sheet: Hugo took part remotely, Nadia through him.
    expect(text).toContain('7 Hugo Bernard À distance');
    expect(text).toContain('9 Nadia Haddad Représenté·e');
    expect(text).toContain(
      '4 associé·e(s) sur 10 présent·es, à distance, par correspondance ou représenté·es.',
    );
  }
  // The associate finds the minutes too.
  await phone.goto('/governance/assemblies');
  await expect(phone.getByRole('link', { name: 'Procès-verbal (PDF)' }).first()).toBeVisible();
  await member.context.close();
  await chair.context.close();
});
