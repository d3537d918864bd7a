import { OpenAPIHono, z } from '@hono/zod-openapi';
import { eq, sql } from 'drizzle-orm';
import { ActivitySummary } from '../../core/activities/activity-schemas.ts';
import { alertBuckets } from '../../core/members/compute-journey-deadlines.ts';
import { describeJourney } from '../../core/members/describe-journey.ts';
import { JourneyEntryInput, JourneyEntryView } from '../../core/members/journey-schemas.ts';
import {
  AlertView,
  CreateMemberRequest,
  DirectoryProfile,
  DirectoryQuery,
  JourneyView,
  MemberListQuery,
  MemberSummary,
  MemberView,
  RestrictedView,
  UpdateMemberRequest,
  UpdateRestrictedRequest,
} from '../../core/members/member-schemas.ts';
import { listActivities } from '../activities/list-activities.ts';
import { queryRows } from '../db/query-rows.ts';
import { defineRoute, json, jsonBody, problemResponses } from '../http/define-route.ts';
import type { HttpEnv } from '../http/http-env.ts';
import { correctJourneyEntry, deleteJourneyEntry, recordJourneyEntry } from './change-journey.ts';
import { createMember } from './create-member.ts';
import {
  checkMemberImportFile,
  ImportMembersRequest,
  ImportReport,
  importMembers,
} from './import-members.ts';
import { toJourneyEntry } from './journey-rows.ts';
import { listMemberAlerts } from './list-member-alerts.ts';
import { listMembers } from './list-members.ts';
import { requireMember, todayOf } from './member-access.ts';
import { toMemberView } from './member-view.ts';
import { journeyEntries } from './members-tables.ts';
import { readRestrictedData, updateRestrictedData } from './restricted-data.ts';
import { searchDirectory } from './search-directory.ts';
import { updateMember } from './update-member.ts';

const MemberParams = z.object({ id: z.uuid() });
const EntryParams = z.object({ id: z.uuid(), entryId: z.uuid() });
const notFound = { 404: { description: 'No such member, or not one the caller may see' } } as const;
const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number() });
const JourneyChange = z.object({ entry: JourneyEntryView, journey: JourneyView });

export const membersRoutes = new OpenAPIHono<HttpEnv>()
  .openapi(
    defineRoute('members.read', {
      method: 'get',
      path: '/members',
      tags: ['Members'],
      summary: 'Member list and portfolios: filters by stage, referent, trade, activity status, deadline',
      request: { query: MemberListQuery },
      responses: {
        200: { description: 'A page of members', ...json(page(MemberSummary)) },
        ...problemResponses,
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      return c.json(
        await listMembers(ctx.db, c.req.valid('query'), todayOf(ctx), c.get('actor').userId),
        200,
      );
    },
  )
  .openapi(
    defineRoute('members.manage', {
      method: 'post',
      path: '/members',
      tags: ['Members'],
      summary: 'Open a member file (a prospect, with or without an account)',
      request: { ...jsonBody(CreateMemberRequest) },
      responses: {
        201: { description: 'Created', ...json(MemberView) },
        ...problemResponses,
        409: { description: 'Address or account already used' },
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const row = await createMember(ctx, c.get('actor'), c.req.valid('json'));
      return c.json(await toMemberView(ctx.db, row, todayOf(ctx)), 201);
    },
  )
  .openapi(
    defineRoute('members.read', {
      method: 'get',
      path: '/members/alerts',
      tags: ['Members'],
      summary:
        'Deadlines needing attention: overdue and due within 30/60/90 days (a portfolio with referent=me)',
      request: {
        query: z.object({
          referent: z.union([z.literal('me'), z.literal('none'), z.uuid()]).optional(),
          bucket: z.enum(alertBuckets).optional(),
          page: z.coerce.number().int().min(1).max(100_000).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
      responses: {
        200: {
          description: 'Alerts, soonest first',
          ...json(
            z.object({
              items: z.array(AlertView),
              total: z.number(),
              counts: z.record(z.enum(alertBuckets), z.number()),
            }),
          ),
        },
        ...problemResponses,
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      return c.json(
        await listMemberAlerts(ctx.db, c.req.valid('query'), todayOf(ctx), c.get('actor').userId),
        200,
      );
    },
  )
  .openapi(
    defineRoute('members.read', {
      method: 'get',
      path: '/members/referents',
      tags: ['Members'],
      summary: 'Support staff who can be referents, with the size of their portfolio',
      responses: {
        200: {
          description: 'Support staff',
          ...json(z.array(z.object({ id: z.uuid(), name: z.string(), members: z.number() }))),
        },
        ...problemResponses,
      },
    }),
    async (c) => {
      const rows = await queryRows<{ id: string; name: string; members: number }>(
        c.get('ctx').db,
        sql`SELECT u.id, u.name, (SELECT count(*)::int FROM members m WHERE m.referent_id = u.id) AS members
            FROM users u WHERE u.active AND 'support' = ANY(u.roles) ORDER BY u.name, u.id`,
      );
      return c.json(
        rows.map((r) => ({ ...r, members: Number(r.members) })),
        200,
      );
    },
  )
  .openapi(
    defineRoute('members.import', {
      method: 'post',
      path: '/members/import/check',
      tags: ['Members'],
      summary:
        'Dry run of a CSV import: the column mapping, every bad line with its reason; nothing is written',
      request: { ...jsonBody(ImportMembersRequest) },
      responses: { 200: { description: 'The check', ...json(ImportReport) }, ...problemResponses },
    }),
    async (c) => c.json(await checkMemberImportFile(c.get('ctx'), c.get('actor'), c.req.valid('json')), 200),
  )
  .openapi(
    defineRoute('members.import', {
      method: 'post',
      path: '/members/import',
      tags: ['Members'],
      summary: 'Import members, journeys and activities from CSV: all or nothing',
      request: { ...jsonBody(ImportMembersRequest) },
      responses: {
        201: { description: 'Imported', ...json(z.object({ imported: z.number(), activities: z.number() })) },
        ...problemResponses,
      },
    }),
    async (c) =>
      c.json(await importMembers(c.get('ctx'), c.get('actor'), c.req.valid('json'), c.get('locale')), 201),
  )
  .openapi(
    defineRoute('directory.read', {
      method: 'get',
      path: '/directory',
      tags: ['Members'],
      summary: 'The directory: published profiles by trade, skill and town',
      request: { query: DirectoryQuery },
      responses: { 200: { description: 'Profiles', ...json(page(DirectoryProfile)) }, ...problemResponses },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      return c.json(await searchDirectory(ctx.db, c.req.valid('query'), todayOf(ctx)), 200);
    },
  )
  .openapi(
    defineRoute('authenticated', {
      method: 'get',
      path: '/members/{id}',
      tags: ['Members'],
      summary: 'A member file (support, management, accounting; or the member themself)',
      request: { params: MemberParams },
      responses: { 200: { description: 'The file', ...json(MemberView) }, ...problemResponses, ...notFound },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const { row } = await requireMember(ctx.db, c.get('actor'), c.req.valid('param').id, 'read');
      return c.json(await toMemberView(ctx.db, row, todayOf(ctx)), 200);
    },
  )
  .openapi(
    defineRoute('authenticated', {
      method: 'patch',
      path: '/members/{id}',
      tags: ['Members'],
      summary: 'Correct a member file, set its referent or account (support staff)',
      request: { params: MemberParams, ...jsonBody(UpdateMemberRequest) },
      responses: { 200: { description: 'Updated', ...json(MemberView) }, ...problemResponses, ...notFound },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const row = await updateMember(ctx, c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      return c.json(await toMemberView(ctx.db, row, todayOf(ctx)), 200);
    },
  )
  .openapi(
    defineRoute('authenticated', {
      method: 'get',
      path: '/members/{id}/restricted',
      tags: ['Members'],
      summary: 'Restricted social data (support staff and admins, or the member): every read is audited',
      request: { params: MemberParams },
      responses: {
        200: { description: 'The data', ...json(RestrictedView) },
        ...problemResponses,
        ...notFound,
      },
    }),
    async (c) => c.json(await readRestrictedData(c.get('ctx'), c.get('actor'), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute('authenticated', {
      method: 'put',
      path: '/members/{id}/restricted',
      tags: ['Members'],
      summary: 'Correct restricted social data',
      request: { params: MemberParams, ...jsonBody(UpdateRestrictedRequest) },
      responses: { 200: { description: 'Saved', ...json(RestrictedView) }, ...problemResponses, ...notFound },
    }),
    async (c) =>
      c.json(
        await updateRestrictedData(
          c.get('ctx'),
          c.get('actor'),
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
        200,
      ),
  )
  .openapi(
    defineRoute('authenticated', {
      method: 'get',
      path: '/members/{id}/journey',
      tags: ['Members'],
      summary: 'The journey: timeline, stage, legal deadlines with citations, next steps',
      request: { params: MemberParams },
      responses: {
        200: { description: 'The journey', ...json(JourneyView) },
        ...problemResponses,
        ...notFound,
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const { id } = c.req.valid('param');
      await requireMember(ctx.db, c.get('actor'), id, 'read');
      const rows = await ctx.db.select().from(journeyEntries).where(eq(journeyEntries.memberId, id));
      return c.json(describeJourney(id, rows.map(toJourneyEntry), todayOf(ctx)), 200);
    },
  )
  .openapi(
    defineRoute('authenticated', {
      method: 'post',
      path: '/members/{id}/journey',
      tags: ['Members'],
      summary: 'Record an event or a contract; a timeline that breaks a rule is refused, naming it',
      request: { params: MemberParams, ...jsonBody(JourneyEntryInput) },
      responses: {
        201: { description: 'Recorded', ...json(JourneyChange) },
        ...problemResponses,
        ...notFound,
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const { id } = c.req.valid('param');
      const { entry, entries } = await recordJourneyEntry(ctx, c.get('actor'), id, c.req.valid('json'));
      return c.json({ entry, journey: describeJourney(id, entries, todayOf(ctx)) }, 201);
    },
  )
  .openapi(
    defineRoute('authenticated', {
      method: 'put',
      path: '/members/{id}/journey/{entryId}',
      tags: ['Members'],
      summary: 'Correct a journey entry (same kind and contract)',
      request: { params: EntryParams, ...jsonBody(JourneyEntryInput) },
      responses: {
        200: { description: 'Corrected', ...json(JourneyChange) },
        ...problemResponses,
        ...notFound,
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const { id, entryId } = c.req.valid('param');
      const { entry, entries } = await correctJourneyEntry(
        ctx,
        c.get('actor'),
        id,
        entryId,
        c.req.valid('json'),
      );
      return c.json({ entry, journey: describeJourney(id, entries, todayOf(ctx)) }, 200);
    },
  )
  .openapi(
    defineRoute('authenticated', {
      method: 'delete',
      path: '/members/{id}/journey/{entryId}',
      tags: ['Members'],
      summary: 'Delete an entry recorded by mistake (refused if the timeline would break a rule)',
      request: { params: EntryParams },
      responses: {
        200: { description: 'Deleted', ...json(JourneyChange) },
        ...problemResponses,
        ...notFound,
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const { id, entryId } = c.req.valid('param');
      const { entry, entries } = await deleteJourneyEntry(ctx, c.get('actor'), id, entryId);
      return c.json({ entry, journey: describeJourney(id, entries, todayOf(ctx)) }, 200);
    },
  )
  .openapi(
    defineRoute('authenticated', {
      method: 'get',
      path: '/members/{id}/activities',
      tags: ['Members'],
      summary: "A member's activities, current and past",
      request: { params: MemberParams },
      responses: {
        200: { description: 'Activities', ...json(page(ActivitySummary)) },
        ...problemResponses,
        ...notFound,
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const { id } = c.req.valid('param');
      await requireMember(ctx.db, c.get('actor'), id, 'read');
      return c.json(
        await listActivities(ctx.db, { memberId: id, page: 1, pageSize: 200 }, todayOf(ctx)),
        200,
      );
    },
  );
