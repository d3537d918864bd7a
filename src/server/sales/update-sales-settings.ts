import { sql } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import { SalesSettingsInput, schemeCouldRepeat } from '../../core/sales/sales-settings.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';
import { salesSettings } from './sales-tables.ts';

export async function getSalesSettings(db: Db): Promise<SalesSettingsInput> {
  const [s] = await db.select().from(salesSettings);
  if (!s) throw new AppError('NOT_FOUND', { what: 'salesSettings' });
  return {
    numbering: {
      template: s.numberingTemplate,
      reset: s.numberingReset,
      perActivity: s.numberingPerActivity,
    },
    quoteNumbering: { template: s.quoteNumberingTemplate, reset: s.quoteNumberingReset },
    vatOnDebits: s.vatOnDebits,
    latePenaltyMarginBp: s.latePenaltyMarginBp,
    latePenaltyFixedRateBp: s.latePenaltyFixedRateBp,
    ecbRates: s.ecbRates,
    quoteValidityDays: s.quoteValidityDays,
    remindersEnabled: s.remindersEnabled,
    reminderDays: s.reminderDays,
  };
}

/**
 * Replaces the sales settings (administrators). A numbering template that could print the same number
 * twice is refused (NUMBERING_TEMPLATE_UNSAFE): on its own (core numbering-template.ts), or because
 * numbers already issued fit the new template and its counters would meet them again. The settings row
 * is locked, and issuing locks it too, so no invoice is numbered half-way through a change.
 */
export async function updateSalesSettings(ctx: AppContext, actor: Actor, input: unknown) {
  const parsed = SalesSettingsInput.safeParse(input);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', { zodError: parsed.error });
  const next = parsed.data;
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT id FROM sales_settings FOR UPDATE`);
    const current = await getSalesSettings(tx);
    const invoiceNumbers = await queryRows<{ number: string }>(
      tx,
      sql`SELECT number FROM invoices WHERE number IS NOT NULL`,
    );
    if (
      schemeCouldRepeat(
        current.numbering,
        next.numbering,
        invoiceNumbers.map((r) => r.number),
      )
    ) {
      throw new AppError('NUMBERING_TEMPLATE_UNSAFE', {
        problem: 'clash',
        template: next.numbering.template,
      });
    }
    const quoteNumbers = await queryRows<{ reference: string }>(
      tx,
      sql`SELECT reference FROM quotes WHERE reference IS NOT NULL`,
    );
    if (
      schemeCouldRepeat(
        { ...current.quoteNumbering, perActivity: false },
        { ...next.quoteNumbering, perActivity: false },
        quoteNumbers.map((r) => r.reference),
      )
    ) {
      throw new AppError('NUMBERING_TEMPLATE_UNSAFE', {
        problem: 'clash',
        template: next.quoteNumbering.template,
      });
    }
    await tx.update(salesSettings).set({
      numberingTemplate: next.numbering.template,
      numberingReset: next.numbering.reset,
      numberingPerActivity: next.numbering.perActivity,
      quoteNumberingTemplate: next.quoteNumbering.template,
      quoteNumberingReset: next.quoteNumbering.reset,
      vatOnDebits: next.vatOnDebits,
      latePenaltyMarginBp: next.latePenaltyMarginBp,
      latePenaltyFixedRateBp: next.latePenaltyFixedRateBp,
      ecbRates: next.ecbRates,
      quoteValidityDays: next.quoteValidityDays,
      remindersEnabled: next.remindersEnabled,
      reminderDays: next.reminderDays,
      updatedAt: ctx.now(),
    });
    await recordAudit(tx, actor, {
      action: 'sales.settings.update',
      objectType: 'sales_settings',
      objectId: '1',
      changes: next as unknown as Record<string, unknown>,
    });
    return next;
  });
}
