/**
 * What a French invoice or credit note must print (cae-domain.md §4.1), as data: each mention with its
 * source and when it applies. `describeLegalMentions` gives the exact text of each for a document; the
 * PDF prints those texts and the tests look for every one of them in the PDF.
 */
export const legalMentions = [
  { key: 'sellerName', when: 'always', source: 'CGI ann. II art. 242 nonies A, 1°' },
  {
    key: 'sellerLegalForm',
    when: 'always',
    source: 'C. com. R123-238; statutes (form "à capital variable")',
  },
  { key: 'sellerSiren', when: 'always', source: 'CGI ann. II art. 242 nonies A, 1°; C. com. R123-237' },
  { key: 'sellerRcs', when: 'always', source: 'C. com. R123-237 (RCS and its city)' },
  { key: 'sellerVatNumber', when: 'always', source: 'CGI ann. II art. 242 nonies A, 2°' },
  { key: 'sellerAddress', when: 'always', source: 'CGI ann. II art. 242 nonies A, 1°' },
  {
    key: 'activityBrand',
    when: 'always',
    source: 'CAE practice: the member’s brand beside the legal identity',
  },
  { key: 'clientName', when: 'always', source: 'CGI ann. II art. 242 nonies A, 1°' },
  { key: 'clientAddress', when: 'always', source: 'CGI ann. II art. 242 nonies A, 1°' },
  {
    key: 'clientSiren',
    when: 'clientHasSiren',
    source: 'CGI art. 242 nonies A as amended for e-invoicing (2026)',
  },
  {
    key: 'deliveryAddress',
    when: 'deliveryAddressDiffers',
    source: 'CGI art. 242 nonies A as amended (2026)',
  },
  { key: 'issueDate', when: 'always', source: 'CGI ann. II art. 242 nonies A, 6°' },
  {
    key: 'documentNumber',
    when: 'always',
    source: 'CGI ann. II art. 242 nonies A, 7° (continuous sequence)',
  },
  { key: 'deliveryDate', when: 'always', source: 'CGI ann. II art. 242 nonies A, 9°' },
  {
    key: 'operationCategory',
    when: 'always',
    source: 'CGI art. 242 nonies A as amended (2026): goods/services/both',
  },
  {
    key: 'lines',
    when: 'always',
    source: 'CGI ann. II art. 242 nonies A, 8° and 9° (quantity, description, unit price excl. VAT, rate)',
  },
  { key: 'discounts', when: 'hasDiscount', source: 'CGI ann. II art. 242 nonies A, 10°; C. com. L441-9' },
  { key: 'vatPerRate', when: 'always', source: 'CGI ann. II art. 242 nonies A, 11° and 12°' },
  { key: 'exemptionText', when: 'hasExemption', source: 'CGI ann. II art. 242 nonies A, 13°' },
  { key: 'totals', when: 'always', source: 'CGI ann. II art. 242 nonies A, 11°' },
  { key: 'dueDate', when: 'always', source: 'C. com. L441-9' },
  { key: 'earlyPaymentDiscount', when: 'always', source: 'C. com. L441-9 (conditions d’escompte)' },
  { key: 'latePenaltyRate', when: 'always', source: 'C. com. L441-9 and L441-10 II' },
  { key: 'recoveryIndemnity', when: 'businessClient', source: 'C. com. L441-10 II, D441-5 (€40)' },
  {
    key: 'vatRegime',
    when: 'servicesWithVat',
    source: 'CGI art. 269-2 c; ann. II art. 242 nonies A, 16° ("débits" option)',
  },
  {
    key: 'bankDetails',
    when: 'always',
    source: 'CAE practice: the cooperative’s account receives every payment',
  },
  {
    key: 'precedingInvoice',
    when: 'creditNote',
    source: 'CGI ann. II art. 242 nonies A, 7° and BOFiP (reference to the corrected invoice)',
  },
  { key: 'purchaseOrder', when: 'hasPurchaseOrder', source: 'C. com. L441-9 (purchase-order number)' },
] as const;

export type LegalMentionKey = (typeof legalMentions)[number]['key'];
export type LegalMentionCondition = (typeof legalMentions)[number]['when'];
