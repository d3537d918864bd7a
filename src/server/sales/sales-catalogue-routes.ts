import { OpenAPIHono, z } from '@hono/zod-openapi';
import { and, eq, type SQL } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import { CatalogueItemInput, CatalogueItemView } from '../../core/sales/catalogue-item.ts';
import { defineRoute, idParam, json, problemResponses } from '../http/define-route.ts';
import type { HttpEnv } from '../http/http-env.ts';
import { requireSalesActivity, salesToday } from './sales-access.ts';
import { catalogueItems } from './sales-tables.ts';
import { deleteCatalogueItem, saveCatalogueItem, setCatalogueItemArchived } from './save-catalogue-item.ts';

const body = { body: { content: { 'application/json': { schema: CatalogueItemInput } }, required: true } };
const activityParam = z.object({ activityId: z.uuid() });
const refusals = { 404: { description: 'No such item, or one of an activity the caller does not work on' } };
const tags = ['Sales'];

export function catalogueItemView(i: typeof catalogueItems.$inferSelect): CatalogueItemView {
  return {
    id: i.id,
    activityId: i.activityId,
    name: i.name,
    description: i.description,
    unit: i.unit,
    unitPriceCents: i.unitPriceCents,
    vat: i.vat,
    kind: i.supplyKind,
    salesAccount: i.salesAccount,
    archived: i.archived,
  };
}

/** An activity's catalogue of products and services (issue 5 §2). */
export const salesCatalogueRoutes = new OpenAPIHono<HttpEnv>()
  .openapi(
    defineRoute('sales.use', {
      method: 'get',
      path: '/sales/activities/{activityId}/catalogue',
      tags,
      summary: "An activity's products and services (all, or only the archived or the active ones)",
      request: {
        params: activityParam,
        query: z.object({ archived: z.enum(['true', 'false']).optional() }),
      },
      responses: {
        200: { description: 'Items', ...json(z.array(CatalogueItemView)) },
        ...problemResponses,
        ...refusals,
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const { activityId } = c.req.valid('param');
      const { archived } = c.req.valid('query');
      await requireSalesActivity(ctx.db, c.get('actor'), activityId, salesToday(ctx.now()));
      const where: SQL[] = [eq(catalogueItems.activityId, activityId)];
      if (archived) where.push(eq(catalogueItems.archived, archived === 'true'));
      const rows = await ctx.db
        .select()
        .from(catalogueItems)
        .where(and(...where))
        .orderBy(catalogueItems.name);
      return c.json(rows.map(catalogueItemView), 200);
    },
  )
  .openapi(
    defineRoute('sales.use', {
      method: 'post',
      path: '/sales/activities/{activityId}/catalogue',
      tags,
      summary: "Add a product or service to an activity's catalogue",
      request: { params: activityParam, ...body },
      responses: {
        201: { description: 'Created', ...json(CatalogueItemView) },
        ...problemResponses,
        ...refusals,
      },
    }),
    async (c) => {
      const row = await saveCatalogueItem(
        c.get('ctx'),
        c.get('actor'),
        { activityId: c.req.valid('param').activityId },
        c.req.valid('json'),
      );
      return c.json(catalogueItemView(row), 201);
    },
  )
  .openapi(
    defineRoute('sales.use', {
      method: 'get',
      path: '/sales/catalogue/{id}',
      tags,
      summary: 'One catalogue item',
      request: { params: idParam },
      responses: {
        200: { description: 'Item', ...json(CatalogueItemView) },
        ...problemResponses,
        ...refusals,
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const [row] = await ctx.db
        .select()
        .from(catalogueItems)
        .where(eq(catalogueItems.id, c.req.valid('param').id));
      if (!row) throw new AppError('NOT_FOUND');
      await requireSalesActivity(ctx.db, c.get('actor'), row.activityId, salesToday(ctx.now()));
      return c.json(catalogueItemView(row), 200);
    },
  )
  .openapi(
    defineRoute('sales.use', {
      method: 'put',
      path: '/sales/catalogue/{id}',
      tags,
      summary: 'Replace a catalogue item (documents already written keep their own lines)',
      request: { params: idParam, ...body },
      responses: {
        200: { description: 'Saved', ...json(CatalogueItemView) },
        ...problemResponses,
        ...refusals,
      },
    }),
    async (c) => {
      const row = await saveCatalogueItem(
        c.get('ctx'),
        c.get('actor'),
        { itemId: c.req.valid('param').id },
        c.req.valid('json'),
      );
      return c.json(catalogueItemView(row), 200);
    },
  )
  .openapi(
    defineRoute('sales.use', {
      method: 'post',
      path: '/sales/catalogue/{id}/archive',
      tags,
      summary: 'Archive a catalogue item (no longer offered)',
      request: { params: idParam },
      responses: {
        200: { description: 'Archived', ...json(CatalogueItemView) },
        ...problemResponses,
        ...refusals,
      },
    }),
    async (c) =>
      c.json(
        catalogueItemView(
          await setCatalogueItemArchived(c.get('ctx'), c.get('actor'), c.req.valid('param').id, true),
        ),
        200,
      ),
  )
  .openapi(
    defineRoute('sales.use', {
      method: 'post',
      path: '/sales/catalogue/{id}/unarchive',
      tags,
      summary: 'Offer an archived catalogue item again',
      request: { params: idParam },
      responses: {
        200: { description: 'Active again', ...json(CatalogueItemView) },
        ...problemResponses,
        ...refusals,
      },
    }),
    async (c) =>
      c.json(
        catalogueItemView(
          await setCatalogueItemArchived(c.get('ctx'), c.get('actor'), c.req.valid('param').id, false),
        ),
        200,
      ),
  )
  .openapi(
    defineRoute('sales.use', {
      method: 'delete',
      path: '/sales/catalogue/{id}',
      tags,
      summary: 'Delete a catalogue item',
      request: { params: idParam },
      responses: { 204: { description: 'Deleted' }, ...problemResponses, ...refusals },
    }),
    async (c) => {
      await deleteCatalogueItem(c.get('ctx'), c.get('actor'), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
