import type { CooperativeIdentity } from '../../core/cooperative/cooperative-identity.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { diffFields, recordAudit } from '../audit/record-audit.ts';
import { cooperative } from './cooperative-tables.ts';
import { getCooperative } from './get-cooperative.ts';

/** Sets the cooperative's legal identity (admin). Rights are checked by the route; input is parsed. */
export async function updateCooperative(ctx: AppContext, actor: Actor, input: CooperativeIdentity) {
  return ctx.db.transaction(async (tx) => {
    const before = await getCooperative(tx);
    const values = { ...input, updatedAt: ctx.now() };
    await tx
      .insert(cooperative)
      .values({ id: 1, ...values })
      .onConflictDoUpdate({ target: cooperative.id, set: values });
    await recordAudit(tx, actor, {
      action: before ? 'cooperative.update' : 'cooperative.create',
      objectType: 'cooperative',
      objectId: '1',
      changes: before ? diffFields(before as unknown as Record<string, unknown>, input) : { created: input },
    });
    return (await getCooperative(tx))!;
  });
}
