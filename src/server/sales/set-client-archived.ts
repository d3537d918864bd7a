import { eq } from 'drizzle-orm';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { salesToday } from './sales-access.ts';
import { clients } from './sales-tables.ts';
import { loadClientForUpdate } from './update-client.ts';

/**
 * Archives a client (no new quote or invoice for it; its documents stay) or brings it back. Archiving
 * an archived client changes nothing and writes no audit record.
 */
export async function setClientArchived(ctx: AppContext, actor: Actor, clientId: string, archived: boolean) {
  return ctx.db.transaction(async (tx) => {
    const client = await loadClientForUpdate(tx, actor, clientId, salesToday(ctx.now()));
    if (client.archived === archived) return client;
    const [row] = await tx
      .update(clients)
      .set({ archived, updatedAt: ctx.now() })
      .where(eq(clients.id, clientId))
      .returning();
    await recordAudit(tx, actor, {
      action: archived ? 'sales.client.archive' : 'sales.client.unarchive',
      objectType: 'client',
      objectId: clientId,
    });
    return row!;
  });
}
