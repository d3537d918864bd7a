import PDFDocument from 'pdfkit';
import { registerPdfFonts } from '../pdf/pdf-fonts.ts';

export type PdfWriter = {
  title(text: string): void;
  heading(text: string): void;
  paragraph(text: string, options?: { bold?: boolean; grey?: boolean; size?: number }): void;
  field(label: string, value: string): void;
  /** A table row of cells with fixed widths (points), flowing onto new pages. */
  row(cells: readonly string[], widths: readonly number[], options?: { bold?: boolean }): void;
  space(points?: number): void;
};

/**
 * Draws a governance document (share certificate, minutes) with embedded fonts, flowing text across pages.
 * The creation date is the document's own date, so the same facts always give the same bytes (and hash).
 */
export async function renderGovernancePdf(
  info: { title: string; author: string; createdAt: Date },
  draw: (w: PdfWriter) => void,
): Promise<Uint8Array> {
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: 50, bottom: 50, left: 50, right: 50 },
    lang: 'fr-FR',
    info: { Title: info.title, Author: info.author, CreationDate: info.createdAt, ModDate: info.createdAt },
  });
  registerPdfFonts(pdf);
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    pdf.on('end', resolve);
    pdf.on('error', reject);
  });
  const left = 50;
  const width = pdf.page.width - 100;
  const writer: PdfWriter = {
    title: (text) => {
      pdf.font('bold').fontSize(16).fillColor('black').text(text, left, undefined, { width });
      pdf.moveDown(0.5);
    },
    heading: (text) => {
      pdf.moveDown(0.6);
      pdf.font('bold').fontSize(11.5).fillColor('black').text(text, left, undefined, { width });
      pdf.moveDown(0.2);
    },
    paragraph: (text, o = {}) => {
      pdf
        .font(o.bold ? 'bold' : 'regular')
        .fontSize(o.size ?? 10)
        .fillColor(o.grey ? '#555555' : 'black')
        .text(text, left, undefined, { width, lineGap: 1.5 });
    },
    field: (label, value) => {
      pdf
        .font('bold')
        .fontSize(10)
        .fillColor('black')
        .text(`${label} : `, left, undefined, { continued: true, width });
      pdf.font('regular').text(value);
    },
    row: (cells, widths, o = {}) => {
      pdf
        .font(o.bold ? 'bold' : 'regular')
        .fontSize(9)
        .fillColor('black');
      const heights = cells.map((c, i) => pdf.heightOfString(c, { width: widths[i]! - 4 }));
      const h = Math.max(...heights, 10) + 4;
      if (pdf.y + h > pdf.page.height - 50) pdf.addPage();
      const y = pdf.y;
      let x = left;
      cells.forEach((c, i) => {
        pdf.text(c, x, y + 2, { width: widths[i]! - 4, lineBreak: true });
        x += widths[i]!;
      });
      pdf
        .moveTo(left, y + h)
        .lineTo(left + widths.reduce((a, b) => a + b, 0), y + h)
        .lineWidth(0.3)
        .stroke('#bbbbbb');
      pdf.x = left;
      pdf.y = y + h;
    },
    space: (points = 8) => {
      pdf.y += points;
    },
  };
  draw(writer);
  pdf.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
