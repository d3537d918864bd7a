import { InvoiceService } from '@e-invoice-eu/core';
import type { SalesDocumentView } from '../../core/sales/sales-document-view.ts';
import { buildFacturXInvoice } from './build-factur-x-invoice.ts';
import { drawInvoicePdf } from './draw-invoice-pdf.ts';
import { installEInvoiceEuFixes, withCiiExtras } from './install-e-invoice-eu-fixes.ts';

installEInvoiceEuFixes();
const quiet = { log() {}, warn() {}, error() {} };

/**
 * The issued file of an invoice, deposit invoice or credit note: a Factur-X EN 16931 PDF (PDF/A-3 with the
 * CII XML embedded as factur-x.xml), and that same XML on its own. Rendered once at issue and stored by
 * hash; never regenerated.
 */
export async function renderInvoicePdf(doc: SalesDocumentView): Promise<{ pdf: Uint8Array; xml: string }> {
  const service = new InvoiceService(quiet);
  const data = buildFacturXInvoice(doc);
  const drawn = await drawInvoicePdf(doc);
  const extras = {
    precedingInvoices: doc.precedingInvoice ? [doc.precedingInvoice] : [],
    purchaseOrderReference: doc.purchaseOrderReference,
  };
  return withCiiExtras(extras, async () => {
    const pdf = await service.generate(data, {
      format: 'Factur-X-EN16931',
      lang: 'fr-fr',
      pdf: { buffer: drawn, filename: `${doc.number}.pdf`, mimetype: 'application/pdf' },
      noWarnings: true,
    });
    // The same CII the PDF embeds (the tests compare them byte for byte).
    const xml = await service.generate(data, { format: 'CII', lang: 'fr-fr', noWarnings: true });
    if (typeof pdf === 'string' || typeof xml !== 'string') throw new Error('unexpected Factur-X output');
    return { pdf, xml };
  });
}
