import { eq } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import { ClientInput } from '../../core/sales/sales-schemas.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Db } from '../db/open-database.ts';
import { requireSalesActivity, salesToday } from './sales-access.ts';
import { clients } from './sales-tables.ts';

/**
 * Locks a client row after checking the actor works on its activity. A client of an activity the actor
 * cannot see answers NOT_FOUND, like one that does not exist.
 */
export async function loadClientForUpdate(db: Db, actor: Actor, clientId: string, today: string) {
  const [client] = await db.select().from(clients).where(eq(clients.id, clientId)).for('update');
  if (!client) throw new AppError('NOT_FOUND', { what: 'client' });
  await requireSalesActivity(db, actor, client.activityId, today);
  return client;
}

/**
 * Replaces a client's details (issue 5 §1). Issued documents keep the client as it was when they were
 * issued (their `issued_view`), so editing never changes an issued invoice; drafts use the new details.
 */
export async function updateClient(ctx: AppContext, actor: Actor, clientId: string, input: unknown) {
  const parsed = ClientInput.safeParse(input);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', { zodError: parsed.error });
  const c = parsed.data;
  return ctx.db.transaction(async (tx) => {
    const before = await loadClientForUpdate(tx, actor, clientId, salesToday(ctx.now()));
    const [row] = await tx
      .update(clients)
      .set({
        kind: c.kind,
        name: c.name,
        siren: c.siren,
        siret: c.siret,
        vatNumber: c.vatNumber,
        billingAddress: c.billingAddress,
        deliveryAddress: c.deliveryAddress,
        email: c.email,
        paymentTerms: c.paymentTerms,
        updatedAt: ctx.now(),
      })
      .where(eq(clients.id, clientId))
      .returning();
    const changed = Object.fromEntries(
      (['kind', 'name', 'siren', 'siret', 'vatNumber', 'email'] as const)
        .filter((k) => before[k] !== row![k])
        .map((k) => [k, { from: before[k], to: row![k] }]),
    );
    await recordAudit(tx, actor, {
      action: 'sales.client.update',
      objectType: 'client',
      objectId: clientId,
      changes: changed,
    });
    return row!;
  });
}
