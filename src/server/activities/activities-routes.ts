import { OpenAPIHono, z } from '@hono/zod-openapi';
import {
  ActivityListQuery,
  ActivitySummary,
  ActivityView,
  CreateActivityRequest,
  SetActivitySharesRequest,
  UpdateActivityRequest,
} from '../../core/activities/activity-schemas.ts';
import { defineRoute, json, jsonBody, problemResponses } from '../http/define-route.ts';
import type { HttpEnv } from '../http/http-env.ts';
import { todayOf } from '../members/member-access.ts';
import { requireActivity } from './activity-access.ts';
import { toActivityView } from './activity-view.ts';
import { createActivity } from './create-activity.ts';
import { listActivities } from './list-activities.ts';
import { setActivityShares } from './set-activity-shares.ts';
import { updateActivity } from './update-activity.ts';

const Params = z.object({ id: z.uuid() });
const notFound = { 404: { description: 'No such activity, or not one the caller may see' } } as const;

export const activitiesRoutes = new OpenAPIHono<HttpEnv>()
  .openapi(
    defineRoute('activities.read', {
      method: 'get',
      path: '/activities',
      tags: ['Activities'],
      summary: 'Activities: member activities, cooperative groups, the structure, the funds',
      request: { query: ActivityListQuery },
      responses: {
        200: {
          description: 'A page',
          ...json(z.object({ items: z.array(ActivitySummary), total: z.number() })),
        },
        ...problemResponses,
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      return c.json(await listActivities(ctx.db, c.req.valid('query'), todayOf(ctx)), 200);
    },
  )
  .openapi(
    defineRoute('activities.manage', {
      method: 'post',
      path: '/activities',
      tags: ['Activities'],
      summary: 'Create an activity with a unique code, its referent and first members',
      request: { ...jsonBody(CreateActivityRequest) },
      responses: {
        201: { description: 'Created', ...json(ActivityView) },
        ...problemResponses,
        409: { description: 'Code already taken' },
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const row = await createActivity(ctx, c.get('actor'), c.req.valid('json'));
      return c.json(await toActivityView(ctx.db, row, todayOf(ctx)), 201);
    },
  )
  .openapi(
    defineRoute('authenticated', {
      method: 'get',
      path: '/activities/{id}',
      tags: ['Activities'],
      summary: 'An activity with its members and shares (staff, or one of its members)',
      request: { params: Params },
      responses: {
        200: { description: 'The activity', ...json(ActivityView) },
        ...problemResponses,
        ...notFound,
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const row = await requireActivity(ctx.db, c.get('actor'), c.req.valid('param').id, 'read');
      return c.json(await toActivityView(ctx.db, row, todayOf(ctx)), 200);
    },
  )
  .openapi(
    defineRoute('authenticated', {
      method: 'patch',
      path: '/activities/{id}',
      tags: ['Activities'],
      summary: 'Rename an activity, change its status or referent (the code never changes)',
      request: { params: Params, ...jsonBody(UpdateActivityRequest) },
      responses: { 200: { description: 'Updated', ...json(ActivityView) }, ...problemResponses, ...notFound },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const row = await updateActivity(ctx, c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      return c.json(await toActivityView(ctx.db, row, todayOf(ctx)), 200);
    },
  )
  .openapi(
    defineRoute('authenticated', {
      method: 'put',
      path: '/activities/{id}/members',
      tags: ['Activities'],
      summary: 'Set the members and their shares from a date (adding up to 100 %)',
      request: { params: Params, ...jsonBody(SetActivitySharesRequest) },
      responses: { 200: { description: 'Saved', ...json(ActivityView) }, ...problemResponses, ...notFound },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const row = await setActivityShares(ctx, c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      return c.json(await toActivityView(ctx.db, row, todayOf(ctx)), 200);
    },
  );
