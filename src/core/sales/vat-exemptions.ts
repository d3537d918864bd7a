import { z } from 'zod';

/**
 * Lines without French VAT, each with its EN 16931 VAT category (UNCL 5305), its VATEX reason code and
 * the text the invoice must print instead of a rate (CGI ann. II art. 242 nonies A, 13°).
 * The categories AE, K and G also need the buyer's VAT number (BR-AE-02, BR-IC-02): see
 * `exemptionNeedsBuyerVatNumber`.
 */
export const vatExemptions = {
  training: {
    category: 'E',
    vatexCode: 'VATEX-FR-CGI261-4',
    text: 'Exonération de TVA, article 261-4-4° a du CGI (formation professionnelle continue)',
  },
  health: {
    category: 'E',
    vatexCode: 'VATEX-FR-CGI261-4',
    text: 'Exonération de TVA, article 261-4-1° du CGI (soins dispensés par les professions de santé)',
  },
  disbursement: {
    category: 'E',
    vatexCode: 'VATEX-EU-79-C',
    text: 'Débours refacturés au coût exact, exclus de la base imposable (article 267 II-2° du CGI)',
  },
  intraEuServices: {
    category: 'AE',
    vatexCode: 'VATEX-EU-AE',
    text: 'Autoliquidation : TVA due par le preneur (article 283-2 du CGI, article 196 de la directive 2006/112/CE)',
  },
  intraEuGoods: {
    category: 'K',
    vatexCode: 'VATEX-EU-IC',
    text: 'Exonération de TVA, article 262 ter I du CGI (livraison intracommunautaire)',
  },
  export: {
    category: 'G',
    vatexCode: 'VATEX-EU-G',
    text: 'Exonération de TVA, article 262 I du CGI (exportation hors de l’Union européenne)',
  },
  other: {
    category: 'E',
    vatexCode: null,
    text: null,
  },
} as const satisfies Record<
  string,
  { category: 'E' | 'AE' | 'K' | 'G'; vatexCode: string | null; text: string | null }
>;

export type VatExemptionKey = keyof typeof vatExemptions;
export const VatExemptionKey = z.enum(Object.keys(vatExemptions) as [VatExemptionKey, ...VatExemptionKey[]]);
export type VatCategory = 'S' | 'E' | 'AE' | 'K' | 'G';

/** The text printed for an exempt line: the standard text, or the reason given for "other". */
export function exemptionText(key: VatExemptionKey, reason: string | null | undefined): string {
  return vatExemptions[key].text ?? reason ?? '';
}

export function exemptionNeedsBuyerVatNumber(key: VatExemptionKey): boolean {
  const c = vatExemptions[key].category;
  return c === 'AE' || c === 'K';
}
