import { z } from 'zod';
import { isValidBic, isValidIban } from '../identity/bank-details.ts';
import { isValidSiren } from '../identity/is-valid-siren.ts';
import { normalizeIdentifier } from '../identity/normalize-identifier.ts';
import { CalendarDateSchema } from '../members/calendar-date.ts';
import { expenseStatuses } from './expense-approval.ts';
import { lineAmountsProblem, vatRatesBp, vatTotalsProblem } from './expense-totals.ts';
import { vehicleKinds } from './mileage-scale.ts';

const cents = z.number().int({ error: 'ledger.cents' });
const text = (max: number) => z.string().trim().max(max);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** A category: the account its cost goes to and its default VAT treatment (rate, and whether it is recovered). */
export const ExpenseCategoryView = z.object({
  id: z.string(),
  code: z.string(),
  label: z.string(),
  labelEn: z.string(),
  kind: z.enum(['expense', 'mileage']),
  accountNumber: z.string(),
  defaultVatRateBp: z.number().int(),
  vatRecoverable: z.boolean(),
  active: z.boolean(),
});
export type ExpenseCategoryView = z.infer<typeof ExpenseCategoryView>;

/** A receipt line: amount including VAT and the VAT the receipt shows, checked to add up. */
export const ExpenseLineInput = z
  .strictObject({
    kind: z.literal('expense'),
    date: CalendarDateSchema,
    categoryId: z.uuid(),
    description: text(200).min(1, { error: 'value.required' }),
    totalCents: cents,
    vatCents: cents,
    receiptSha256: sha256.nullable().default(null),
  })
  .superRefine((l, ctx) => {
    const problem = lineAmountsProblem(l.totalCents, l.vatCents);
    if (problem)
      ctx.addIssue({
        code: 'custom',
        message: problem,
        path: [problem === 'expense.totalPositive' ? 'totalCents' : 'vatCents'],
      });
  });

/** A trip in one's own vehicle, paid by the official scale (mileage-scale.ts): the server computes the amount. */
export const MileageLineInput = z.strictObject({
  kind: z.literal('mileage'),
  date: CalendarDateSchema,
  description: text(200).min(1, { error: 'value.required' }),
  vehicle: z.enum(vehicleKinds),
  fiscalHp: z.number().int().min(1).max(99),
  electric: z.boolean().default(false),
  distanceKm: z.number().int().min(1).max(5_000),
});

export const ClaimLineInput = z.discriminatedUnion('kind', [ExpenseLineInput, MileageLineInput]);
export type ClaimLineInput = z.input<typeof ClaimLineInput>;

/** A draft claim: one activity of the member, a title, 1 to 50 lines. Saving replaces the draft's lines. */
export const ClaimDraftRequest = z.strictObject({
  activityId: z.uuid(),
  title: text(120).min(1, { error: 'value.required' }),
  lines: z.array(ClaimLineInput).min(1).max(50),
});
export type ClaimDraftRequest = z.input<typeof ClaimDraftRequest>;

export const ExpenseDecisionRequest = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('approve') }),
  z.strictObject({ action: z.literal('reject'), reason: text(500).min(1, { error: 'value.required' }) }),
]);
export type ExpenseDecisionRequest = z.input<typeof ExpenseDecisionRequest>;

const VatTotalInput = z.strictObject({
  rateBp: z
    .number()
    .int()
    .refine((r) => (vatRatesBp as readonly number[]).includes(r), { error: 'expense.vatRate' }),
  baseCents: cents,
  vatCents: cents,
});

/** A supplier's invoice for an activity: supplier identity checked (SIREN key, IBAN checksum), totals by rate. */
export const SupplierInvoiceRequest = z
  .strictObject({
    activityId: z.uuid(),
    categoryId: z.uuid(),
    supplierName: text(140).min(1, { error: 'value.required' }),
    supplierSiren: z
      .string()
      .transform((v) => v.replace(/\s/g, ''))
      .refine(isValidSiren, { error: 'siren.invalid' })
      .nullable()
      .default(null),
    supplierIban: z.string().transform(normalizeIdentifier).refine(isValidIban, { error: 'iban.invalid' }),
    supplierBic: z
      .string()
      .transform(normalizeIdentifier)
      .refine((v) => v === '' || isValidBic(v), { error: 'bic.invalid' })
      .transform((v) => v || null)
      .nullable()
      .default(null),
    number: text(60).min(1, { error: 'value.required' }),
    issueDate: CalendarDateSchema,
    dueDate: CalendarDateSchema.nullable().default(null),
    description: text(200).default(''),
    vatTotals: z.array(VatTotalInput).min(1).max(5),
    pdfSha256: sha256,
    /** Kept as a draft (only whoever recorded it sees it, may change it, then submits it), else submitted now. */
    draft: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    const problem = vatTotalsProblem(v.vatTotals);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['vatTotals'] });
    if (v.dueDate && v.dueDate < v.issueDate)
      ctx.addIssue({ code: 'custom', message: 'expense.dueBeforeIssue', path: ['dueDate'] });
  });
export type SupplierInvoiceRequest = z.input<typeof SupplierInvoiceRequest>;

export const ClaimLineView = z.object({
  id: z.string(),
  position: z.number().int(),
  kind: z.enum(['expense', 'mileage']),
  date: z.string(),
  categoryId: z.string().nullable(),
  categoryLabel: z.string(),
  description: z.string(),
  totalCents: z.number().int(),
  vatCents: z.number().int(),
  receiptSha256: z.string().nullable(),
  receiptMediaType: z.string().nullable(),
  vehicle: z.enum(vehicleKinds).nullable(),
  fiscalHp: z.number().int().nullable(),
  electric: z.boolean().nullable(),
  distanceKm: z.number().int().nullable(),
});
export type ClaimLineView = z.infer<typeof ClaimLineView>;

const Decision = {
  status: z.enum(expenseStatuses),
  approvals: z.array(z.object({ userId: z.string(), name: z.string(), at: z.string() })),
  approversNeeded: z.number().int(),
  rejectedReason: z.string().nullable(),
  paidCents: z.number().int(),
};

export const ClaimView = z.object({
  id: z.string(),
  kind: z.literal('claim'),
  /** Given when it is submitted (NDF-…). */
  number: z.string().nullable(),
  activityId: z.string(),
  activityName: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  title: z.string(),
  totalCents: z.number().int(),
  vatCents: z.number().int(),
  submittedAt: z.string().nullable(),
  createdAt: z.string(),
  lines: z.array(ClaimLineView),
  ...Decision,
});
export type ClaimView = z.infer<typeof ClaimView>;

export const SupplierInvoiceView = z.object({
  id: z.string(),
  kind: z.literal('supplier_invoice'),
  activityId: z.string(),
  activityName: z.string(),
  categoryId: z.string(),
  categoryLabel: z.string(),
  supplierName: z.string(),
  supplierSiren: z.string().nullable(),
  supplierIban: z.string(),
  supplierBic: z.string().nullable(),
  number: z.string(),
  issueDate: z.string(),
  dueDate: z.string().nullable(),
  description: z.string(),
  vatTotals: z.array(
    z.object({ rateBp: z.number().int(), baseCents: z.number().int(), vatCents: z.number().int() }),
  ),
  totalCents: z.number().int(),
  vatCents: z.number().int(),
  pdfSha256: z.string(),
  createdAt: z.string(),
  ...Decision,
});
export type SupplierInvoiceView = z.infer<typeof SupplierInvoiceView>;

/** An item waiting for a decision, with what the approver needs: the activity's treasury and whether it covers. */
export const ApprovalQueueItem = z.object({
  item: z.union([ClaimView, SupplierInvoiceView]),
  availableTreasuryCents: z.number().int(),
  treasuryCovers: z.boolean(),
  /** The reader filed it: they cannot approve it. */
  ownItem: z.boolean(),
  /** The reader already approved it (a second approver is awaited). */
  approvedByReader: z.boolean(),
});
export type ApprovalQueueItem = z.infer<typeof ApprovalQueueItem>;

export const expenseItemTypes = ['claim', 'supplier_invoice'] as const;
export type ExpenseItemType = (typeof expenseItemTypes)[number];

/** A payment batch: approved items, each paid in full or (supplier invoices, claims) for part of what is owed. */
export const PaymentBatchRequest = z.strictObject({
  executionDate: CalendarDateSchema,
  items: z
    .array(
      z.strictObject({
        type: z.enum(expenseItemTypes),
        id: z.uuid(),
        /** Less than what is owed: a partial payment; absent: all that is still owed. */
        amountCents: z.number().int().min(1).optional(),
      }),
    )
    .min(1)
    .max(1_000),
});
export type PaymentBatchRequest = z.input<typeof PaymentBatchRequest>;

export const ConfirmBatchRequest = z.strictObject({
  paidOn: CalendarDateSchema,
  /** Lines the bank refused (wrong account…): not paid; their items can go into another batch. */
  rejectedLineIds: z.array(z.uuid()).max(1_000).default([]),
});
export type ConfirmBatchRequest = z.input<typeof ConfirmBatchRequest>;

export const paymentLineStatuses = ['pending', 'paid', 'rejected'] as const;

export const PaymentBatchView = z.object({
  id: z.string(),
  messageId: z.string(),
  executionDate: z.string(),
  status: z.enum(['prepared', 'confirmed']),
  totalCents: z.number().int(),
  paidCents: z.number().int(),
  fileSha256: z.string(),
  createdAt: z.string(),
  confirmedAt: z.string().nullable(),
  paidOn: z.string().nullable(),
  lines: z.array(
    z.object({
      id: z.string(),
      itemType: z.enum(expenseItemTypes),
      itemId: z.string(),
      endToEndId: z.string(),
      creditorName: z.string(),
      iban: z.string(),
      amountCents: z.number().int(),
      status: z.enum(paymentLineStatuses),
      activityId: z.string(),
      label: z.string(),
    }),
  ),
});
export type PaymentBatchView = z.infer<typeof PaymentBatchView>;

/** What can go into a batch: approved, not fully paid, not in a batch waiting for confirmation. */
export const PayableItem = z.object({
  type: z.enum(expenseItemTypes),
  id: z.string(),
  label: z.string(),
  creditorName: z.string(),
  activityName: z.string(),
  owedCents: z.number().int(),
  bankReady: z.boolean(),
});
export type PayableItem = z.infer<typeof PayableItem>;

export const ExpenseSettings = z.strictObject({
  doubleApprovalAboveCents: z.number().int().min(0).max(100_000_000),
});
export type ExpenseSettings = z.infer<typeof ExpenseSettings>;
