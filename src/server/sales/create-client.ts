import { AppError } from '../../core/errors/app-error.ts';
import { ClientInput } from '../../core/sales/sales-schemas.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { requireSalesActivity, salesToday } from './sales-access.ts';
import { clients } from './sales-tables.ts';

/** Adds a client to an activity (issue 5 §1). */
export async function createClient(ctx: AppContext, actor: Actor, activityId: string, input: unknown) {
  const parsed = ClientInput.safeParse(input);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', { zodError: parsed.error });
  const c = parsed.data;
  return ctx.db.transaction(async (tx) => {
    await requireSalesActivity(tx, actor, activityId, salesToday(ctx.now()));
    const [row] = await tx
      .insert(clients)
      .values({
        activityId,
        kind: c.kind,
        name: c.name,
        siren: c.siren,
        siret: c.siret,
        vatNumber: c.vatNumber,
        billingAddress: c.billingAddress,
        deliveryAddress: c.deliveryAddress,
        email: c.email,
        paymentTerms: c.paymentTerms,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'sales.client.create',
      objectType: 'client',
      objectId: row!.id,
      changes: { name: c.name },
    });
    return row!;
  });
}
