import type {
  BankAccountView,
  BankLineView,
  ImportResultView,
  ReconciliationView,
} from '../../core/bank/bank-schemas.ts';
import type { CsvMapping, StatementBalancesInput } from '../../core/bank/statement-schemas.ts';
import { api, queryString } from '../app/api-client.ts';

export type OpenInvoiceHit = {
  id: string;
  number: string;
  clientName: string;
  dueCents: number;
  issueDate: string;
};

export type MatchTarget =
  | { kind: 'invoices'; allocations: { invoiceId: string; amountCents: number }[] }
  | { kind: 'batch'; batchKind: 'salary' | 'expense'; batchId: string }
  | { kind: 'suspense' };

/** Characters per uploaded part: well under the API's 1 MiB body limit once JSON-encoded. */
const partSize = 256 * 1024;

/** The bank API as the screens use it (issue 9). */
export const bankApi = {
  accounts: () => api<BankAccountView[]>('GET', '/bank/accounts'),
  createAccount: (body: Record<string, unknown>) => api<BankAccountView>('POST', '/bank/accounts', { body }),
  saveMapping: (id: string, body: CsvMapping) =>
    api<BankAccountView>('PUT', `/bank/accounts/${id}/csv-mapping`, { body }),
  reconciliation: (id: string) => api<ReconciliationView>('GET', `/bank/accounts/${id}/reconciliation`),
  lines: (id: string, status = 'open', limit = 200) =>
    api<{ items: BankLineView[]; total: number }>(
      'GET',
      `/bank/accounts/${id}/lines${queryString({ status, limit })}`,
    ),
  match: (lineId: string, body: { target: MatchTarget; reason?: string; confidence?: number }) =>
    api<{ status: string }>('POST', `/bank/lines/${lineId}/match`, { body }),
  searchInvoices: (q: string) => api<OpenInvoiceHit[]>('GET', `/bank/open-invoices${queryString({ q })}`),
  /** Sends the file in parts (progress 0 → 1), then imports it. */
  async importFile(
    accountId: string,
    file: { name: string; text: string },
    balances: StatementBalancesInput | null,
    onProgress: (fraction: number) => void,
  ) {
    const { uploadId } = await api<{ uploadId: string }>('POST', `/bank/accounts/${accountId}/uploads`, {
      body: { fileName: file.name },
    });
    const parts = Math.max(1, Math.ceil(file.text.length / partSize));
    for (let part = 0; part < parts; part++) {
      await api('PUT', `/bank/uploads/${uploadId}/parts`, {
        body: { part, content: file.text.slice(part * partSize, (part + 1) * partSize) },
      });
      onProgress((part + 1) / parts);
    }
    return api<ImportResultView>('POST', `/bank/accounts/${accountId}/imports`, {
      body: { uploadId, balances },
    });
  },
};
