import { and, eq } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import { CatalogueItemInput } from '../../core/sales/catalogue-item.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Db } from '../db/open-database.ts';
import { ledgerAccounts } from '../ledger/ledger-tables.ts';
import { requireSalesActivity, salesToday } from './sales-access.ts';
import { catalogueItems } from './sales-tables.ts';

/** Locks a catalogue item after checking the actor works on its activity (NOT_FOUND otherwise). */
export async function loadCatalogueItemForUpdate(db: Db, actor: Actor, itemId: string, today: string) {
  const [item] = await db.select().from(catalogueItems).where(eq(catalogueItems.id, itemId)).for('update');
  if (!item) throw new AppError('NOT_FOUND', { what: 'catalogueItem' });
  await requireSalesActivity(db, actor, item.activityId, today);
  return item;
}

/**
 * Adds a product or service to an activity's catalogue (`target.activityId`), or replaces one
 * (`target.itemId`). Rights as for clients: the activity's members, and staff with sales.all.
 */
export async function saveCatalogueItem(
  ctx: AppContext,
  actor: Actor,
  target: { activityId: string } | { itemId: string },
  input: unknown,
) {
  const parsed = CatalogueItemInput.safeParse(input);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', { zodError: parsed.error });
  const i = parsed.data;
  const values = {
    name: i.name,
    description: i.description,
    unit: i.unit,
    unitPriceCents: i.unitPriceCents,
    vat: i.vat,
    supplyKind: i.kind,
    salesAccount: i.salesAccount,
    updatedAt: ctx.now(),
  };
  return ctx.db.transaction(async (tx) => {
    const today = salesToday(ctx.now());
    // Invoices of this item credit its account: it must be in the chart, or issuing them would fail.
    const [account] = await tx
      .select({ number: ledgerAccounts.number })
      .from(ledgerAccounts)
      .where(and(eq(ledgerAccounts.number, i.salesAccount), eq(ledgerAccounts.active, true)));
    if (!account) throw new AppError('SALES_ACCOUNT_UNKNOWN', { account: i.salesAccount });
    let row: typeof catalogueItems.$inferSelect;
    if ('itemId' in target) {
      await loadCatalogueItemForUpdate(tx, actor, target.itemId, today);
      [row] = (await tx
        .update(catalogueItems)
        .set(values)
        .where(eq(catalogueItems.id, target.itemId))
        .returning()) as [typeof row];
    } else {
      await requireSalesActivity(tx, actor, target.activityId, today);
      [row] = (await tx
        .insert(catalogueItems)
        .values({ ...values, activityId: target.activityId })
        .returning()) as [typeof row];
    }
    await recordAudit(tx, actor, {
      action: 'itemId' in target ? 'sales.catalogue.update' : 'sales.catalogue.create',
      objectType: 'catalogue_item',
      objectId: row.id,
      changes: { name: i.name, unitPriceCents: i.unitPriceCents },
    });
    return row;
  });
}

/** Archives a catalogue item (no longer offered; documents that used it keep their own copy) or brings it back. */
export async function setCatalogueItemArchived(
  ctx: AppContext,
  actor: Actor,
  itemId: string,
  archived: boolean,
) {
  return ctx.db.transaction(async (tx) => {
    const item = await loadCatalogueItemForUpdate(tx, actor, itemId, salesToday(ctx.now()));
    if (item.archived === archived) return item;
    const [row] = await tx
      .update(catalogueItems)
      .set({ archived, updatedAt: ctx.now() })
      .where(eq(catalogueItems.id, itemId))
      .returning();
    await recordAudit(tx, actor, {
      action: archived ? 'sales.catalogue.archive' : 'sales.catalogue.unarchive',
      objectType: 'catalogue_item',
      objectId: itemId,
    });
    return row!;
  });
}

/** Deletes a catalogue item: documents copy their lines, so nothing refers to it. */
export async function deleteCatalogueItem(ctx: AppContext, actor: Actor, itemId: string) {
  return ctx.db.transaction(async (tx) => {
    const item = await loadCatalogueItemForUpdate(tx, actor, itemId, salesToday(ctx.now()));
    await tx.delete(catalogueItems).where(eq(catalogueItems.id, itemId));
    await recordAudit(tx, actor, {
      action: 'sales.catalogue.delete',
      objectType: 'catalogue_item',
      objectId: itemId,
      changes: { name: item.name },
    });
  });
}
