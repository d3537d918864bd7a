import PDFDocument from 'pdfkit';
import type { PayslipLayout } from '../../core/payroll/describe-payslip.ts';
import { registerPdfFonts } from '../pdf/pdf-fonts.ts';

const A4 = { width: 595.28, height: 841.89 };
const margin = 40;
const grey = '#555555';
const columns = {
  label: { x: 40, w: 215 },
  base: { x: 257, w: 72 },
  rate: { x: 331, w: 70 },
  employee: { x: 403, w: 74 },
  employer: { x: 479, w: 76 },
} as const;

/**
 * Draws a payslip (bulletin de paie) from its layout (describePayslip): employer and employee blocks, the
 * period, the gross, the contributions table (base, rate, employee and employer amounts), the totals and the
 * mentions. The creation date is the record's, so the same record always gives the same bytes.
 */
export async function drawPayslipPdf(
  layout: PayslipLayout,
  info: { author: string; createdAt: Date },
): Promise<Uint8Array> {
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: margin, bottom: margin, left: margin, right: margin },
    lang: 'fr-FR',
    info: { Title: layout.title, Author: info.author, CreationDate: info.createdAt, ModDate: info.createdAt },
  });
  registerPdfFonts(pdf);
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    pdf.on('end', resolve);
    pdf.on('error', reject);
  });
  const write = (
    text: string,
    x: number,
    y: number,
    o: PDFKit.Mixins.TextOptions & { size?: number; bold?: boolean; color?: string } = {},
  ) => {
    const { size = 9, bold = false, color = 'black', ...rest } = o;
    pdf
      .font(bold ? 'bold' : 'regular')
      .fontSize(size)
      .fillColor(color)
      .text(text, x, y, { lineGap: 1, ...rest });
    return pdf.y;
  };
  const fullWidth = A4.width - 2 * margin;
  const ensure = (y: number, height: number) => {
    if (y + height <= A4.height - margin) return y;
    pdf.addPage();
    return margin;
  };

  let y = write(layout.title, margin, margin, { size: 15, bold: true, width: fullWidth });
  y += 10;
  // Employer on the left, employee on the right.
  const half = fullWidth / 2 - 8;
  let l = write('Employeur', margin, y, { size: 8, color: grey, width: half });
  layout.employer.forEach((t, i) => {
    l = write(t, margin, l + 1, { width: half, bold: i === 0 });
  });
  const rx = margin + fullWidth / 2 + 8;
  let r = write('Salarié·e', rx, y, { size: 8, color: grey, width: half });
  layout.employee.forEach((t, i) => {
    r = write(t, rx, r + 1, { width: half, bold: i === 0 });
  });
  y = Math.max(l, r) + 10;
  for (const t of layout.period) y = write(t, margin, y, { width: fullWidth });
  y += 10;

  // The gross.
  for (const e of layout.earnings) {
    const top = y;
    write(e.label, margin, top, { width: 400 });
    y = write(e.amount, columns.employer.x - 80, top, { width: columns.employer.w + 80, align: 'right' });
  }
  y += 10;

  // The contributions.
  const header = (top: number) => {
    pdf.rect(margin, top - 3, fullWidth, 16).fill('#eeeeee');
    const h = { size: 8, bold: true } as const;
    write('Cotisations et contributions', columns.label.x + 2, top, { ...h, width: columns.label.w });
    write('Base', columns.base.x, top, { ...h, width: columns.base.w, align: 'right' });
    write('Taux sal. / pat.', columns.rate.x, top, { ...h, width: columns.rate.w, align: 'right' });
    write('Part salarié·e', columns.employee.x, top, { ...h, width: columns.employee.w, align: 'right' });
    write('Part employeur', columns.employer.x, top, { ...h, width: columns.employer.w - 2, align: 'right' });
    return top + 17;
  };
  y = header(ensure(y, 40));
  for (const row of layout.contributions) {
    pdf.font('regular').fontSize(8);
    const height = Math.max(pdf.heightOfString(row.label, { width: columns.label.w - 4 }), 10) + 3;
    if (y + height > A4.height - margin) y = header(ensure(A4.height, 40));
    const o = { size: 8, align: 'right' as const };
    write(row.label, columns.label.x + 2, y, { size: 8, width: columns.label.w - 4 });
    write(row.base, columns.base.x, y, { ...o, width: columns.base.w });
    write(row.rate, columns.rate.x, y, { ...o, width: columns.rate.w });
    write(row.employee, columns.employee.x, y, { ...o, width: columns.employee.w });
    write(row.employer, columns.employer.x, y, { ...o, width: columns.employer.w - 2 });
    y += height;
    pdf
      .moveTo(margin, y - 1)
      .lineTo(margin + fullWidth, y - 1)
      .lineWidth(0.3)
      .stroke('#dddddd');
  }
  y += 10;

  // The totals.
  y = ensure(y, layout.totals.length * 14 + 20);
  for (const t of layout.totals) {
    const top = y;
    write(t.label, margin, top, { width: 380, bold: t.strong, size: t.strong ? 10 : 9 });
    y = write(t.amount, columns.employer.x - 100, top, {
      width: columns.employer.w + 100,
      align: 'right',
      bold: t.strong,
      size: t.strong ? 10 : 9,
    });
    y += 3;
  }
  y += 12;
  y = ensure(y, layout.mentions.length * 24);
  layout.mentions.forEach((m, i) => {
    y = write(m, margin, y, {
      width: fullWidth,
      size: i === 1 ? 9 : 8,
      bold: i === 1,
      color: i === 1 ? 'black' : grey,
    });
    y += 4;
  });
  pdf.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
