import { z } from 'zod';
import { CentsSchema } from '../money/cents-schema.ts';
import { AccountNumber } from './account-rules.ts';
import { LedgerDateSchema } from './ledger-date.ts';
import { JournalCode } from './ledger-journals.ts';

// Text that ends up in the FEC: no tab or line break (the FEC writer also replaces them).
const flatText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((v) => !/[\t\r\n]/.test(v), { error: 'ledger.flatText' });

export const ThirdParty = z.object({
  code: flatText(40).pipe(z.string().min(1)),
  name: flatText(200).pipe(z.string().min(1)),
});
export type ThirdParty = z.infer<typeof ThirdParty>;

/** One line: an account, the activity it belongs to (always), debit or credit in integer cents. */
export const EntryLineInput = z.object({
  accountNumber: AccountNumber,
  activityId: z.uuid(),
  thirdParty: ThirdParty.nullish().transform((v) => v ?? null),
  // prefault: the default goes through the parse (a JSON number), so the OpenAPI document can print it.
  debitCents: CentsSchema.prefault(0),
  creditCents: CentsSchema.prefault(0),
  label: flatText(200).default(''),
});
export type EntryLineInput = z.infer<typeof EntryLineInput>;

/** What caused an entry: an invoice, a payment, a payroll run… or 'manual'. */
export const EntrySource = z.object({
  type: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, { error: 'ledger.sourceType' }),
  id: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .nullish()
    .transform((v) => v ?? null),
});
export type EntrySource = z.infer<typeof EntrySource>;

/**
 * An entry to post (ledger.md, Model). The idempotency key identifies the event that causes it: posting
 * the same key again returns the entry already posted. Lines are checked by validateEntry, which names
 * the rule an entry breaks (too few lines, unbalanced…) rather than a generic schema error.
 */
export const PostEntryInput = z.object({
  journalCode: JournalCode,
  entryDate: LedgerDateSchema,
  pieceRef: flatText(60).pipe(z.string().min(1)),
  pieceDate: LedgerDateSchema,
  label: flatText(200).pipe(z.string().min(1)),
  source: EntrySource,
  idempotencyKey: z.string().min(1).max(200),
  lines: z.array(EntryLineInput).max(100_000),
});
export type PostEntryInput = z.input<typeof PostEntryInput>;
export type EntryToPost = z.output<typeof PostEntryInput>;

/** A manual entry's lines as the accountant types them (amounts in cents). */
export const DraftEntryRequest = z.object({
  journalCode: JournalCode.default('OD'),
  entryDate: LedgerDateSchema,
  pieceRef: flatText(60).pipe(z.string().min(1)),
  pieceDate: LedgerDateSchema.optional(),
  label: flatText(200).pipe(z.string().min(1)),
  lines: z.array(EntryLineInput).max(1000),
});
export type DraftEntryRequest = z.input<typeof DraftEntryRequest>;
