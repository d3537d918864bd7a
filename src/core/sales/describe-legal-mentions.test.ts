import { describe, expect, it } from 'vitest';
import { creditorReference } from '../bank/creditor-reference.ts';
import { computeDocumentTotals } from './compute-document-totals.ts';
import { describeLegalMentions, paymentReference } from './describe-legal-mentions.ts';
import type { DocumentBody } from './document-line.ts';
import { legalMentions } from './legal-mentions.ts';
import type { SalesDocumentView } from './sales-document-view.ts';

const body: DocumentBody = {
  sections: [
    {
      title: null,
      lines: [
        {
          description: 'Accompagnement',
          quantity: '3.5',
          unit: 'HUR',
          unitPriceCents: 6_000,
          vat: { kind: 'rate', rateBp: 2000 },
          discount: null,
          kind: 'services',
        },
      ],
    },
  ],
  discount: null,
};

const view = (over: Partial<SalesDocumentView> = {}): SalesDocumentView => ({
  type: 'invoice',
  number: 'F2026-00001',
  issueDate: '2026-03-02',
  deliveryDate: '2026-02-27',
  dueDate: '2026-04-01',
  paymentTerms: { kind: 'days', days: 30 },
  seller: {
    legalName: 'Coopérative Exemple',
    legalForm: 'SCOP_SA',
    variableCapital: true,
    siren: '732829320',
    rcsCity: 'Nanterre',
    vatNumber: 'FR44732829320',
    address: { line1: '1 rue de la Paix', line2: '', postalCode: '75002', city: 'Paris', country: 'FR' },
    email: 'contact@example.coop',
    phone: '',
    iban: 'FR7630006000011234567890189',
    bic: 'AGRIFRPP',
  },
  activity: { code: 'BOIS', brandName: 'Atelier Bois' },
  client: {
    kind: 'company',
    name: 'Client SAS',
    address: { line1: '3 place Bellecour', line2: '', postalCode: '69002', city: 'Lyon', country: 'FR' },
    siren: '552100554',
    vatNumber: null,
    email: null,
  },
  deliveryAddress: null,
  body,
  totals: computeDocumentTotals(body),
  vatOnDebits: false,
  latePenaltyRateBp: 1215,
  precedingInvoice: null,
  quoteReference: null,
  purchaseOrderReference: null,
  notes: null,
  ...over,
});

const keys = (v: SalesDocumentView) => describeLegalMentions(v).map((m) => m.key);

describe('legal mentions', () => {
  it('lists every mention that always applies, with its text', () => {
    const mentions = describeLegalMentions(view());
    for (const m of legalMentions.filter((x) => x.when === 'always')) expect(keys(view())).toContain(m.key);
    const text = Object.fromEntries(mentions.map((m) => [m.key, m.texts]));
    expect(text.sellerLegalForm).toEqual([
      'Société coopérative et participative, société anonyme à capital variable',
    ]);
    expect(text.sellerRcs).toEqual(['RCS Nanterre 732 829 320']);
    expect(text.totals).toEqual([
      'Total HT 210,00\u00a0€',
      'Total TVA 42,00\u00a0€',
      'Total TTC 252,00\u00a0€',
    ]);
    expect(text.vatRegime).toEqual(['TVA acquittée sur les encaissements']);
    expect(text.operationCategory).toEqual(['Catégorie de l’opération : prestation de services']);
  });

  it('prints the €40 indemnity for business clients only', () => {
    expect(keys(view())).toContain('recoveryIndemnity');
    const individual = view({ client: { ...view().client, kind: 'individual', siren: null } });
    expect(keys(individual)).not.toContain('recoveryIndemnity');
    expect(keys(individual)).not.toContain('clientSiren');
  });

  it('prints the débits option, the delivery address, and the corrected invoice of a credit note', () => {
    const v = view({
      type: 'creditNote',
      vatOnDebits: true,
      precedingInvoice: { number: 'F2026-00001', issueDate: '2026-03-02' },
      deliveryAddress: { line1: 'Chantier', line2: '', postalCode: '33000', city: 'Bordeaux', country: 'FR' },
    });
    const text = Object.fromEntries(describeLegalMentions(v).map((m) => [m.key, m.texts]));
    expect(text.vatRegime).toEqual(['Option pour le paiement de la taxe d’après les débits']);
    expect(text.precedingInvoice).toEqual(['Avoir sur la facture n° F2026-00001 du 02/03/2026']);
    expect(text.deliveryAddress).toEqual(['Adresse de livraison : Chantier, 33000 Bordeaux']);
    expect(text.documentNumber).toEqual(['Avoir n° F2026-00001']);
  });

  it('asks the client to quote the RF creditor reference derived from the number, beside the bank details', () => {
    const bank = (v: SalesDocumentView) =>
      describeLegalMentions(v).find((m) => m.key === 'bankDetails')!.texts;
    expect(paymentReference(view())).toBe('RF36F202600001');
    expect(bank(view())).toEqual([
      'IBAN FR76 3000 6000 0112 3456 7890 189',
      'BIC AGRIFRPP',
      'Référence de paiement : RF36 F202 6000 01',
      'Merci d’indiquer cette référence dans le libellé de votre virement.',
    ]);
    expect(paymentReference(view({ type: 'deposit', number: 'FA-2026/7' }))).toBe(
      creditorReference('FA20267'),
    );
    // A credit note is not paid by the client: no reference to quote.
    expect(paymentReference(view({ type: 'creditNote' }))).toBeNull();
    expect(bank(view({ type: 'creditNote' }))).toHaveLength(2);
  });
});
