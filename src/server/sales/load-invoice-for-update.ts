import { eq } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import type { Actor } from '../audit/actor.ts';
import type { Db } from '../db/open-database.ts';
import { requireSalesActivity } from './sales-access.ts';
import { invoices } from './sales-tables.ts';

/** Locks an invoice row for the rest of the transaction, after checking the actor may work on it. */
export async function loadInvoiceForUpdate(db: Db, actor: Actor, invoiceId: string, today: string) {
  const [invoice] = await db.select().from(invoices).where(eq(invoices.id, invoiceId)).for('update');
  if (!invoice) throw new AppError('NOT_FOUND');
  const access = await requireSalesActivity(db, actor, invoice.activityId, today);
  return { invoice, ...access };
}
