import type { z } from 'zod';
import { AppError } from '../../core/errors/app-error.ts';
import { parseCents } from '../../core/money/parse-cents.ts';
import type { CatalogueItemView } from '../../core/sales/catalogue-item.ts';
import { computeDocumentTotals, type DocumentTotals } from '../../core/sales/compute-document-totals.ts';
import { type DocumentBody, DocumentLine, type LineVat } from '../../core/sales/document-line.ts';
import type { InvoiceView } from '../../core/sales/invoice-view.ts';
import { QuoteDraftInput } from '../../core/sales/quote-schemas.ts';
import { InvoiceDraftInput } from '../../core/sales/sales-schemas.ts';
import type { UnitCode } from '../../core/sales/unit-codes.ts';
import type { VatExemptionKey } from '../../core/sales/vat-exemptions.ts';

/** How the editor holds a line: what the person typed, as typed (amounts in euros, "12,5"). */
export type LineValues = {
  key: number;
  description: string;
  quantity: string;
  unit: UnitCode;
  unitPrice: string;
  /** "2000" for 20 %, or "exempt:training". */
  vat: string;
  reason: string;
  discountKind: 'none' | 'percent' | 'amount';
  discount: string;
  kind: 'services' | 'goods';
  /** The catalogue item's sales account, kept when the line was picked from the catalogue. */
  salesAccount: string | null;
};
export type SectionValues = { key: number; title: string; lines: LineValues[] };
export type InvoiceValues = {
  activityId: string | null;
  clientId: string | null;
  type: 'invoice' | 'deposit';
  sections: SectionValues[];
  discountKind: 'none' | 'percent' | 'amount';
  discount: string;
  deliveryDate: string;
  /** Quotes: the date until which the offer holds (the settings' default when empty). */
  validityDate: string;
  purchaseOrderReference: string;
  notes: string;
};

let nextKey = 1;
export const emptyLine = (): LineValues => ({
  key: nextKey++,
  description: '',
  quantity: '1',
  unit: 'C62',
  unitPrice: '',
  vat: '2000',
  reason: '',
  discountKind: 'none',
  discount: '',
  kind: 'services',
  salesAccount: null,
});
/** A line copied from a catalogue item (the document keeps the copy: the item may change later). */
export function lineFromCatalogue(item: CatalogueItemView): LineValues {
  const vat = item.vat as LineVat;
  return {
    ...emptyLine(),
    description: item.description ? `${item.name}\n${item.description}` : item.name,
    unit: item.unit,
    unitPrice: typed(item.unitPriceCents),
    vat: vat.kind === 'rate' ? String(vat.rateBp) : `exempt:${vat.exemption}`,
    reason: vat.kind === 'exempt' ? (vat.reason ?? '') : '',
    kind: item.kind,
    salesAccount: item.salesAccount,
  };
}
export const emptySection = (): SectionValues => ({ key: nextKey++, title: '', lines: [emptyLine()] });

export function emptyInvoice(activityId: string | null, clientId: string | null): InvoiceValues {
  return {
    activityId,
    clientId,
    type: 'invoice',
    sections: [emptySection()],
    discountKind: 'none',
    discount: '',
    deliveryDate: '',
    validityDate: '',
    purchaseOrderReference: '',
    notes: '',
  };
}

/** Cents as the editor shows them: "1234,5" → "1234,50", no grouping (it is typed back). */
const typed = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');
const typedQuantity = (q: string) => q.replace('.', ',');

function discountValues(d: DocumentBody['discount']): Pick<LineValues, 'discountKind' | 'discount'> {
  if (!d) return { discountKind: 'none', discount: '' };
  return d.kind === 'percent'
    ? { discountKind: 'percent', discount: typed(d.bp) }
    : { discountKind: 'amount', discount: typed(d.cents) };
}

/** What the editor reads back from a saved invoice or quote draft. */
type SavedDocument = Pick<InvoiceView, 'activityId' | 'clientId' | 'body'> & {
  type?: InvoiceView['type'];
  deliveryDate?: string | null;
  validityDate?: string | null;
  notes?: string | null;
  purchaseOrderReference?: string | null;
};

/** A saved draft back into the editor. */
export function invoiceToValues(view: SavedDocument): InvoiceValues {
  const body = view.body as DocumentBody;
  return {
    activityId: view.activityId,
    clientId: view.clientId,
    type: view.type === 'deposit' ? 'deposit' : 'invoice',
    sections: body.sections.map((s) => ({
      key: nextKey++,
      title: s.title ?? '',
      lines: s.lines.map((l) => ({
        key: nextKey++,
        description: l.description,
        quantity: typedQuantity(l.quantity),
        unit: l.unit,
        unitPrice: typed(l.unitPriceCents),
        vat: l.vat.kind === 'rate' ? String(l.vat.rateBp) : `exempt:${l.vat.exemption}`,
        reason: l.vat.kind === 'exempt' ? (l.vat.reason ?? '') : '',
        ...discountValues(l.discount),
        kind: l.kind,
        salesAccount: l.salesAccount ?? null,
      })),
    })),
    ...discountValues(body.discount),
    deliveryDate: view.deliveryDate ?? '',
    validityDate: view.validityDate ?? '',
    purchaseOrderReference: view.purchaseOrderReference ?? '',
    notes: view.notes ?? '',
  };
}

/**
 * An amount typed in euros, or a percentage ("12,5" → 1250 basis points): both have two decimals, so
 * parseCents reads both. A text that is not a number is sent as NaN, which the schema refuses beside the field.
 */
function toHundredths(text: string): number {
  const v = parseCents(text);
  return v === null ? Number.NaN : Number(v);
}

function toDiscount(kind: LineValues['discountKind'], text: string) {
  if (kind === 'none' || text.trim() === '') return null;
  const n = toHundredths(text);
  return kind === 'percent' ? { kind, bp: n } : { kind, cents: n };
}

function toVat(line: LineValues) {
  if (line.vat.startsWith('exempt:')) {
    return {
      kind: 'exempt' as const,
      exemption: line.vat.slice('exempt:'.length) as VatExemptionKey,
      reason: line.reason.trim() === '' ? null : line.reason,
    };
  }
  return { kind: 'rate' as const, rateBp: Number(line.vat) };
}

function toLine(line: LineValues) {
  return {
    description: line.description,
    quantity: line.quantity,
    unit: line.unit,
    unitPriceCents: line.unitPrice.trim() === '' ? Number.NaN : toHundredths(line.unitPrice),
    vat: toVat(line),
    discount: toDiscount(line.discountKind, line.discount),
    kind: line.kind,
    ...(line.salesAccount ? { salesAccount: line.salesAccount } : {}),
  };
}

/** What PUT/POST /api/sales/invoices takes (InvoiceDraftInput before parsing). */
export function valuesToRequest(v: InvoiceValues) {
  return {
    activityId: v.activityId ?? '',
    clientId: v.clientId ?? '',
    type: v.type,
    body: {
      sections: v.sections.map((s) => ({
        title: s.title.trim() === '' ? null : s.title,
        lines: s.lines.map(toLine),
      })),
      discount: toDiscount(v.discountKind, v.discount),
    },
    deliveryDate: v.deliveryDate,
    purchaseOrderReference: v.purchaseOrderReference,
    notes: v.notes,
  };
}

/** What PUT/POST /api/sales/quotes takes (QuoteDraftInput before parsing). */
export function valuesToQuoteRequest(v: InvoiceValues) {
  const { body } = valuesToRequest(v);
  return {
    activityId: v.activityId ?? '',
    clientId: v.clientId ?? '',
    body,
    validityDate: v.validityDate,
    notes: v.notes,
  };
}

/**
 * A path of the request (zod's or the server's problem document) as the editor's field: the body's
 * structure is the form's, only the leaf names differ ("body.sections.0.lines.2.unitPriceCents" →
 * "sections.0.lines.2.unitPrice").
 */
export function requestPathToField(path: string): string {
  const p = path.replace(/^body\./, '');
  const line = /^(sections\.\d+\.lines\.\d+)\.(\w+)(?:\.(\w+))?/.exec(p);
  if (line) {
    const [, at, field, sub] = line;
    if (field === 'unitPriceCents') return `${at}.unitPrice`;
    if (field === 'vat') return sub === 'reason' ? `${at}.reason` : `${at}.vat`;
    return `${at}.${field}`;
  }
  if (p.startsWith('discount')) return 'discount';
  if (p.startsWith('sections')) return 'sections';
  return p;
}

/** Field errors of the editor from the same schema the API parses with. */
export function validateInvoice(
  v: InvoiceValues,
  translate: (issue: z.core.$ZodIssue) => string,
  mode: 'invoice' | 'quote' = 'invoice',
): Record<string, string> {
  const result =
    mode === 'quote'
      ? QuoteDraftInput.safeParse(valuesToQuoteRequest(v))
      : InvoiceDraftInput.safeParse(valuesToRequest(v));
  const errors: Record<string, string> = {};
  if (result.success) return errors;
  for (const issue of result.error.issues) {
    const field = requestPathToField(issue.path.map(String).join('.'));
    if (errors[field] === undefined) errors[field] = translate(issue);
  }
  return errors;
}

export type LiveTotals = {
  totals: DocumentTotals | null;
  /** Net of each line that is complete, by "section.line". */
  lineNets: Map<string, number>;
  /** A rule the complete lines break (line discount too large, mixed exemptions…). */
  problem: AppError | null;
};

/**
 * The totals as the server will compute them (core's computeDocumentTotals, EN 16931 rounding), over the
 * lines that are already complete: a line being typed does not blank the whole panel.
 */
export function liveTotals(v: InvoiceValues): LiveTotals {
  const request = valuesToRequest(v);
  const lineNets = new Map<string, number>();
  const sections = request.body.sections.map((s, si) => ({
    title: s.title,
    lines: s.lines.flatMap((l, li) => {
      const parsed = DocumentLine.safeParse(l);
      return parsed.success ? [{ line: parsed.data, at: `${si}.${li}` }] : [];
    }),
  }));
  if (sections.every((s) => s.lines.length === 0)) return { totals: null, lineNets, problem: null };
  const discount = request.body.discount;
  const discountOk =
    discount === null ||
    (discount.kind === 'percent'
      ? Number.isInteger(discount.bp) && discount.bp > 0 && discount.bp <= 10_000
      : Number.isInteger(discount.cents) && discount.cents > 0);
  try {
    const totals = computeDocumentTotals({
      sections: sections.map((s) => ({ title: s.title, lines: s.lines.map((x) => x.line) })),
      discount: discountOk ? (discount as DocumentBody['discount']) : null,
    });
    let i = 0;
    for (const s of sections) {
      for (const x of s.lines) lineNets.set(x.at, totals.lines[i++]!.netCents);
    }
    return { totals, lineNets, problem: null };
  } catch (error) {
    if (error instanceof AppError) return { totals: null, lineNets, problem: error };
    throw error;
  }
}
