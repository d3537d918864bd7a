import type { PostEntryInput } from '../ledger/entry-schemas.ts';

/** The member's account for claims to reimburse (ledger.md: C 425/467 the member). */
export const memberClaimsAccount = '467000';
export const suppliersAccount = '401000';
export const deductibleVatAccount = '445660';
export const bankAccount = '512000';

export function memberThirdParty(member: { id: string; name: string }) {
  return { code: `NDF-${member.id.slice(0, 8).toUpperCase()}`, name: member.name.slice(0, 200) };
}

export function supplierThirdParty(supplier: { siren: string | null; name: string }) {
  const key =
    supplier.siren ??
    supplier.name
      .normalize('NFD')
      .replace(/[^A-Za-z0-9]/g, '')
      .toUpperCase();
  return { code: `F-${key}`.slice(0, 40), name: supplier.name.slice(0, 200) };
}

type CostLine = { accountNumber: string; netCents: number; vatCents: number; label: string };

/** Cost lines merged by account (one debit per account), and the recoverable VAT in one line. */
function costAndVatLines(activityId: string, lines: readonly CostLine[]): PostEntryInput['lines'] {
  const byAccount = new Map<string, number>();
  let vat = 0;
  for (const l of lines) {
    byAccount.set(l.accountNumber, (byAccount.get(l.accountNumber) ?? 0) + l.netCents);
    vat += l.vatCents;
  }
  const out: PostEntryInput['lines'] = [...byAccount]
    .filter(([, net]) => net !== 0)
    .map(([accountNumber, net]) => ({
      accountNumber,
      activityId,
      debitCents: BigInt(net),
      label: lines.find((l) => l.accountNumber === accountNumber)!.label.slice(0, 200),
    }));
  if (vat > 0)
    out.push({
      accountNumber: deductibleVatAccount,
      activityId,
      debitCents: BigInt(vat),
      label: 'TVA déductible',
    });
  return out;
}

/**
 * An approved expense claim (ledger.md, "Expense claim approved"), in the NDF journal on the claim's activity,
 * dated the approval day: D 6xx the cost excluding the VAT recovered, per account · D 445660 the recoverable VAT ·
 * C 467000 the member, owed the total. Lines whose category does not recover VAT carry their VAT in the cost
 * (`vatCents` 0 here). The activity's available treasury falls by the cost: the VAT comes back.
 */
export function buildClaimEntry(input: {
  claimId: string;
  number: string;
  activityId: string;
  member: { id: string; name: string };
  date: string;
  lines: readonly CostLine[];
}): PostEntryInput {
  const total = input.lines.reduce((s, l) => s + l.netCents + l.vatCents, 0);
  return {
    journalCode: 'NDF',
    entryDate: input.date,
    pieceRef: input.number,
    pieceDate: input.date,
    label: `Note de frais ${input.number} ${input.member.name}`.slice(0, 200),
    source: { type: 'expense_claim', id: input.claimId },
    idempotencyKey: `expense-claim:${input.claimId}`,
    lines: [
      ...costAndVatLines(input.activityId, input.lines),
      {
        accountNumber: memberClaimsAccount,
        activityId: input.activityId,
        thirdParty: memberThirdParty(input.member),
        creditCents: BigInt(total),
        label: 'À rembourser',
      },
    ],
  };
}

/**
 * An approved supplier invoice (ledger.md, "Supplier invoice / purchase"), in the AC journal on the activity,
 * dated the approval day, piece date the invoice's: D 6xx excl. VAT · D 445660 VAT · C 401000 the supplier.
 */
export function buildSupplierInvoiceEntry(input: {
  invoiceId: string;
  activityId: string;
  supplier: { siren: string | null; name: string };
  number: string;
  issueDate: string;
  date: string;
  lines: readonly CostLine[];
}): PostEntryInput {
  const total = input.lines.reduce((s, l) => s + l.netCents + l.vatCents, 0);
  return {
    journalCode: 'AC',
    entryDate: input.date,
    pieceRef: input.number.slice(0, 60),
    pieceDate: input.issueDate,
    label: `Facture ${input.number} ${input.supplier.name}`.slice(0, 200),
    source: { type: 'supplier_invoice', id: input.invoiceId },
    idempotencyKey: `supplier-invoice:${input.invoiceId}`,
    lines: [
      ...costAndVatLines(input.activityId, input.lines),
      {
        accountNumber: suppliersAccount,
        activityId: input.activityId,
        thirdParty: supplierThirdParty(input.supplier),
        creditCents: BigInt(total),
        label: input.supplier.name.slice(0, 200),
      },
    ],
  };
}

/**
 * A reimbursement or supplier payment (ledger.md): D 467000 the member or 401000 the supplier · C 512000, on the
 * item's activity, in the BQ journal, dated the day the bank paid. One per payment line (idempotent).
 */
export function buildExpensePaymentEntry(input: {
  lineId: string;
  batchMessageId: string;
  endToEndId: string;
  activityId: string;
  paidOn: string;
  amountCents: number;
  payee: {
    account: typeof memberClaimsAccount | typeof suppliersAccount;
    thirdParty: { code: string; name: string };
  };
  label: string;
}): PostEntryInput {
  return {
    journalCode: 'BQ',
    entryDate: input.paidOn,
    pieceRef: input.endToEndId,
    pieceDate: input.paidOn,
    label: input.label.slice(0, 200),
    source: { type: 'expense_payment', id: input.lineId },
    idempotencyKey: `expense-payment:${input.lineId}`,
    lines: [
      {
        accountNumber: input.payee.account,
        activityId: input.activityId,
        thirdParty: input.payee.thirdParty,
        debitCents: BigInt(input.amountCents),
      },
      { accountNumber: bankAccount, activityId: input.activityId, creditCents: BigInt(input.amountCents) },
    ],
  };
}
