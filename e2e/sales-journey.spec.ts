import { readFileSync } from 'node:fs';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { demoMember, e2eDemoPassword } from './e2e-env.ts';
import { logIn } from './log-in.ts';

const support = 'accompagnement@demo.mutua.coop';

async function asPerson(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page, email, e2eDemoPassword);
  return page;
}

test('a member creates a client and a quote with live totals, converts it into an invoice, submits it, support validates it, the member issues it, downloads the PDF, records a payment and sees it paid', async ({
  browser,
}) => {
  const clientName = `Boulangerie Lune ${Date.now().toString(36)}`;
  const member = await asPerson(browser, demoMember.email);

  // A new client of her activity; the SIREN is checked as the API checks it.
  await member.getByRole('navigation').getByRole('link', { name: 'Clients', exact: true }).click();
  await expect(member.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible();
  await member.getByRole('button', { name: 'Nouveau client' }).first().click();
  const create = member.getByRole('dialog', { name: 'Nouveau client' });
  await create.getByLabel('Raison sociale').fill(clientName);
  await create.getByLabel('SIREN').fill('123 456 789');
  await create.getByLabel(/^Adresse/).fill('12 rue des Lilas');
  await create.getByLabel('Code postal').fill('69001');
  await create.getByLabel('Ville').fill('Lyon');
  await create.getByRole('button', { name: 'Créer le client' }).click();
  await expect(create.getByText('Numéro SIREN invalide', { exact: false })).toBeVisible();
  await create.getByLabel('SIREN').fill('732 829 320');
  await create.getByRole('button', { name: 'Créer le client' }).click();
  await expect(member.getByRole('heading', { level: 1, name: clientName })).toBeVisible();

  // A quote from the client page: the client is already chosen; totals follow the typing.
  await member.getByRole('link', { name: 'Nouveau devis' }).click();
  await expect(member.getByRole('heading', { level: 1, name: 'Nouveau devis' })).toBeVisible();
  await expect(member.getByRole('combobox', { name: /^Client/ })).toHaveValue(clientName);
  await member.getByLabel('Désignation (ligne 1)').fill('Identité visuelle');
  await member.getByLabel('Quantité (ligne 1)').fill('2,5');
  await member.getByLabel('Prix unitaire HT (ligne 1)').fill('400');
  await expect(member.getByLabel('Total HT de la ligne 1')).toHaveText('1 000,00 €');
  const totals = member.getByRole('region', { name: 'Totaux' });
  await expect(totals).toContainText('TVA 20 % sur 1 000,00 €');
  await expect(totals).toContainText('1 200,00 €');
  // A quantity that is not a number is refused beside its field, and nothing is sent.
  await member.getByRole('button', { name: 'Ajouter une ligne' }).click();
  await member.getByLabel('Désignation (ligne 2)').fill('Frais de déplacement');
  await member.getByLabel('Quantité (ligne 2)').fill('deux');
  await member.getByLabel('Prix unitaire HT (ligne 2)').fill('35');
  await member.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  await expect(member.getByText('Corrigez les champs signalés.')).toBeVisible();
  await expect(member.getByText('Quantité invalide', { exact: false })).toBeVisible();
  await member.getByRole('button', { name: 'Supprimer la ligne 2' }).click();
  await member.getByRole('button', { name: 'Envoyer le devis' }).click();
  await member
    .getByRole('dialog', { name: 'Envoyer le devis ?' })
    .getByRole('button', { name: 'Envoyer' })
    .click();
  await expect(member.getByRole('heading', { level: 1, name: /^Devis \S+$/ })).toBeVisible();

  // The client accepts; the quote becomes its balance invoice (the whole quote, nothing invoiced before).
  await member.getByRole('button', { name: 'Accepté par le client' }).click();
  await member
    .getByRole('dialog', { name: 'Le client a accepté ce devis ?' })
    .getByRole('button', { name: 'Accepté par le client' })
    .click();
  await expect(member.getByText('Accepté', { exact: true })).toBeVisible();
  await member.getByRole('button', { name: 'Facturer' }).click();
  const convert = member.getByRole('dialog', { name: /^Facturer le devis/ });
  await expect(convert).toContainText('1 000,00 € HT');
  await convert.getByLabel(/^Solde/).check();
  await convert.getByRole('button', { name: 'Créer la facture' }).click();
  await expect(member.getByRole('heading', { level: 1, name: `Facture — ${clientName}` })).toBeVisible();
  await expect(member.getByText('Facture de solde d’un devis')).toBeVisible();
  await member.getByRole('button', { name: 'Soumettre à validation' }).click();
  await expect(member.getByText('En attente de validation')).toBeVisible();
  const invoiceUrl = member.url();

  // The validation queue is support's: a member neither sees it in the navigation nor opens it.
  await expect(member.getByRole('navigation').getByRole('link', { name: 'Factures à valider' })).toHaveCount(
    0,
  );
  await member.goto('/sales/validations');
  await expect(member.getByRole('heading', { level: 1, name: 'Accès réservé' })).toBeVisible();

  // Support validates it from the queue.
  const staff = await asPerson(browser, support);
  await staff.getByRole('navigation').getByRole('link', { name: 'Factures à valider' }).click();
  await staff
    .getByRole('button', { name: `Valider la facture de ${clientName}` })
    .first()
    .click();
  const approve = staff.getByRole('dialog', { name: 'Valider cette facture ?' });
  await expect(approve).toContainText('1 200,00 €');
  await approve.getByRole('button', { name: 'Valider' }).click();
  await expect(approve).toBeHidden();
  await expect(staff.getByRole('button', { name: `Valider la facture de ${clientName}` })).toHaveCount(0);

  // The member issues it: a number, the PDF, and what remains due.
  await member.goto(invoiceUrl);
  await expect(member.getByText('Facture validée')).toBeVisible();
  await member.getByRole('button', { name: 'Émettre la facture' }).click();
  const confirm = member.getByRole('dialog', { name: 'Émettre la facture ?' });
  await expect(confirm).toContainText('définitif');
  await confirm.getByRole('button', { name: 'Émettre définitivement' }).click();
  const title = member.getByRole('heading', { level: 1, name: /^Facture \S+$/ });
  await expect(title).toBeVisible();
  const number = (await title.textContent())!.replace('Facture ', '');
  await expect(member.getByText('Non payée')).toBeVisible();
  await expect(member.getByTitle(`Aperçu de Facture ${number}`)).toBeVisible();

  // The preview frame is the stored PDF, frameable by this application only; the download stays an attachment.
  const pdfUrl = await member.getByRole('link', { name: 'Télécharger le PDF' }).getAttribute('href');
  const preview = await member.request.get(`${pdfUrl}?inline=1`);
  expect(preview.headers()['content-disposition']).toMatch(/^inline;/);
  expect(preview.headers()['x-frame-options']).toBe('SAMEORIGIN');
  expect(preview.headers()['content-security-policy']).toBe("frame-ancestors 'self'");
  expect((await member.request.get(pdfUrl!)).headers()['x-frame-options']).toBe('DENY');

  const [download] = await Promise.all([
    member.waitForEvent('download'),
    member.getByRole('link', { name: 'Télécharger le PDF' }).click(),
  ]);
  const path = await download.path();
  expect(readFileSync(path!).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);

  // A payment above what is due is refused beside the field; the exact amount pays it.
  await member.getByRole('button', { name: 'Enregistrer un paiement' }).click();
  const pay = member.getByRole('dialog', { name: 'Enregistrer un paiement' });
  await expect(pay.getByLabel('Montant reçu')).toHaveValue('1200,00');
  await pay.getByLabel('Montant reçu').fill('1500');
  await pay.getByRole('button', { name: 'Enregistrer le paiement' }).click();
  await expect(pay.getByText('Au plus 1 200,00 €')).toBeVisible();
  await pay.getByLabel('Montant reçu').fill('1200');
  await pay.getByRole('button', { name: 'Enregistrer le paiement' }).click();
  await expect(pay).toBeHidden();
  await expect(member.getByText('Payée', { exact: true })).toBeVisible();
  await expect(member.getByRole('button', { name: 'Enregistrer un paiement' })).toHaveCount(0);

  // The list finds it among the paid invoices, and the client page shows nothing left to pay.
  await member.getByRole('navigation').getByRole('link', { name: 'Factures', exact: true }).click();
  await member.getByRole('combobox', { name: 'Paiement' }).click();
  await member.getByRole('option', { name: 'Payée', exact: true }).click();
  await expect(member.getByRole('link', { name: number })).toBeVisible();
});
