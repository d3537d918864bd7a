import { eq, sql } from 'drizzle-orm';
import { vatIncludedCents, vatOnBaseCents } from '../../core/expenses/expense-totals.ts';
import { addDays, calendarDateOf } from '../../core/members/calendar-date.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { queryRows } from '../db/query-rows.ts';
import { users } from '../people/people-tables.ts';
import { decideExpenseItem } from './decide-expense-item.ts';
import { drawDemoInvoicePdf, drawDemoReceiptPng } from './draw-demo-receipt.ts';
import { confirmExpensePaymentBatch, prepareExpensePaymentBatch } from './expense-payment-batches.ts';
import { expenseCategories } from './expenses-tables.ts';
import { recordSupplierInvoice } from './record-supplier-invoice.ts';
import { saveExpenseClaim } from './save-expense-claim.ts';
import { storeReceipt } from './store-receipt.ts';
import { submitExpenseClaim } from './submit-expense-claim.ts';

/**
 * Expense claims and supplier invoices in every state for Camille's activity (issue 7), through the use cases:
 * a draft, claims waiting for approval (one above the threshold with its first approval), approved, rejected
 * with a reason, paid by a confirmed SEPA batch; supplier invoices waiting, approved, partly paid, paid, rejected.
 * Dated in the last days (never before the first of the current year: earlier years are closed).
 */
export async function seedDemoExpenses(
  ctx: AppContext,
  emails = {
    member: 'camille@demo.mutua.coop',
    support: 'accompagnement@demo.mutua.coop',
    accountant: 'compta@demo.mutua.coop',
  },
) {
  const accounts = await ctx.db.select().from(users);
  const actorOf = (email: string): Actor | null => {
    const u = accounts.find((a) => a.email === email);
    return u
      ? { userId: u.id, label: u.email, roles: u.roles as Actor['roles'], locale: 'fr', ipAddress: null }
      : null;
  };
  const camille = actorOf(emails.member);
  const support = actorOf(emails.support);
  const accountant = actorOf(emails.accountant);
  if (!camille || !support || !accountant) return { claims: 0, invoices: 0 };
  const [activity] = await queryRows<{ id: string }>(
    ctx.db,
    sql`SELECT a.id FROM activities a JOIN activity_members am ON am.activity_id = a.id
        JOIN members m ON m.id = am.member_id WHERE m.user_id = ${camille.userId} AND a.status <> 'closed'
        ORDER BY a.code LIMIT 1`,
  );
  if (!activity) return { claims: 0, invoices: 0 };
  const today = calendarDateOf(ctx.now());
  const yearStart = `${today.slice(0, 4)}-01-01`;
  const daysAgo = (n: number) => {
    const d = addDays(today, -n);
    return d < yearStart ? yearStart : d;
  };
  const categories = new Map(
    (await ctx.db.select().from(expenseCategories).where(eq(expenseCategories.active, true))).map((c) => [
      c.code,
      c,
    ]),
  );
  const cat = (code: string) => categories.get(code)!.id;
  let seed = 0;
  const receipt = async () => (await storeReceipt(ctx, camille, drawDemoReceiptPng(++seed))).sha256;
  const line = async (code: string, description: string, totalCents: number, ago: number) => ({
    kind: 'expense' as const,
    date: daysAgo(ago),
    categoryId: cat(code),
    description,
    totalCents,
    vatCents: vatIncludedCents(totalCents, categories.get(code)!.defaultVatRateBp),
    receiptSha256: await receipt(),
  });
  const mileage = (description: string, distanceKm: number, ago: number) => ({
    kind: 'mileage' as const,
    date: daysAgo(ago),
    description,
    vehicle: 'car' as const,
    fiscalHp: 5,
    electric: false,
    distanceKm,
  });
  const claim = async (
    title: string,
    lines: Awaited<ReturnType<typeof line>>[] | unknown[],
    submit = true,
  ) => {
    const draft = await saveExpenseClaim(ctx, camille, {
      activityId: activity.id,
      title,
      lines: lines as never,
    });
    return submit ? (await submitExpenseClaim(ctx, camille, draft.id)).id : draft.id;
  };

  await claim('Fournitures atelier', [await line('SUPPLIES', 'Papier et encres', 4_890, 1)], false);
  const paid = await claim('Rendez-vous client à Lyon', [
    await line('TRANSPORT', 'Train Paris – Lyon aller-retour', 11_600, 12),
    await line('MEALS', 'Déjeuner client', 4_620, 12),
  ]);
  const approved = await claim('Tournée clients', [
    mileage('Paris – Versailles – Paris', 46, 8),
    await line('FUEL', 'Péage A13', 1_060, 8),
  ]);
  const rejected = await claim('Salon du graphisme', [await line('MEALS', 'Dîner', 8_900, 6)]);
  await claim('Frais de la semaine', [
    await line('TRANSPORT', 'Taxi gare', 2_850, 3),
    mileage('Atelier – imprimeur', 18, 2),
  ]);
  const big = await claim('Matériel de prise de vue', [
    await line('SUPPLIES', 'Éclairage studio', 129_000, 4),
  ]);

  for (const id of [paid, approved])
    await decideExpenseItem(ctx, support, 'claim', id, { action: 'approve' });
  await decideExpenseItem(ctx, support, 'claim', rejected, {
    action: 'reject',
    reason: 'Le ticket ne montre ni la date ni le nombre de convives : merci de joindre la note détaillée.',
  });
  // Above the cooperative's threshold: a first approval, a second person still awaited.
  await decideExpenseItem(ctx, support, 'claim', big, { action: 'approve' });

  const pdf = async (lines: string[]) => (await storeReceipt(ctx, camille, drawDemoInvoicePdf(lines))).sha256;
  const invoice = async (
    supplierName: string,
    siren: string | null,
    number: string,
    base: number,
    ago: number,
    code: string,
  ) =>
    (
      await recordSupplierInvoice(ctx, camille, {
        activityId: activity.id,
        categoryId: cat(code),
        supplierName,
        supplierSiren: siren,
        supplierIban: 'FR76 3000 4000 0312 3456 7890 143',
        supplierBic: null,
        number,
        issueDate: daysAgo(ago),
        dueDate: addDays(daysAgo(ago), 30),
        description: `Facture ${number}`,
        vatTotals: [{ rateBp: 2000, baseCents: base, vatCents: vatOnBaseCents(base, 2000) }],
        pdfSha256: await pdf([
          supplierName,
          `Facture ${number}`,
          `Total HT ${(base / 100).toFixed(2)} EUR`,
          'Demo Mutua',
        ]),
      })
    ).id;
  const printer = await invoice('Imprimerie du Canal', '552100554', 'IC-2026-0412', 38_000, 15, 'SERVICES');
  const hosting = await invoice('Hébergeur Nuage', '732829320', 'HN-88213', 2_400, 10, 'TELECOM');
  const studio = await invoice('Studio Lumière Location', null, 'SL-311', 45_000, 9, 'RENTALS');
  const wrong = await invoice('Papeterie Moderne', null, 'PM-7781', 6_500, 5, 'SUPPLIES');
  await invoice('Traducteurs Associés', null, 'TA-2026-19', 24_000, 2, 'SUBCONTRACTING');
  for (const id of [printer, hosting, studio])
    await decideExpenseItem(ctx, accountant, 'supplier_invoice', id, { action: 'approve' });
  await decideExpenseItem(ctx, accountant, 'supplier_invoice', wrong, {
    action: 'reject',
    reason:
      'Facture adressée à Camille Martin et non à la coopérative : demander une facture au nom de la coopérative.',
  });

  // One batch paid: the Lyon claim, the printer in full, half of the studio rental; the hosting stays to pay.
  const batch = await prepareExpensePaymentBatch(
    ctx,
    accountant,
    {
      executionDate: daysAgo(1),
      items: [
        { type: 'claim', id: paid },
        { type: 'supplier_invoice', id: printer },
        { type: 'supplier_invoice', id: studio, amountCents: 27_000 },
      ],
    },
    { replayPast: true },
  );
  await confirmExpensePaymentBatch(ctx, accountant, batch.id, { paidOn: daysAgo(1) });
  return { claims: 6, invoices: 5 };
}
