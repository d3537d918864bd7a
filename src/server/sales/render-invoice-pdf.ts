import { FormatFactoryService, type Invoice, invoiceSchema, ValidationService } from '@e-invoice-eu/core';
import { Ajv2019, type ValidateFunction } from 'ajv/dist/2019.js';
import type { SalesDocumentView } from '../../core/sales/sales-document-view.ts';
import { buildFacturXInvoice } from './build-factur-x-invoice.ts';
import { drawInvoicePdf } from './draw-invoice-pdf.ts';
import { installEInvoiceEuFixes, withCiiExtras } from './install-e-invoice-eu-fixes.ts';

installEInvoiceEuFixes();
const quiet = { log() {}, warn() {}, error() {} };
const factory = new FormatFactoryService();
const validation = new ValidationService(quiet);
const validators = new Map<string, ValidateFunction<Invoice>>();

/**
 * What InvoiceService.generate does (validate the input against the library's schema, fill defaults,
 * convert), with the schema compiled once per format instead of on every call: compiling it takes longer
 * than rendering an invoice.
 */
async function generate(
  format: string,
  data: Invoice,
  pdf?: { buffer: Uint8Array; filename: string; mimetype: string },
  onXml?: (xml: string) => void,
) {
  const formatter = factory.createFormatService(format, quiet);
  if (onXml) {
    // The Factur-X service builds the CII XML, then attaches it to the PDF: keep that very XML, so the
    // stored XML is the embedded one byte for byte, without building it a second time.
    const service = formatter as unknown as {
      attachFacturX(doc: unknown, options: unknown, xml: string): Promise<void>;
    };
    const attach = service.attachFacturX.bind(service);
    service.attachFacturX = async (doc, options, xml) => {
      onXml(xml);
      return attach(doc, options, xml);
    };
  }
  let validate = validators.get(format);
  if (!validate) {
    const schema = structuredClone(invoiceSchema);
    formatter.patchSchema(schema);
    validate = new Ajv2019({ strict: true, allErrors: true, useDefaults: true }).compile<Invoice>(schema);
    validators.set(format, validate);
  }
  const invoice = validation.validate('invoice data', validate, structuredClone(data));
  formatter.fillInvoiceDefaults(invoice);
  return formatter.generate(invoice, {
    format: factory.normalizeFormat(format),
    lang: 'fr-fr',
    noWarnings: true,
    ...(pdf ? { pdf } : {}),
  });
}

/**
 * The issued file of an invoice, deposit invoice or credit note: a Factur-X EN 16931 PDF (PDF/A-3 with the
 * CII XML embedded as factur-x.xml), and that same XML on its own. Rendered once at issue and stored by
 * hash; never regenerated.
 */
export async function renderInvoicePdf(doc: SalesDocumentView): Promise<{ pdf: Uint8Array; xml: string }> {
  const data = buildFacturXInvoice(doc);
  const drawn = await drawInvoicePdf(doc);
  const extras = {
    precedingInvoices: doc.precedingInvoice ? [doc.precedingInvoice] : [],
    purchaseOrderReference: doc.purchaseOrderReference,
  };
  return withCiiExtras(extras, async () => {
    let embedded: string | undefined;
    const pdf = await generate(
      'Factur-X-EN16931',
      data,
      { buffer: drawn, filename: `${doc.number}.pdf`, mimetype: 'application/pdf' },
      (xml) => {
        embedded = xml;
      },
    );
    // The CII the PDF embeds (the tests compare them byte for byte).
    const xml = embedded ?? (await generate('CII', data));
    if (typeof pdf === 'string' || typeof xml !== 'string') throw new Error('unexpected Factur-X output');
    return { pdf, xml };
  });
}
