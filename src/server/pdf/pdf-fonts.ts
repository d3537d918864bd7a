import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create, type Font } from 'fontkit';

// PDF/A needs every font embedded: Inter (SIL Open Font License), shipped by an npm package.
const require = createRequire(import.meta.url);
const open = (file: string) =>
  create(readFileSync(require.resolve(`@expo-google-fonts/inter/${file}`))) as Font;

/**
 * The fonts of every PDF Mutua draws (invoices, quotes, payslips, minutes), parsed once per process.
 * pdfkit takes a parsed font as it takes a file, and then skips parsing it again for each document:
 * decoding the OpenType layout tables was about a seventh of the time to draw an invoice. A font is only
 * read once parsed (each document makes its own subset), so documents drawn at the same time share it.
 */
export const pdfFonts = {
  regular: open('400Regular/Inter_400Regular.ttf'),
  bold: open('700Bold/Inter_700Bold.ttf'),
};

/** Registers the fonts as "regular" and "bold" in a pdfkit document. */
export function registerPdfFonts(pdf: PDFKit.PDFDocument) {
  // pdfkit accepts a fontkit font (it checks for `layout`); its type declarations name only file sources.
  pdf.registerFont('regular', pdfFonts.regular as unknown as Buffer);
  pdf.registerFont('bold', pdfFonts.bold as unknown as Buffer);
}
