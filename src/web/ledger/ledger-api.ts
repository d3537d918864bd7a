import type { DraftView } from '../../core/ledger/ledger-request-schemas.ts';
import type {
  AccountView,
  ActivityFiguresReport,
  BalanceSheetView,
  EntryView,
  FiscalYearView,
  GeneralLedger,
  JournalView,
  TrialBalance,
} from '../../core/ledger/report-schemas.ts';
import { api, queryString } from '../app/api-client.ts';

export type Filters = Record<string, string | number | undefined | null>;
export type IntegrityReport = {
  ok: boolean;
  checkedAt: string;
  checks: { name: string; ok: boolean; details: string[] }[];
};
export type MyActivities = {
  fiscalYear: FiscalYearView | null;
  basis: 'year' | 'now';
  activities: ActivityFiguresReport['activities'];
};

/** The ledger API as the screens use it. */
export const ledgerApi = {
  years: () => api<{ years: FiscalYearView[]; lockDate: string | null }>('GET', '/ledger/fiscal-years'),
  accounts: () => api<AccountView[]>('GET', '/ledger/accounts'),
  journals: () => api<JournalView[]>('GET', '/ledger/journals'),
  entries: (f: Filters) =>
    api<{ fiscalYear: FiscalYearView; total: number; entries: EntryView[] }>(
      'GET',
      `/ledger/entries${queryString(f)}`,
    ),
  entry: (id: string) => api<EntryView>('GET', `/ledger/entries/${id}`),
  reverse: (id: string) => api<EntryView>('POST', `/ledger/entries/${id}/reverse`, { body: {} }),
  drafts: () => api<DraftView[]>('GET', '/ledger/drafts'),
  trialBalance: (f: Filters) => api<TrialBalance>('GET', `/ledger/reports/trial-balance${queryString(f)}`),
  generalLedger: (f: Filters) => api<GeneralLedger>('GET', `/ledger/reports/general-ledger${queryString(f)}`),
  activities: (f: Filters) =>
    api<ActivityFiguresReport>('GET', `/ledger/reports/activities${queryString(f)}`),
  balanceSheet: (f: Filters) =>
    api<BalanceSheetView>('GET', `/ledger/reports/balance-sheet${queryString(f)}`),
  verify: () => api<IntegrityReport>('POST', '/integrity/verify'),
  mine: (f: Filters) => api<MyActivities>('GET', `/ledger/my/activities${queryString(f)}`),
  myLines: (activityId: string, f: Filters) =>
    api<GeneralLedger>('GET', `/ledger/my/activities/${activityId}/lines${queryString(f)}`),
  myBalanceSheet: (activityId: string, f: Filters) =>
    api<BalanceSheetView>('GET', `/ledger/my/activities/${activityId}/balance-sheet${queryString(f)}`),
};

/** Where a report's export downloads from (a plain link: the session cookie goes with it). */
export function exportUrl(report: string, format: 'csv' | 'xlsx', f: Filters): string {
  return `/api/ledger/exports/${report}${queryString({ ...f, format })}`;
}
