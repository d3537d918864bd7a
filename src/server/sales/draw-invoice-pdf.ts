import PDFDocument from 'pdfkit';
import { legalFormLabel } from '../../core/cooperative/legal-forms.ts';
import { describeLegalMentions } from '../../core/sales/describe-legal-mentions.ts';
import { formatDateFr, formatEuros, formatQuantityFr } from '../../core/sales/format-fr.ts';
import { formatRateBp } from '../../core/sales/late-penalty.ts';
import type { LegalMentionKey } from '../../core/sales/legal-mentions.ts';
import { documentTypeTitles, type SalesDocumentView } from '../../core/sales/sales-document-view.ts';
import { unitCodes } from '../../core/sales/unit-codes.ts';
import { registerPdfFonts } from '../pdf/pdf-fonts.ts';

const A4 = { width: 595.28, height: 841.89 };
const margin = 40;
const footerHeight = 36;
const contentBottom = A4.height - margin - footerHeight;
const grey = '#555555';
const columns = {
  description: { x: 40, w: 236 },
  quantity: { x: 278, w: 48 },
  unit: { x: 328, w: 46 },
  unitPrice: { x: 376, w: 66 },
  vat: { x: 444, w: 38 },
  net: { x: 484, w: 71 },
} as const;

/**
 * Draws the human-readable invoice, credit note or deposit invoice as a PDF/A-3b (pdfkit embeds the
 * fonts, the sRGB output intent and the XMP identification). Every legal mention is printed with the text
 * `describeLegalMentions` gives, so tests can find each one in the PDF.
 *
 * With `quote`, the same layout draws a quote (devis): its number and validity date instead of the due
 * date, no delivery date, no payment block, and room for the client's agreement.
 */
export async function drawInvoicePdf(
  doc: SalesDocumentView,
  quote?: { validityDate: string },
): Promise<Uint8Array> {
  const title = quote ? 'Devis' : documentTypeTitles[doc.type];
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: margin, bottom: margin, left: margin, right: margin },
    pdfVersion: '1.7',
    subset: 'PDF/A-3b',
    lang: 'fr-FR',
    tagged: false,
    bufferPages: true,
    autoFirstPage: true,
    info: {
      Title: `${title} ${doc.number}`,
      Author: doc.seller.legalName,
      Subject: `${title} ${doc.number} — ${doc.client.name}`,
    },
  });
  registerPdfFonts(pdf);
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    pdf.on('end', resolve);
    pdf.on('error', reject);
  });

  const mentions = new Map(describeLegalMentions(doc).map((m) => [m.key, m.texts]));
  if (quote) {
    mentions.set('documentNumber', [`Devis n° ${doc.number}`]);
    mentions.set('dueDate', [`Devis valable jusqu’au ${formatDateFr(quote.validityDate)}`]);
    mentions.delete('deliveryDate');
  }
  const mention = (key: LegalMentionKey) => mentions.get(key) ?? [];
  const first = (key: LegalMentionKey) => mention(key)[0];

  const write = (
    text: string,
    x: number,
    y: number,
    options: PDFKit.Mixins.TextOptions & { size?: number; bold?: boolean; color?: string } = {},
  ) => {
    const { size = 9, bold = false, color = 'black', ...rest } = options;
    pdf
      .font(bold ? 'bold' : 'regular')
      .fontSize(size)
      .fillColor(color);
    pdf.text(text, x, y, { lineGap: 1, ...rest });
    return pdf.y;
  };

  // Header: the issuer on the left, the document on the right.
  let y = margin;
  let left = write(first('sellerName')!, margin, y, { size: 13, bold: true, width: 280 });
  left = write(first('activityBrand')!, margin, left + 2, { size: 10, width: 280 });
  left = write(first('sellerAddress')!, margin, left + 2, { width: 280, color: grey });
  left = write(first('sellerSiren')!, margin, left, { width: 280, color: grey });
  left = write(first('sellerRcs')!, margin, left, { width: 280, color: grey });
  left = write(first('sellerVatNumber')!, margin, left, { width: 280, color: grey });
  const contact = [doc.seller.email, doc.seller.phone].filter(Boolean).join(' · ');
  left = write(contact, margin, left, { width: 280, color: grey });

  const rx = 330;
  const rw = A4.width - margin - rx;
  let right = write(first('documentNumber')!, rx, y, { size: 15, bold: true, width: rw, align: 'right' });
  for (const key of [
    'issueDate',
    'deliveryDate',
    'dueDate',
    'operationCategory',
    'precedingInvoice',
    'purchaseOrder',
  ] as const) {
    for (const text of mention(key)) right = write(text, rx, right + 1, { width: rw, align: 'right' });
  }
  if (doc.quoteReference)
    right = write(`Devis n° ${doc.quoteReference}`, rx, right + 1, { width: rw, align: 'right' });

  // The client.
  y = Math.max(left, right) + 14;
  const cx = 300;
  const cw = A4.width - margin - cx;
  pdf.rect(cx - 8, y - 6, cw + 8, 0).stroke('#bbbbbb');
  let c = write('Client', cx, y, { size: 8, color: grey, width: cw });
  c = write(first('clientName')!, cx, c + 1, { size: 11, bold: true, width: cw });
  c = write(first('clientAddress')!, cx, c + 1, { width: cw });
  for (const text of mention('clientSiren')) c = write(text, cx, c, { width: cw });
  if (doc.client.vatNumber) c = write(`N° TVA du client : ${doc.client.vatNumber}`, cx, c, { width: cw });
  let d = y;
  for (const text of mention('deliveryAddress')) d = write(text, margin, y, { width: 240 });
  y = Math.max(c, d) + 18;

  // The lines.
  const tableHeader = (top: number) => {
    pdf.rect(margin, top - 3, A4.width - 2 * margin, 16).fill('#eeeeee');
    const h = { size: 8, bold: true } as const;
    write('Désignation', columns.description.x + 2, top, { ...h, width: columns.description.w });
    write('Qté', columns.quantity.x, top, { ...h, width: columns.quantity.w, align: 'right' });
    write('Unité', columns.unit.x + 4, top, { ...h, width: columns.unit.w });
    write('PU HT', columns.unitPrice.x, top, { ...h, width: columns.unitPrice.w, align: 'right' });
    write('TVA', columns.vat.x, top, { ...h, width: columns.vat.w, align: 'right' });
    write('Total HT', columns.net.x, top, { ...h, width: columns.net.w, align: 'right' });
    return top + 18;
  };
  const ensureRoom = (needed: number, withHeader: boolean) => {
    if (y + needed <= contentBottom) return;
    pdf.addPage();
    y = margin;
    if (withHeader) y = tableHeader(y);
  };
  y = tableHeader(y);
  const totalsByLine = doc.totals.lines;
  let n = 0;
  doc.body.sections.forEach((section, si) => {
    if (section.title) {
      ensureRoom(30, true);
      y = write(section.title, columns.description.x + 2, y + 2, { bold: true, size: 9.5, width: 400 }) + 2;
    }
    for (const line of section.lines) {
      const lt = totalsByLine[n++]!;
      pdf.font('regular').fontSize(9);
      const discountText =
        lt.discountCents !== 0
          ? `Remise -${formatEuros(Math.abs(lt.discountCents))}${line.discount?.kind === 'percent' ? ` (${formatRateBp(line.discount.bp)})` : ''}`
          : null;
      const height =
        pdf.heightOfString(line.description, { width: columns.description.w - 2, lineGap: 1 }) +
        (discountText ? 11 : 0);
      ensureRoom(height + 4, true);
      const top = y;
      write(line.description, columns.description.x + 2, top, { width: columns.description.w - 2 });
      if (discountText) {
        write(discountText, columns.description.x + 2, top + height - 11, {
          width: columns.description.w - 2,
          size: 8,
          color: grey,
        });
      }
      write(formatQuantityFr(line.quantity), columns.quantity.x, top, {
        width: columns.quantity.w,
        align: 'right',
      });
      write(unitCodes[line.unit].fr, columns.unit.x + 4, top, { width: columns.unit.w - 4 });
      write(formatEuros(line.unitPriceCents), columns.unitPrice.x, top, {
        width: columns.unitPrice.w,
        align: 'right',
      });
      write(line.vat.kind === 'rate' ? formatRateBp(line.vat.rateBp) : 'Exonéré', columns.vat.x, top, {
        width: columns.vat.w,
        align: 'right',
      });
      write(formatEuros(lt.netCents), columns.net.x, top, { width: columns.net.w, align: 'right' });
      y = top + height + 4;
      pdf
        .moveTo(margin, y - 2)
        .lineTo(A4.width - margin, y - 2)
        .lineWidth(0.3)
        .stroke('#dddddd');
    }
    if (doc.body.sections.length > 1) {
      ensureRoom(14, false);
      y =
        write(
          `Sous-total${section.title ? ` ${section.title}` : ''} : ${formatEuros(doc.totals.sectionNetCents[si]!)}`,
          margin,
          y + 1,
          {
            width: A4.width - 2 * margin,
            align: 'right',
            bold: true,
            size: 8.5,
          },
        ) + 4;
    }
  });

  // Totals, VAT per rate.
  const t = doc.totals;
  const totalLines: { text: string; bold?: boolean }[] = [];
  if (t.allowanceTotalCents !== 0) {
    totalLines.push({ text: `Total des lignes HT ${formatEuros(t.lineNetTotalCents)}` });
    for (const text of mention('discounts').filter((x) => x.startsWith('Remise globale')))
      totalLines.push({ text });
  }
  const [ht, tva, ttc] = mention('totals');
  totalLines.push({ text: ht!, bold: true });
  for (const text of mention('vatPerRate')) totalLines.push({ text });
  totalLines.push({ text: tva! });
  totalLines.push({ text: ttc!, bold: true });
  if (doc.type !== 'creditNote' && !quote)
    totalLines.push({ text: `Net à payer ${formatEuros(t.taxInclusiveCents)}`, bold: true });
  ensureRoom(totalLines.length * 13 + 10, false);
  y += 6;
  for (const l of totalLines) {
    y =
      write(l.text, 280, y, {
        width: A4.width - margin - 280,
        align: 'right',
        bold: l.bold,
        size: l.bold ? 10 : 9,
      }) + 1;
  }
  y += 8;

  // Exemptions, notes, payment and the legal conditions.
  const blocks: { text: string; bold?: boolean; color?: string }[] = [];
  for (const text of mention('exemptionText')) blocks.push({ text });
  if (doc.notes) blocks.push({ text: doc.notes });
  for (const text of mention('dueDate')) blocks.push({ text, bold: true });
  if (quote) {
    blocks.push({ text: 'Bon pour accord — date et signature du client :', bold: true });
  } else if (doc.type !== 'creditNote') {
    blocks.push({
      text: `Règlement par virement à l’ordre de ${doc.seller.legalName} :`,
    });
  } else {
    blocks.push({ text: 'Compte de la coopérative :' });
  }
  // The RF reference stands out: quoted by the client, it lets the bank matcher settle the invoice (issue 9).
  if (!quote)
    for (const text of mention('bankDetails'))
      blocks.push({ text, bold: text.startsWith('Référence de paiement') });
  for (const key of ['latePenaltyRate', 'recoveryIndemnity', 'earlyPaymentDiscount', 'vatRegime'] as const) {
    for (const text of mention(key)) blocks.push({ text, color: grey });
  }
  for (const b of blocks) {
    pdf.font(b.bold ? 'bold' : 'regular').fontSize(8.5);
    ensureRoom(pdf.heightOfString(b.text, { width: A4.width - 2 * margin }) + 2, false);
    y =
      write(b.text, margin, y, { width: A4.width - 2 * margin, size: 8.5, bold: b.bold, color: b.color }) + 1;
  }

  // Footer on every page: the cooperative's legal identity and the page number.
  const range = pdf.bufferedPageRange();
  const identity = `${doc.seller.legalName} — ${legalFormLabel(doc.seller.legalForm, doc.seller.variableCapital)} — ${first('sellerRcs')} — ${first('sellerVatNumber')}`;
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    const fy = A4.height - margin - footerHeight + 10;
    pdf
      .moveTo(margin, fy - 4)
      .lineTo(A4.width - margin, fy - 4)
      .lineWidth(0.3)
      .stroke('#bbbbbb');
    write(identity, margin, fy, { width: A4.width - 2 * margin - 50, size: 7, color: grey });
    write(`Page ${i - range.start + 1}/${range.count}`, A4.width - margin - 50, fy, {
      width: 50,
      size: 7,
      color: grey,
      align: 'right',
    });
    pdf.page.margins.bottom = bottom;
  }
  pdf.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
