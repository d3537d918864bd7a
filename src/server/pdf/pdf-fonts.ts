import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create, type Font } from 'fontkit';

// PDF/A needs every font embedded: Inter (SIL Open Font License), shipped by an npm package.
const require = createRequire(import.meta.url);
const open = (file: string) =>
  create(readFileSync(require.resolve(`@expo-google-fonts/inter/${file}`))) as Font;

/**
 * The fonts of every PDF Mutua draws (invoices, quotes, payslips, minutes), parsed once per process:
 * decoding the OpenType tables was about a seventh of the time to draw an invoice. Never laid out
 * directly: see forDocument.
 */
const parsed = {
  regular: open('400Regular/Inter_400Regular.ttf'),
  bold: open('700Bold/Inter_700Bold.ttf'),
};

/**
 * A document's own view of a parsed font: it shares the decoded tables but keeps its own glyph cache
 * and layout engine. fontkit remembers on each cached glyph the characters it was first reached from,
 * and pdfkit writes those into the PDF's text layer (ToUnicode): shared across documents, a glyph first
 * met as a component of another (the "e" of "é") would lose its character in every later PDF.
 */
function forDocument(font: Font): Font {
  const own = Object.create(font) as Font & { _glyphs: Record<number, unknown> };
  own._glyphs = {};
  return own;
}

/** Registers the fonts as "regular" and "bold" in a pdfkit document. */
export function registerPdfFonts(pdf: PDFKit.PDFDocument) {
  // pdfkit accepts a fontkit font (it checks for `layout`); its type declarations name only file sources.
  pdf.registerFont('regular', forDocument(parsed.regular) as unknown as Buffer);
  pdf.registerFont('bold', forDocument(parsed.bold) as unknown as Buffer);
}
