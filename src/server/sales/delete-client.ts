import { sql } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { queryRows } from '../db/query-rows.ts';
import { salesToday } from './sales-access.ts';
import { loadClientForUpdate } from './update-client.ts';

/**
 * Deletes a client that has no document at all (issue 5 §1: a client with documents cannot be deleted;
 * archive it instead). The row is locked first, so a document created at the same time either waits and
 * then fails on its foreign key, or makes this refuse.
 */
export async function deleteClient(ctx: AppContext, actor: Actor, clientId: string) {
  return ctx.db.transaction(async (tx) => {
    const client = await loadClientForUpdate(tx, actor, clientId, salesToday(ctx.now()));
    const [usage] = await queryRows<{ invoices: number; quotes: number }>(
      tx,
      sql`SELECT (SELECT count(*)::int FROM invoices WHERE client_id = ${clientId}) AS invoices,
                 (SELECT count(*)::int FROM quotes WHERE client_id = ${clientId}) AS quotes`,
    );
    const invoices = Number(usage!.invoices);
    const quotes = Number(usage!.quotes);
    if (invoices + quotes > 0) throw new AppError('CLIENT_HAS_DOCUMENTS', { invoices, quotes });
    await tx.execute(sql`DELETE FROM clients WHERE id = ${clientId}`);
    await recordAudit(tx, actor, {
      action: 'sales.client.delete',
      objectType: 'client',
      objectId: clientId,
      changes: { name: client.name },
    });
  });
}
