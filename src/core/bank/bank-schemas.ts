import { z } from 'zod';
import { CalendarDate } from '../sales/calendar-date.ts';
import { matchReasons } from './match-bank-lines.ts';
import { CsvMapping, StatementBalancesInput, statementFormats } from './statement-schemas.ts';

/** A bank account of the cooperative (issue 9 §1). */
export const BankAccountInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  iban: z.string().trim().min(15).max(42),
  bic: z.string().trim().max(11).default(''),
  journalCode: z.string().trim().min(2).max(6).default('BQ'),
  ledgerAccountNumber: z
    .string()
    .trim()
    .regex(/^512\d{0,7}$/, { error: 'bank.ledgerAccount' })
    .default('512000'),
  csvMapping: CsvMapping.nullish().transform((v) => v ?? null),
});
export type BankAccountInput = z.input<typeof BankAccountInput>;

export const BankAccountView = z.object({
  id: z.uuid(),
  name: z.string(),
  iban: z.string(),
  bic: z.string().nullable(),
  journalCode: z.string(),
  ledgerAccountNumber: z.string(),
  csvMapping: CsvMapping.nullable(),
});
export type BankAccountView = z.infer<typeof BankAccountView>;

/** A part of a file being uploaded: each under the API's body limit, in order from 0. */
export const UploadPartInput = z.strictObject({
  part: z.number().int().min(0).max(999),
  content: z.string().max(700_000),
});

export const StartUploadInput = z.strictObject({ fileName: z.string().trim().min(1).max(200) });

export const ImportStatementInput = z.strictObject({
  uploadId: z.uuid(),
  /** Balances typed by the accountant for a CSV file, which carries none. */
  balances: StatementBalancesInput.nullish().transform((v) => v ?? null),
});

export const ImportResultView = z.object({
  id: z.uuid(),
  format: z.enum(statementFormats),
  fileName: z.string(),
  statementCount: z.number(),
  lineCount: z.number(),
  newLineCount: z.number(),
  duplicateCount: z.number(),
  openingCents: z.number().nullable(),
  closingCents: z.number().nullable(),
  closingDate: z.string().nullable(),
  statementDifferenceCents: z.number().nullable(),
  bookBalanceCents: z.number().nullable(),
  autoConfirmed: z.number(),
  importedAt: z.string(),
});
export type ImportResultView = z.infer<typeof ImportResultView>;

export const SuggestionView = z.object({
  kind: z.enum(['invoices', 'batch']),
  allocations: z.array(
    z.object({ invoiceId: z.string(), amountCents: z.number(), number: z.string().optional() }),
  ),
  batchKind: z.enum(['salary', 'expense']).optional(),
  batchId: z.string().optional(),
  reason: z.enum(matchReasons),
  detail: z.string(),
  confidence: z.number(),
});
export type SuggestionView = z.infer<typeof SuggestionView>;

export const bankLineStatuses = ['unmatched', 'suspense', 'matched'] as const;

export const BankLineView = z.object({
  id: z.uuid(),
  bookingDate: z.string(),
  amountCents: z.number(),
  label: z.string(),
  counterpartyName: z.string(),
  remittance: z.string(),
  bankReference: z.string().nullable(),
  status: z.enum(bankLineStatuses),
  suggestions: z.array(SuggestionView),
  matches: z.array(
    z.object({
      kind: z.string(),
      targetId: z.string(),
      label: z.string(),
      amountCents: z.number(),
      auto: z.boolean(),
    }),
  ),
  /** Days since the line went to suspense (by its booking date), for a line in suspense. */
  suspenseDays: z.number().nullable(),
});
export type BankLineView = z.infer<typeof BankLineView>;

export const BankLinesQuery = z.object({
  status: z.enum([...bankLineStatuses, 'open', 'all']).default('open'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

/**
 * The accountant's decision on a line, in one call (issue 9 §3): confirm a suggestion, correct it (other
 * invoices or amounts), split it over several invoices, settle a transfer batch, or send it to suspense.
 */
export const ConfirmMatchInput = z.strictObject({
  target: z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('invoices'),
      allocations: z
        .array(z.strictObject({ invoiceId: z.uuid(), amountCents: z.number().int().positive() }))
        .min(1)
        .max(50)
        .refine((a) => new Set(a.map((x) => x.invoiceId)).size === a.length, { error: 'bank.invoiceTwice' }),
    }),
    z.strictObject({ kind: z.literal('batch'), batchKind: z.enum(['salary', 'expense']), batchId: z.uuid() }),
    z.strictObject({ kind: z.literal('suspense') }),
  ]),
  reason: z.enum([...matchReasons, 'manual']).default('manual'),
  confidence: z.number().int().min(0).max(100).default(100),
});
export type ConfirmMatchInput = z.input<typeof ConfirmMatchInput>;

export const ReconciliationView = z.object({
  account: BankAccountView,
  /** The bank's balance: the last statement's closing balance, else opening + lines. */
  bankBalanceCents: z.number().nullable(),
  bankBalanceDate: CalendarDate.nullable(),
  /** The book's balance of the account's 512x on that date, and now. */
  bookBalanceAtBankDateCents: z.number().nullable(),
  bookBalanceCents: z.number(),
  differenceCents: z.number().nullable(),
  unmatchedCount: z.number(),
  unmatchedCents: z.number(),
  suspenseCount: z.number(),
  suspenseCents: z.number(),
  oldestSuspenseDays: z.number().nullable(),
  matchedCount: z.number(),
  imports: z.array(ImportResultView),
});
export type ReconciliationView = z.infer<typeof ReconciliationView>;
