import { creditorReference, formatCreditorReference } from '../bank/creditor-reference.ts';
import { legalFormLabel } from '../cooperative/legal-forms.ts';
import { formatIban } from '../identity/bank-details.ts';
import { formatDateFr, formatEuros, formatQuantityFr, formatSiren } from './format-fr.ts';
import { formatRateBp, RECOVERY_INDEMNITY_CENTS } from './late-penalty.ts';
import { type LegalMentionCondition, type LegalMentionKey, legalMentions } from './legal-mentions.ts';
import { describePaymentTerms } from './payment-terms.ts';
import {
  documentTypeTitles,
  formatAddress,
  isBusinessClient,
  type SalesDocumentView,
} from './sales-document-view.ts';

export interface MentionText {
  key: LegalMentionKey;
  texts: string[];
}

const categoryLabels = {
  goods: 'livraison de biens',
  services: 'prestation de services',
  both: 'mixte (livraison de biens et prestation de services)',
} as const;

export function vatGroupLabel(g: { category: string; rateBp: number }): string {
  return g.category === 'S' ? `TVA ${formatRateBp(g.rateBp)}` : 'Exonéré';
}

export function appliesTo(when: LegalMentionCondition, doc: SalesDocumentView): boolean {
  const lines = doc.body.sections.flatMap((s) => s.lines);
  switch (when) {
    case 'always':
      return true;
    case 'clientHasSiren':
      return doc.client.siren !== null;
    case 'deliveryAddressDiffers':
      return doc.deliveryAddress !== null;
    case 'hasDiscount':
      return doc.body.discount !== null || lines.some((l) => l.discount !== null);
    case 'hasExemption':
      return doc.totals.vatBreakdown.some((g) => g.category !== 'S');
    case 'businessClient':
      return isBusinessClient(doc.client);
    case 'servicesWithVat':
      return lines.some((l) => l.kind === 'services' && l.vat.kind === 'rate');
    case 'creditNote':
      return doc.type === 'creditNote';
    case 'hasPurchaseOrder':
      return doc.purchaseOrderReference !== null;
  }
}

/**
 * The ISO 11649 creditor reference the client is asked to quote (BT-83 in the Factur-X XML), derived from the
 * number so the bank matcher finds the invoice again (issue 9 §3). A credit note is not paid by the client: none.
 */
export function paymentReference(doc: Pick<SalesDocumentView, 'type' | 'number'>): string | null {
  return doc.type === 'creditNote' ? null : creditorReference(doc.number);
}

/** The exact text of every mention that applies to the document, in the order of `legalMentions`. */
export function describeLegalMentions(doc: SalesDocumentView): MentionText[] {
  const s = doc.seller;
  const t = doc.totals;
  const lines = doc.body.sections.flatMap((sec) => sec.lines);
  const text: Record<LegalMentionKey, () => string[]> = {
    sellerName: () => [s.legalName],
    sellerLegalForm: () => [legalFormLabel(s.legalForm, s.variableCapital)],
    sellerSiren: () => [`SIREN ${formatSiren(s.siren)}`],
    sellerRcs: () => [`RCS ${s.rcsCity} ${formatSiren(s.siren)}`],
    sellerVatNumber: () => [`N° TVA intracommunautaire : ${s.vatNumber}`],
    sellerAddress: () => [formatAddress(s.address)],
    activityBrand: () => [`Activité : ${doc.activity.brandName}`],
    clientName: () => [doc.client.name],
    clientAddress: () => [formatAddress(doc.client.address)],
    clientSiren: () => [`SIREN du client : ${formatSiren(doc.client.siren ?? '')}`],
    deliveryAddress: () => [
      `Adresse de livraison : ${doc.deliveryAddress ? formatAddress(doc.deliveryAddress) : ''}`,
    ],
    issueDate: () => [`Date d’émission : ${formatDateFr(doc.issueDate)}`],
    documentNumber: () => [`${documentTypeTitles[doc.type]} n° ${doc.number}`],
    deliveryDate: () => [
      `${t.category === 'goods' ? 'Date de livraison' : 'Date de réalisation'} : ${formatDateFr(doc.deliveryDate)}`,
    ],
    operationCategory: () => [`Catégorie de l’opération : ${categoryLabels[t.category]}`],
    lines: () =>
      lines.flatMap((l) => [
        l.description,
        formatQuantityFr(l.quantity),
        formatEuros(l.unitPriceCents),
        l.vat.kind === 'rate' ? formatRateBp(l.vat.rateBp) : 'Exonéré',
      ]),
    discounts: () => [
      ...t.lines
        .filter((l) => l.discountCents !== 0)
        .map((l) => `Remise -${formatEuros(Math.abs(l.discountCents))}`),
      ...(t.allowanceTotalCents !== 0 ? [`Remise globale -${formatEuros(t.allowanceTotalCents)}`] : []),
    ],
    vatPerRate: () =>
      t.vatBreakdown.map(
        (g) => `${vatGroupLabel(g)} sur ${formatEuros(g.baseCents)} : ${formatEuros(g.vatCents)}`,
      ),
    exemptionText: () => t.vatBreakdown.filter((g) => g.exemption).map((g) => g.exemption!.text),
    totals: () => [
      `Total HT ${formatEuros(t.taxExclusiveCents)}`,
      `Total TVA ${formatEuros(t.vatTotalCents)}`,
      `Total TTC ${formatEuros(t.taxInclusiveCents)}`,
    ],
    dueDate: () => [`Échéance : ${formatDateFr(doc.dueDate)} (${describePaymentTerms(doc.paymentTerms)})`],
    earlyPaymentDiscount: () => ['Escompte pour paiement anticipé : néant'],
    latePenaltyRate: () => [
      `Pénalités de retard : ${formatRateBp(doc.latePenaltyRateBp)} par an, exigibles sans rappel le jour suivant l’échéance`,
    ],
    recoveryIndemnity: () => [
      `Indemnité forfaitaire pour frais de recouvrement en cas de retard de paiement : ${formatEuros(RECOVERY_INDEMNITY_CENTS)}`,
    ],
    vatRegime: () => [
      doc.vatOnDebits
        ? 'Option pour le paiement de la taxe d’après les débits'
        : 'TVA acquittée sur les encaissements',
    ],
    bankDetails: () => {
      const reference = paymentReference(doc);
      return [
        `IBAN ${formatIban(s.iban)}`,
        `BIC ${s.bic}`,
        ...(reference
          ? [
              `Référence de paiement : ${formatCreditorReference(reference)}`,
              'Merci d’indiquer cette référence dans le libellé de votre virement.',
            ]
          : []),
      ];
    },
    precedingInvoice: () => [
      doc.precedingInvoice
        ? `Avoir sur la facture n° ${doc.precedingInvoice.number} du ${formatDateFr(doc.precedingInvoice.issueDate)}`
        : '',
    ],
    purchaseOrder: () => [`Bon de commande n° ${doc.purchaseOrderReference ?? ''}`],
  };
  return legalMentions
    .filter((m) => appliesTo(m.when, doc))
    .map((m) => ({ key: m.key, texts: text[m.key]() }));
}
