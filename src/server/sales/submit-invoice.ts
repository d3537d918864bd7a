import { eq } from 'drizzle-orm';
import { can } from '../../core/access/permissions.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { assertCanTransition } from '../../core/sales/document-statuses.ts';
import { formatEuros } from '../../core/sales/format-fr.ts';
import { ReturnInvoiceInput } from '../../core/sales/sales-schemas.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { cooperative } from '../cooperative/cooperative-tables.ts';
import { enqueueEmail } from '../mail/enqueue-email.ts';
import { users } from '../people/people-tables.ts';
import { loadInvoiceForUpdate } from './load-invoice-for-update.ts';
import { salesToday } from './sales-access.ts';
import { clients, invoices } from './sales-tables.ts';

/** The member sends a draft to support for validation. */
export async function submitInvoice(ctx: AppContext, actor: Actor, invoiceId: string) {
  return ctx.db.transaction(async (tx) => {
    const { invoice } = await loadInvoiceForUpdate(tx, actor, invoiceId, salesToday(ctx.now()));
    assertCanTransition('invoice', invoice.status, 'submitted');
    await tx
      .update(invoices)
      .set({ status: 'submitted', submittedAt: ctx.now(), returnReason: null, updatedAt: ctx.now() })
      .where(eq(invoices.id, invoiceId));
    await recordAudit(tx, actor, {
      action: 'sales.invoice.submit',
      objectType: 'invoice',
      objectId: invoiceId,
    });
  });
}

/** Support validates a submitted invoice; its author (or support) can then issue it. */
export async function approveInvoice(ctx: AppContext, actor: Actor, invoiceId: string) {
  if (!can(actor.roles, 'sales.validate')) throw new AppError('FORBIDDEN');
  return ctx.db.transaction(async (tx) => {
    const { invoice } = await loadInvoiceForUpdate(tx, actor, invoiceId, salesToday(ctx.now()));
    if (invoice.status === 'issued') throw new AppError('INVOICE_ALREADY_ISSUED', { number: invoice.number });
    if (invoice.status !== 'submitted') {
      throw new AppError('STATUS_TRANSITION_REFUSED', {
        kind: 'invoice',
        from: invoice.status,
        to: 'validated',
      });
    }
    await tx
      .update(invoices)
      .set({ approvedBy: actor.userId, approvedAt: ctx.now(), updatedAt: ctx.now() })
      .where(eq(invoices.id, invoiceId));
    await recordAudit(tx, actor, {
      action: 'sales.invoice.approve',
      objectType: 'invoice',
      objectId: invoiceId,
    });
  });
}

/**
 * Support sends a submitted invoice back to its author as a draft, saying why: the reason shows on the draft and
 * goes to the author by e-mail (queued in the same transaction), so they need not watch the screen.
 */
export async function returnInvoiceToDraft(ctx: AppContext, actor: Actor, invoiceId: string, input: unknown) {
  const parsed = ReturnInvoiceInput.safeParse(input);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', { zodError: parsed.error });
  const { reason } = parsed.data;
  return ctx.db.transaction(async (tx) => {
    const { invoice } = await loadInvoiceForUpdate(tx, actor, invoiceId, salesToday(ctx.now()));
    assertCanTransition('invoice', invoice.status, 'draft');
    await tx
      .update(invoices)
      .set({
        status: 'draft',
        submittedAt: null,
        approvedBy: null,
        approvedAt: null,
        returnReason: reason,
        updatedAt: ctx.now(),
      })
      .where(eq(invoices.id, invoiceId));
    await recordAudit(tx, actor, {
      action: 'sales.invoice.return',
      objectType: 'invoice',
      objectId: invoiceId,
      changes: { reason },
    });
    const authorId = invoice.createdBy;
    if (authorId && authorId !== actor.userId) {
      const [author] = await tx.select().from(users).where(eq(users.id, authorId));
      const [reviewer] = actor.userId
        ? await tx.select({ name: users.name }).from(users).where(eq(users.id, actor.userId))
        : [];
      const [client] = await tx
        .select({ name: clients.name })
        .from(clients)
        .where(eq(clients.id, invoice.clientId));
      const [coop] = await tx.select({ name: cooperative.legalName }).from(cooperative);
      if (author?.active) {
        await enqueueEmail(tx, {
          to: author.email,
          toName: author.name,
          locale: author.locale,
          template: 'salesInvoiceReturned',
          vars: {
            name: author.name,
            cooperativeName: coop?.name ?? 'Mutua',
            reviewerName: reviewer?.name ?? '',
            clientName: client?.name ?? '',
            total: formatEuros(Number(invoice.totalInclCents)),
            reason,
            url: `${ctx.config.publicUrl}/sales/invoices/${invoiceId}/edit`,
          },
          now: ctx.now(),
        });
      }
    }
  });
}
