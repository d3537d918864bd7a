import { OpenAPIHono } from '@hono/zod-openapi';
import { ClientDetailView, ClientView } from '../../core/sales/client-view.ts';
import { ClientInput } from '../../core/sales/sales-schemas.ts';
import { defineRoute, idParam, json, problemResponses } from '../http/define-route.ts';
import type { HttpEnv } from '../http/http-env.ts';
import { deleteClient } from './delete-client.ts';
import { clientView, getClient } from './get-client.ts';
import { setClientArchived } from './set-client-archived.ts';
import { updateClient } from './update-client.ts';

const refusals = {
  404: { description: 'No such client, or one of an activity the caller does not work on' },
  409: { description: 'Refused by a sales rule (problem+json)' },
};
const tags = ['Sales'];

/** One client (issue 5 §1): its page, edits, archive, and deletion while it has no document. */
export const salesClientRoutes = new OpenAPIHono<HttpEnv>()
  .openapi(
    defineRoute('sales.use', {
      method: 'get',
      path: '/sales/clients/{id}',
      tags,
      summary: 'A client with its invoices, credit notes, quotes and balance',
      request: { params: idParam },
      responses: {
        200: { description: 'The client page', ...json(ClientDetailView) },
        ...problemResponses,
        ...refusals,
      },
    }),
    async (c) => c.json(await getClient(c.get('ctx'), c.get('actor'), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute('sales.use', {
      method: 'put',
      path: '/sales/clients/{id}',
      tags,
      summary: "Replace a client's details (issued documents keep the details they were issued with)",
      request: {
        params: idParam,
        body: { content: { 'application/json': { schema: ClientInput } }, required: true },
      },
      responses: { 200: { description: 'Saved', ...json(ClientView) }, ...problemResponses, ...refusals },
    }),
    async (c) => {
      const row = await updateClient(
        c.get('ctx'),
        c.get('actor'),
        c.req.valid('param').id,
        c.req.valid('json'),
      );
      return c.json(clientView(row), 200);
    },
  )
  .openapi(
    defineRoute('sales.use', {
      method: 'post',
      path: '/sales/clients/{id}/archive',
      tags,
      summary: 'Archive a client: no new document for it, its documents stay',
      request: { params: idParam },
      responses: { 200: { description: 'Archived', ...json(ClientView) }, ...problemResponses, ...refusals },
    }),
    async (c) =>
      c.json(
        clientView(await setClientArchived(c.get('ctx'), c.get('actor'), c.req.valid('param').id, true)),
        200,
      ),
  )
  .openapi(
    defineRoute('sales.use', {
      method: 'post',
      path: '/sales/clients/{id}/unarchive',
      tags,
      summary: 'Bring an archived client back',
      request: { params: idParam },
      responses: {
        200: { description: 'Active again', ...json(ClientView) },
        ...problemResponses,
        ...refusals,
      },
    }),
    async (c) =>
      c.json(
        clientView(await setClientArchived(c.get('ctx'), c.get('actor'), c.req.valid('param').id, false)),
        200,
      ),
  )
  .openapi(
    defineRoute('sales.use', {
      method: 'delete',
      path: '/sales/clients/{id}',
      tags,
      summary: 'Delete a client that has no document (CLIENT_HAS_DOCUMENTS otherwise: archive it)',
      request: { params: idParam },
      responses: { 204: { description: 'Deleted' }, ...problemResponses, ...refusals },
    }),
    async (c) => {
      await deleteClient(c.get('ctx'), c.get('actor'), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
