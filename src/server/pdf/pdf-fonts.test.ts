import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { lacksSystemTool } from '../testing/system-tool.ts';
import { registerPdfFonts } from './pdf-fonts.ts';

async function draw(text: string): Promise<Buffer> {
  const pdf = new PDFDocument({ size: 'A4' });
  registerPdfFonts(pdf);
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => pdf.on('end', resolve));
  pdf.font('bold').fontSize(12).text(text);
  pdf.end();
  await done;
  return Buffer.concat(chunks);
}

function textOf(bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'mutua-fonts-'));
  try {
    writeFileSync(join(dir, 'a.pdf'), bytes);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'a.pdf'), '-'])
      .toString('utf8')
      .trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the shared PDF fonts', () => {
  it.skipIf(lacksSystemTool('pdftotext'))(
    'keep every character in the text layer of later documents (glyphs met first as components)',
    async () => {
      // "é" is drawn from "e" and an accent: embedding it first must not cost a later document its "e".
      await draw('é');
      expect(textOf(await draw('Résolution adoptée.'))).toBe('Résolution adoptée.');
    },
  );
});
