import { OpenAPIHono, z } from '@hono/zod-openapi';
import { AppError } from '../../core/errors/app-error.ts';
import { InvoiceView } from '../../core/sales/invoice-view.ts';
import {
  ConvertQuoteInput,
  QuoteDecisionInput,
  QuoteDraftInput,
  QuoteView,
} from '../../core/sales/quote-schemas.ts';
import { readFile } from '../files/store-file.ts';
import { defineRoute, idParam, json, jsonBody, problemResponses } from '../http/define-route.ts';
import type { HttpEnv } from '../http/http-env.ts';
import { convertQuote } from './convert-quote.ts';
import { emailQuote } from './email-quote.ts';
import { getInvoice } from './get-invoice.ts';
import { getQuote, getQuotePdf, listQuotes } from './get-quote.ts';
import { deleteQuoteDraft, saveQuoteDraft } from './save-quote-draft.ts';
import { decideQuote, sendQuote } from './send-quote.ts';
import { SendDocumentInput } from './send-sales-document.ts';

const refusals = {
  404: { description: 'No such quote, or one of an activity the caller does not work on' },
  409: { description: 'Refused by a sales rule (problem+json)' },
};
const tags = ['Sales'];

/** Quotes (issue 5 §3): drafts, sending with a number and a PDF, the client's answer, conversion. */
export const salesQuoteRoutes = new OpenAPIHono<HttpEnv>()
  .openapi(
    defineRoute('sales.use', {
      method: 'get',
      path: '/sales/quotes',
      tags,
      summary: 'Quotes the caller may see',
      request: {
        query: z.object({
          activityId: z.uuid().optional(),
          clientId: z.uuid().optional(),
          status: z.enum(['draft', 'sent', 'accepted', 'refused', 'expired']).optional(),
        }),
      },
      responses: {
        200: { description: 'Quotes', ...json(z.array(QuoteView)) },
        ...problemResponses,
        ...refusals,
      },
    }),
    async (c) => c.json(await listQuotes(c.get('ctx'), c.get('actor'), c.req.valid('query')), 200),
  )
  .openapi(
    defineRoute('sales.use', {
      method: 'post',
      path: '/sales/quotes',
      tags,
      summary: 'Create a draft quote',
      request: jsonBody(QuoteDraftInput),
      responses: { 201: { description: 'Created', ...json(QuoteView) }, ...problemResponses, ...refusals },
    }),
    async (c) => {
      const { id } = await saveQuoteDraft(c.get('ctx'), c.get('actor'), c.req.valid('json'));
      return c.json(await getQuote(c.get('ctx'), c.get('actor'), id), 201);
    },
  )
  .openapi(
    defineRoute('sales.use', {
      method: 'get',
      path: '/sales/quotes/{id}',
      tags,
      summary: 'One quote, with the invoices made from it and what remains to invoice',
      request: { params: idParam },
      responses: { 200: { description: 'Quote', ...json(QuoteView) }, ...problemResponses, ...refusals },
    }),
    async (c) => c.json(await getQuote(c.get('ctx'), c.get('actor'), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute('sales.use', {
      method: 'put',
      path: '/sales/quotes/{id}',
      tags,
      summary: 'Replace the content of a draft quote (a sent quote never changes)',
      request: { params: idParam, ...jsonBody(QuoteDraftInput) },
      responses: { 200: { description: 'Saved', ...json(QuoteView) }, ...problemResponses, ...refusals },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await saveQuoteDraft(c.get('ctx'), c.get('actor'), c.req.valid('json'), id);
      return c.json(await getQuote(c.get('ctx'), c.get('actor'), id), 200);
    },
  )
  .openapi(
    defineRoute('sales.use', {
      method: 'delete',
      path: '/sales/quotes/{id}',
      tags,
      summary: 'Delete a draft quote',
      request: { params: idParam },
      responses: { 204: { description: 'Deleted' }, ...problemResponses, ...refusals },
    }),
    async (c) => {
      await deleteQuoteDraft(c.get('ctx'), c.get('actor'), c.req.valid('param').id);
      return c.body(null, 204);
    },
  )
  .openapi(
    defineRoute('sales.use', {
      method: 'post',
      path: '/sales/quotes/{id}/send',
      tags,
      summary: 'Send a draft quote: its number in the quote series, its validity date and its PDF',
      request: { params: idParam },
      responses: { 200: { description: 'Sent', ...json(QuoteView) }, ...problemResponses, ...refusals },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await sendQuote(c.get('ctx'), c.get('actor'), id);
      return c.json(await getQuote(c.get('ctx'), c.get('actor'), id), 200);
    },
  )
  .openapi(
    defineRoute('sales.use', {
      method: 'post',
      path: '/sales/quotes/{id}/email',
      tags,
      summary: "E-mail a sent quote's stored PDF to the client (or another address), with a trace",
      request: { params: idParam, ...jsonBody(SendDocumentInput) },
      responses: { 200: { description: 'Queued', ...json(QuoteView) }, ...problemResponses, ...refusals },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await emailQuote(c.get('ctx'), c.get('actor'), id, c.req.valid('json'));
      return c.json(await getQuote(c.get('ctx'), c.get('actor'), id), 200);
    },
  )
  .openapi(
    defineRoute('sales.use', {
      method: 'post',
      path: '/sales/quotes/{id}/decision',
      tags,
      summary: "Record the client's answer to a sent quote: accepted, refused, or expired",
      request: { params: idParam, ...jsonBody(QuoteDecisionInput) },
      responses: { 200: { description: 'Recorded', ...json(QuoteView) }, ...problemResponses, ...refusals },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await decideQuote(c.get('ctx'), c.get('actor'), id, c.req.valid('json').status);
      return c.json(await getQuote(c.get('ctx'), c.get('actor'), id), 200);
    },
  )
  .openapi(
    defineRoute('sales.use', {
      method: 'post',
      path: '/sales/quotes/{id}/invoices',
      tags,
      summary:
        'Draft an invoice from a sent or accepted quote: a deposit or intermediate invoice (percentage or amount excl. VAT), or the balance invoice deducting the earlier ones',
      request: { params: idParam, ...jsonBody(ConvertQuoteInput) },
      responses: {
        201: { description: 'Draft invoice', ...json(InvoiceView) },
        ...problemResponses,
        ...refusals,
      },
    }),
    async (c) => {
      const { id } = await convertQuote(
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
      method: 'get',
      path: '/sales/quotes/{id}/pdf',
      tags,
      summary: 'The PDF of a sent quote, as stored when it was sent',
      request: { params: idParam },
      responses: { 200: { description: 'application/pdf' }, ...problemResponses, ...refusals },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const { sha256, reference } = await getQuotePdf(ctx, c.get('actor'), c.req.valid('param').id);
      const file = await readFile(ctx.db, sha256);
      if (!file) throw new AppError('NOT_FOUND');
      return c.body(file.bytes as unknown as ArrayBuffer, 200, {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="${reference.replace(/[^A-Za-z0-9._-]/g, '_')}.pdf"`,
        etag: `"${sha256}"`,
      });
    },
  );
