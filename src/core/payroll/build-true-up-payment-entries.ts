import type { PostEntryInput } from '../ledger/entry-schemas.ts';
import { contributionsDue, payrollThirdParty } from './build-payroll-entry.ts';
import type { TrueUpPosting } from './build-true-up-accrual-entry.ts';

const signed = (amount: number) =>
  amount > 0 ? { creditCents: BigInt(amount) } : { debitCents: BigInt(-amount) };

/**
 * Paying the true-up (C. trav. R7331-12: by one month after the assembly), on the day it is paid: the accrual is
 * settled as a payslip of the variable part (SAL: D 428600 gross · D 438600 employer contributions · C 421000
 * net · C 437000 / C 431000 contributions due), then the net is transferred (BQ: D 421000 · C 512000). The
 * activity's available treasury does not move again: it bore the cost at the accrual.
 */
export function buildTrueUpPaymentEntries(t: TrueUpPosting & { paidOn: string }): PostEntryInput[] {
  const { figures, activityId, member } = t;
  const { employer, others, urssaf } = contributionsDue(figures);
  const ref = `${t.fiscalYearId}-${member.id.slice(0, 8).toUpperCase()}`;
  const settle: PostEntryInput['lines'] = [
    {
      accountNumber: '428600',
      activityId,
      thirdParty: payrollThirdParty(member),
      debitCents: BigInt(figures.grossCents),
      label: 'Part variable',
    },
  ];
  if (employer !== 0)
    settle.push({
      accountNumber: '438600',
      activityId,
      ...(employer > 0 ? { debitCents: BigInt(employer) } : { creditCents: BigInt(-employer) }),
      label: 'Cotisations patronales sur part variable',
    });
  if (figures.netBeforeIncomeTaxCents !== 0)
    settle.push({
      accountNumber: '421000',
      activityId,
      thirdParty: payrollThirdParty(member),
      creditCents: BigInt(figures.netBeforeIncomeTaxCents),
      label: 'Net à payer',
    });
  for (const [account, amount, label] of [
    ['437000', others, 'Retraite complémentaire, santé, prévoyance'],
    ['431000', urssaf, 'URSSAF'],
  ] as const)
    if (amount !== 0) settle.push({ accountNumber: account, activityId, ...signed(amount), label });
  return [
    {
      journalCode: 'SAL',
      entryDate: t.paidOn,
      pieceRef: `REGUL-PAIE-${ref}`,
      pieceDate: t.paidOn,
      label: `Part variable de l'exercice ${member.name}`.slice(0, 200),
      source: { type: 'payroll_true_up', id: t.id },
      idempotencyKey: `payroll-true-up-payslip:${t.fiscalYearId}:${member.id}`,
      lines: settle,
    },
    {
      journalCode: 'BQ',
      entryDate: t.paidOn,
      pieceRef: `VIR-REGUL-${ref}`,
      pieceDate: t.paidOn,
      label: `Virement part variable ${member.name}`.slice(0, 200),
      source: { type: 'payroll_true_up', id: t.id },
      idempotencyKey: `payroll-true-up-payment:${t.fiscalYearId}:${member.id}`,
      lines: [
        {
          accountNumber: '421000',
          activityId,
          thirdParty: payrollThirdParty(member),
          debitCents: BigInt(figures.netBeforeIncomeTaxCents),
        },
        { accountNumber: '512000', activityId, creditCents: BigInt(figures.netBeforeIncomeTaxCents) },
      ],
    },
  ];
}
