import type { PostEntryInput } from '../ledger/entry-schemas.ts';
import { payrollThirdParty } from './build-payroll-entry.ts';
import type { SalaryFigures } from './salary-simulation-schemas.ts';

export type TrueUpPosting = {
  id: string;
  fiscalYearId: number;
  member: { id: string; name: string };
  activityId: string;
  figures: SalaryFigures;
};

const signed = (amount: number) =>
  amount > 0 ? { creditCents: BigInt(amount) } : { debitCents: BigInt(-amount) };

/**
 * The year-end true-up in the books (ledger.md; cae-domain.md §7: "4286 carries the accrued variable part to
 * regularise after the AG"). At the fiscal year's last day, the variable part is a charge of the year owed later:
 *   OD: D 641100 variable gross · D 645000 its employer contributions · C 428600 gross · C 438600 contributions
 * — so the activity's result and treasury bear the employer cost in the year that earned it.
 */
export function buildTrueUpAccrualEntry(t: TrueUpPosting & { yearEnd: string }): PostEntryInput {
  const { figures, activityId } = t;
  const employer = figures.employerCostCents - figures.grossCents;
  const lines: PostEntryInput['lines'] = [
    { accountNumber: '641100', activityId, debitCents: BigInt(figures.grossCents), label: 'Part variable' },
    {
      accountNumber: '428600',
      activityId,
      thirdParty: payrollThirdParty(t.member),
      creditCents: BigInt(figures.grossCents),
      label: 'Part variable à payer',
    },
  ];
  if (employer !== 0)
    lines.push(
      {
        accountNumber: '645000',
        activityId,
        ...(employer > 0 ? { debitCents: BigInt(employer) } : { creditCents: BigInt(-employer) }),
        label: 'Cotisations patronales sur part variable',
      },
      { accountNumber: '438600', activityId, ...signed(employer), label: 'Charges sociales à payer' },
    );
  return {
    journalCode: 'OD',
    entryDate: t.yearEnd,
    pieceRef: `REGUL-${t.fiscalYearId}-${t.member.id.slice(0, 8).toUpperCase()}`,
    pieceDate: t.yearEnd,
    label: `Part variable de l'exercice à payer ${t.member.name}`.slice(0, 200),
    source: { type: 'payroll_true_up', id: t.id },
    idempotencyKey: `payroll-true-up-accrual:${t.fiscalYearId}:${t.member.id}`,
    lines,
  };
}
