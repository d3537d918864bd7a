import { z } from 'zod';
import { LedgerDateSchema } from './ledger-date.ts';
import { JournalCode } from './ledger-journals.ts';

/** Filters shared by the ledger's reports: a fiscal year (the current one by default), then narrower. */
export const LedgerFilters = z.object({
  fiscalYearId: z.coerce.number().int().positive().optional(),
  from: LedgerDateSchema.optional(),
  to: LedgerDateSchema.optional(),
  journalCode: JournalCode.optional(),
  /** An account number or the start of one: '6' is every expense, '411' every client account. */
  account: z
    .string()
    .trim()
    .regex(/^[1-8]\d{0,9}$/, { error: 'ledger.accountNumber' })
    .optional(),
  activityId: z.uuid().optional(),
  thirdPartyCode: z.string().trim().min(1).max(40).optional(),
});
export type LedgerFilters = z.infer<typeof LedgerFilters>;

export const ExportFormat = z.enum(['json', 'csv', 'xlsx']);
export type ExportFormat = z.infer<typeof ExportFormat>;

const Cents = z.number().int();

export const FiscalYearView = z.object({
  id: z.number(),
  startDate: z.string(),
  endDate: z.string(),
  status: z.enum(['open', 'closed']),
  closedAt: z.string().nullable(),
});
export type FiscalYearView = z.infer<typeof FiscalYearView>;

export const AccountView = z.object({
  number: z.string(),
  label: z.string(),
  class: z.number(),
  requiresThirdParty: z.boolean(),
  active: z.boolean(),
  hasLines: z.boolean(),
});
export type AccountView = z.infer<typeof AccountView>;

export const JournalView = z.object({
  code: z.string(),
  label: z.string(),
  kind: z.string(),
  manual: z.boolean(),
  active: z.boolean(),
  entryCount: z.number(),
});
export type JournalView = z.infer<typeof JournalView>;

export const LineView = z.object({
  lineNo: z.number(),
  accountNumber: z.string(),
  accountLabel: z.string(),
  activityId: z.string(),
  activityCode: z.string(),
  thirdPartyCode: z.string().nullable(),
  thirdPartyName: z.string().nullable(),
  debitCents: Cents,
  creditCents: Cents,
  label: z.string(),
});
export type LineView = z.infer<typeof LineView>;

export const EntryView = z.object({
  id: z.string(),
  journalCode: z.string(),
  fiscalYearId: z.number(),
  number: z.number(),
  entryDate: z.string(),
  pieceRef: z.string(),
  pieceDate: z.string(),
  label: z.string(),
  sourceType: z.string(),
  sourceId: z.string().nullable(),
  reversesEntryId: z.string().nullable(),
  reversedByEntryId: z.string().nullable(),
  totalCents: Cents,
  postedAt: z.string(),
  hash: z.string(),
  lines: z.array(LineView),
});
export type EntryView = z.infer<typeof EntryView>;

export const TrialBalanceRow = z.object({
  accountNumber: z.string(),
  accountLabel: z.string(),
  debitCents: Cents,
  creditCents: Cents,
  balanceCents: Cents,
});
export const TrialBalance = z.object({
  fiscalYear: FiscalYearView,
  from: z.string(),
  to: z.string(),
  rows: z.array(TrialBalanceRow),
  totalDebitCents: Cents,
  totalCreditCents: Cents,
});
export type TrialBalance = z.infer<typeof TrialBalance>;

export const GeneralLedgerLine = z.object({
  entryId: z.string(),
  lineNo: z.number(),
  journalCode: z.string(),
  number: z.number(),
  entryDate: z.string(),
  pieceRef: z.string(),
  label: z.string(),
  activityCode: z.string(),
  thirdPartyCode: z.string().nullable(),
  debitCents: Cents,
  creditCents: Cents,
  runningBalanceCents: Cents,
});
export const GeneralLedgerAccount = z.object({
  accountNumber: z.string(),
  accountLabel: z.string(),
  openingCents: Cents,
  debitCents: Cents,
  creditCents: Cents,
  closingCents: Cents,
  lines: z.array(GeneralLedgerLine),
});
export const GeneralLedger = z.object({
  fiscalYear: FiscalYearView,
  from: z.string(),
  to: z.string(),
  accounts: z.array(GeneralLedgerAccount),
  /** True when more lines match than were returned (narrow the filters or export). */
  truncated: z.boolean(),
});
export type GeneralLedger = z.infer<typeof GeneralLedger>;

export const Figures = z.object({
  resultCents: Cents,
  revenueCents: Cents,
  expensesCents: Cents,
  availableTreasuryCents: Cents,
  cashCents: Cents,
  toCollectCents: Cents,
});
export type FiguresView = z.infer<typeof Figures>;

export const ActivityFiguresRow = z.object({
  activityId: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  figures: Figures,
});
export const ActivityFiguresReport = z.object({
  fiscalYear: FiscalYearView,
  /** 'year': positions at the end of that year; 'now': the current year's result, today's positions. */
  basis: z.enum(['year', 'now']),
  activities: z.array(ActivityFiguresRow),
  cooperative: Figures,
});
export type ActivityFiguresReport = z.infer<typeof ActivityFiguresReport>;

export const BalanceSheetView = z.object({
  fiscalYear: FiscalYearView,
  basis: z.enum(['year', 'now']),
  activityId: z.string().nullable(),
  assets: z.array(z.object({ accountNumber: z.string(), accountLabel: z.string(), amountCents: Cents })),
  liabilities: z.array(z.object({ accountNumber: z.string(), accountLabel: z.string(), amountCents: Cents })),
  resultCents: Cents,
  totalAssetsCents: Cents,
  totalLiabilitiesCents: Cents,
});
export type BalanceSheetView = z.infer<typeof BalanceSheetView>;
