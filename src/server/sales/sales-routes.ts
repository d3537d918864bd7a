import { OpenAPIHono, z } from '@hono/zod-openapi';
import { and, eq, type SQL } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import { CalendarDate } from '../../core/sales/calendar-date.ts';
import { ClientView } from '../../core/sales/client-view.ts';
import { InvoiceView } from '../../core/sales/invoice-view.ts';
import {
  ClientInput,
  CreditNoteInput,
  InvoiceDraftInput,
  PaymentInput,
  ReturnInvoiceInput,
} from '../../core/sales/sales-schemas.ts';
import { readFile } from '../files/store-file.ts';
import { defineRoute, idParam, json, jsonBody, problemResponses } from '../http/define-route.ts';
import type { HttpEnv } from '../http/http-env.ts';
import { createClient } from './create-client.ts';
import { createCreditNote } from './create-credit-note.ts';
import { clientView } from './get-client.ts';
import { getInvoice, getInvoicePdf, listInvoices } from './get-invoice.ts';
import { issueInvoice } from './issue-invoice.ts';
import { recordPayment } from './record-payment.ts';
import { requireSalesActivity, salesToday } from './sales-access.ts';
import { clients } from './sales-tables.ts';
import { saveInvoiceDraft } from './save-invoice-draft.ts';
import { approveInvoice, returnInvoiceToDraft, submitInvoice } from './submit-invoice.ts';

const activityParam = z.object({ activityId: z.uuid() });
const conflict = {
  409: { description: 'Refused by a sales rule (problem+json)' },
  404: { description: 'Not found' },
};

/** Sales routes (issue 5). Every use case checks the activity: a member works only on their own. */
export const salesRoutes = new OpenAPIHono<HttpEnv>()
  .openapi(
    defineRoute('sales.use', {
      method: 'get',
      path: '/sales/activities/{activityId}/clients',
      tags: ['Sales'],
      summary: "An activity's clients (all, or only the archived or the active ones)",
      request: {
        params: activityParam,
        query: z.object({ archived: z.enum(['true', 'false']).optional() }),
      },
      responses: {
        200: { description: 'Clients', ...json(z.array(ClientView)) },
        ...problemResponses,
        ...conflict,
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const { activityId } = c.req.valid('param');
      const { archived } = c.req.valid('query');
      await requireSalesActivity(ctx.db, c.get('actor'), activityId, salesToday(ctx.now()));
      const where: SQL[] = [eq(clients.activityId, activityId)];
      if (archived) where.push(eq(clients.archived, archived === 'true'));
      const rows = await ctx.db
        .select()
        .from(clients)
        .where(and(...where))
        .orderBy(clients.name);
      return c.json(rows.map(clientView), 200);
    },
  )
  .openapi(
    defineRoute('sales.use', {
      method: 'post',
      path: '/sales/activities/{activityId}/clients',
      tags: ['Sales'],
      summary: 'Add a client to an activity',
      request: { params: activityParam, ...jsonBody(ClientInput) },
      responses: { 201: { description: 'Created', ...json(ClientView) }, ...problemResponses, ...conflict },
    }),
    async (c) => {
      const row = await createClient(
        c.get('ctx'),
        c.get('actor'),
        c.req.valid('param').activityId,
        c.req.valid('json'),
      );
      return c.json(clientView(row), 201);
    },
  )
  .openapi(
    defineRoute('sales.use', {
      method: 'get',
      path: '/sales/invoices',
      tags: ['Sales'],
      summary: 'Invoices and credit notes the caller may see',
      request: {
        query: z.strictObject({
          activityId: z.uuid().optional(),
          clientId: z.uuid().optional(),
          status: z.enum(['draft', 'submitted', 'approved', 'issued']).optional(),
          type: z.enum(['invoice', 'deposit', 'creditNote']).optional(),
          payment: z.enum(['unpaid', 'partlyPaid', 'paid', 'overdue']).optional(),
          client: z.string().trim().min(1).max(100).optional(),
          from: CalendarDate.optional(),
          to: CalendarDate.optional(),
        }),
      },
      responses: {
        200: { description: 'Invoices', ...json(z.array(InvoiceView)) },
        ...problemResponses,
        ...conflict,
      },
    }),
    async (c) => c.json(await listInvoices(c.get('ctx'), c.get('actor'), c.req.valid('query')), 200),
  )
  .openapi(
    defineRoute('sales.use', {
      method: 'post',
      path: '/sales/invoices',
      tags: ['Sales'],
      summary: 'Create a draft invoice or deposit invoice',
      request: jsonBody(InvoiceDraftInput),
      responses: { 201: { description: 'Created', ...json(InvoiceView) }, ...problemResponses, ...conflict },
    }),
    async (c) => {
      const { id } = await saveInvoiceDraft(c.get('ctx'), c.get('actor'), c.req.valid('json'));
      return c.json(await getInvoice(c.get('ctx'), c.get('actor'), id), 201);
    },
  )
  .openapi(
    defineRoute('sales.use', {
      method: 'get',
      path: '/sales/invoices/{id}',
      tags: ['Sales'],
      summary: 'One invoice or credit note',
      request: { params: idParam },
      responses: { 200: { description: 'Invoice', ...json(InvoiceView) }, ...problemResponses, ...conflict },
    }),
    async (c) => c.json(await getInvoice(c.get('ctx'), c.get('actor'), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute('sales.use', {
      method: 'put',
      path: '/sales/invoices/{id}',
      tags: ['Sales'],
      summary: 'Replace the content of a draft (an issued invoice never changes)',
      request: { params: idParam, ...jsonBody(InvoiceDraftInput) },
      responses: { 200: { description: 'Saved', ...json(InvoiceView) }, ...problemResponses, ...conflict },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await saveInvoiceDraft(c.get('ctx'), c.get('actor'), c.req.valid('json'), id);
      return c.json(await getInvoice(c.get('ctx'), c.get('actor'), id), 200);
    },
  )
  .openapi(
    defineRoute('sales.use', {
      method: 'post',
      path: '/sales/invoices/{id}/submit',
      tags: ['Sales'],
      summary: 'Submit a draft for validation by support',
      request: { params: idParam },
      responses: {
        200: { description: 'Submitted', ...json(InvoiceView) },
        ...problemResponses,
        ...conflict,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await submitInvoice(c.get('ctx'), c.get('actor'), id);
      return c.json(await getInvoice(c.get('ctx'), c.get('actor'), id), 200);
    },
  )
  .openapi(
    defineRoute('sales.validate', {
      method: 'post',
      path: '/sales/invoices/{id}/approve',
      tags: ['Sales'],
      summary: 'Validate a submitted invoice (support)',
      request: { params: idParam },
      responses: {
        200: { description: 'Validated', ...json(InvoiceView) },
        ...problemResponses,
        ...conflict,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await approveInvoice(c.get('ctx'), c.get('actor'), id);
      return c.json(await getInvoice(c.get('ctx'), c.get('actor'), id), 200);
    },
  )
  .openapi(
    defineRoute('sales.validate', {
      method: 'post',
      path: '/sales/invoices/{id}/return',
      tags: ['Sales'],
      summary: 'Send a submitted invoice back to its author as a draft, with the reason (support)',
      request: { params: idParam, ...jsonBody(ReturnInvoiceInput) },
      responses: { 200: { description: 'Returned', ...json(InvoiceView) }, ...problemResponses, ...conflict },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await returnInvoiceToDraft(c.get('ctx'), c.get('actor'), id, c.req.valid('json'));
      return c.json(await getInvoice(c.get('ctx'), c.get('actor'), id), 200);
    },
  )
  .openapi(
    defineRoute('sales.use', {
      method: 'post',
      path: '/sales/invoices/{id}/issue',
      tags: ['Sales'],
      summary: 'Issue: number, Factur-X PDF, ledger entry. Irreversible.',
      request: { params: idParam },
      responses: { 200: { description: 'Issued', ...json(InvoiceView) }, ...problemResponses, ...conflict },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await issueInvoice(c.get('ctx'), c.get('actor'), id);
      return c.json(await getInvoice(c.get('ctx'), c.get('actor'), id), 200);
    },
  )
  .openapi(
    defineRoute('sales.use', {
      method: 'get',
      path: '/sales/invoices/{id}/pdf',
      tags: ['Sales'],
      summary: "The issued Factur-X PDF, as stored when issued (inline=1: shown in the app's preview frame)",
      request: { params: idParam, query: z.object({ inline: z.literal('1').optional() }) },
      responses: { 200: { description: 'application/pdf' }, ...problemResponses, ...conflict },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const { sha256, number } = await getInvoicePdf(ctx, c.get('actor'), c.req.valid('param').id);
      const file = await readFile(ctx.db, sha256);
      if (!file) throw new AppError('NOT_FOUND');
      const filename = `${number.replace(/[^A-Za-z0-9._-]/g, '_')}.pdf`;
      // The invoice page frames the PDF (web: pdf-preview.tsx); only this application may frame it, every
      // other default header stays (securityHeaders keeps a header a route sets).
      const preview = c.req.valid('query').inline === '1';
      return c.body(file.bytes as unknown as ArrayBuffer, 200, {
        'content-type': 'application/pdf',
        'content-disposition': `${preview ? 'inline' : 'attachment'}; filename="${filename}"`,
        etag: `"${sha256}"`,
        ...(preview
          ? {
              'content-security-policy': "frame-ancestors 'self'",
              'x-frame-options': 'SAMEORIGIN',
            }
          : {}),
      });
    },
  )
  .openapi(
    defineRoute('sales.use', {
      method: 'post',
      path: '/sales/invoices/{id}/credit-notes',
      tags: ['Sales'],
      summary: 'Draft a credit note of an issued invoice (the given lines, or all that remains)',
      request: { params: idParam, ...jsonBody(CreditNoteInput) },
      responses: { 201: { description: 'Created', ...json(InvoiceView) }, ...problemResponses, ...conflict },
    }),
    async (c) => {
      const { id } = await createCreditNote(
        c.get('ctx'),
        c.get('actor'),
        c.req.valid('param').id,
        c.req.valid('json'),
      );
      return c.json(await getInvoice(c.get('ctx'), c.get('actor'), id), 201);
    },
  )
  .openapi(
    defineRoute('sales.use', {
      method: 'post',
      path: '/sales/invoices/{id}/payments',
      tags: ['Sales'],
      summary: 'Record a payment received for an issued invoice',
      request: { params: idParam, ...jsonBody(PaymentInput) },
      responses: { 201: { description: 'Recorded', ...json(InvoiceView) }, ...problemResponses, ...conflict },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await recordPayment(c.get('ctx'), c.get('actor'), id, c.req.valid('json'));
      return c.json(await getInvoice(c.get('ctx'), c.get('actor'), id), 201);
    },
  );
