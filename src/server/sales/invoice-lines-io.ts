import { asc, eq, inArray } from 'drizzle-orm';
import type { DocumentTotals } from '../../core/sales/compute-document-totals.ts';
import { formatQuantity, parseQuantity } from '../../core/sales/decimal-quantity.ts';
import type { Discount, DocumentBody } from '../../core/sales/document-line.ts';
import type { Db } from '../db/open-database.ts';
import { invoiceLines, type invoices } from './sales-tables.ts';

/** Replaces a draft's lines with the body's, each with its computed gross, discount and net. */
export async function writeInvoiceLines(
  db: Db,
  invoiceId: string,
  body: DocumentBody,
  totals: DocumentTotals,
) {
  await db.delete(invoiceLines).where(eq(invoiceLines.invoiceId, invoiceId));
  const rows = totals.lines.map((t, position) => {
    const section = body.sections[t.sectionIndex]!;
    const l = section.lines[t.lineIndex]!;
    return {
      invoiceId,
      position,
      sectionIndex: t.sectionIndex,
      sectionTitle: section.title,
      description: l.description,
      quantity: formatQuantity(parseQuantity(l.quantity)!),
      unit: l.unit,
      unitPriceCents: l.unitPriceCents,
      vat: l.vat,
      discount: l.discount,
      supplyKind: l.kind,
      salesAccount: l.salesAccount ?? null,
      grossCents: t.grossCents,
      discountCents: t.discountCents,
      netCents: t.netCents,
    };
  });
  if (rows.length > 0) await db.insert(invoiceLines).values(rows);
}

/** The document body stored for an invoice: its lines grouped back into their sections. */
export async function readInvoiceBody(
  db: Db,
  invoiceId: string,
  discount: Discount | null,
): Promise<DocumentBody> {
  const rows = await db
    .select()
    .from(invoiceLines)
    .where(eq(invoiceLines.invoiceId, invoiceId))
    .orderBy(asc(invoiceLines.position));
  return bodyFromLines(rows, discount);
}

/** The bodies of several invoices in one query (lists), by invoice id. */
export async function readInvoiceBodies(db: Db, list: readonly { id: string; discount: Discount | null }[]) {
  const bodies = new Map<string, DocumentBody>();
  if (list.length === 0) return bodies;
  const rows = await db
    .select()
    .from(invoiceLines)
    .where(
      inArray(
        invoiceLines.invoiceId,
        list.map((i) => i.id),
      ),
    )
    .orderBy(asc(invoiceLines.invoiceId), asc(invoiceLines.position));
  for (const i of list)
    bodies.set(
      i.id,
      bodyFromLines(
        rows.filter((r) => r.invoiceId === i.id),
        i.discount,
      ),
    );
  return bodies;
}

function bodyFromLines(rows: (typeof invoiceLines.$inferSelect)[], discount: Discount | null): DocumentBody {
  const sections: DocumentBody['sections'] = [];
  for (const r of rows) {
    while (sections.length <= r.sectionIndex) sections.push({ title: null, lines: [] });
    const section = sections[r.sectionIndex]!;
    section.title = r.sectionTitle;
    section.lines.push({
      description: r.description,
      quantity: formatQuantity(parseQuantity(String(r.quantity))!),
      unit: r.unit,
      unitPriceCents: r.unitPriceCents,
      vat: r.vat,
      discount: r.discount,
      kind: r.supplyKind,
      ...(r.salesAccount ? { salesAccount: r.salesAccount } : {}),
    });
  }
  return { sections: sections.length > 0 ? sections : [{ title: null, lines: [] }], discount };
}

/** The totals columns of an invoice row. */
export function totalsColumns(totals: DocumentTotals) {
  return {
    totalLinesCents: totals.lineNetTotalCents,
    totalAllowancesCents: totals.allowanceTotalCents,
    totalExclCents: totals.taxExclusiveCents,
    totalVatCents: totals.vatTotalCents,
    totalInclCents: totals.taxInclusiveCents,
    vatBreakdown: totals.vatBreakdown,
  } satisfies Partial<typeof invoices.$inferInsert>;
}
