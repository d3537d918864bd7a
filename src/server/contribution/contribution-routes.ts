import { OpenAPIHono, z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import {
  ContributionExemptionRequest,
  ContributionPolicyVersion,
  ContributionSettings,
  ExemptionRevocationRequest,
} from '../../core/contribution/contribution-policy.ts';
import {
  ActivityDashboard,
  ContributionSettingsView,
  CooperativeDashboard,
  ExemptionView,
  FigureLines,
  FigureLinesQuery,
  PolicyVersionView,
  PortfolioQuery,
  PortfolioRow,
  RunContributionRequest,
  RunResultView,
  RunView,
} from '../../core/contribution/contribution-views.ts';
import { requireActivity } from '../activities/activity-access.ts';
import { queryRows } from '../db/query-rows.ts';
import { defineRoute, json, jsonBody, problemResponses } from '../http/define-route.ts';
import type { HttpEnv } from '../http/http-env.ts';
import { todayOf } from '../members/member-access.ts';
import { addContributionExemption } from './add-contribution-exemption.ts';
import { getContributionSettings, updateContributionSettings } from './contribution-settings.ts';
import { createPolicyVersion } from './create-policy-version.ts';
import { getActivityDashboard } from './get-activity-dashboard.ts';
import { getCooperativeDashboard } from './get-cooperative-dashboard.ts';
import { listContributionExemptions } from './list-contribution-exemptions.ts';
import { listFigureLines } from './list-figure-lines.ts';
import { listPolicyVersions } from './list-policy-versions.ts';
import { listPortfolio } from './list-portfolio.ts';
import { revokeContributionExemption } from './revoke-contribution-exemption.ts';
import { runContribution } from './run-contribution.ts';
import { UpdatePolicyVersionRequest, updatePolicyVersion } from './update-policy-version.ts';
import { withdrawPolicyVersion } from './withdraw-policy-version.ts';

const tags = ['Contribution'];
const ActivityParams = z.object({ id: z.uuid() });
const notYours = { 404: { description: 'No such activity, or not one the caller may see' } } as const;

export const contributionRoutes = new OpenAPIHono<HttpEnv>()
  .openapi(
    defineRoute('authenticated', {
      method: 'get',
      path: '/contribution/policy-versions',
      tags,
      summary: 'Every version of the contribution policy (members may read how they are charged)',
      responses: {
        200: { description: 'Versions', ...json(z.array(PolicyVersionView)) },
        ...problemResponses,
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      return c.json(await listPolicyVersions(ctx.db, todayOf(ctx)), 200);
    },
  )
  .openapi(
    defineRoute('contribution.manage', {
      method: 'post',
      path: '/contribution/policy-versions',
      tags,
      summary:
        'Start a new version of the policy on the first of a month (the one in force ends the day before)',
      request: { ...jsonBody(ContributionPolicyVersion) },
      responses: {
        201: { description: 'Created', ...json(PolicyVersionView) },
        ...problemResponses,
        409: { description: 'Overlaps another version, or a month already charged' },
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      return c.json(await createPolicyVersion(ctx, c.get('actor'), c.req.valid('json')), 201);
    },
  )
  .openapi(
    defineRoute('contribution.manage', {
      method: 'put',
      path: '/contribution/policy-versions/{id}',
      tags,
      summary: 'Change a version not yet in force (a version in force is never edited)',
      request: {
        params: z.object({ id: z.uuid() }),
        ...jsonBody(UpdatePolicyVersionRequest),
      },
      responses: {
        200: { description: 'Updated', ...json(PolicyVersionView) },
        ...problemResponses,
        404: { description: 'No such version' },
        409: { description: 'In force, or overlapping' },
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      return c.json(
        await updatePolicyVersion(ctx, c.get('actor'), c.req.valid('param').id, c.req.valid('json')),
        200,
      );
    },
  )
  .openapi(
    defineRoute('contribution.manage', {
      method: 'delete',
      path: '/contribution/policy-versions/{id}',
      tags,
      summary: 'Withdraw a version not yet in force (the version before it takes its span back)',
      request: { params: z.object({ id: z.uuid() }) },
      responses: {
        204: { description: 'Withdrawn' },
        ...problemResponses,
        404: { description: 'No such version' },
        409: { description: 'In force, past, or used by a run' },
      },
    }),
    async (c) => {
      await withdrawPolicyVersion(c.get('ctx'), c.get('actor'), c.req.valid('param').id);
      return c.body(null, 204);
    },
  )
  .openapi(
    defineRoute('contribution.manage', {
      method: 'post',
      path: '/contribution/exemptions/{id}/revoke',
      tags,
      summary:
        'Revoke an exemption from a day on, with the reason (months already run are corrected by the next run)',
      request: {
        params: z.object({ id: z.uuid() }),
        ...jsonBody(ExemptionRevocationRequest),
      },
      responses: {
        200: { description: 'Revoked', ...json(ExemptionView) },
        ...problemResponses,
        404: { description: 'No such exemption' },
        409: { description: 'Already revoked, or a day in a closed fiscal year' },
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      return c.json(
        await revokeContributionExemption(ctx, c.get('actor'), c.req.valid('param').id, c.req.valid('json')),
        200,
      );
    },
  )
  .openapi(
    defineRoute('contribution.read', {
      method: 'get',
      path: '/contribution/settings',
      tags,
      summary: 'The thresholds of the portfolio alert "treasury falling"',
      responses: {
        200: { description: 'Settings', ...json(ContributionSettingsView) },
        ...problemResponses,
      },
    }),
    async (c) => c.json(await getContributionSettings(c.get('ctx').db), 200),
  )
  .openapi(
    defineRoute('contribution.manage', {
      method: 'put',
      path: '/contribution/settings',
      tags,
      summary: 'Set the thresholds of the portfolio alert "treasury falling"',
      request: { ...jsonBody(ContributionSettings) },
      responses: {
        200: { description: 'Settings', ...json(ContributionSettingsView) },
        ...problemResponses,
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      return c.json(await updateContributionSettings(ctx, c.get('actor'), c.req.valid('json')), 200);
    },
  )
  .openapi(
    defineRoute('contribution.manage', {
      method: 'get',
      path: '/contribution/exemptions',
      tags,
      summary: "Members' dated exemptions with their reasons",
      responses: { 200: { description: 'Exemptions', ...json(z.array(ExemptionView)) }, ...problemResponses },
    }),
    async (c) => c.json(await listContributionExemptions(c.get('ctx').db), 200),
  )
  .openapi(
    defineRoute('contribution.manage', {
      method: 'post',
      path: '/contribution/exemptions',
      tags,
      summary: 'Exempt a member for dates within their contract, with the reason',
      request: { ...jsonBody(ContributionExemptionRequest) },
      responses: {
        201: { description: 'Recorded', ...json(ExemptionView) },
        ...problemResponses,
        404: { description: 'No such member' },
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      return c.json(await addContributionExemption(ctx, c.get('actor'), c.req.valid('json')), 201);
    },
  )
  .openapi(
    defineRoute('contribution.read', {
      method: 'get',
      path: '/contribution/runs',
      tags,
      summary: 'Monthly runs, the latest first',
      responses: { 200: { description: 'Runs', ...json(z.array(RunView)) }, ...problemResponses },
    }),
    async (c) => {
      const rows = await queryRows<{
        id: string;
        month: string;
        activity_count: number;
        posted_count: number;
        total_cents: string;
        run_at: string;
      }>(
        c.get('ctx').db,
        sql`SELECT id, month, activity_count, posted_count, total_cents::text, run_at FROM contribution_runs
            ORDER BY run_at DESC LIMIT 100`,
      );
      return c.json(
        rows.map((r) => ({
          id: r.id,
          month: r.month,
          activityCount: Number(r.activity_count),
          postedCount: Number(r.posted_count),
          totalCents: Number(r.total_cents),
          runAt: new Date(r.run_at).toISOString(),
        })),
        200,
      );
    },
  )
  .openapi(
    defineRoute('contribution.run', {
      method: 'post',
      path: '/contribution/runs',
      tags,
      summary:
        "Run a month's contribution for every activity (idempotent; after late entries, posts the difference)",
      request: { ...jsonBody(RunContributionRequest) },
      responses: {
        200: { description: 'Run', ...json(RunResultView) },
        ...problemResponses,
        409: { description: 'Closed year, locked period, or a later month already run' },
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      return c.json(await runContribution(ctx, c.get('actor'), c.req.valid('json')), 200);
    },
  )
  .openapi(
    defineRoute('authenticated', {
      method: 'get',
      path: '/contribution/my/activities',
      tags,
      summary: "The caller's own member activities (for their dashboard)",
      responses: {
        200: {
          description: 'Activities',
          ...json(z.array(z.object({ id: z.string(), code: z.string(), name: z.string() }))),
        },
        ...problemResponses,
      },
    }),
    async (c) => {
      const actor = c.get('actor');
      const rows = await queryRows<{ id: string; code: string; name: string }>(
        c.get('ctx').db,
        sql`SELECT DISTINCT a.id, a.code, a.name FROM activities a
            JOIN activity_members am ON am.activity_id = a.id
            JOIN members m ON m.id = am.member_id
            WHERE m.user_id = ${actor.userId} ORDER BY a.code`,
      );
      return c.json(rows, 200);
    },
  )
  .openapi(
    defineRoute('authenticated', {
      method: 'get',
      path: '/contribution/activities/{id}/dashboard',
      tags,
      summary:
        "An activity's dashboard: treasury, to collect, result, contributions explained, invoices to chase, 12 months",
      description: 'Its members, and staff who may read every activity.',
      request: { params: ActivityParams },
      responses: {
        200: { description: 'Dashboard', ...json(ActivityDashboard) },
        ...problemResponses,
        ...notYours,
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const a = await requireActivity(ctx.db, c.get('actor'), c.req.valid('param').id, 'read');
      return c.json(await getActivityDashboard(ctx.db, a, todayOf(ctx)), 200);
    },
  )
  .openapi(
    defineRoute('authenticated', {
      method: 'get',
      path: '/contribution/activities/{id}/lines',
      tags,
      summary: 'The ledger lines behind one dashboard figure, and their total',
      request: { params: ActivityParams, query: FigureLinesQuery },
      responses: { 200: { description: 'Lines', ...json(FigureLines) }, ...problemResponses, ...notYours },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const a = await requireActivity(ctx.db, c.get('actor'), c.req.valid('param').id, 'read');
      return c.json(await listFigureLines(ctx.db, a, c.req.valid('query'), todayOf(ctx)), 200);
    },
  )
  .openapi(
    defineRoute('contribution.read', {
      method: 'get',
      path: '/contribution/portfolio',
      tags,
      summary: "A support person's portfolio with treasury, result and alerts (or every member activity)",
      request: { query: PortfolioQuery },
      responses: { 200: { description: 'Rows', ...json(z.array(PortfolioRow)) }, ...problemResponses },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const q = c.req.valid('query');
      const referentId =
        q.scope === 'all' ? null : (c.get('actor').userId ?? '00000000-0000-0000-0000-000000000000');
      return c.json(
        await listPortfolio(ctx.db, { referentId, quietMonths: q.quietMonths }, todayOf(ctx)),
        200,
      );
    },
  )
  .openapi(
    defineRoute('contribution.read', {
      method: 'get',
      path: '/contribution/cooperative',
      tags,
      summary:
        "The cooperative's dashboard: revenue, contributions and treasury by month, stages, funds, the structure",
      responses: { 200: { description: 'Dashboard', ...json(CooperativeDashboard) }, ...problemResponses },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      return c.json(await getCooperativeDashboard(ctx.db, todayOf(ctx)), 200);
    },
  );
