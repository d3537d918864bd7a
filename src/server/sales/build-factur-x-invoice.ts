import type { Invoice } from '@e-invoice-eu/core';
import { legalFormLabel } from '../../core/cooperative/legal-forms.ts';
import type { VatGroup } from '../../core/sales/compute-document-totals.ts';
import { formatQuantity, parseQuantity } from '../../core/sales/decimal-quantity.ts';
import { describeLegalMentions, paymentReference } from '../../core/sales/describe-legal-mentions.ts';
import { describePaymentTerms } from '../../core/sales/payment-terms.ts';
import {
  documentTypeCodes,
  type PartyAddress,
  type SalesDocumentView,
} from '../../core/sales/sales-document-view.ts';
import { vatExemptions } from '../../core/sales/vat-exemptions.ts';

type UblInvoice = Invoice['ubl:Invoice'];

/** Integer cents as an EN 16931 amount: two decimals, no float on the way (BR-DEC). */
export function centsToDecimal(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function percent(rateBp: number): string {
  return centsToDecimal(rateBp).replace(/\.?0+$/, '') || '0';
}

function address(a: PartyAddress) {
  return {
    'cbc:StreetName': a.line1,
    ...(a.line2 ? { 'cbc:AdditionalStreetName': a.line2 } : {}),
    'cbc:CityName': a.city,
    'cbc:PostalZone': a.postalCode,
    'cac:Country': { 'cbc:IdentificationCode': a.country },
  } as UblInvoice['cac:AccountingSupplierParty']['cac:Party']['cac:PostalAddress'];
}

function taxCategory(g: Pick<VatGroup, 'category' | 'rateBp'>) {
  return { 'cbc:ID': g.category, 'cbc:Percent': percent(g.rateBp), 'cac:TaxScheme': { 'cbc:ID': 'VAT' } };
}

/**
 * The document in @e-invoice-eu/core's internal (UBL-shaped) format, from which the library writes the
 * CII XML of Factur-X EN 16931. Every amount comes from `doc.totals`, the same figures the PDF prints
 * and the database stores. A delivery date is always given: without one the library silently drops the
 * delivery element that CII requires.
 */
export function buildFacturXInvoice(doc: SalesDocumentView): Invoice {
  const t = doc.totals;
  const s = doc.seller;
  const eur = 'EUR' as const;
  const mentions = new Map(describeLegalMentions(doc).map((m) => [m.key, m.texts.join(' ')]));
  const groups = new Map(t.vatBreakdown.map((g) => [g.key, g]));
  const lines = doc.body.sections.flatMap((section) => section.lines);
  const notes = [
    mentions.get('latePenaltyRate'),
    mentions.get('recoveryIndemnity'),
    mentions.get('earlyPaymentDiscount'),
    mentions.get('vatRegime'),
    mentions.get('operationCategory'),
    doc.notes ?? undefined,
  ].filter((n): n is string => Boolean(n));

  const invoice: UblInvoice = {
    'cbc:ID': doc.number,
    'cbc:IssueDate': doc.issueDate,
    'cbc:DueDate': doc.dueDate,
    'cbc:InvoiceTypeCode': documentTypeCodes[doc.type],
    'cbc:Note': notes,
    'cbc:DocumentCurrencyCode': eur,
    ...(doc.purchaseOrderReference ? { 'cac:OrderReference': { 'cbc:ID': doc.purchaseOrderReference } } : {}),
    ...(doc.precedingInvoice
      ? {
          'cac:BillingReference': [
            {
              'cac:InvoiceDocumentReference': {
                'cbc:ID': doc.precedingInvoice.number,
                'cbc:IssueDate': doc.precedingInvoice.issueDate,
              },
            },
          ],
        }
      : {}),
    ...(doc.quoteReference
      ? {
          'cac:AdditionalDocumentReference': [
            { 'cbc:ID': doc.quoteReference, 'cbc:DocumentDescription': 'Devis' },
          ],
        }
      : {}),
    'cac:AccountingSupplierParty': {
      'cac:Party': {
        'cac:PartyName': { 'cbc:Name': doc.activity.brandName },
        'cac:PostalAddress': address(s.address),
        'cac:PartyTaxScheme': [{ 'cbc:CompanyID': s.vatNumber, 'cac:TaxScheme': { 'cbc:ID': 'VAT' } }],
        'cac:PartyLegalEntity': {
          'cbc:RegistrationName': s.legalName,
          'cbc:CompanyID': s.siren,
          'cbc:CompanyID@schemeID': '0002',
          'cbc:CompanyLegalForm': `${legalFormLabel(s.legalForm, s.variableCapital)}, RCS ${s.rcsCity}`,
        },
        'cac:Contact': { 'cbc:ElectronicMail': s.email, ...(s.phone ? { 'cbc:Telephone': s.phone } : {}) },
      },
    },
    'cac:AccountingCustomerParty': {
      'cac:Party': {
        'cac:PostalAddress': address(doc.client.address),
        ...(doc.client.vatNumber
          ? {
              'cac:PartyTaxScheme': {
                'cbc:CompanyID': doc.client.vatNumber,
                'cac:TaxScheme': { 'cbc:ID': 'VAT' },
              },
            }
          : {}),
        'cac:PartyLegalEntity': {
          'cbc:RegistrationName': doc.client.name,
          ...(doc.client.siren
            ? { 'cbc:CompanyID': doc.client.siren, 'cbc:CompanyID@schemeID': '0002' }
            : {}),
        },
        ...(doc.client.email ? { 'cac:Contact': { 'cbc:ElectronicMail': doc.client.email } } : {}),
      },
    },
    'cac:Delivery': {
      'cbc:ActualDeliveryDate': doc.deliveryDate,
      ...(doc.deliveryAddress
        ? { 'cac:DeliveryLocation': { 'cac:Address': address(doc.deliveryAddress) } }
        : {}),
    },
    ...(doc.type === 'creditNote'
      ? {}
      : {
          'cac:PaymentMeans': [
            {
              // UNTDID 4461 code 58: SEPA credit transfer.
              'cbc:PaymentMeansCode': '58',
              // BT-83 (ram:PaymentReference in CII): the RF creditor reference printed beside the IBAN, which
              // the client's bank sends back and the bank matcher reads (ISO 11649, issue 9 §3).
              'cbc:PaymentID': paymentReference(doc) ?? doc.number,
              'cac:PayeeFinancialAccount': {
                'cbc:ID': s.iban,
                'cbc:Name': s.legalName,
                'cac:FinancialInstitutionBranch': { 'cbc:ID': s.bic },
              },
            },
          ],
        }),
    'cac:PaymentTerms': {
      'cbc:Note':
        `${describePaymentTerms(doc.paymentTerms)}. ${mentions.get('latePenaltyRate') ?? ''}`.trim(),
    },
    ...(t.allowances.length > 0
      ? {
          'cac:AllowanceCharge': t.allowances.map((a) => ({
            'cbc:ChargeIndicator': 'false',
            // UNTDID 5189 code 95: discount.
            'cbc:AllowanceChargeReasonCode': '95',
            'cbc:AllowanceChargeReason': 'Remise globale',
            ...(a.percentBp !== null ? { 'cbc:MultiplierFactorNumeric': percent(a.percentBp) } : {}),
            'cbc:Amount': centsToDecimal(a.amountCents),
            'cbc:Amount@currencyID': eur,
            ...(a.baseCents !== null
              ? { 'cbc:BaseAmount': centsToDecimal(a.baseCents), 'cbc:BaseAmount@currencyID': eur }
              : {}),
            'cac:TaxCategory': taxCategory(groups.get(a.vatKey)!),
          })),
        }
      : {}),
    'cac:TaxTotal': [
      {
        'cbc:TaxAmount': centsToDecimal(t.vatTotalCents),
        'cbc:TaxAmount@currencyID': eur,
        'cac:TaxSubtotal': t.vatBreakdown.map((g) => ({
          'cbc:TaxableAmount': centsToDecimal(g.baseCents),
          'cbc:TaxableAmount@currencyID': eur,
          'cbc:TaxAmount': centsToDecimal(g.vatCents),
          'cbc:TaxAmount@currencyID': eur,
          'cac:TaxCategory': {
            ...taxCategory(g),
            ...(g.exemption
              ? {
                  ...(g.exemption.vatexCode ? { 'cbc:TaxExemptionReasonCode': g.exemption.vatexCode } : {}),
                  'cbc:TaxExemptionReason': g.exemption.text,
                }
              : {}),
          },
        })),
      },
    ],
    'cac:LegalMonetaryTotal': {
      'cbc:LineExtensionAmount': centsToDecimal(t.lineNetTotalCents),
      'cbc:LineExtensionAmount@currencyID': eur,
      'cbc:TaxExclusiveAmount': centsToDecimal(t.taxExclusiveCents),
      'cbc:TaxExclusiveAmount@currencyID': eur,
      'cbc:TaxInclusiveAmount': centsToDecimal(t.taxInclusiveCents),
      'cbc:TaxInclusiveAmount@currencyID': eur,
      ...(t.allowanceTotalCents !== 0
        ? {
            'cbc:AllowanceTotalAmount': centsToDecimal(t.allowanceTotalCents),
            'cbc:AllowanceTotalAmount@currencyID': eur,
          }
        : {}),
      'cbc:PayableAmount': centsToDecimal(t.taxInclusiveCents),
      'cbc:PayableAmount@currencyID': eur,
    },
    'cac:InvoiceLine': t.lines.map((lt, i) => {
      const line = lines[i]!;
      const g = groups.get(lt.vatKey)!;
      const quantity = formatQuantity(parseQuantity(line.quantity)!);
      return {
        'cbc:ID': String(i + 1),
        'cbc:InvoicedQuantity': quantity,
        'cbc:InvoicedQuantity@unitCode': line.unit,
        'cbc:LineExtensionAmount': centsToDecimal(lt.netCents),
        'cbc:LineExtensionAmount@currencyID': eur,
        ...(lt.discountCents !== 0
          ? {
              'cac:AllowanceCharge': [
                {
                  'cbc:ChargeIndicator': 'false',
                  'cbc:AllowanceChargeReasonCode': '95',
                  'cbc:AllowanceChargeReason': 'Remise',
                  ...(line.discount?.kind === 'percent'
                    ? {
                        'cbc:MultiplierFactorNumeric': percent(line.discount.bp),
                        'cbc:BaseAmount': centsToDecimal(lt.grossCents),
                        'cbc:BaseAmount@currencyID': eur,
                      }
                    : {}),
                  'cbc:Amount': centsToDecimal(lt.discountCents),
                  'cbc:Amount@currencyID': eur,
                },
              ],
            }
          : {}),
        'cac:Item': {
          'cbc:Name': line.description.split('\n')[0]!.slice(0, 200),
          ...(line.description.includes('\n') || line.description.length > 200
            ? { 'cbc:Description': line.description }
            : {}),
          'cac:ClassifiedTaxCategory': taxCategory(g),
        },
        'cac:Price': {
          'cbc:PriceAmount': centsToDecimal(line.unitPriceCents),
          'cbc:PriceAmount@currencyID': eur,
        },
      };
    }) as UblInvoice['cac:InvoiceLine'],
  } as UblInvoice;
  return { 'ubl:Invoice': invoice };
}

/** Exemption categories need the buyer's VAT number in EN 16931 (BR-AE-02, BR-IC-02). */
export function missingBuyerVatNumber(doc: SalesDocumentView): boolean {
  return (
    doc.client.vatNumber === null &&
    doc.totals.vatBreakdown.some(
      (g) => g.exemption && ['AE', 'K'].includes(vatExemptions[g.exemption.key].category),
    )
  );
}
