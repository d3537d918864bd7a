import type { ActivitySummary } from '../../core/activities/activity-schemas.ts';
import type { CatalogueItemView } from '../../core/sales/catalogue-item.ts';
import type { ClientDetailView } from '../../core/sales/client-view.ts';
import type { InvoiceView } from '../../core/sales/invoice-view.ts';
import type { ConvertQuoteInput, QuoteView } from '../../core/sales/quote-schemas.ts';
import type {
  ClientInput,
  CreditNoteInput,
  InvoiceDraftInput,
  PaymentInput,
} from '../../core/sales/sales-schemas.ts';
import { api, queryString } from '../app/api-client.ts';

/** A client as GET /api/sales/activities/{id}/clients answers it. */
export type ClientView = {
  id: string;
  activityId: string;
  kind: 'company' | 'individual' | 'publicBody';
  name: string;
  siren: string | null;
  siret: string | null;
  vatNumber: string | null;
  email: string | null;
  billingAddress: {
    line1: string;
    line2: string;
    postalCode: string;
    city: string;
    country: string;
  } | null;
  deliveryAddress: unknown;
  paymentTerms: { kind: 'days' | 'daysEndOfMonth'; days: number } | null;
  archived: boolean;
};

export type InvoiceFilter = {
  activityId?: string | null;
  clientId?: string | null;
  status?: string | null;
  /** Invoices only: the list's other filters, applied by the server. */
  type?: string | null;
  payment?: string | null;
  client?: string | null;
  from?: string | null;
  to?: string | null;
};
/** The client page: the client (typed as the screens read it), its documents and balance. */
export type ClientDetail = Omit<ClientDetailView, 'client'> & { client: ClientView };

/** The sales API as the screens use it (issue 5). */
export const salesApi = {
  myActivities: () => api<{ items: ActivitySummary[]; total: number }>('GET', '/me/activities'),
  activities: (q: string) =>
    api<{ items: ActivitySummary[]; total: number }>('GET', `/activities${queryString({ q, pageSize: 30 })}`),
  clients: (activityId: string) => api<ClientView[]>('GET', `/sales/activities/${activityId}/clients`),
  createClient: (activityId: string, body: unknown) =>
    api<ClientView>('POST', `/sales/activities/${activityId}/clients`, {
      body: body as ClientInput,
    }),
  client: (id: string) => api<ClientDetail>('GET', `/sales/clients/${id}`),
  updateClient: (id: string, body: unknown) =>
    api<ClientView>('PUT', `/sales/clients/${id}`, { body: body as ClientInput }),
  archiveClient: (id: string) => api<ClientView>('POST', `/sales/clients/${id}/archive`),
  unarchiveClient: (id: string) => api<ClientView>('POST', `/sales/clients/${id}/unarchive`),
  deleteClient: (id: string) => api<void>('DELETE', `/sales/clients/${id}`),
  invoices: (f: InvoiceFilter) => api<InvoiceView[]>('GET', `/sales/invoices${queryString(f)}`),
  invoice: (id: string) => api<InvoiceView>('GET', `/sales/invoices/${id}`),
  createInvoice: (body: unknown) =>
    api<InvoiceView>('POST', '/sales/invoices', { body: body as InvoiceDraftInput }),
  updateInvoice: (id: string, body: unknown) =>
    api<InvoiceView>('PUT', `/sales/invoices/${id}`, { body: body as InvoiceDraftInput }),
  submit: (id: string) => api<InvoiceView>('POST', `/sales/invoices/${id}/submit`),
  approve: (id: string) => api<InvoiceView>('POST', `/sales/invoices/${id}/approve`),
  returnToDraft: (id: string, reason: string) =>
    api<InvoiceView>('POST', `/sales/invoices/${id}/return`, { body: { reason } }),
  issue: (id: string) => api<InvoiceView>('POST', `/sales/invoices/${id}/issue`),
  creditNote: (id: string, body: CreditNoteInput | Record<string, unknown>) =>
    api<InvoiceView>('POST', `/sales/invoices/${id}/credit-notes`, { body }),
  quotes: (f: InvoiceFilter) => api<QuoteView[]>('GET', `/sales/quotes${queryString(f)}`),
  quote: (id: string) => api<QuoteView>('GET', `/sales/quotes/${id}`),
  createQuote: (body: unknown) => api<QuoteView>('POST', '/sales/quotes', { body }),
  updateQuote: (id: string, body: unknown) => api<QuoteView>('PUT', `/sales/quotes/${id}`, { body }),
  deleteQuote: (id: string) => api<void>('DELETE', `/sales/quotes/${id}`),
  sendQuote: (id: string) => api<QuoteView>('POST', `/sales/quotes/${id}/send`),
  decideQuote: (id: string, status: 'accepted' | 'refused' | 'expired') =>
    api<QuoteView>('POST', `/sales/quotes/${id}/decision`, { body: { status } }),
  convertQuote: (id: string, body: ConvertQuoteInput) =>
    api<InvoiceView>('POST', `/sales/quotes/${id}/invoices`, { body }),
  catalogue: (activityId: string) =>
    api<CatalogueItemView[]>('GET', `/sales/activities/${activityId}/catalogue`),
  createCatalogueItem: (activityId: string, body: unknown) =>
    api<CatalogueItemView>('POST', `/sales/activities/${activityId}/catalogue`, { body }),
  updateCatalogueItem: (id: string, body: unknown) =>
    api<CatalogueItemView>('PUT', `/sales/catalogue/${id}`, { body }),
  archiveCatalogueItem: (id: string, archived: boolean) =>
    api<CatalogueItemView>('POST', `/sales/catalogue/${id}/${archived ? 'archive' : 'unarchive'}`),
  deleteCatalogueItem: (id: string) => api<void>('DELETE', `/sales/catalogue/${id}`),
  recordPayment: (id: string, body: PaymentInput | Record<string, unknown>) =>
    api<InvoiceView>('POST', `/sales/invoices/${id}/payments`, { body }),
};
