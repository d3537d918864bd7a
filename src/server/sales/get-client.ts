import { desc, eq } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import { clientBalance } from '../../core/sales/client-balance.ts';
import type { ClientDetailView, ClientView } from '../../core/sales/client-view.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { listInvoices } from './get-invoice.ts';
import { requireSalesActivity, salesToday } from './sales-access.ts';
import { clients, quotes } from './sales-tables.ts';

export function clientView(c: typeof clients.$inferSelect): ClientView {
  return {
    id: c.id,
    activityId: c.activityId,
    kind: c.kind,
    name: c.name,
    siren: c.siren,
    siret: c.siret,
    vatNumber: c.vatNumber,
    email: c.email,
    billingAddress: c.billingAddress,
    deliveryAddress: c.deliveryAddress,
    paymentTerms: c.paymentTerms,
    archived: c.archived,
  };
}

/** The client page (issue 5 §10): the client, its invoices, credit notes and quotes, and its balance. */
export async function getClient(ctx: AppContext, actor: Actor, clientId: string): Promise<ClientDetailView> {
  const [client] = await ctx.db.select().from(clients).where(eq(clients.id, clientId));
  if (!client) throw new AppError('NOT_FOUND', { what: 'client' });
  await requireSalesActivity(ctx.db, actor, client.activityId, salesToday(ctx.now()));
  const documents = await listInvoices(ctx, actor, { activityId: client.activityId, clientId });
  const quoteRows = await ctx.db
    .select()
    .from(quotes)
    .where(eq(quotes.clientId, clientId))
    .orderBy(desc(quotes.createdAt))
    .limit(500);
  return {
    client: clientView(client),
    deletable: documents.length === 0 && quoteRows.length === 0,
    invoices: documents,
    quotes: quoteRows.map((q) => ({
      id: q.id,
      reference: q.reference,
      status: q.status,
      issueDate: q.issueDate,
      validityDate: q.validityDate,
      totalExclCents: q.totalExclCents,
      totalInclCents: q.totalInclCents,
    })),
    balance: clientBalance(documents),
  };
}
