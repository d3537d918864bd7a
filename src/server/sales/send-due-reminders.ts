import { and, eq, sql } from 'drizzle-orm';
import { formatCreditorReference } from '../../core/bank/creditor-reference.ts';
import { formatIban } from '../../core/identity/bank-details.ts';
import { daysBetween } from '../../core/sales/calendar-date.ts';
import { paymentReference } from '../../core/sales/describe-legal-mentions.ts';
import { formatDateFr, formatEuros } from '../../core/sales/format-fr.ts';
import {
  computeLatePenaltyCents,
  ecbRefinancingRates,
  formatRateBp,
  type LatePenaltySettings,
  latePenaltyRateBp,
  RECOVERY_INDEMNITY_CENTS,
} from '../../core/sales/late-penalty.ts';
import { dueReminderStep, ecbRatesThrough } from '../../core/sales/reminder-schedule.ts';
import { activities } from '../activities/activities-tables.ts';
import type { AppContext } from '../app-context.ts';
import { systemActor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { queryRows } from '../db/query-rows.ts';
import { enqueueEmail } from '../mail/enqueue-email.ts';
import { invoiceBalance } from './record-payment.ts';
import { salesToday } from './sales-access.ts';
import { clients, invoiceSendings, invoices, salesSettings } from './sales-tables.ts';
import { documentFilename } from './send-sales-document.ts';

/** The penalty settings of the cooperative, with every half-year up to `today` known. */
export function penaltySettings(
  settings: typeof salesSettings.$inferSelect,
  today: string,
): LatePenaltySettings {
  const bySemester = new Map(ecbRefinancingRates.map((r) => [r.semesterStart, r]));
  // Rates the cooperative typed in win over the built-in table.
  for (const r of settings.ecbRates) bySemester.set(r.semesterStart, r);
  return {
    marginBp: settings.latePenaltyMarginBp,
    fixedRateBp: settings.latePenaltyFixedRateBp,
    ecbRates: ecbRatesThrough([...bySemester.values()], today),
  };
}

/**
 * Sends the reminders due today (issue 5 §9): for every issued invoice still unpaid past its due date,
 * whose client has an e-mail address, the step of the cooperative's schedule reached today (7, 30, 60
 * days after the due date by default), once per step. Each reminder shows what remains due and the late
 * penalties computed to today (ECB rate + 10 points unless the settings say otherwise, C. com. L441-10),
 * plus the €40 recovery indemnity for a business client; the invoice's stored PDF is attached; a trace
 * is kept. Each invoice is handled in its own transaction, its row locked: two workers never send the
 * same step twice (and a unique index stands behind that).
 */
export async function sendDueReminders(ctx: AppContext) {
  const today = salesToday(ctx.now());
  const [settings] = await ctx.db.select().from(salesSettings);
  if (!settings?.remindersEnabled || settings.reminderDays.length === 0) return { sent: 0 };
  const steps = [...settings.reminderDays].sort((a, b) => a - b);
  const penalties = penaltySettings(settings, today);
  const candidates = await queryRows<{ id: string }>(
    ctx.db,
    sql`SELECT i.id FROM invoices i JOIN clients c ON c.id = i.client_id
        WHERE i.status = 'issued' AND i.type IN ('invoice', 'deposit') AND c.email IS NOT NULL
          AND i.due_date <= ${today}::date - ${steps[0]!}::int
          AND i.total_incl_cents > coalesce((SELECT sum(amount_cents) FROM payments p WHERE p.invoice_id = i.id), 0)
            + coalesce((SELECT sum(total_incl_cents) FROM invoices cn
                        WHERE cn.corrects_invoice_id = i.id AND cn.status = 'issued'), 0)
        ORDER BY i.due_date, i.number`,
  );
  let sent = 0;
  for (const { id } of candidates) {
    const done = await ctx.db.transaction(async (tx) => {
      const [invoice] = await tx.select().from(invoices).where(eq(invoices.id, id)).for('update');
      const sentSteps = (
        await tx
          .select({ days: invoiceSendings.reminderDays })
          .from(invoiceSendings)
          .where(and(eq(invoiceSendings.invoiceId, id), eq(invoiceSendings.kind, 'reminder')))
      ).map((r) => r.days!);
      const step = dueReminderStep({ dueDate: invoice!.dueDate!, today, sentSteps }, steps);
      if (step === null) return false;
      const balance = await invoiceBalance(tx, invoice!);
      if (balance.dueCents <= 0) return false;
      const [client] = await tx.select().from(clients).where(eq(clients.id, invoice!.clientId));
      const [activity] = await tx.select().from(activities).where(eq(activities.id, invoice!.activityId));
      const penaltyCents = computeLatePenaltyCents(
        { unpaidCents: balance.dueCents, dueDate: invoice!.dueDate!, until: today },
        penalties,
      );
      const rateBp = latePenaltyRateBp(today, penalties, 'latest');
      const indemnityCents = client!.kind === 'individual' ? null : RECOVERY_INDEMNITY_CENTS;
      const view = invoice!.issuedView!;
      const printedReference = paymentReference(view);
      const emailId = await enqueueEmail(tx, {
        to: client!.email!,
        toName: client!.name,
        locale: 'fr',
        template: 'salesReminder',
        vars: {
          cooperativeName: view.seller.legalName,
          brandName: activity!.brand || activity!.name,
          number: invoice!.number!,
          issueDate: formatDateFr(invoice!.issueDate!),
          dueDate: formatDateFr(invoice!.dueDate!),
          daysLate: daysBetween(invoice!.dueDate!, today),
          due: formatEuros(balance.dueCents),
          penaltyRate: formatRateBp(rateBp),
          penalty: formatEuros(penaltyCents),
          indemnity: indemnityCents === null ? null : formatEuros(indemnityCents),
          iban: formatIban(view.seller.iban),
          // The reference the invoice printed for its transfer (its RF creditor reference), else its number.
          reference: printedReference ? formatCreditorReference(printedReference) : invoice!.number!,
        },
        now: ctx.now(),
        attachments: [{ filename: documentFilename(invoice!.number!), sha256: invoice!.pdfSha256! }],
      });
      await tx.insert(invoiceSendings).values({
        invoiceId: id,
        kind: 'reminder',
        reminderDays: step,
        toAddress: client!.email!,
        fileSha256: invoice!.pdfSha256!,
        emailId,
        dueCents: balance.dueCents,
        penaltyCents,
        penaltyRateBp: rateBp,
        indemnityCents,
        sentAt: ctx.now(),
      });
      await recordAudit(tx, systemActor, {
        action: 'sales.invoice.remind',
        objectType: 'invoice',
        objectId: id,
        changes: { step, dueCents: balance.dueCents, penaltyCents },
      });
      return true;
    });
    if (done) sent++;
  }
  return { sent };
}
