import { z } from 'zod';
import { AccountNumber } from './account-rules.ts';
import { LedgerDateSchema } from './ledger-date.ts';
import { JournalCode, journalKinds } from './ledger-journals.ts';
import { LedgerFilters } from './report-schemas.ts';

const Label = z.string().trim().min(1).max(200);

export const AddAccountRequest = z.strictObject({
  number: AccountNumber,
  label: Label,
  requiresThirdParty: z.boolean().optional(),
});
export const UpdateAccountRequest = z.strictObject({
  label: Label.optional(),
  active: z.boolean().optional(),
  requiresThirdParty: z.boolean().optional(),
});
export const AddJournalRequest = z.strictObject({
  code: JournalCode,
  label: Label,
  kind: z.enum(journalKinds),
  manual: z.boolean().optional(),
});
export const OpenFiscalYearRequest = z
  .strictObject({ startDate: LedgerDateSchema.optional(), endDate: LedgerDateSchema.optional() })
  .refine((v) => (v.startDate === undefined) === (v.endDate === undefined), {
    error: 'ledger.date',
    path: ['endDate'],
  });
export const LockDateRequest = z.strictObject({ lockDate: LedgerDateSchema });
export const ReverseEntryRequest = z.strictObject({
  entryDate: LedgerDateSchema.optional(),
  label: z.string().trim().max(200).optional(),
});

export const JournalQuery = LedgerFilters.extend({
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const reportKinds = [
  'trial-balance',
  'general-ledger',
  'journal',
  'activities',
  'balance-sheet',
] as const;
export const ExportQuery = LedgerFilters.extend({ format: z.enum(['csv', 'xlsx']).default('csv') });

export const DraftLineView = z.object({
  accountNumber: z.string(),
  activityId: z.string(),
  thirdParty: z.object({ code: z.string(), name: z.string() }).nullable(),
  debitCents: z.number(),
  creditCents: z.number(),
  label: z.string(),
});
export const DraftView = z.object({
  id: z.string(),
  journalCode: z.string(),
  entryDate: z.string(),
  pieceRef: z.string(),
  pieceDate: z.string(),
  label: z.string(),
  lines: z.array(DraftLineView),
  status: z.enum(['draft', 'posted', 'discarded']),
  postedEntryId: z.string().nullable(),
  updatedAt: z.string(),
});
export type DraftView = z.infer<typeof DraftView>;

export const LetterLinesRequest = z.strictObject({
  lines: z
    .array(z.strictObject({ entryId: z.uuid(), lineNo: z.number().int().min(1) }))
    .min(2)
    .max(1000),
  letteredOn: LedgerDateSchema.optional(),
});
