import { OpenAPIHono, z } from '@hono/zod-openapi';
import { asc, eq, sql } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import { expenseStatuses } from '../../core/expenses/expense-approval.ts';
import {
  ApprovalQueueItem,
  ClaimDraftRequest,
  ClaimView,
  ConfirmBatchRequest,
  ExpenseCategoryView,
  ExpenseDecisionRequest,
  ExpenseSettings,
  PayableItem,
  PaymentBatchRequest,
  PaymentBatchView,
  SupplierInvoiceRequest,
  SupplierInvoiceView,
} from '../../core/expenses/expense-schemas.ts';
import { receiptMaxBytes } from '../../core/expenses/sniff-receipt-type.ts';
import { calendarDateOf } from '../../core/members/calendar-date.ts';
import { queryRows } from '../db/query-rows.ts';
import { readFile } from '../files/store-file.ts';
import { defineRoute, idParam, json, jsonBody, problemResponses } from '../http/define-route.ts';
import type { HttpEnv } from '../http/http-env.ts';
import { decideExpenseItem } from './decide-expense-item.ts';
import { listableExpenseActivities } from './expense-access.ts';
import {
  confirmExpensePaymentBatch,
  expensePaymentBatchFile,
  getExpensePaymentBatch,
  listExpensePaymentBatches,
  listPayableExpenses,
  prepareExpensePaymentBatch,
} from './expense-payment-batches.ts';
import { getExpenseSettings, updateExpenseSettings } from './expense-settings.ts';
import { expenseCategories } from './expenses-tables.ts';
import { listApprovalQueue, listExpenses } from './list-expenses.ts';
import { loadClaimViews, loadSupplierInvoiceViews } from './load-expense-views.ts';
import { recordSupplierInvoice } from './record-supplier-invoice.ts';
import { saveExpenseClaim } from './save-expense-claim.ts';
import { storeReceipt } from './store-receipt.ts';
import { submitExpenseClaim } from './submit-expense-claim.ts';
import { submitSupplierInvoice } from './submit-supplier-invoice.ts';

const tags = ['Expenses'];
const notFound = { 404: { description: 'No such item, or not one of your activities (problem+json)' } };
const conflict = { 409: { description: 'Not possible in its current state (problem+json)' } };

/** The path of the receipt upload: the one API route whose body may exceed 1 MiB (create-app.ts). */
export const receiptUploadPath = '/api/expenses/receipts';

const binary = z.string().openapi({ format: 'binary' });

export const expenseRoutes = new OpenAPIHono<HttpEnv>()
  .openapi(
    defineRoute('expenses.use', {
      method: 'get',
      path: '/expenses/categories',
      tags,
      summary: 'Expense categories: account and default VAT treatment',
      responses: {
        200: { description: 'Categories', ...json(z.array(ExpenseCategoryView)) },
        ...problemResponses,
      },
    }),
    async (c) => {
      const rows = await c
        .get('ctx')
        .db.select()
        .from(expenseCategories)
        .where(eq(expenseCategories.active, true))
        .orderBy(asc(expenseCategories.position));
      return c.json(
        rows.map((r) => ({
          id: r.id,
          code: r.code,
          label: r.label,
          labelEn: r.labelEn,
          kind: r.kind,
          accountNumber: r.accountNumber,
          defaultVatRateBp: r.defaultVatRateBp,
          vatRecoverable: r.vatRecoverable,
          active: r.active,
        })),
        200,
      );
    },
  )
  .openapi(
    defineRoute('expenses.use', {
      method: 'post',
      path: '/expenses/receipts',
      tags,
      summary: 'Upload a receipt or an invoice PDF (JPEG, PNG, WebP, HEIC or PDF, at most 10 MiB), raw body',
      description:
        'The type is read from the first bytes. A refused file stores nothing. Answers its SHA-256.',
      request: {
        body: {
          content: {
            'image/jpeg': { schema: binary },
            'image/png': { schema: binary },
            'image/webp': { schema: binary },
            'image/heic': { schema: binary },
            'application/pdf': { schema: binary },
            'application/octet-stream': { schema: binary },
          },
          required: true,
        },
      },
      responses: {
        201: {
          description: 'Stored',
          ...json(z.object({ sha256: z.string(), mediaType: z.string(), sizeBytes: z.number().int() })),
        },
        ...problemResponses,
        413: { description: 'Too large (problem+json)' },
        415: { description: 'Not a photo or a PDF (problem+json)' },
      },
    }),
    async (c) => {
      if (Number(c.req.header('content-length') ?? 0) > receiptMaxBytes)
        throw new AppError('EXPENSE_RECEIPT_TOO_LARGE', { limit: '10 Mio' });
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      return c.json(await storeReceipt(c.get('ctx'), c.get('actor'), bytes), 201);
    },
  )
  .openapi(
    defineRoute('expenses.use', {
      method: 'get',
      path: '/expenses/files/{sha256}',
      tags,
      summary: 'A receipt or supplier invoice PDF attached to an expense the reader may see',
      request: { params: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }) },
      responses: { 200: { description: 'The file' }, ...problemResponses, ...notFound },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const actor = c.get('actor');
      const { sha256 } = c.req.valid('param');
      const activities = await listableExpenseActivities(ctx.db, actor, calendarDateOf(ctx.now()));
      const scope = (column: string) =>
        activities === 'all' ? sql`true` : sql`${sql.raw(column)} = ANY(${sql.param(activities)}::uuid[])`;
      const [allowed] = await queryRows<{ ok: number }>(
        ctx.db,
        sql`SELECT 1 AS ok FROM expense_claim_lines l JOIN expense_claims c ON c.id = l.claim_id
            WHERE l.receipt_sha256 = ${sha256} AND ${scope('c.activity_id')}
            UNION ALL
            SELECT 1 FROM supplier_invoices s WHERE s.pdf_sha256 = ${sha256} AND ${scope('s.activity_id')}
            LIMIT 1`,
      );
      const file = allowed ? await readFile(ctx.db, sha256) : null;
      if (!file) throw new AppError('NOT_FOUND');
      return c.body(file.bytes as unknown as ArrayBuffer, 200, {
        'content-type': file.mediaType,
        'cache-control': 'private, max-age=3600',
        // Shown inline beside the claim; never able to run anything (a PDF viewer refuses a sandboxed page).
        'content-security-policy':
          file.mediaType === 'application/pdf'
            ? "default-src 'none'; style-src 'unsafe-inline'"
            : "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
        'x-content-type-options': 'nosniff',
      });
    },
  )
  .openapi(
    defineRoute('expenses.use', {
      method: 'get',
      path: '/expenses',
      tags,
      summary: 'Claims and supplier invoices the reader may see (own activities; every one for staff)',
      request: {
        query: z.object({
          status: z.enum(expenseStatuses).optional(),
          activityId: z.uuid().optional(),
          mine: z.enum(['true', 'false']).optional(),
        }),
      },
      responses: {
        200: {
          description: 'Lists',
          ...json(z.object({ claims: z.array(ClaimView), supplierInvoices: z.array(SupplierInvoiceView) })),
        },
        ...problemResponses,
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(
        await listExpenses(c.get('ctx'), c.get('actor'), {
          ...(q.status ? { status: q.status } : {}),
          ...(q.activityId ? { activityId: q.activityId } : {}),
          mine: q.mine === 'true',
        }),
        200,
      );
    },
  )
  .openapi(
    defineRoute('expenses.use', {
      method: 'post',
      path: '/expenses/claims',
      tags,
      summary: 'Create a draft expense claim for one of my activities',
      request: { ...jsonBody(ClaimDraftRequest) },
      responses: { 201: { description: 'Draft', ...json(ClaimView) }, ...problemResponses, ...notFound },
    }),
    async (c) => c.json(await saveExpenseClaim(c.get('ctx'), c.get('actor'), c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute('expenses.use', {
      method: 'put',
      path: '/expenses/claims/{id}',
      tags,
      summary: 'Replace a draft claim (only its member, only while a draft)',
      request: { params: idParam, ...jsonBody(ClaimDraftRequest) },
      responses: {
        200: { description: 'Draft', ...json(ClaimView) },
        ...problemResponses,
        ...notFound,
        ...conflict,
      },
    }),
    async (c) =>
      c.json(
        await saveExpenseClaim(c.get('ctx'), c.get('actor'), c.req.valid('json'), c.req.valid('param').id),
        200,
      ),
  )
  .openapi(
    defineRoute('expenses.use', {
      method: 'get',
      path: '/expenses/claims/{id}',
      tags,
      summary: 'One claim with its lines and receipts',
      request: { params: idParam },
      responses: { 200: { description: 'Claim', ...json(ClaimView) }, ...problemResponses, ...notFound },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const actor = c.get('actor');
      const activities = await listableExpenseActivities(ctx.db, actor, calendarDateOf(ctx.now()));
      const [claim] = await loadClaimViews(ctx.db, sql`c.id = ${c.req.valid('param').id}`);
      const mine = claim
        ? (
            await queryRows<{ ok: number }>(
              ctx.db,
              sql`SELECT 1 AS ok FROM members WHERE id = ${claim.memberId} AND user_id = ${actor.userId}`,
            )
          ).length > 0
        : false;
      const visible =
        claim &&
        (mine ||
          (claim.status !== 'draft' && (activities === 'all' || activities.includes(claim.activityId))));
      if (!visible) throw new AppError('NOT_FOUND');
      return c.json(claim, 200);
    },
  )
  .openapi(
    defineRoute('expenses.use', {
      method: 'post',
      path: '/expenses/claims/{id}/submit',
      tags,
      summary: 'Send my draft claim for approval (every expense line needs its receipt)',
      request: { params: idParam },
      responses: {
        200: { description: 'Submitted', ...json(ClaimView) },
        ...problemResponses,
        ...notFound,
        ...conflict,
      },
    }),
    async (c) => c.json(await submitExpenseClaim(c.get('ctx'), c.get('actor'), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute('expenses.approve', {
      method: 'post',
      path: '/expenses/claims/{id}/decision',
      tags,
      summary: 'Approve or reject a submitted claim (never one’s own; two approvers above the threshold)',
      description:
        'The approval that completes it posts the entry (NDF: D 6xx · D 44566 · C 467 the member).',
      request: { params: idParam, ...jsonBody(ExpenseDecisionRequest) },
      responses: {
        200: { description: 'Decided', ...json(ClaimView) },
        ...problemResponses,
        ...notFound,
        ...conflict,
      },
    }),
    async (c) =>
      c.json(
        await decideExpenseItem(
          c.get('ctx'),
          c.get('actor'),
          'claim',
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
        200,
      ),
  )
  .openapi(
    defineRoute('expenses.use', {
      method: 'post',
      path: '/expenses/supplier-invoices',
      tags,
      summary:
        'Record a supplier invoice for an activity (with its PDF); it then waits for approval, or stays a draft (draft: true)',
      request: { ...jsonBody(SupplierInvoiceRequest) },
      responses: {
        201: { description: 'Recorded', ...json(SupplierInvoiceView) },
        ...problemResponses,
        ...notFound,
        409: { description: 'Same supplier and number already recorded (problem+json)' },
      },
    }),
    async (c) => c.json(await recordSupplierInvoice(c.get('ctx'), c.get('actor'), c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute('expenses.use', {
      method: 'put',
      path: '/expenses/supplier-invoices/{id}',
      tags,
      summary: 'Replace a draft supplier invoice (only who recorded it, only while a draft)',
      request: { params: idParam, ...jsonBody(SupplierInvoiceRequest) },
      responses: {
        200: { description: 'Recorded', ...json(SupplierInvoiceView) },
        ...problemResponses,
        ...notFound,
        409: { description: 'Not a draft, or same supplier and number already recorded (problem+json)' },
      },
    }),
    async (c) =>
      c.json(
        await recordSupplierInvoice(
          c.get('ctx'),
          c.get('actor'),
          c.req.valid('json'),
          c.req.valid('param').id,
        ),
        200,
      ),
  )
  .openapi(
    defineRoute('expenses.use', {
      method: 'post',
      path: '/expenses/supplier-invoices/{id}/submit',
      tags,
      summary: 'Send my draft supplier invoice for approval',
      request: { params: idParam },
      responses: {
        200: { description: 'Submitted', ...json(SupplierInvoiceView) },
        ...problemResponses,
        ...notFound,
        ...conflict,
      },
    }),
    async (c) =>
      c.json(await submitSupplierInvoice(c.get('ctx'), c.get('actor'), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute('expenses.use', {
      method: 'get',
      path: '/expenses/supplier-invoices/{id}',
      tags,
      summary: 'One supplier invoice',
      request: { params: idParam },
      responses: {
        200: { description: 'Invoice', ...json(SupplierInvoiceView) },
        ...problemResponses,
        ...notFound,
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const activities = await listableExpenseActivities(ctx.db, c.get('actor'), calendarDateOf(ctx.now()));
      // A draft is its recorder's alone (as a claim's draft is its member's).
      const [invoice] = await loadSupplierInvoiceViews(
        ctx.db,
        sql`s.id = ${c.req.valid('param').id} AND (s.status <> 'draft' OR s.created_by = ${c.get('actor').userId})`,
      );
      if (!invoice || (activities !== 'all' && !activities.includes(invoice.activityId)))
        throw new AppError('NOT_FOUND');
      return c.json(invoice, 200);
    },
  )
  .openapi(
    defineRoute('expenses.approve', {
      method: 'post',
      path: '/expenses/supplier-invoices/{id}/decision',
      tags,
      summary: 'Approve or reject a supplier invoice (never one’s own; two approvers above the threshold)',
      description:
        'The approval that completes it posts the entry (AC: D 6xx · D 44566 · C 401 the supplier).',
      request: { params: idParam, ...jsonBody(ExpenseDecisionRequest) },
      responses: {
        200: { description: 'Decided', ...json(SupplierInvoiceView) },
        ...problemResponses,
        ...notFound,
        ...conflict,
      },
    }),
    async (c) =>
      c.json(
        await decideExpenseItem(
          c.get('ctx'),
          c.get('actor'),
          'supplier_invoice',
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
        200,
      ),
  )
  .openapi(
    defineRoute('expenses.approve', {
      method: 'get',
      path: '/expenses/approvals',
      tags,
      summary: 'The approval queue: submitted items, oldest first, with each activity’s available treasury',
      responses: { 200: { description: 'Queue', ...json(z.array(ApprovalQueueItem)) }, ...problemResponses },
    }),
    async (c) => c.json(await listApprovalQueue(c.get('ctx'), c.get('actor')), 200),
  )
  .openapi(
    defineRoute('expenses.pay', {
      method: 'get',
      path: '/expenses/payables',
      tags,
      summary: 'Approved items still owed and not in a batch waiting for the bank',
      responses: { 200: { description: 'Payable', ...json(z.array(PayableItem)) }, ...problemResponses },
    }),
    async (c) => c.json(await listPayableExpenses(c.get('ctx').db), 200),
  )
  .openapi(
    defineRoute('expenses.pay', {
      method: 'get',
      path: '/expenses/batches',
      tags,
      summary: 'Payment batches, newest first',
      responses: { 200: { description: 'Batches', ...json(z.array(PaymentBatchView)) }, ...problemResponses },
    }),
    async (c) => c.json(await listExpensePaymentBatches(c.get('ctx').db), 200),
  )
  .openapi(
    defineRoute('expenses.pay', {
      method: 'post',
      path: '/expenses/batches',
      tags,
      summary: 'Prepare a payment batch: a SEPA credit transfer file (pain.001.001.03)',
      request: { ...jsonBody(PaymentBatchRequest) },
      responses: {
        201: { description: 'Prepared', ...json(PaymentBatchView) },
        ...problemResponses,
        ...notFound,
        409: { description: 'An item already paid or in a batch (problem+json)' },
      },
    }),
    async (c) =>
      c.json(await prepareExpensePaymentBatch(c.get('ctx'), c.get('actor'), c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute('expenses.pay', {
      method: 'get',
      path: '/expenses/batches/{id}',
      tags,
      summary: 'One payment batch with its lines (MsgId, EndToEndId)',
      request: { params: idParam },
      responses: {
        200: { description: 'Batch', ...json(PaymentBatchView) },
        ...problemResponses,
        ...notFound,
      },
    }),
    async (c) => c.json(await getExpensePaymentBatch(c.get('ctx').db, c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute('expenses.pay', {
      method: 'get',
      path: '/expenses/batches/{id}/sepa',
      tags,
      summary: 'Download the batch’s SEPA file (pain.001.001.03 XML), as stored',
      request: { params: idParam },
      responses: { 200: { description: 'XML' }, ...problemResponses, ...notFound },
    }),
    async (c) => {
      const file = await expensePaymentBatchFile(c.get('ctx').db, c.req.valid('param').id);
      return c.body(file.bytes as unknown as ArrayBuffer, 200, {
        'content-type': 'application/xml; charset=utf-8',
        'content-disposition': `attachment; filename="${file.fileName}"`,
      });
    },
  )
  .openapi(
    defineRoute('expenses.pay', {
      method: 'post',
      path: '/expenses/batches/{id}/confirm',
      tags,
      summary: 'Confirm what the bank paid: post the payments (D 467/401 · C 512); rejected lines stay owed',
      request: { params: idParam, ...jsonBody(ConfirmBatchRequest) },
      responses: {
        200: { description: 'Confirmed', ...json(PaymentBatchView) },
        ...problemResponses,
        ...notFound,
        409: { description: 'Already confirmed (problem+json)' },
      },
    }),
    async (c) =>
      c.json(
        await confirmExpensePaymentBatch(
          c.get('ctx'),
          c.get('actor'),
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
        200,
      ),
  )
  .openapi(
    defineRoute('expenses.use', {
      method: 'get',
      path: '/expenses/settings',
      tags,
      summary: 'The amount above which two different people approve an expense',
      responses: { 200: { description: 'Settings', ...json(ExpenseSettings) }, ...problemResponses },
    }),
    async (c) => c.json(await getExpenseSettings(c.get('ctx').db), 200),
  )
  .openapi(
    defineRoute('expenses.settings', {
      method: 'put',
      path: '/expenses/settings',
      tags,
      summary: 'Set the amount above which two different people approve an expense',
      request: { ...jsonBody(ExpenseSettings) },
      responses: { 200: { description: 'Saved', ...json(ExpenseSettings) }, ...problemResponses },
    }),
    async (c) => c.json(await updateExpenseSettings(c.get('ctx'), c.get('actor'), c.req.valid('json')), 200),
  );
