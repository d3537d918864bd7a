import { OpenAPIHono, z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import { dateInTimeZone } from '../../core/ledger/ledger-date.ts';
import {
  activityFiguresTable,
  balanceSheetTable,
  generalLedgerTable,
  journalTable,
  trialBalanceTable,
} from '../../core/ledger/ledger-report-tables.ts';
import { ExportQuery, reportKinds } from '../../core/ledger/ledger-request-schemas.ts';
import {
  ActivityFiguresReport,
  BalanceSheetView,
  FiscalYearView,
  GeneralLedger,
  LedgerFilters,
  TrialBalance,
} from '../../core/ledger/report-schemas.ts';
import { type ReportTable, tableToCsv } from '../../core/ledger/report-table.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';
import { defineRoute, json, problemResponses } from '../http/define-route.ts';
import type { HttpEnv } from '../http/http-env.ts';
import { getActivityFigures } from './get-activity-figures.ts';
import { getBalanceSheet } from './get-balance-sheet.ts';
import { getGeneralLedger } from './get-general-ledger.ts';
import { getTrialBalance } from './get-trial-balance.ts';
import { listJournalEntries } from './list-journal-entries.ts';
import { prepareFec } from './stream-fec.ts';
import { tableToXlsx } from './table-to-xlsx.ts';

const today = (ctx: AppContext) => dateInTimeZone(ctx.now());
const tags = ['Ledger reports'];
const YearQuery = z.object({
  fiscalYearId: z.coerce.number().int().positive().optional(),
  activityId: z.uuid().optional(),
});

/** The activities whose books a person may read as a member: those their member file holds (or held) a share of. */
export async function memberActivityIds(db: Db, actor: Actor): Promise<string[]> {
  if (!actor.userId) return [];
  const rows = await queryRows<{ activity_id: string }>(
    db,
    sql`SELECT DISTINCT am.activity_id FROM activity_members am JOIN members m ON m.id = am.member_id
        WHERE m.user_id = ${actor.userId}`,
  );
  return rows.map((r) => r.activity_id);
}

/** A member's own activity, or NOT_FOUND (as for one that does not exist: nobody learns of others' books). */
async function requireOwnActivity(db: Db, actor: Actor, activityId: string) {
  if (!(await memberActivityIds(db, actor)).includes(activityId)) throw new AppError('NOT_FOUND');
}

async function exportTable(
  ctx: AppContext,
  report: (typeof reportKinds)[number],
  filters: LedgerFilters,
): Promise<ReportTable> {
  const day = today(ctx);
  switch (report) {
    case 'trial-balance':
      return trialBalanceTable(await getTrialBalance(ctx.db, filters, day));
    case 'general-ledger':
      return generalLedgerTable(await getGeneralLedger(ctx.db, filters, day, 1_000_000));
    case 'journal':
      return journalTable(
        (await listJournalEntries(ctx.db, filters, day, { offset: 0, limit: 200_000 })).entries,
      );
    case 'activities':
      return activityFiguresTable(await getActivityFigures(ctx.db, filters, day));
    case 'balance-sheet':
      return balanceSheetTable(await getBalanceSheet(ctx.db, filters, day));
  }
}

/** A file download whose name carries no character that could break the header. */
function attachment(name: string) {
  return `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"`;
}

/** Reports for accounting staff, their CSV/XLSX exports and the FEC; and the member's own figures. */
export const ledgerReportRoutes = new OpenAPIHono<HttpEnv>()
  .openapi(
    defineRoute('ledger.read', {
      method: 'get',
      path: '/ledger/reports/trial-balance',
      tags,
      summary: 'Trial balance (balance générale)',
      request: { query: LedgerFilters },
      responses: {
        200: { description: 'Per account', ...json(TrialBalance) },
        ...problemResponses,
        404: { description: 'No fiscal year' },
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      return c.json(await getTrialBalance(ctx.db, c.req.valid('query'), today(ctx)), 200);
    },
  )
  .openapi(
    defineRoute('ledger.read', {
      method: 'get',
      path: '/ledger/reports/general-ledger',
      tags,
      summary: 'General ledger (grand livre) with running balances',
      request: { query: LedgerFilters },
      responses: {
        200: { description: 'Per account', ...json(GeneralLedger) },
        ...problemResponses,
        404: { description: 'No fiscal year' },
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      return c.json(await getGeneralLedger(ctx.db, c.req.valid('query'), today(ctx)), 200);
    },
  )
  .openapi(
    defineRoute('ledger.read', {
      method: 'get',
      path: '/ledger/reports/activities',
      tags,
      summary: 'Result, available treasury and receivables per activity, and the cooperative total',
      request: { query: YearQuery },
      responses: {
        200: { description: 'Figures', ...json(ActivityFiguresReport) },
        ...problemResponses,
        404: { description: 'No fiscal year' },
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const { cooperativeMatchesActivities: _checked, ...report } = await getActivityFigures(
        ctx.db,
        c.req.valid('query'),
        today(ctx),
      );
      return c.json(report, 200);
    },
  )
  .openapi(
    defineRoute('ledger.read', {
      method: 'get',
      path: '/ledger/reports/balance-sheet',
      tags,
      summary: 'Analytic balance sheet of an activity, or of the cooperative',
      request: { query: YearQuery },
      responses: {
        200: { description: 'Balance sheet', ...json(BalanceSheetView) },
        ...problemResponses,
        404: { description: 'No fiscal year' },
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      return c.json(await getBalanceSheet(ctx.db, c.req.valid('query'), today(ctx)), 200);
    },
  )
  .openapi(
    defineRoute('ledger.read', {
      method: 'get',
      path: '/ledger/exports/{report}',
      tags,
      summary: 'A report as CSV (French: semicolons, comma decimals) or XLSX',
      request: { params: z.object({ report: z.enum(reportKinds) }), query: ExportQuery },
      responses: {
        200: { description: 'The file' },
        ...problemResponses,
        404: { description: 'No fiscal year' },
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const { report } = c.req.valid('param');
      const { format, ...filters } = c.req.valid('query');
      const table = await exportTable(ctx, report, filters);
      const name = `${report}-${today(ctx)}`;
      if (format === 'xlsx') {
        const bytes = await tableToXlsx(table);
        return c.body(new Uint8Array(bytes), 200, {
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'content-disposition': attachment(`${name}.xlsx`),
        });
      }
      return c.body(tableToCsv(table), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': attachment(`${name}.csv`),
      });
    },
  )
  .openapi(
    defineRoute('ledger.read', {
      method: 'get',
      path: '/ledger/fec/{fiscalYearId}',
      tags,
      summary: 'Download the FEC of a fiscal year (streamed)',
      request: { params: z.object({ fiscalYearId: z.coerce.number().int().positive() }) },
      responses: {
        200: { description: '<SIREN>FEC<closing date>.txt' },
        ...problemResponses,
        404: { description: 'No such year' },
      },
    }),
    async (c) => {
      const fec = await prepareFec(c.get('ctx').db, c.req.valid('param').fiscalYearId);
      const chunks = fec.chunks();
      const encoder = new TextEncoder();
      const stream = new ReadableStream<Uint8Array>({
        async pull(controller) {
          const next = await chunks.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value));
        },
        async cancel() {
          await chunks.return(undefined);
        },
      });
      return c.body(stream, 200, {
        'content-type': 'text/plain; charset=utf-8',
        'content-disposition': attachment(fec.fileName),
      });
    },
  )
  .openapi(
    defineRoute('ledger.read', {
      method: 'get',
      path: '/ledger/fec/{fiscalYearId}/description',
      tags,
      summary: 'The description file that goes with the FEC',
      request: { params: z.object({ fiscalYearId: z.coerce.number().int().positive() }) },
      responses: {
        200: { description: 'Text file' },
        ...problemResponses,
        404: { description: 'No such year' },
      },
    }),
    async (c) => {
      const fec = await prepareFec(c.get('ctx').db, c.req.valid('param').fiscalYearId);
      return c.body(fec.description, 200, {
        'content-type': 'text/plain; charset=utf-8',
        'content-disposition': attachment(fec.descriptionFileName),
      });
    },
  )
  .openapi(
    defineRoute('authenticated', {
      method: 'get',
      path: '/ledger/my/activities',
      tags,
      summary: "A member's activities with their result, available treasury and receivables",
      description:
        'Only the activities the caller holds (or held) a share of; an empty list for anyone else.',
      request: { query: z.object({ fiscalYearId: z.coerce.number().int().positive().optional() }) },
      responses: {
        200: {
          description: 'Figures',
          ...json(
            z.object({
              fiscalYear: FiscalYearView.nullable(),
              basis: z.enum(['year', 'now']),
              activities: ActivityFiguresReport.shape.activities,
            }),
          ),
        },
        ...problemResponses,
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const ids = await memberActivityIds(ctx.db, c.get('actor'));
      const { fiscalYearId } = c.req.valid('query');
      const years = await queryRows(ctx.db, sql`SELECT 1 FROM fiscal_years LIMIT 1`);
      if (ids.length === 0 || years.length === 0)
        return c.json(
          { fiscalYear: null, basis: fiscalYearId ? ('year' as const) : ('now' as const), activities: [] },
          200,
        );
      const rows = [];
      let fiscalYear: FiscalYearView | null = null;
      let basis: 'year' | 'now' = 'now';
      for (const activityId of ids) {
        const r = await getActivityFigures(ctx.db, { fiscalYearId, activityId }, today(ctx));
        fiscalYear = r.fiscalYear;
        basis = r.basis;
        rows.push(...r.activities);
      }
      return c.json(
        { fiscalYear, basis, activities: rows.sort((a, b) => a.code.localeCompare(b.code)) },
        200,
      );
    },
  )
  .openapi(
    defineRoute('authenticated', {
      method: 'get',
      path: '/ledger/my/activities/{activityId}/lines',
      tags,
      summary: "The lines of a member's own activity, per account (its general ledger)",
      request: {
        params: z.object({ activityId: z.uuid() }),
        query: LedgerFilters.omit({ activityId: true }),
      },
      responses: {
        200: { description: 'Lines', ...json(GeneralLedger) },
        ...problemResponses,
        404: { description: 'Not one of yours' },
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const { activityId } = c.req.valid('param');
      await requireOwnActivity(ctx.db, c.get('actor'), activityId);
      return c.json(await getGeneralLedger(ctx.db, { ...c.req.valid('query'), activityId }, today(ctx)), 200);
    },
  )
  .openapi(
    defineRoute('authenticated', {
      method: 'get',
      path: '/ledger/my/activities/{activityId}/balance-sheet',
      tags,
      summary: "The analytic balance sheet of a member's own activity",
      request: {
        params: z.object({ activityId: z.uuid() }),
        query: z.object({ fiscalYearId: z.coerce.number().int().positive().optional() }),
      },
      responses: {
        200: { description: 'Balance sheet', ...json(BalanceSheetView) },
        ...problemResponses,
        404: { description: 'Not one of yours' },
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const { activityId } = c.req.valid('param');
      await requireOwnActivity(ctx.db, c.get('actor'), activityId);
      return c.json(await getBalanceSheet(ctx.db, { ...c.req.valid('query'), activityId }, today(ctx)), 200);
    },
  );
