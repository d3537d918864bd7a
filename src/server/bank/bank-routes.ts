import { OpenAPIHono, z } from '@hono/zod-openapi';
import {
  BankAccountInput,
  BankAccountView,
  BankLinesQuery,
  BankLineView,
  ConfirmMatchInput,
  ImportResultView,
  ImportStatementInput,
  ReconciliationView,
  StartUploadInput,
  UploadPartInput,
} from '../../core/bank/bank-schemas.ts';
import { CsvMapping } from '../../core/bank/statement-schemas.ts';
import { dateInTimeZone } from '../../core/ledger/ledger-date.ts';
import { defineRoute, json, jsonBody, problemResponses } from '../http/define-route.ts';
import type { HttpEnv } from '../http/http-env.ts';
import { appendBankUploadPart, startBankUpload } from './bank-uploads.ts';
import { confirmBankMatch, deleteBankLine } from './confirm-bank-match.ts';
import { createBankAccount } from './create-bank-account.ts';
import { getBankReconciliation, listBankAccounts } from './get-bank-reconciliation.ts';
import { importBankStatement } from './import-bank-statement.ts';
import { listBankLines } from './list-bank-lines.ts';
import { searchOpenInvoices } from './load-match-candidates.ts';
import { saveBankCsvMapping } from './save-bank-csv-mapping.ts';

const tags = ['Bank'];
const conflict = { 409: { description: 'Not possible in its current state (problem+json)' } };
const notFound = { 404: { description: 'Not found (problem+json)' } };
const AccountParams = z.object({ id: z.uuid() });

export const bankRoutes = new OpenAPIHono<HttpEnv>()
  .openapi(
    defineRoute('bank.read', {
      method: 'get',
      path: '/bank/accounts',
      tags,
      summary: "The cooperative's bank accounts",
      responses: { 200: { description: 'Accounts', ...json(z.array(BankAccountView)) }, ...problemResponses },
    }),
    async (c) => c.json(await listBankAccounts(c.get('ctx').db), 200),
  )
  .openapi(
    defineRoute('bank.manage', {
      method: 'post',
      path: '/bank/accounts',
      tags,
      summary: 'Add a bank account: IBAN, bank journal, 512x account, CSV column mapping',
      request: { ...jsonBody(BankAccountInput) },
      responses: {
        201: { description: 'Added', ...json(BankAccountView) },
        ...problemResponses,
        ...conflict,
      },
    }),
    async (c) => c.json(await createBankAccount(c.get('ctx'), c.get('actor'), c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute('bank.manage', {
      method: 'put',
      path: '/bank/accounts/{id}/csv-mapping',
      tags,
      summary: "Save the column mapping of this bank's CSV exports",
      request: { params: AccountParams, ...jsonBody(CsvMapping) },
      responses: {
        200: { description: 'Saved', ...json(BankAccountView) },
        ...problemResponses,
        ...notFound,
      },
    }),
    async (c) =>
      c.json(
        await saveBankCsvMapping(c.get('ctx'), c.get('actor'), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    defineRoute('bank.read', {
      method: 'get',
      path: '/bank/accounts/{id}/reconciliation',
      tags,
      summary: 'Reconciliation state: bank vs book balance, unmatched lines, suspense and its age, imports',
      request: { params: AccountParams },
      responses: {
        200: { description: 'State', ...json(ReconciliationView) },
        ...problemResponses,
        ...notFound,
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      return c.json(
        await getBankReconciliation(ctx.db, c.req.valid('param').id, dateInTimeZone(ctx.now())),
        200,
      );
    },
  )
  .openapi(
    defineRoute('bank.read', {
      method: 'get',
      path: '/bank/accounts/{id}/lines',
      tags,
      summary: 'Statement lines with their suggestions (reason, confidence) or what they paid',
      request: { params: AccountParams, query: BankLinesQuery },
      responses: {
        200: { description: 'Lines', ...json(z.object({ items: z.array(BankLineView), total: z.number() })) },
        ...problemResponses,
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      return c.json(
        await listBankLines(ctx.db, c.req.valid('param').id, c.req.valid('query'), dateInTimeZone(ctx.now())),
        200,
      );
    },
  )
  .openapi(
    defineRoute('bank.manage', {
      method: 'post',
      path: '/bank/accounts/{id}/uploads',
      tags,
      summary: 'Start uploading a statement file in parts (each under the 1 MiB body limit)',
      request: { params: AccountParams, ...jsonBody(StartUploadInput) },
      responses: {
        201: { description: 'Started', ...json(z.object({ uploadId: z.uuid() })) },
        ...problemResponses,
        ...notFound,
      },
    }),
    async (c) =>
      c.json(
        await startBankUpload(c.get('ctx'), c.get('actor'), c.req.valid('param').id, c.req.valid('json')),
        201,
      ),
  )
  .openapi(
    defineRoute('bank.manage', {
      method: 'put',
      path: '/bank/uploads/{id}/parts',
      tags,
      summary: 'Add one part of the file (parts numbered from 0, in order)',
      request: { params: AccountParams, ...jsonBody(UploadPartInput) },
      responses: {
        200: { description: 'Stored', ...json(z.object({ part: z.number() })) },
        ...problemResponses,
        ...notFound,
      },
    }),
    async (c) =>
      c.json(
        await appendBankUploadPart(
          c.get('ctx'),
          c.get('actor'),
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
        200,
      ),
  )
  .openapi(
    defineRoute('bank.manage', {
      method: 'post',
      path: '/bank/accounts/{id}/imports',
      tags,
      summary:
        'Import the uploaded statement (CAMT.053, OFX or CSV): lines kept once, balances checked, matched',
      description:
        'Refused whole when the file is not a statement, is truncated, belongs to another account or does not read with the saved CSV mapping. Lines already imported are skipped. Suggestions at or above the auto-confirm threshold are confirmed.',
      request: { params: AccountParams, ...jsonBody(ImportStatementInput) },
      responses: {
        201: { description: 'Imported', ...json(ImportResultView) },
        ...problemResponses,
        ...notFound,
      },
    }),
    async (c) =>
      c.json(
        await importBankStatement(c.get('ctx'), c.get('actor'), c.req.valid('param').id, c.req.valid('json')),
        201,
      ),
  )
  .openapi(
    defineRoute('bank.manage', {
      method: 'post',
      path: '/bank/lines/{id}/match',
      tags,
      summary:
        'Confirm, correct or split a line over invoices, settle a transfer batch, or post it to suspense',
      request: { params: AccountParams, ...jsonBody(ConfirmMatchInput) },
      responses: {
        200: {
          description: 'Done',
          ...json(z.object({ status: z.enum(['matched', 'suspense']), entryIds: z.array(z.string()) })),
        },
        ...problemResponses,
        ...notFound,
        ...conflict,
      },
    }),
    async (c) =>
      c.json(
        await confirmBankMatch(c.get('ctx'), c.get('actor'), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    defineRoute('bank.read', {
      method: 'get',
      path: '/bank/open-invoices',
      tags,
      summary: 'Open invoices by number or client name, to correct or split a match by hand',
      request: { query: z.object({ q: z.string().trim().min(2).max(100) }) },
      responses: {
        200: {
          description: 'Invoices',
          ...json(
            z.array(
              z.object({
                id: z.string(),
                number: z.string(),
                clientName: z.string(),
                dueCents: z.number(),
                issueDate: z.string(),
              }),
            ),
          ),
        },
        ...problemResponses,
      },
    }),
    async (c) => c.json(await searchOpenInvoices(c.get('ctx').db, c.req.valid('query').q), 200),
  )
  .openapi(
    defineRoute('bank.manage', {
      method: 'delete',
      path: '/bank/lines/{id}',
      tags,
      summary: 'Delete a line imported by mistake (only while unmatched)',
      request: { params: AccountParams },
      responses: { 204: { description: 'Deleted' }, ...problemResponses, ...notFound, ...conflict },
    }),
    async (c) => {
      await deleteBankLine(c.get('ctx'), c.get('actor'), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
