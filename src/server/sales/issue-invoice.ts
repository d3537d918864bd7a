import { and, eq, gte, lte, sql } from 'drizzle-orm';
import { can } from '../../core/access/permissions.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { buildInvoiceEntryLines } from '../../core/sales/build-sales-entries.ts';
import { computeDocumentTotals, type DocumentTotals } from '../../core/sales/compute-document-totals.ts';
import { assertCreditNoteWithinRemaining } from '../../core/sales/credit-note-limits.ts';
import { assertCanTransition } from '../../core/sales/document-statuses.ts';
import { isVatRateInForce } from '../../core/sales/french-vat-rates.ts';
import { ecbRefinancingRates, latePenaltyRateBp } from '../../core/sales/late-penalty.ts';
import {
  counterKey,
  formatDocumentNumber,
  type NumberingScheme,
} from '../../core/sales/numbering-template.ts';
import { computeDueDate } from '../../core/sales/payment-terms.ts';
import { remainingByGroup } from '../../core/sales/progress-invoicing.ts';
import { requiresValidation } from '../../core/sales/requires-validation.ts';
import { documentTypeTitles, type SalesDocumentView } from '../../core/sales/sales-document-view.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { getCooperative } from '../cooperative/get-cooperative.ts';
import type { Db } from '../db/open-database.ts';
import { storeFile } from '../files/store-file.ts';
import { postEntry } from '../ledger/post-entry.ts';
import { memberStagePeriods } from '../members/members-tables.ts';
import { quoteParts, sumBilled } from './convert-quote.ts';
import { readInvoiceBody } from './invoice-lines-io.ts';
import { loadInvoiceForUpdate } from './load-invoice-for-update.ts';
import { renderInvoicePdf } from './render-invoice-pdf.ts';
import { salesToday } from './sales-access.ts';
import { invoices, numberingCounters, quotes, salesMemberLimits, salesSettings } from './sales-tables.ts';
import { requireClientOf } from './save-invoice-draft.ts';

type InvoiceRow = typeof invoices.$inferSelect;

/** The figures of an issued document as its row stores them. */
export function storedTotals(row: InvoiceRow) {
  return {
    vatBreakdown: row.vatBreakdown,
    taxExclusiveCents: row.totalExclCents,
    taxInclusiveCents: row.totalInclCents,
  };
}

async function memberStageOn(db: Db, memberId: string, day: string) {
  const [row] = await db
    .select({ stage: memberStagePeriods.stage })
    .from(memberStagePeriods)
    .where(
      and(
        eq(memberStagePeriods.memberId, memberId),
        lte(memberStagePeriods.fromOn, day),
        gte(memberStagePeriods.toOn, day),
      ),
    )
    .limit(1);
  return row?.stage ?? null;
}

async function checkValidation(
  db: Db,
  actor: Actor,
  invoice: InvoiceRow,
  memberId: string | null,
  today: string,
) {
  if (invoice.status === 'submitted') {
    if (!invoice.approvedAt) throw new AppError('INVOICE_AWAITING_VALIDATION');
    return;
  }
  const [limit] = memberId
    ? await db.select().from(salesMemberLimits).where(eq(salesMemberLimits.memberId, memberId))
    : [];
  const needed = requiresValidation({
    actorValidates: can(actor.roles, 'sales.validate'),
    memberStage: memberId ? await memberStageOn(db, memberId, today) : null,
    ceilingCents: limit?.validationCeilingCents ?? null,
    totalInclCents: invoice.totalInclCents,
  });
  if (needed) throw new AppError('INVOICE_NEEDS_VALIDATION');
}

/** A credit note never credits more than what remains of its invoice; returns the invoice it corrects. */
async function checkCreditNote(db: Db, invoice: InvoiceRow, totals: DocumentTotals) {
  const [original] = await db
    .select()
    .from(invoices)
    .where(eq(invoices.id, invoice.correctsInvoiceId!))
    .for('update');
  if (original?.status !== 'issued') throw new AppError('NOT_FOUND', { what: 'invoice' });
  const earlier = await db
    .select()
    .from(invoices)
    .where(and(eq(invoices.correctsInvoiceId, original.id), eq(invoices.status, 'issued')));
  assertCreditNoteWithinRemaining(storedTotals(original), earlier.map(storedTotals), totals);
  return original;
}

/**
 * An invoice made from a quote never takes the invoices of the quote beyond the quote, VAT group by VAT
 * group (issued parts net of their credit notes, plus this one); a balance invoice deducts the earlier
 * parts, so they must all be issued. The quote row is locked: two parts of one quote issue one at a time.
 */
async function checkQuotePart(db: Db, invoice: InvoiceRow, totals: DocumentTotals) {
  const [quote] = await db.select().from(quotes).where(eq(quotes.id, invoice.quoteId!)).for('update');
  if (!quote) throw new AppError('NOT_FOUND', { what: 'quote' });
  const others = await quoteParts(db, quote.id, invoice.id);
  if (invoice.quotePart === 'balance' && others.some((p) => p.part.status !== 'issued')) {
    throw new AppError('QUOTE_PART_NOT_ISSUED');
  }
  const billed = sumBilled(others.filter((p) => p.part.status === 'issued'));
  for (const g of totals.vatBreakdown) billed.set(g.key, (billed.get(g.key) ?? 0) + g.baseCents);
  remainingByGroup(computeDocumentTotals(quote.body), billed);
  return quote;
}

/**
 * Issues an invoice, deposit invoice or credit note, in one transaction (issue 5 §4):
 * - checks the rights, the validation when the member needs it, the VAT rates in force, and for a credit
 *   note what remains of its invoice (locking that invoice, so two credit notes cannot both pass);
 * - takes the next number of the legal series, locking its counter row: numbers have no gap, no
 *   duplicate, and their issue dates never go backwards (ISSUE_DATE_BEFORE_LAST otherwise);
 * - renders the Factur-X PDF and its XML once and stores them by hash;
 * - posts the sales entry through the ledger (VAT on receipts for services);
 * - freezes the document (a trigger refuses any later change).
 * Issuing an issued document answers INVOICE_ALREADY_ISSUED and changes nothing.
 */
export async function issueInvoice(ctx: AppContext, actor: Actor, invoiceId: string) {
  return ctx.db.transaction(async (tx) => {
    const today = salesToday(ctx.now());
    const { invoice, activity, memberId } = await loadInvoiceForUpdate(tx, actor, invoiceId, today);
    if (invoice.status === 'issued') throw new AppError('INVOICE_ALREADY_ISSUED', { number: invoice.number });
    await checkValidation(tx, actor, invoice, memberId, today);
    assertCanTransition('invoice', invoice.status, 'issued');

    const body = await readInvoiceBody(tx, invoice.id, invoice.discount);
    const totals = computeDocumentTotals(body);
    for (const g of totals.vatBreakdown) {
      if (g.category === 'S' && !isVatRateInForce(g.rateBp, today)) {
        throw new AppError('VAT_RATE_UNKNOWN', { rate: g.rateBp / 100 });
      }
    }
    const client = await requireClientOf(tx, invoice.activityId, invoice.clientId);
    const original = invoice.type === 'creditNote' ? await checkCreditNote(tx, invoice, totals) : null;
    const quote = invoice.quoteId ? await checkQuotePart(tx, invoice, totals) : null;
    const seller = await getCooperative(tx);
    if (!seller) throw new AppError('NOT_FOUND', { what: 'cooperative' });
    // Shared lock: issuers do not wait for each other, a change of the numbering waits for them.
    const [settings] = await tx.select().from(salesSettings).for('share');
    if (!settings) throw new AppError('NOT_FOUND', { what: 'salesSettings' });

    // The legal number: lock the counter of the series (created on first use).
    const scheme: NumberingScheme = {
      template: settings.numberingTemplate,
      reset: settings.numberingReset,
      perActivity: settings.numberingPerActivity,
    };
    const key = counterKey(scheme, today, activity.code);
    await tx.execute(sql`INSERT INTO numbering_counters (counter_key, last_value) VALUES (${key}, 0)
      ON CONFLICT (counter_key) DO NOTHING`);
    const [counterRow] = await tx
      .select()
      .from(numberingCounters)
      .where(eq(numberingCounters.counterKey, key))
      .for('update');
    if (counterRow!.lastIssueDate && counterRow!.lastIssueDate > today) {
      throw new AppError('ISSUE_DATE_BEFORE_LAST', { last: counterRow!.lastIssueDate });
    }
    const counter = counterRow!.lastValue + 1;
    const number = formatDocumentNumber(scheme, { issueDate: today, activityCode: activity.code, counter });

    const paymentTerms =
      invoice.type === 'creditNote' ? { kind: 'days' as const, days: 0 } : invoice.paymentTerms;
    const view: SalesDocumentView = {
      type: invoice.type,
      number,
      issueDate: today,
      deliveryDate: invoice.deliveryDate ?? today,
      dueDate: computeDueDate(today, paymentTerms),
      paymentTerms,
      seller: { ...seller },
      activity: { code: activity.code, brandName: activity.brand || activity.name },
      client: {
        kind: client.kind,
        name: client.name,
        address: client.billingAddress,
        siren: client.siren,
        vatNumber: client.vatNumber,
        email: client.email,
      },
      deliveryAddress: deliveryAddressIfDifferent(
        invoice.deliveryAddress ?? client.deliveryAddress,
        client.billingAddress,
      ),
      body,
      totals,
      vatOnDebits: settings.vatOnDebits,
      latePenaltyRateBp: latePenaltyRateBp(
        today,
        {
          marginBp: settings.latePenaltyMarginBp,
          fixedRateBp: settings.latePenaltyFixedRateBp,
          ecbRates: [...ecbRefinancingRates, ...settings.ecbRates],
        },
        'latest',
      ),
      precedingInvoice: original ? { number: original.number!, issueDate: original.issueDate! } : null,
      quoteReference: quote?.reference ?? null,
      purchaseOrderReference: invoice.purchaseOrderReference,
      notes: invoice.notes,
    };
    const { pdf, xml } = await renderInvoicePdf(view);
    const pdfSha256 = await storeFile(tx, pdf, 'application/pdf');
    const xmlSha256 = await storeFile(tx, new TextEncoder().encode(xml), 'application/xml');

    const label = `${documentTypeTitles[invoice.type]} ${number} ${client.name}`
      .replace(/[\t\r\n]/g, ' ')
      .slice(0, 200);
    const entry = buildInvoiceEntryLines({
      type: invoice.type,
      body,
      totals,
      vatOnDebits: settings.vatOnDebits,
      label,
    });
    const posted = await postEntry({ db: tx, now: ctx.now }, actor, {
      journalCode: 'VT',
      entryDate: today,
      pieceRef: number,
      pieceDate: today,
      label,
      source: { type: invoice.type === 'creditNote' ? 'credit_note' : 'invoice', id: invoice.id },
      idempotencyKey: `sales.issue.${invoice.id}`,
      lines: entry.lines.map((l) => ({
        accountNumber: l.accountNumber,
        activityId: invoice.activityId,
        thirdParty: l.thirdParty ? { code: client.id, name: client.name.replace(/[\t\r\n]/g, ' ') } : null,
        debitCents: l.debitCents,
        creditCents: l.creditCents,
        label,
      })),
    });

    await tx
      .update(numberingCounters)
      .set({ lastValue: counter, lastIssueDate: today })
      .where(eq(numberingCounters.counterKey, key));
    const [issued] = await tx
      .update(invoices)
      .set({
        status: 'issued',
        number,
        counterKey: key,
        counter,
        issueDate: today,
        dueDate: view.dueDate,
        deliveryDate: view.deliveryDate,
        paymentTerms,
        issuedView: view,
        pdfSha256,
        xmlSha256,
        ledgerEntryId: posted.id,
        vatPendingCents: entry.vatPendingCents,
        totalLinesCents: totals.lineNetTotalCents,
        totalAllowancesCents: totals.allowanceTotalCents,
        totalExclCents: totals.taxExclusiveCents,
        totalVatCents: totals.vatTotalCents,
        totalInclCents: totals.taxInclusiveCents,
        vatBreakdown: totals.vatBreakdown,
        issuedBy: actor.userId,
        issuedAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .where(eq(invoices.id, invoice.id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'sales.invoice.issue',
      objectType: 'invoice',
      objectId: invoice.id,
      changes: { number, totalInclCents: totals.taxInclusiveCents, pdfSha256 },
    });
    return issued!;
  });
}

function sameAddress(a: object, b: object) {
  return JSON.stringify(a) === JSON.stringify(b);
}

function deliveryAddressIfDifferent<T extends object>(delivery: T | null, billing: T): T | null {
  return delivery && !sameAddress(delivery, billing) ? delivery : null;
}
