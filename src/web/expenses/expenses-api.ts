import type { ActivitySummary } from '../../core/activities/activity-schemas.ts';
import type {
  ApprovalQueueItem,
  ClaimDraftRequest,
  ClaimView,
  ExpenseCategoryView,
  ExpenseSettings,
  PayableItem,
  PaymentBatchRequest,
  PaymentBatchView,
  SupplierInvoiceRequest,
  SupplierInvoiceView,
} from '../../core/expenses/expense-schemas.ts';
import { api } from '../app/api-client.ts';

/** The expenses API as the screens use it. */
export const expensesApi = {
  categories: () => api<ExpenseCategoryView[]>('GET', '/expenses/categories'),
  settings: () => api<ExpenseSettings>('GET', '/expenses/settings'),
  myActivities: () => api<{ items: ActivitySummary[]; total: number }>('GET', '/me/activities'),
  mine: () =>
    api<{ claims: ClaimView[]; supplierInvoices: SupplierInvoiceView[] }>('GET', '/expenses?mine=true'),
  claim: (id: string) => api<ClaimView>('GET', `/expenses/claims/${id}`),
  createClaim: (body: ClaimDraftRequest) => api<ClaimView>('POST', '/expenses/claims', { body }),
  updateClaim: (id: string, body: ClaimDraftRequest) =>
    api<ClaimView>('PUT', `/expenses/claims/${id}`, { body }),
  submitClaim: (id: string) => api<ClaimView>('POST', `/expenses/claims/${id}/submit`),
  uploadReceipt: (file: Blob) =>
    api<{ sha256: string; mediaType: string; sizeBytes: number }>('POST', '/expenses/receipts', {
      raw: file,
      contentType: file.type || 'application/octet-stream',
    }),
  recordSupplierInvoice: (body: SupplierInvoiceRequest) =>
    api<SupplierInvoiceView>('POST', '/expenses/supplier-invoices', { body }),
  updateSupplierInvoice: (id: string, body: SupplierInvoiceRequest) =>
    api<SupplierInvoiceView>('PUT', `/expenses/supplier-invoices/${id}`, { body }),
  submitSupplierInvoice: (id: string) =>
    api<SupplierInvoiceView>('POST', `/expenses/supplier-invoices/${id}/submit`),
  approvals: () => api<ApprovalQueueItem[]>('GET', '/expenses/approvals'),
  decide: (
    type: 'claim' | 'supplier_invoice',
    id: string,
    body: { action: 'approve' } | { action: 'reject'; reason: string },
  ) =>
    api<unknown>('POST', `/expenses/${type === 'claim' ? 'claims' : 'supplier-invoices'}/${id}/decision`, {
      body,
    }),
  payables: () => api<PayableItem[]>('GET', '/expenses/payables'),
  batches: () => api<PaymentBatchView[]>('GET', '/expenses/batches'),
  prepareBatch: (body: PaymentBatchRequest) => api<PaymentBatchView>('POST', '/expenses/batches', { body }),
  confirmBatch: (id: string, body: { paidOn: string; rejectedLineIds: string[] }) =>
    api<PaymentBatchView>('POST', `/expenses/batches/${id}/confirm`, { body }),
};

/** The address of a receipt or invoice PDF, served by the API to those who may see the expense. */
export const expenseFileUrl = (sha256: string) => `/api/expenses/files/${sha256}`;
