import { OpenAPIHono, z } from '@hono/zod-openapi';
import { calendarDateOf } from '../../core/members/calendar-date.ts';
import {
  PayrollSettingsInForce,
  PayrollSettingsVersion,
  PayrollSettingsVersionInput,
} from '../../core/payroll/payroll-settings.ts';
import { ExitPlanAnswer, ExitPlanRequest } from '../../core/payroll/plan-exit-payout.ts';
import { SalaryCapacityAnswer, SalaryCapacityRequest } from '../../core/payroll/salary-capacity-input.ts';
import {
  SalaryPlanDecision,
  SalaryPlanProposal,
  SalaryPlanView,
  salaryPlanStatuses,
} from '../../core/payroll/salary-plan.ts';
import { SalarySimulation, SalarySimulationRequest } from '../../core/payroll/salary-simulation-schemas.ts';
import { defineRoute, json, jsonBody, problemResponses } from '../http/define-route.ts';
import type { HttpEnv } from '../http/http-env.ts';
import { requireOwnMember } from '../members/member-access.ts';
import { answerExitPlan, answerSalaryCapacity } from './answer-salary-capacity.ts';
import { decideSalaryPlan } from './decide-salary-plan.ts';
import { listPayrollSettingsVersions } from './list-payroll-settings-versions.ts';
import { listSalaryPlans, memberSalaryPlans } from './list-salary-plans.ts';
import { loadPayrollSettings } from './load-payroll-settings.ts';
import { proposeSalaryPlan } from './propose-salary-plan.ts';
import { recordPayrollSettingsVersion } from './record-payroll-settings-version.ts';
import { sharedSalaryCalculator } from './shared-salary-calculator.ts';
import { simulateSalary } from './simulate-salary.ts';

const PlanParams = z.object({ id: z.uuid() });
const notFound = { 404: { description: 'No such plan, or not yours to see (problem+json)' } };
const conflict = { 409: { description: 'Already decided (problem+json)' } };
const MyPlans = z.object({ current: SalaryPlanView.nullable(), plans: z.array(SalaryPlanView) });

const decisionRoute = (decision: 'approve' | 'reject') =>
  defineRoute('payroll.plans.decide', {
    method: 'post',
    path: `/payroll/plans/{id}/${decision}`,
    tags: ['Payroll'],
    summary:
      decision === 'approve'
        ? 'Approve a proposed salary plan (checked against the journey again)'
        : 'Reject a proposed salary plan',
    request: { params: PlanParams, body: { ...json(SalaryPlanDecision), required: false } },
    responses: {
      200: { description: 'Decided', ...json(SalaryPlanView) },
      ...problemResponses,
      ...notFound,
      ...conflict,
    },
  });

export const payrollRoutes = new OpenAPIHono<HttpEnv>()
  .openapi(
    defineRoute('authenticated', {
      method: 'post',
      path: '/payroll/simulate',
      tags: ['Payroll'],
      summary: 'Simulate a monthly salary with the official French social rules (modele-social)',
      description:
        'From a gross salary, a net salary before income tax or an employer cost: gross, net social, net before income tax, net taxable, employer cost and every contribution line, in integer cents, for the month given. Without settings, the documented defaults are used (and echoed).',
      request: { ...jsonBody(SalarySimulationRequest) },
      responses: {
        200: { description: 'The salary', ...json(SalarySimulation) },
        ...problemResponses,
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const recorded = await loadPayrollSettings(c.get('ctx').db, `${body.month}-01`);
      const simulation = await simulateSalary(
        sharedSalaryCalculator(),
        body.settings ?? recorded.settings,
        body,
      );
      return c.json(simulation, 200);
    },
  )
  .openapi(
    defineRoute('authenticated', {
      method: 'post',
      path: '/payroll/capacity',
      tags: ['Payroll'],
      summary: '"How much can I pay myself?": the highest steady gross a treasury bears over N months',
      description:
        "What-if figures from the amounts given (treasury, expected monthly revenue, safety buffer, horizon), with the rules engine's employer cost for the month given; optionally how long the treasury lasts at a gross salary. Plain-French explanations.",
      request: { ...jsonBody(SalaryCapacityRequest) },
      responses: { 200: { description: 'The answer', ...json(SalaryCapacityAnswer) }, ...problemResponses },
    }),
    async (c) => {
      const { settings, ...request } = c.req.valid('json');
      const recorded = await loadPayrollSettings(c.get('ctx').db, `${request.month}-01`);
      return c.json(
        await answerSalaryCapacity(
          sharedSalaryCalculator(),
          settings ?? recorded.settings,
          request,
          recorded.safetyBufferCents,
        ),
        200,
      );
    },
  )
  .openapi(
    defineRoute('authenticated', {
      method: 'post',
      path: '/payroll/exit-plan',
      tags: ['Payroll'],
      summary: 'Exit plan: the salary schedule that pays out a treasury before an exit date',
      request: { ...jsonBody(ExitPlanRequest) },
      responses: { 200: { description: 'The schedule', ...json(ExitPlanAnswer) }, ...problemResponses },
    }),
    async (c) => {
      const { settings, ...input } = c.req.valid('json');
      const recorded = await loadPayrollSettings(c.get('ctx').db, `${input.firstMonth}-01`);
      return c.json(
        await answerExitPlan(sharedSalaryCalculator(), settings ?? recorded.settings, input),
        200,
      );
    },
  )
  .openapi(
    defineRoute('authenticated', {
      method: 'post',
      path: '/payroll/plans',
      tags: ['Payroll'],
      summary: 'Propose my salary plan: a monthly gross from a month on (never below the fixed part)',
      request: { ...jsonBody(SalaryPlanProposal) },
      responses: {
        201: { description: 'Proposed, waiting for support', ...json(SalaryPlanView) },
        ...problemResponses,
        404: { description: 'No member file linked to this account (problem+json)' },
      },
    }),
    async (c) => c.json(await proposeSalaryPlan(c.get('ctx'), c.get('actor'), c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute('authenticated', {
      method: 'get',
      path: '/payroll/plans/mine',
      tags: ['Payroll'],
      summary: 'My salary plans, newest first, and the one in force this month',
      responses: {
        200: { description: 'History', ...json(MyPlans) },
        ...problemResponses,
        404: { description: 'No member file linked to this account (problem+json)' },
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const member = await requireOwnMember(ctx.db, c.get('actor'));
      return c.json(await memberSalaryPlans(ctx.db, member.id, calendarDateOf(ctx.now()).slice(0, 7)), 200);
    },
  )
  .openapi(
    defineRoute('payroll.plans.read', {
      method: 'get',
      path: '/payroll/plans',
      tags: ['Payroll'],
      summary: "Salary plans: the proposals waiting for a decision (status=proposed), or a member's history",
      request: {
        query: z.object({ status: z.enum(salaryPlanStatuses).optional(), memberId: z.uuid().optional() }),
      },
      responses: {
        200: { description: 'Plans, newest first', ...json(z.array(SalaryPlanView)) },
        ...problemResponses,
      },
    }),
    async (c) => c.json(await listSalaryPlans(c.get('ctx').db, c.req.valid('query')), 200),
  )
  .openapi(decisionRoute('approve'), async (c) =>
    c.json(
      await decideSalaryPlan(
        c.get('ctx'),
        c.get('actor'),
        c.req.valid('param').id,
        'approved',
        c.req.valid('json') ?? {},
      ),
      200,
    ),
  )
  .openapi(decisionRoute('reject'), async (c) =>
    c.json(
      await decideSalaryPlan(
        c.get('ctx'),
        c.get('actor'),
        c.req.valid('param').id,
        'rejected',
        c.req.valid('json') ?? {},
      ),
      200,
    ),
  )
  .openapi(
    defineRoute('authenticated', {
      method: 'post',
      path: '/payroll/plans/{id}/withdraw',
      tags: ['Payroll'],
      summary: 'Withdraw my salary plan while it waits for a decision',
      request: { params: PlanParams },
      responses: {
        200: { description: 'Withdrawn', ...json(SalaryPlanView) },
        ...problemResponses,
        ...notFound,
        ...conflict,
      },
    }),
    async (c) =>
      c.json(await decideSalaryPlan(c.get('ctx'), c.get('actor'), c.req.valid('param').id, 'withdrawn'), 200),
  )
  .openapi(
    defineRoute('authenticated', {
      method: 'get',
      path: '/payroll/settings',
      tags: ['Payroll'],
      summary:
        "The cooperative's payroll settings: every version, and the one in force today (or the defaults)",
      responses: {
        200: {
          description: 'Versions, latest start first',
          ...json(z.object({ current: PayrollSettingsInForce, versions: z.array(PayrollSettingsVersion) })),
        },
        ...problemResponses,
      },
    }),
    async (c) => {
      const db = c.get('ctx').db;
      const today = calendarDateOf(c.get('ctx').now());
      return c.json(
        { current: await loadPayrollSettings(db, today), versions: await listPayrollSettingsVersions(db) },
        200,
      );
    },
  )
  .openapi(
    defineRoute('payroll.settings.manage', {
      method: 'post',
      path: '/payroll/settings',
      tags: ['Payroll'],
      summary:
        "Record a version of the cooperative's payroll settings, in force from the first day of a month",
      description:
        'A version starting in a month already run is refused; a version with the same start, not used yet, is replaced.',
      request: { ...jsonBody(PayrollSettingsVersionInput) },
      responses: {
        201: { description: 'Recorded', ...json(PayrollSettingsVersion) },
        ...problemResponses,
        409: { description: 'A month already run (problem+json)' },
      },
    }),
    async (c) =>
      c.json(await recordPayrollSettingsVersion(c.get('ctx'), c.get('actor'), c.req.valid('json')), 201),
  );
