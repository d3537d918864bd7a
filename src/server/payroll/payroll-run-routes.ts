import { OpenAPIHono, z } from '@hono/zod-openapi';
import { tableToCsv } from '../../core/ledger/report-table.ts';
import { calendarDateOf } from '../../core/members/calendar-date.ts';
import { PayrollMonthSchema } from '../../core/payroll/payroll-month.ts';
import {
  PayrollAdvanceRequest,
  PayrollAdvanceView,
  PayrollRunPreview,
  PayrollRunRequest,
  PayrollRunResult,
  PayrollSlipView,
  PreparedSalaryPayment,
  SalaryPaymentRequest,
  SalaryPaymentView,
} from '../../core/payroll/payroll-run-schemas.ts';
import { YearEndTrueUpAnswer, YearEndTrueUpRequest } from '../../core/payroll/propose-year-end-true-up.ts';
import { TrueUpPaymentRequest, TrueUpRecordView } from '../../core/payroll/true-up-record-schemas.ts';
import { defineRoute, json, jsonBody, problemResponses } from '../http/define-route.ts';
import type { HttpEnv } from '../http/http-env.ts';
import { requireOwnMember } from '../members/member-access.ts';
import { accrueYearEndTrueUp } from './accrue-year-end-true-up.ts';
import { answerYearEndTrueUp } from './answer-year-end-true-up.ts';
import { approvePayrollAdvance } from './approve-payroll-advance.ts';
import { confirmSalaryPayment } from './confirm-salary-payment.ts';
import { listPayrollSlips, payrollVariablesTable } from './list-payroll-slips.ts';
import { listSalaryPayments } from './list-salary-payments.ts';
import { listYearEndTrueUps } from './list-year-end-true-ups.ts';
import { payYearEndTrueUp } from './pay-year-end-true-up.ts';
import { preparePayrollRun } from './prepare-payroll-run.ts';
import { prepareSalaryPayment } from './prepare-salary-payment.ts';
import { readSalaryPaymentFile } from './read-salary-payment-file.ts';
import { renderPayslip } from './render-payslip.ts';
import { publicRun, runPayroll } from './run-payroll.ts';
import { sharedSalaryCalculator } from './shared-salary-calculator.ts';

const tags = ['Payroll'];
const conflict = { 409: { description: 'Month already run, closed or locked (problem+json)' } };

export const payrollRunRoutes = new OpenAPIHono<HttpEnv>()
  .openapi(
    defineRoute('payroll.runs.read', {
      method: 'post',
      path: '/payroll/runs/preview',
      tags,
      summary: "Preview a month's payroll run: every member's figures, refusals explained, nothing written",
      request: { ...jsonBody(PayrollRunRequest) },
      responses: {
        200: { description: 'The run as it would be', ...json(PayrollRunPreview) },
        ...problemResponses,
        ...conflict,
      },
    }),
    async (c) => {
      const run = await preparePayrollRun(
        c.get('ctx'),
        sharedSalaryCalculator(),
        c.req.valid('json').month,
        c.get('locale'),
      );
      return c.json(publicRun(run), 200);
    },
  )
  .openapi(
    defineRoute('payroll.runs.manage', {
      method: 'post',
      path: '/payroll/runs',
      tags,
      summary: "Run a month's payroll: post every salary the treasury bears, record every member's month",
      description:
        'Idempotent per member and month: members already recorded are left as they are; refused salaries are explained and can be run again once a manager approves an advance.',
      request: { ...jsonBody(PayrollRunRequest) },
      responses: { 201: { description: 'Run', ...json(PayrollRunResult) }, ...problemResponses, ...conflict },
    }),
    async (c) =>
      c.json(
        await runPayroll(
          c.get('ctx'),
          c.get('actor'),
          sharedSalaryCalculator(),
          c.req.valid('json'),
          c.get('locale'),
        ),
        201,
      ),
  )
  .openapi(
    defineRoute('payroll.runs.read', {
      method: 'get',
      path: '/payroll/slips',
      tags,
      summary: "The payroll records of a month, or a member's",
      request: { query: z.object({ month: PayrollMonthSchema.optional(), memberId: z.uuid().optional() }) },
      responses: { 200: { description: 'Records', ...json(z.array(PayrollSlipView)) }, ...problemResponses },
    }),
    async (c) => c.json(await listPayrollSlips(c.get('ctx').db, c.req.valid('query')), 200),
  )
  .openapi(
    defineRoute('authenticated', {
      method: 'get',
      path: '/payroll/slips/mine',
      tags,
      summary: 'My payroll records, newest month first',
      responses: {
        200: { description: 'Records', ...json(z.array(PayrollSlipView)) },
        ...problemResponses,
        404: { description: 'No member file linked to this account (problem+json)' },
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const member = await requireOwnMember(ctx.db, c.get('actor'));
      return c.json(await listPayrollSlips(ctx.db, { memberId: member.id }), 200);
    },
  )
  .openapi(
    defineRoute('authenticated', {
      method: 'get',
      path: '/payroll/slips/{id}/pdf',
      tags,
      summary: 'Download a payslip (bulletin de paie, PDF): my own, or any for those who read the payroll',
      request: { params: z.object({ id: z.uuid() }) },
      responses: {
        200: { description: 'PDF' },
        ...problemResponses,
        404: { description: 'No such record, or not yours to see (problem+json)' },
      },
    }),
    async (c) => {
      const file = await renderPayslip(c.get('ctx').db, c.get('actor'), c.req.valid('param').id);
      return c.body(Buffer.from(file.pdf), 200, {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="${file.fileName}"`,
      });
    },
  )
  .openapi(
    defineRoute('payroll.runs.read', {
      method: 'get',
      path: '/payroll/exports/variables',
      tags,
      summary: "A month's payroll variables as CSV, for the payroll provider",
      request: { query: z.object({ month: PayrollMonthSchema }) },
      responses: { 200: { description: 'CSV (French: semicolons, comma decimals)' }, ...problemResponses },
    }),
    async (c) => {
      const { month } = c.req.valid('query');
      const slips = await listPayrollSlips(c.get('ctx').db, { month });
      return c.body(tableToCsv(payrollVariablesTable(month, slips)), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="variables-paie-${month}.csv"`,
      });
    },
  )
  .openapi(
    defineRoute('payroll.advances.approve', {
      method: 'post',
      path: '/payroll/advances',
      tags,
      summary:
        "Approve an advance: a salary the activity's treasury cannot bear, the shortfall lent by a mutual fund",
      request: { ...jsonBody(PayrollAdvanceRequest) },
      responses: {
        201: { description: 'Approved', ...json(PayrollAdvanceView) },
        ...problemResponses,
        404: { description: 'No such member (problem+json)' },
        409: { description: 'Already approved for the month (problem+json)' },
      },
    }),
    async (c) =>
      c.json(
        await approvePayrollAdvance(
          c.get('ctx'),
          c.get('actor'),
          sharedSalaryCalculator(),
          c.req.valid('json'),
        ),
        201,
      ),
  )
  .openapi(
    defineRoute('payroll.runs.read', {
      method: 'get',
      path: '/payroll/payments',
      tags,
      summary: "A month's net salary transfers (SEPA batches), newest first",
      request: { query: z.object({ month: PayrollMonthSchema }) },
      responses: {
        200: { description: 'Batches', ...json(z.array(SalaryPaymentView)) },
        ...problemResponses,
      },
    }),
    async (c) => c.json(await listSalaryPayments(c.get('ctx').db, c.req.valid('query').month), 200),
  )
  .openapi(
    defineRoute('payroll.runs.manage', {
      method: 'post',
      path: '/payroll/payments',
      tags,
      summary: "Prepare the transfer of a month's net salaries (a SEPA pain.001.001.03 batch)",
      request: { ...jsonBody(SalaryPaymentRequest) },
      responses: {
        201: { description: 'Prepared', ...json(PreparedSalaryPayment) },
        ...problemResponses,
        409: { description: 'Nothing to pay (problem+json)' },
      },
    }),
    async (c) => c.json(await prepareSalaryPayment(c.get('ctx'), c.get('actor'), c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute('payroll.runs.read', {
      method: 'get',
      path: '/payroll/payments/{id}/sepa',
      tags,
      summary: 'Download the SEPA credit transfer file of a batch (pain.001.001.03 XML)',
      request: { params: z.object({ id: z.uuid() }) },
      responses: { 200: { description: 'XML' }, ...problemResponses, 404: { description: 'No such batch' } },
    }),
    async (c) => {
      const file = await readSalaryPaymentFile(c.get('ctx').db, c.req.valid('param').id);
      return c.body(file.xml, 200, {
        'content-type': 'application/xml; charset=utf-8',
        'content-disposition': `attachment; filename="${file.fileName}"`,
      });
    },
  )
  .openapi(
    defineRoute('payroll.runs.manage', {
      method: 'post',
      path: '/payroll/payments/{id}/confirm',
      tags,
      summary: 'Confirm the bank executed the transfer: post the payments (D 421 · C 512)',
      request: { params: z.object({ id: z.uuid() }) },
      responses: {
        200: { description: 'Confirmed', ...json(SalaryPaymentView) },
        ...problemResponses,
        404: { description: 'No such batch' },
        409: { description: 'Already confirmed (problem+json)' },
      },
    }),
    async (c) =>
      c.json(await confirmSalaryPayment(c.get('ctx'), c.get('actor'), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute('payroll.runs.read', {
      method: 'post',
      path: '/payroll/true-up',
      tags,
      summary:
        "Year-end true-up: each activity's result after every charge, the variable part, a proposal per member",
      description:
        'The pay-by date is one month after the general assembly approving the accounts (C. trav. R7331-12), whose date is given. Nothing is written.',
      request: { ...jsonBody(YearEndTrueUpRequest) },
      responses: {
        200: { description: 'Proposals', ...json(YearEndTrueUpAnswer) },
        ...problemResponses,
        404: { description: 'No such fiscal year' },
      },
    }),
    async (c) =>
      c.json(await answerYearEndTrueUp(c.get('ctx').db, sharedSalaryCalculator(), c.req.valid('json')), 200),
  )
  .openapi(
    defineRoute('payroll.runs.manage', {
      method: 'post',
      path: '/payroll/true-up/accrue',
      tags,
      summary: "Post the fiscal year's true-up: each member's variable part accrued at the year's end (4286)",
      description:
        'D 641/645 · C 4286/4386 on each activity, dated the last day of the fiscal year, priced as a payslip of the month it is paid. Once per fiscal year.',
      request: { ...jsonBody(YearEndTrueUpRequest) },
      responses: {
        201: { description: 'Accrued', ...json(z.array(TrueUpRecordView)) },
        ...problemResponses,
        404: { description: 'No such fiscal year' },
        409: { description: 'Already accrued, or the year is closed or locked (problem+json)' },
      },
    }),
    async (c) =>
      c.json(
        await accrueYearEndTrueUp(
          c.get('ctx'),
          c.get('actor'),
          sharedSalaryCalculator(),
          c.req.valid('json'),
        ),
        201,
      ),
  )
  .openapi(
    defineRoute('payroll.runs.manage', {
      method: 'post',
      path: '/payroll/true-up/pay',
      tags,
      summary: "Pay the fiscal year's accrued true-up on a day: settle 4286/4386, transfer the net",
      request: { ...jsonBody(TrueUpPaymentRequest) },
      responses: {
        200: { description: 'Paid', ...json(z.array(TrueUpRecordView)) },
        ...problemResponses,
        409: { description: 'Not accrued, or already paid (problem+json)' },
      },
    }),
    async (c) => c.json(await payYearEndTrueUp(c.get('ctx'), c.get('actor'), c.req.valid('json')), 200),
  )
  .openapi(
    defineRoute('payroll.runs.read', {
      method: 'get',
      path: '/payroll/true-ups',
      tags,
      summary: 'The true-ups posted for a fiscal year: accrued, paid, late',
      request: { query: z.object({ fiscalYearId: z.coerce.number().int().positive() }) },
      responses: { 200: { description: 'Records', ...json(z.array(TrueUpRecordView)) }, ...problemResponses },
    }),
    async (c) =>
      c.json(
        await listYearEndTrueUps(
          c.get('ctx').db,
          c.req.valid('query').fiscalYearId,
          calendarDateOf(c.get('ctx').now()),
        ),
        200,
      ),
  );
