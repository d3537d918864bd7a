import { computeDocumentTotals } from '../../core/sales/compute-document-totals.ts';
import type { DocumentBody, DocumentLine } from '../../core/sales/document-line.ts';
import { balanceInvoiceBody, basesByGroup, partialInvoiceBody } from '../../core/sales/progress-invoicing.ts';
import type { SalesClient, SalesDocumentView, SalesSeller } from '../../core/sales/sales-document-view.ts';

/**
 * Example documents covering every kind the issue asks the EN 16931 rules to be run on (tests and
 * benchmarks). The identities are made up; their SIREN, VAT and IBAN check digits are valid.
 */
export const sampleSeller: SalesSeller = {
  legalName: 'Coopérative Exemple',
  legalForm: 'SCOP_SA',
  variableCapital: true,
  siren: '443061841',
  rcsCity: 'Nanterre',
  vatNumber: 'FR64443061841',
  address: {
    line1: '12 rue des Artisans',
    line2: 'Bâtiment B',
    postalCode: '92000',
    city: 'Nanterre',
    country: 'FR',
  },
  email: 'facturation@exemple.coop',
  phone: '01 23 45 67 89',
  iban: 'FR7630006000011234567890189',
  bic: 'AGRIFRPP',
};

export const sampleCompanyClient: SalesClient = {
  kind: 'company',
  name: 'Menuiseries du Rhône SARL',
  address: { line1: '3 place Bellecour', line2: '', postalCode: '69002', city: 'Lyon', country: 'FR' },
  siren: '842166100',
  vatNumber: 'FR34842166100',
  email: 'compta@menuiseries-rhone.example',
};

export const sampleIndividualClient: SalesClient = {
  kind: 'individual',
  name: 'Camille Martin',
  address: { line1: '8 allée des Tilleuls', line2: '', postalCode: '33000', city: 'Bordeaux', country: 'FR' },
  siren: null,
  vatNumber: null,
  email: null,
};

export const line = (over: Partial<DocumentLine>): DocumentLine => ({
  description: 'Prestation',
  quantity: '1',
  unit: 'C62',
  unitPriceCents: 10_000,
  vat: { kind: 'rate', rateBp: 2000 },
  discount: null,
  kind: 'services',
  ...over,
});

const quoteBody: DocumentBody = {
  sections: [
    {
      title: 'Conception',
      lines: [
        line({ description: 'Relevés et plans', quantity: '2.5', unit: 'DAY', unitPriceCents: 48_000 }),
        line({ description: 'Rendu 3D', quantity: '1', unit: 'LS', unitPriceCents: 35_000 }),
      ],
    },
    {
      title: 'Fabrication',
      lines: [
        line({
          description: 'Chêne massif, plateau 200 × 90',
          quantity: '1',
          unitPriceCents: 180_000,
          kind: 'goods',
        }),
        line({
          description: 'Pose (logement de plus de deux ans)',
          quantity: '6',
          unit: 'HUR',
          unitPriceCents: 5_500,
          vat: { kind: 'rate', rateBp: 1000 },
        }),
      ],
    },
  ],
  discount: { kind: 'percent', bp: 500 },
};

export function sampleView(body: DocumentBody, over: Partial<SalesDocumentView> = {}): SalesDocumentView {
  return {
    type: 'invoice',
    number: 'F2026-00042',
    issueDate: '2026-03-02',
    deliveryDate: '2026-02-27',
    dueDate: '2026-04-01',
    paymentTerms: { kind: 'days', days: 30 },
    seller: sampleSeller,
    activity: { code: 'BOIS', brandName: 'Atelier Copeaux' },
    client: sampleCompanyClient,
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
  };
}

export function sampleSalesDocuments(): Record<string, SalesDocumentView> {
  const oneRate = sampleView({
    sections: [
      {
        title: null,
        lines: [
          line({ description: 'Atelier d’écriture (demi-journée)', quantity: '2', unitPriceCents: 45_000 }),
          line({ description: 'Frais de préparation', quantity: '1', unit: 'LS', unitPriceCents: 6_050 }),
        ],
      },
    ],
    discount: null,
  });
  const severalRates = sampleView(
    {
      sections: [
        {
          title: null,
          lines: [
            line({ description: 'Conseil', quantity: '3.25', unit: 'HUR', unitPriceCents: 7_333 }),
            line({
              description: 'Travaux de rénovation énergétique',
              quantity: '1',
              unitPriceCents: 123_456,
              vat: { kind: 'rate', rateBp: 550 },
            }),
            line({
              description: 'Travaux d’entretien',
              quantity: '2',
              unitPriceCents: 9_999,
              vat: { kind: 'rate', rateBp: 1000 },
            }),
            line({
              description: 'Livre',
              quantity: '4',
              unitPriceCents: 1_899,
              vat: { kind: 'rate', rateBp: 550 },
              kind: 'goods',
            }),
            line({
              description: 'Presse',
              quantity: '10',
              unitPriceCents: 150,
              vat: { kind: 'rate', rateBp: 210 },
              kind: 'goods',
            }),
          ],
        },
      ],
      discount: null,
    },
    { number: 'F2026-00043', purchaseOrderReference: 'BC-2026-118' },
  );
  const discounts = sampleView(
    {
      sections: [
        {
          title: null,
          lines: [
            line({
              description: 'Site vitrine',
              unitPriceCents: 250_000,
              discount: { kind: 'percent', bp: 1250 },
            }),
            line({
              description: 'Hébergement annuel',
              unit: 'ANN',
              unitPriceCents: 12_000,
              discount: { kind: 'amount', cents: 2_001 },
            }),
            line({
              description: 'Impression flyers',
              quantity: '500',
              unitPriceCents: 7,
              vat: { kind: 'rate', rateBp: 1000 },
              kind: 'goods',
            }),
          ],
        },
      ],
      discount: { kind: 'amount', cents: 3_333 },
    },
    { number: 'F2026-00044' },
  );
  const exemptLine = sampleView(
    {
      sections: [
        {
          title: null,
          lines: [
            line({
              description: 'Formation « Gérer sa trésorerie » (2 jours)',
              quantity: '2',
              unit: 'DAY',
              unitPriceCents: 70_000,
              vat: { kind: 'exempt', exemption: 'training', reason: null },
            }),
            line({
              description: 'Support de cours imprimé',
              quantity: '8',
              unitPriceCents: 1_250,
              kind: 'goods',
            }),
          ],
        },
      ],
      discount: null,
    },
    {
      number: 'F2026-00045',
      deliveryAddress: {
        line1: 'Salle des fêtes',
        line2: '',
        postalCode: '69100',
        city: 'Villeurbanne',
        country: 'FR',
      },
    },
  );
  const quote = { body: quoteBody, reference: 'D2026-0007' };
  const depositBody = partialInvoiceBody(quote, new Map(), { kind: 'percent', bp: 3000 }, 'Acompte');
  const deposit = sampleView(depositBody, {
    type: 'deposit',
    number: 'F2026-00046',
    quoteReference: 'D2026-0007',
  });
  const balance = sampleView(
    balanceInvoiceBody(quote, [
      {
        number: 'F2026-00046',
        issueDate: '2026-03-02',
        billedByGroup: basesByGroup(computeDocumentTotals(depositBody)),
      },
    ]),
    {
      number: 'F2026-00051',
      issueDate: '2026-04-15',
      deliveryDate: '2026-04-10',
      dueDate: '2026-05-15',
      quoteReference: 'D2026-0007',
    },
  );
  const creditNote = sampleView(
    {
      sections: [
        {
          title: null,
          lines: [
            line({ description: 'Frais de préparation non engagés', unit: 'LS', unitPriceCents: 6_050 }),
          ],
        },
      ],
      discount: null,
    },
    {
      type: 'creditNote',
      number: 'F2026-00052',
      issueDate: '2026-03-20',
      dueDate: '2026-03-20',
      paymentTerms: { kind: 'days', days: 0 },
      precedingInvoice: { number: oneRate.number, issueDate: oneRate.issueDate },
    },
  );
  const individual = sampleView(oneRate.body, {
    number: 'F2026-00053',
    client: sampleIndividualClient,
    vatOnDebits: true,
    notes: 'Merci pour votre confiance.',
  });
  return { oneRate, severalRates, discounts, exemptLine, deposit, balance, creditNote, individual };
}
