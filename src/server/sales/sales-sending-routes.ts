import { OpenAPIHono } from '@hono/zod-openapi';
import { InvoiceView } from '../../core/sales/invoice-view.ts';
import { SalesSettingsInput, SalesSettingsView } from '../../core/sales/sales-settings.ts';
import { defineRoute, idParam, json, problemResponses } from '../http/define-route.ts';
import type { HttpEnv } from '../http/http-env.ts';
import { getInvoice } from './get-invoice.ts';
import { SendDocumentInput, sendSalesDocument } from './send-sales-document.ts';
import { getSalesSettings, updateSalesSettings } from './update-sales-settings.ts';

const refusals = {
  404: { description: 'Not found, or of an activity the caller does not work on' },
  409: { description: 'Refused by a sales rule (problem+json)' },
};
const tags = ['Sales'];

/** Sending issued documents by e-mail, and the sales settings (numbering, penalties, reminders). */
export const salesSendingRoutes = new OpenAPIHono<HttpEnv>()
  .openapi(
    defineRoute('sales.use', {
      method: 'post',
      path: '/sales/invoices/{id}/send',
      tags,
      summary:
        "E-mail an issued invoice or credit note to the client (its stored PDF attached), to the client's address unless `to` is given; the trace appears in the invoice's `sendings`",
      request: {
        params: idParam,
        body: { content: { 'application/json': { schema: SendDocumentInput } }, required: true },
      },
      responses: { 201: { description: 'Queued', ...json(InvoiceView) }, ...problemResponses, ...refusals },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await sendSalesDocument(c.get('ctx'), c.get('actor'), id, c.req.valid('json'));
      return c.json(await getInvoice(c.get('ctx'), c.get('actor'), id), 201);
    },
  )
  .openapi(
    defineRoute('sales.use', {
      method: 'get',
      path: '/sales/settings',
      tags,
      summary:
        'Sales settings: numbering of invoices and quotes, VAT option, late penalties, reminder schedule',
      responses: { 200: { description: 'Settings', ...json(SalesSettingsView) }, ...problemResponses },
    }),
    async (c) => c.json(await getSalesSettings(c.get('ctx').db), 200),
  )
  .openapi(
    defineRoute('cooperative.update', {
      method: 'put',
      path: '/sales/settings',
      tags,
      summary: 'Replace the sales settings (a numbering template that could repeat a number is refused)',
      request: { body: { content: { 'application/json': { schema: SalesSettingsInput } }, required: true } },
      responses: {
        200: { description: 'Saved', ...json(SalesSettingsView) },
        ...problemResponses,
        ...refusals,
      },
    }),
    async (c) => c.json(await updateSalesSettings(c.get('ctx'), c.get('actor'), c.req.valid('json')), 200),
  );
