import { describe, expect, it } from 'vitest';
import {
  buildClaimEntry,
  buildExpensePaymentEntry,
  buildSupplierInvoiceEntry,
} from './build-expense-entries.ts';

const act = '00000000-0000-4000-8000-000000000001';
const sums = (
  lines: { debitCents?: bigint | number | string; creditCents?: bigint | number | string }[],
) => ({
  d: lines.reduce((s, l) => s + BigInt(l.debitCents ?? 0), 0n),
  c: lines.reduce((s, l) => s + BigInt(l.creditCents ?? 0), 0n),
});

describe('expense entries (ledger.md posting rules)', () => {
  it('a claim: D 6xx per account, D 445660, C 467000 the member; balanced, all on the activity', () => {
    const e = buildClaimEntry({
      claimId: 'c1',
      number: 'NDF-2026-0001',
      activityId: act,
      member: { id: 'abcdef12-0000', name: 'Camille Martin' },
      date: '2026-03-20',
      lines: [
        { accountNumber: '625000', netCents: 10_000, vatCents: 2_000, label: 'Train' },
        { accountNumber: '625000', netCents: 5_000, vatCents: 500, label: 'Repas' },
        { accountNumber: '606000', netCents: 3_000, vatCents: 0, label: 'Fournitures' },
      ],
    });
    expect(e.journalCode).toBe('NDF');
    expect(e.lines.map((l) => [l.accountNumber, l.debitCents ?? 0n, l.creditCents ?? 0n])).toEqual([
      ['625000', 15_000n, 0n],
      ['606000', 3_000n, 0n],
      ['445660', 2_500n, 0n],
      ['467000', 0n, 20_500n],
    ]);
    const { d, c } = sums(e.lines);
    expect(d).toBe(c);
    expect(e.lines.every((l) => l.activityId === act)).toBe(true);
  });

  it('a supplier invoice: C 401000 the supplier; a payment: D 401/467 · C 512', () => {
    const e = buildSupplierInvoiceEntry({
      invoiceId: 'i1',
      activityId: act,
      supplier: { siren: '732829320', name: 'Imprimerie' },
      number: 'F-12',
      issueDate: '2026-03-01',
      date: '2026-03-20',
      lines: [{ accountNumber: '604000', netCents: 10_000, vatCents: 2_000, label: 'Impression' }],
    });
    expect(e.journalCode).toBe('AC');
    expect(e.lines.at(-1)).toMatchObject({ accountNumber: '401000', creditCents: 12_000n });
    expect(e.lines.at(-1)!.thirdParty!.code).toBe('F-732829320');
    const p = buildExpensePaymentEntry({
      lineId: 'l1',
      batchMessageId: 'M',
      endToEndId: 'M-1',
      activityId: act,
      paidOn: '2026-03-25',
      amountCents: 12_000,
      payee: { account: '401000', thirdParty: { code: 'F-1', name: 'x' } },
      label: 'Paiement',
    });
    const { d, c } = sums(p.lines);
    expect(d).toBe(12_000n);
    expect(c).toBe(12_000n);
  });
});
