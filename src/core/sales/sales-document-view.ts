import type { CooperativeIdentity } from '../cooperative/cooperative-identity.ts';
import type { DocumentTotals } from './compute-document-totals.ts';
import type { DocumentBody } from './document-line.ts';
import type { PaymentTerms } from './payment-terms.ts';

/**
 * Everything an issued document prints and its Factur-X XML carries. Built once when the document is
 * issued; the PDF, the XML and the database all read their figures from `totals`.
 */
export type SalesDocumentType = 'invoice' | 'deposit' | 'creditNote';

/** UNTDID 1001 document type codes (BT-3): commercial invoice, prepayment invoice, credit note. */
export const documentTypeCodes = { invoice: '380', deposit: '386', creditNote: '381' } as const;

export const documentTypeTitles = {
  invoice: 'Facture',
  deposit: "Facture d'acompte",
  creditNote: 'Avoir',
} as const;

export interface PartyAddress {
  line1: string;
  line2: string;
  postalCode: string;
  city: string;
  /** ISO 3166-1 alpha-2 */
  country: string;
}

export type ClientKind = 'company' | 'individual' | 'publicBody';

export interface SalesClient {
  kind: ClientKind;
  name: string;
  address: PartyAddress;
  siren: string | null;
  vatNumber: string | null;
  email: string | null;
}

export type SalesSeller = Pick<
  CooperativeIdentity,
  | 'legalName'
  | 'legalForm'
  | 'variableCapital'
  | 'siren'
  | 'rcsCity'
  | 'vatNumber'
  | 'email'
  | 'phone'
  | 'iban'
  | 'bic'
> & { address: PartyAddress };

export interface SalesDocumentView {
  type: SalesDocumentType;
  number: string;
  issueDate: string;
  /** Date of the delivery or of the end of the service (BT-72): always set, the XML needs it. */
  deliveryDate: string;
  dueDate: string;
  paymentTerms: PaymentTerms;
  seller: SalesSeller;
  activity: { code: string; brandName: string };
  client: SalesClient;
  /** Only when it differs from the client's address. */
  deliveryAddress: PartyAddress | null;
  body: DocumentBody;
  totals: DocumentTotals;
  /** The cooperative opted to pay VAT on services when invoicing ("débits") rather than on receipt. */
  vatOnDebits: boolean;
  latePenaltyRateBp: number;
  /** Credit notes: the invoice they correct. */
  precedingInvoice: { number: string; issueDate: string } | null;
  quoteReference: string | null;
  purchaseOrderReference: string | null;
  notes: string | null;
}

export function isBusinessClient(client: SalesClient): boolean {
  return client.kind !== 'individual';
}

export function formatAddress(a: PartyAddress): string {
  const country = a.country === 'FR' ? '' : `, ${a.country}`;
  return `${[a.line1, a.line2].filter(Boolean).join(', ')}, ${a.postalCode} ${a.city}${country}`;
}
