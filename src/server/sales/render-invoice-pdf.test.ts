import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { creditorReference, formatCreditorReference } from '../../core/bank/creditor-reference.ts';
import { computeDocumentTotals, type DocumentTotals } from '../../core/sales/compute-document-totals.ts';
import { describeLegalMentions } from '../../core/sales/describe-legal-mentions.ts';
import type { DocumentBody, DocumentLine } from '../../core/sales/document-line.ts';
import { formatEuros } from '../../core/sales/format-fr.ts';
import type { SalesDocumentView } from '../../core/sales/sales-document-view.ts';
import { lacksSystemTool } from '../testing/system-tool.ts';
import { centsToDecimal } from './build-factur-x-invoice.ts';
import { renderInvoicePdf } from './render-invoice-pdf.ts';
import { line, sampleSalesDocuments, sampleView } from './sample-sales-documents.ts';

/**
 * Every kind of document goes through the official EN 16931 rules (../shared/validators/en16931), and
 * its PDF must show every legal mention and the same totals as its XML and as the computed totals that
 * the database stores.
 */
// Without poppler-utils or libxml2-utils on a developer machine, the checks that read PDFs or run xmllint
// are skipped (CI installs both and runs them all).
const noPoppler = lacksSystemTool('pdftotext');
const noXmllint = lacksSystemTool('xmllint', ['--version']);

const validator = resolve(import.meta.dirname, '../../../../shared/validators/en16931/validate.mjs');
const dir = mkdtempSync(join(tmpdir(), 'mutua-invoices-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function hasPoppler(): boolean {
  return spawnSync('pdftotext', ['-v']).status === 0;
}

/** The text of a PDF with whitespace (including no-break spaces) collapsed, in reading order. */
function pdfText(file: string): string {
  if (!hasPoppler())
    throw new Error('pdftotext not found: install poppler-utils (apt-get install poppler-utils)');
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8').replace(/\s+/g, ' ');
}
const norm = (s: string) => s.replace(/\s+/g, ' ');

/** The file attached to the PDF under the name factur-x.xml (pdfdetach, poppler-utils). */
function embeddedXml(file: string): string {
  const list = execFileSync('pdfdetach', ['-list', '-enc', 'UTF-8', file]).toString('utf8');
  const index = /^(\d+): factur-x\.xml$/m.exec(list)?.[1];
  if (!index) throw new Error(`no factur-x.xml attached to ${file}: ${list}`);
  const out = join(dir, `${file.split('/').pop()}.attached.xml`);
  execFileSync('pdfdetach', ['-save', index, '-o', out, file]);
  return readFileSync(out, 'utf8');
}

const ciiXsd = resolve(
  import.meta.dirname,
  '../../../../shared/validators/en16931/schema/CII/uncefact/data/standard/CrossIndustryInvoice_100pD16B.xsd',
);

function validate(files: string[]): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [validator, ...files], { encoding: 'utf8', timeout: 300_000 });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

const all = (xml: string, tag: string) =>
  [...xml.matchAll(new RegExp(`<ram:${tag}(?: [^>]*)?>([^<]*)</ram:${tag}>`, 'g'))].map((m) => m[1]!);

/** The XML's figures must be the computed totals, to the cent. */
function expectXmlTotals(xml: string, t: DocumentTotals) {
  expect(all(xml, 'LineTotalAmount').slice(0, -1)).toEqual(t.lines.map((l) => centsToDecimal(l.netCents)));
  expect(all(xml, 'LineTotalAmount').at(-1)).toBe(centsToDecimal(t.lineNetTotalCents));
  expect(all(xml, 'TaxBasisTotalAmount')).toEqual([centsToDecimal(t.taxExclusiveCents)]);
  expect(all(xml, 'TaxTotalAmount')).toEqual([centsToDecimal(t.vatTotalCents)]);
  expect(all(xml, 'GrandTotalAmount')).toEqual([centsToDecimal(t.taxInclusiveCents)]);
  expect(all(xml, 'DuePayableAmount')).toEqual([centsToDecimal(t.taxInclusiveCents)]);
  expect(all(xml, 'CalculatedAmount')).toEqual(t.vatBreakdown.map((g) => centsToDecimal(g.vatCents)));
}

function expectPdfTotals(text: string, t: DocumentTotals) {
  expect(text).toContain(norm(`Total HT ${formatEuros(t.taxExclusiveCents)}`));
  expect(text).toContain(norm(`Total TVA ${formatEuros(t.vatTotalCents)}`));
  expect(text).toContain(norm(`Total TTC ${formatEuros(t.taxInclusiveCents)}`));
  for (const l of t.lines) expect(text).toContain(norm(formatEuros(l.netCents)));
}

describe('renderInvoicePdf', () => {
  const docs = sampleSalesDocuments();
  const rendered = new Map<string, { pdf: string; xml: string; doc: SalesDocumentView; xmlText: string }>();

  it('renders every kind of document', async () => {
    for (const [name, doc] of Object.entries(docs)) {
      const { pdf, xml } = await renderInvoicePdf(doc);
      expect(Buffer.from(pdf.subarray(0, 8)).toString()).toMatch(/^%PDF-1\.7/);
      const pdfFile = join(dir, `${name}.pdf`);
      const xmlFile = join(dir, `${name}.xml`);
      writeFileSync(pdfFile, pdf);
      writeFileSync(xmlFile, xml);
      rendered.set(name, { pdf: pdfFile, xml: xmlFile, doc, xmlText: xml });
    }
    expect([...rendered.keys()].sort()).toEqual(
      [
        'balance',
        'creditNote',
        'deposit',
        'discounts',
        'exemptLine',
        'individual',
        'oneRate',
        'severalRates',
      ].sort(),
    );
  }, 120_000);

  it('passes the official EN 16931 rules with zero failed rule, as PDF and as XML', () => {
    const files = [...rendered.values()].flatMap((r) => [r.pdf, r.xml]);
    const { status, output } = validate(files);
    expect(output.split('\n').filter((l) => l.startsWith('FAIL'))).toEqual([]);
    expect(status).toBe(0);
    expect(output.split('\n').filter((l) => l.startsWith('ok ')).length).toBe(files.length);
  }, 300_000);

  it.skipIf(noXmllint)('writes XML that the CII D16B schema accepts', () => {
    const files = [...rendered.values()].map((r) => r.xml);
    const run = spawnSync('xmllint', ['--noout', '--schema', ciiXsd, ...files], { encoding: 'utf8' });
    if (run.error) throw new Error('xmllint not found: install libxml2-utils');
    expect(run.stderr.split('\n').filter((l) => !l.endsWith(' validates') && l.trim() !== '')).toEqual([]);
    expect(run.status).toBe(0);
  });

  it.skipIf(noPoppler)('embeds, as factur-x.xml, exactly the XML it returns', () => {
    for (const [name, r] of rendered) expect(embeddedXml(r.pdf), name).toBe(r.xmlText);
  });

  it.skipIf(noPoppler)('prints every legal mention that applies', () => {
    for (const [name, r] of rendered) {
      const text = pdfText(r.pdf);
      for (const m of describeLegalMentions(r.doc)) {
        for (const t of m.texts) expect(text, `${name}: ${m.key}`).toContain(norm(t));
      }
    }
  });

  it.skipIf(noPoppler)('prints the mentions particular to each case', () => {
    const text = (name: string) => pdfText(rendered.get(name)!.pdf);
    expect(text('creditNote')).toContain('Avoir sur la facture n° F2026-00042 du 02/03/2026');
    expect(all(rendered.get('creditNote')!.xmlText, 'TypeCode')[0]).toBe('381');
    expect(rendered.get('creditNote')!.xmlText).toMatch(
      /<ram:InvoiceReferencedDocument>\s*<ram:IssuerAssignedID>F2026-00042</,
    );
    expect(all(rendered.get('deposit')!.xmlText, 'TypeCode')[0]).toBe('386');
    // BT-83: the RF creditor reference printed beside the bank details, for the bank matcher (issue 9).
    for (const name of ['oneRate', 'deposit', 'balance']) {
      const r = rendered.get(name)!;
      const reference = creditorReference(r.doc.number)!;
      expect(all(r.xmlText, 'PaymentReference'), name).toEqual([reference]);
      expect(text(name)).toContain(`Référence de paiement : ${formatCreditorReference(reference)}`);
    }
    expect(all(rendered.get('creditNote')!.xmlText, 'PaymentReference')).toEqual([]);
    expect(text('individual')).not.toContain('Indemnité forfaitaire');
    expect(text('individual')).toContain('Option pour le paiement de la taxe d’après les débits');
    expect(text('oneRate')).toContain(
      norm('Indemnité forfaitaire pour frais de recouvrement en cas de retard de paiement : 40,00 €'),
    );
    expect(text('oneRate')).toContain(
      'Société coopérative et participative, société anonyme à capital variable',
    );
    expect(text('exemptLine')).toContain(
      'Exonération de TVA, article 261-4-4° a du CGI (formation professionnelle continue)',
    );
    expect(text('exemptLine')).toContain('Adresse de livraison : Salle des fêtes, 69100 Villeurbanne');
    expect(text('balance')).toContain('Déjà facturé : facture n° F2026-00046 du 02/03/2026');
    expect(text('severalRates')).toContain('Bon de commande n° BC-2026-118');
    expect(rendered.get('severalRates')!.xmlText).toMatch(
      /<ram:BuyerOrderReferencedDocument>\s*<ram:IssuerAssignedID>BC-2026-118</,
    );
  });

  it.skipIf(noPoppler)('shows the same totals in the PDF and the XML as the computed totals', () => {
    for (const r of rendered.values()) {
      expectXmlTotals(r.xmlText, r.doc.totals);
      expectPdfTotals(pdfText(r.pdf), r.doc.totals);
    }
  });

  it.skipIf(noPoppler)(
    'agrees with the computed totals, and passes the rules, for random documents (property)',
    async () => {
      const arbLine = fc.record({
        description: fc.constantFrom('Prestation', 'Fourniture', 'Déplacement', 'Conseil'),
        quantity: fc
          .tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 99 }))
          .filter(([w, f]) => w + f > 0)
          .map(([w, f]) => `${w}.${String(f).padStart(2, '0')}`),
        unit: fc.constantFrom('C62' as const, 'HUR' as const, 'DAY' as const),
        unitPriceCents: fc.integer({ min: 1, max: 2_000_000 }),
        vat: fc.oneof(
          fc.constantFrom(2000, 1000, 550, 210).map((rateBp) => ({ kind: 'rate' as const, rateBp })),
          fc.constant({ kind: 'exempt' as const, exemption: 'training' as const, reason: null }),
        ),
        discount: fc.oneof(
          fc.constant(null),
          fc.integer({ min: 1, max: 5000 }).map((bp) => ({ kind: 'percent' as const, bp })),
        ),
        kind: fc.constantFrom('goods' as const, 'services' as const),
      }) as fc.Arbitrary<DocumentLine>;
      const files: string[] = [];
      let n = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.array(arbLine, { minLength: 1, maxLength: 12 }),
          fc.oneof(
            fc.constant(null),
            fc.integer({ min: 1, max: 3000 }).map((bp) => ({ kind: 'percent' as const, bp })),
          ),
          async (lines, discount) => {
            const body: DocumentBody = { sections: [{ title: null, lines }], discount };
            const doc = sampleView(body, { number: `F2026-9${String(n++).padStart(4, '0')}` });
            expect(doc.totals).toEqual(computeDocumentTotals(body));
            const { pdf, xml } = await renderInvoicePdf(doc);
            const file = join(dir, `${doc.number}.pdf`);
            writeFileSync(file, pdf);
            files.push(file);
            expectXmlTotals(xml, doc.totals);
            expectPdfTotals(pdfText(file), doc.totals);
          },
        ),
        { numRuns: 12, endOnFailure: true },
      );
      const { status, output } = validate(files);
      expect(output.split('\n').filter((l) => l.startsWith('FAIL'))).toEqual([]);
      expect(status).toBe(0);
    },
    300_000,
  );

  it('keeps a line of one cent and a line of a billion euros exact', async () => {
    const doc = sampleView({
      sections: [
        {
          title: null,
          lines: [
            line({ quantity: '0.5', unitPriceCents: 1 }),
            line({ quantity: '1', unitPriceCents: 100_000_000_000 }),
          ],
        },
      ],
      discount: null,
    });
    const { xml } = await renderInvoicePdf(doc);
    expectXmlTotals(xml, doc.totals);
    expect(all(xml, 'GrandTotalAmount')).toEqual(['1200000000.01']);
  }, 60_000);
});
