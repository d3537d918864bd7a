import { OpenAPIHono, z } from '@hono/zod-openapi';
import { desc, eq, sql } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import { accountClass } from '../../core/ledger/account-rules.ts';
import { DraftEntryRequest } from '../../core/ledger/entry-schemas.ts';
import { dateInTimeZone } from '../../core/ledger/ledger-date.ts';
import {
  AddAccountRequest,
  AddJournalRequest,
  DraftView,
  JournalQuery,
  LetterLinesRequest,
  LockDateRequest,
  OpenFiscalYearRequest,
  ReverseEntryRequest,
  UpdateAccountRequest,
} from '../../core/ledger/ledger-request-schemas.ts';
import { AccountView, EntryView, FiscalYearView, JournalView } from '../../core/ledger/report-schemas.ts';
import type { AppContext } from '../app-context.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';
import { defineRoute, json, jsonBody, problemResponses } from '../http/define-route.ts';
import type { HttpEnv } from '../http/http-env.ts';
import { addLedgerAccount } from './add-ledger-account.ts';
import { addLedgerJournal } from './add-ledger-journal.ts';
import { closeFiscalYear } from './close-fiscal-year.ts';
import { discardDraftEntry } from './discard-draft-entry.ts';
import { ledgerDrafts } from './ledger-tables.ts';
import { letterLines } from './letter-lines.ts';
import { listJournalEntries, toEntryViews } from './list-journal-entries.ts';
import { loadEntry } from './load-entry.ts';
import { openFiscalYear } from './open-fiscal-year.ts';
import { postDraftEntry } from './post-draft-entry.ts';
import { removeLedgerAccount } from './remove-ledger-account.ts';
import { listFiscalYearViews } from './resolve-fiscal-year.ts';
import { reverseEntry } from './reverse-entry.ts';
import { saveDraftEntry } from './save-draft-entry.ts';
import { setLockDate } from './set-lock-date.ts';
import { updateLedgerAccount } from './update-ledger-account.ts';

const today = (ctx: AppContext) => dateInTimeZone(ctx.now());
const tags = ['Ledger'];

async function accountViews(db: Db, number?: string): Promise<AccountView[]> {
  const rows = await queryRows<{
    number: string;
    label: string;
    requires_third_party: boolean;
    active: boolean;
    has_lines: boolean;
  }>(
    db,
    sql`SELECT a.number, a.label, a.requires_third_party, a.active,
               EXISTS (SELECT 1 FROM ledger_balances b WHERE b.account_number = a.number AND b.line_count > 0) AS has_lines
        FROM ledger_accounts a ${number ? sql`WHERE a.number = ${number}` : sql``} ORDER BY a.number`,
  );
  return rows.map((r) => ({
    number: r.number,
    label: r.label,
    class: accountClass(r.number),
    requiresThirdParty: r.requires_third_party,
    active: r.active,
    hasLines: r.has_lines,
  }));
}

async function journalViews(db: Db, code?: string): Promise<JournalView[]> {
  const rows = await queryRows<{
    code: string;
    label: string;
    kind: string;
    manual: boolean;
    active: boolean;
    n: string;
  }>(
    db,
    sql`SELECT code, label, kind, manual, active, chain_length::text AS n FROM ledger_journals
        ${code ? sql`WHERE code = ${code}` : sql``} ORDER BY created_at, code`,
  );
  return rows.map((r) => ({ ...r, entryCount: Number(r.n) }));
}

function toDraftView(d: typeof ledgerDrafts.$inferSelect): DraftView {
  return {
    id: d.id,
    journalCode: d.journalCode,
    entryDate: d.entryDate,
    pieceRef: d.pieceRef,
    pieceDate: d.pieceDate,
    label: d.label,
    lines: d.lines.map((l) => ({
      ...l,
      debitCents: Number(l.debitCents),
      creditCents: Number(l.creditCents),
    })),
    status: d.status,
    postedEntryId: d.postedEntryId,
    updatedAt: d.updatedAt.toISOString(),
  };
}

async function entryView(db: Db, id: string): Promise<EntryView> {
  const entry = await loadEntry(db, id);
  if (!entry) throw new AppError('NOT_FOUND');
  return (await toEntryViews(db, [entry]))[0]!;
}

const Id = z.object({ id: z.uuid() });

/** The books for accounting staff: chart, journals, fiscal years, entries, manual entries and reversals. */
export const ledgerRoutes = new OpenAPIHono<HttpEnv>()
  .openapi(
    defineRoute('ledger.read', {
      method: 'get',
      path: '/ledger/accounts',
      tags,
      summary: 'The chart of accounts',
      responses: { 200: { description: 'Accounts', ...json(z.array(AccountView)) }, ...problemResponses },
    }),
    async (c) => c.json(await accountViews(c.get('ctx').db), 200),
  )
  .openapi(
    defineRoute('ledger.chart', {
      method: 'post',
      path: '/ledger/accounts',
      tags,
      summary: 'Add an account to the chart',
      request: jsonBody(AddAccountRequest),
      responses: {
        201: { description: 'Added', ...json(AccountView) },
        ...problemResponses,
        409: { description: 'Exists already' },
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const row = await addLedgerAccount(ctx, c.get('actor'), c.req.valid('json'));
      return c.json((await accountViews(ctx.db, row.number))[0]!, 201);
    },
  )
  .openapi(
    defineRoute('ledger.chart', {
      method: 'patch',
      path: '/ledger/accounts/{number}',
      tags,
      summary: 'Rename, (de)activate an account, or say whether it needs a third party',
      request: {
        params: z.object({ number: z.string().regex(/^\d{3,10}$/) }),
        ...jsonBody(UpdateAccountRequest),
      },
      responses: {
        200: { description: 'Updated', ...json(AccountView) },
        ...problemResponses,
        404: { description: 'No such account' },
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const { number } = c.req.valid('param');
      await updateLedgerAccount(ctx, c.get('actor'), number, c.req.valid('json'));
      return c.json((await accountViews(ctx.db, number))[0]!, 200);
    },
  )
  .openapi(
    defineRoute('ledger.chart', {
      method: 'delete',
      path: '/ledger/accounts/{number}',
      tags,
      summary: 'Remove an account that has no line',
      request: { params: z.object({ number: z.string().regex(/^\d{3,10}$/) }) },
      responses: {
        204: { description: 'Removed' },
        ...problemResponses,
        409: { description: 'The account has lines' },
      },
    }),
    async (c) => {
      await removeLedgerAccount(c.get('ctx'), c.get('actor'), c.req.valid('param').number);
      return c.body(null, 204);
    },
  )
  .openapi(
    defineRoute('ledger.read', {
      method: 'get',
      path: '/ledger/journals',
      tags,
      summary: 'The journals and how many entries each holds',
      responses: { 200: { description: 'Journals', ...json(z.array(JournalView)) }, ...problemResponses },
    }),
    async (c) => c.json(await journalViews(c.get('ctx').db), 200),
  )
  .openapi(
    defineRoute('ledger.chart', {
      method: 'post',
      path: '/ledger/journals',
      tags,
      summary: 'Add a journal (e.g. a second bank account)',
      request: jsonBody(AddJournalRequest),
      responses: {
        201: { description: 'Added', ...json(JournalView) },
        ...problemResponses,
        409: { description: 'Exists' },
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const row = await addLedgerJournal(ctx, c.get('actor'), c.req.valid('json'));
      return c.json((await journalViews(ctx.db, row.code))[0]!, 201);
    },
  )
  .openapi(
    defineRoute('ledger.read', {
      method: 'get',
      path: '/ledger/fiscal-years',
      tags,
      summary: 'Fiscal years and the lock date',
      responses: {
        200: {
          description: 'Years',
          ...json(z.object({ years: z.array(FiscalYearView), lockDate: z.string().nullable() })),
        },
        ...problemResponses,
      },
    }),
    async (c) => {
      const db = c.get('ctx').db;
      const [s] = await queryRows<{ lock_date: string | null }>(
        db,
        sql`SELECT lock_date::text FROM ledger_settings WHERE id = 1`,
      );
      return c.json({ years: await listFiscalYearViews(db), lockDate: s?.lock_date ?? null }, 200);
    },
  )
  .openapi(
    defineRoute('ledger.close', {
      method: 'post',
      path: '/ledger/fiscal-years',
      tags,
      summary: 'Open the next fiscal year (or the first one, with its dates)',
      request: jsonBody(OpenFiscalYearRequest),
      responses: { 201: { description: 'Opened', ...json(FiscalYearView) }, ...problemResponses },
    }),
    async (c) => {
      const year = await openFiscalYear(c.get('ctx'), c.get('actor'), c.req.valid('json'));
      return c.json({ ...year, closedAt: null }, 201);
    },
  )
  .openapi(
    defineRoute('ledger.close', {
      method: 'post',
      path: '/ledger/fiscal-years/{id}/close',
      tags,
      summary: 'Close a fiscal year: opening entries in the next one, the year frozen',
      request: { params: z.object({ id: z.coerce.number().int().positive() }) },
      responses: {
        200: {
          description: 'Closed',
          ...json(
            z.object({ fiscalYearId: z.number(), openingEntries: z.number(), resultCents: z.number() }),
          ),
        },
        ...problemResponses,
        409: { description: 'Cannot be closed yet' },
      },
    }),
    async (c) => {
      const r = await closeFiscalYear(c.get('ctx'), c.get('actor'), c.req.valid('param').id);
      return c.json(
        {
          fiscalYearId: r.fiscalYearId,
          openingEntries: r.openingEntries,
          resultCents: Number(r.resultCents),
        },
        200,
      );
    },
  )
  .openapi(
    defineRoute('ledger.close', {
      method: 'put',
      path: '/ledger/lock-date',
      tags,
      summary: 'Move the lock date forward: nothing can be posted on or before it',
      request: jsonBody(LockDateRequest),
      responses: {
        200: { description: 'Set', ...json(LockDateRequest) },
        ...problemResponses,
        409: { description: 'Backwards' },
      },
    }),
    async (c) => c.json(await setLockDate(c.get('ctx'), c.get('actor'), c.req.valid('json').lockDate), 200),
  )
  .openapi(
    defineRoute('ledger.read', {
      method: 'get',
      path: '/ledger/entries',
      tags,
      summary: 'Journal view: entries in posting order, filtered',
      request: { query: JournalQuery },
      responses: {
        200: {
          description: 'A page of entries',
          ...json(z.object({ fiscalYear: FiscalYearView, total: z.number(), entries: z.array(EntryView) })),
        },
        ...problemResponses,
        404: { description: 'No fiscal year yet' },
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const { offset, limit, ...filters } = c.req.valid('query');
      return c.json(await listJournalEntries(ctx.db, filters, today(ctx), { offset, limit }), 200);
    },
  )
  .openapi(
    defineRoute('ledger.read', {
      method: 'get',
      path: '/ledger/entries/{id}',
      tags,
      summary: 'One entry with its lines, hash and reversal links',
      request: { params: Id },
      responses: {
        200: { description: 'Entry', ...json(EntryView) },
        ...problemResponses,
        404: { description: 'No such entry' },
      },
    }),
    async (c) => c.json(await entryView(c.get('ctx').db, c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute('ledger.post', {
      method: 'post',
      path: '/ledger/entries/{id}/reverse',
      tags,
      summary: 'Reverse a posted entry (once): a new entry with debit and credit swapped',
      request: { params: Id, ...jsonBody(ReverseEntryRequest) },
      responses: {
        201: { description: 'The reversing entry', ...json(EntryView) },
        ...problemResponses,
        409: { description: 'Already reversed' },
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const posted = await reverseEntry(ctx, c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      return c.json(await entryView(ctx.db, posted.id), 201);
    },
  )
  .openapi(
    defineRoute('ledger.post', {
      method: 'post',
      path: '/ledger/letterings',
      tags,
      summary: 'Letter lines of one account and third party whose debits and credits cancel out',
      request: jsonBody(LetterLinesRequest),
      responses: {
        201: { description: 'Lettered', ...json(z.object({ code: z.string() })) },
        ...problemResponses,
        404: { description: 'A line does not exist' },
      },
    }),
    async (c) => c.json(await letterLines(c.get('ctx'), c.get('actor'), c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute('ledger.post', {
      method: 'get',
      path: '/ledger/drafts',
      tags,
      summary: 'Manual entries being typed (drafts), newest first',
      responses: { 200: { description: 'Drafts', ...json(z.array(DraftView)) }, ...problemResponses },
    }),
    async (c) => {
      const rows = await c
        .get('ctx')
        .db.select()
        .from(ledgerDrafts)
        .where(eq(ledgerDrafts.status, 'draft'))
        .orderBy(desc(ledgerDrafts.updatedAt))
        .limit(200);
      return c.json(rows.map(toDraftView), 200);
    },
  )
  .openapi(
    defineRoute('ledger.post', {
      method: 'post',
      path: '/ledger/drafts',
      tags,
      summary: 'Save a new manual entry as a draft',
      request: jsonBody(DraftEntryRequest),
      responses: { 201: { description: 'Saved', ...json(DraftView) }, ...problemResponses },
    }),
    async (c) =>
      c.json(toDraftView(await saveDraftEntry(c.get('ctx'), c.get('actor'), c.req.valid('json'))), 201),
  )
  .openapi(
    defineRoute('ledger.post', {
      method: 'put',
      path: '/ledger/drafts/{id}',
      tags,
      summary: 'Replace the content of a draft',
      request: { params: Id, ...jsonBody(DraftEntryRequest) },
      responses: {
        200: { description: 'Saved', ...json(DraftView) },
        ...problemResponses,
        409: { description: 'Not a draft any more' },
      },
    }),
    async (c) =>
      c.json(
        toDraftView(
          await saveDraftEntry(c.get('ctx'), c.get('actor'), c.req.valid('json'), c.req.valid('param').id),
        ),
        200,
      ),
  )
  .openapi(
    defineRoute('ledger.post', {
      method: 'post',
      path: '/ledger/drafts/{id}/post',
      tags,
      summary: 'Post a draft: it becomes a numbered, unchangeable entry',
      request: { params: Id },
      responses: {
        201: { description: 'Posted', ...json(EntryView) },
        ...problemResponses,
        409: { description: 'Not a draft' },
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const posted = await postDraftEntry(ctx, c.get('actor'), c.req.valid('param').id);
      return c.json(await entryView(ctx.db, posted.id), 201);
    },
  )
  .openapi(
    defineRoute('ledger.post', {
      method: 'delete',
      path: '/ledger/drafts/{id}',
      tags,
      summary: 'Abandon a draft',
      request: { params: Id },
      responses: {
        204: { description: 'Discarded' },
        ...problemResponses,
        409: { description: 'Not a draft' },
      },
    }),
    async (c) => {
      await discardDraftEntry(c.get('ctx'), c.get('actor'), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
