import { OpenAPIHono, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { ActivitySummary } from '../../core/activities/activity-schemas.ts';
import { describeJourney } from '../../core/members/describe-journey.ts';
import {
  JourneyView,
  MemberView,
  RestrictedView,
  UpdateMyMemberRequest,
  UpdateRestrictedRequest,
} from '../../core/members/member-schemas.ts';
import { listActivities } from '../activities/list-activities.ts';
import { defineRoute, json, jsonBody, problemResponses } from '../http/define-route.ts';
import type { HttpEnv } from '../http/http-env.ts';
import { toJourneyEntry } from './journey-rows.ts';
import { requireOwnMember, todayOf } from './member-access.ts';
import { toMemberView } from './member-view.ts';
import { journeyEntries } from './members-tables.ts';
import { readRestrictedData, updateRestrictedData } from './restricted-data.ts';
import { updateMyMember } from './update-member.ts';

const noFile = { 404: { description: 'No member file is linked to this account' } } as const;

/** The member's own file, journey and activities: /me/member… (the member role; 404 with no file linked). */
export const myMemberRoutes = new OpenAPIHono<HttpEnv>()
  .openapi(
    defineRoute('members.self', {
      method: 'get',
      path: '/me/member',
      tags: ['My member file'],
      summary: 'My member file',
      responses: { 200: { description: 'My file', ...json(MemberView) }, ...problemResponses, ...noFile },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const row = await requireOwnMember(ctx.db, c.get('actor'));
      return c.json(await toMemberView(ctx.db, row, todayOf(ctx)), 200);
    },
  )
  .openapi(
    defineRoute('members.self', {
      method: 'patch',
      path: '/me/member',
      tags: ['My member file'],
      summary: 'Correct my identity, contact, trades and skills, public profile, IBAN (not my stage)',
      request: { ...jsonBody(UpdateMyMemberRequest) },
      responses: { 200: { description: 'Updated', ...json(MemberView) }, ...problemResponses, ...noFile },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const row = await updateMyMember(ctx, c.get('actor'), c.req.valid('json'));
      return c.json(await toMemberView(ctx.db, row, todayOf(ctx)), 200);
    },
  )
  .openapi(
    defineRoute('members.self', {
      method: 'get',
      path: '/me/member/restricted',
      tags: ['My member file'],
      summary: 'My restricted social data (the read is audited)',
      responses: { 200: { description: 'My data', ...json(RestrictedView) }, ...problemResponses, ...noFile },
    }),
    async (c) => c.json(await readRestrictedData(c.get('ctx'), c.get('actor'), 'mine'), 200),
  )
  .openapi(
    defineRoute('members.self', {
      method: 'put',
      path: '/me/member/restricted',
      tags: ['My member file'],
      summary: 'Correct my restricted social data',
      request: { ...jsonBody(UpdateRestrictedRequest) },
      responses: { 200: { description: 'Saved', ...json(RestrictedView) }, ...problemResponses, ...noFile },
    }),
    async (c) =>
      c.json(await updateRestrictedData(c.get('ctx'), c.get('actor'), 'mine', c.req.valid('json')), 200),
  )
  .openapi(
    defineRoute('members.self', {
      method: 'get',
      path: '/me/member/journey',
      tags: ['My member file'],
      summary: 'My journey: where I am, my next steps and their legal deadlines',
      responses: { 200: { description: 'My journey', ...json(JourneyView) }, ...problemResponses, ...noFile },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const row = await requireOwnMember(ctx.db, c.get('actor'));
      const rows = await ctx.db.select().from(journeyEntries).where(eq(journeyEntries.memberId, row.id));
      return c.json(describeJourney(row.id, rows.map(toJourneyEntry), todayOf(ctx)), 200);
    },
  )
  .openapi(
    defineRoute('members.self', {
      method: 'get',
      path: '/me/activities',
      tags: ['My member file'],
      summary: 'My activities, current and past',
      responses: {
        200: {
          description: 'Activities',
          ...json(z.object({ items: z.array(ActivitySummary), total: z.number() })),
        },
        ...problemResponses,
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const userId = c.get('actor').userId!;
      return c.json(await listActivities(ctx.db, { page: 1, pageSize: 200 }, todayOf(ctx), userId), 200);
    },
  );
