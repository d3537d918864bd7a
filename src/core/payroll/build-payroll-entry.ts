import type { PostEntryInput } from '../ledger/entry-schemas.ts';
import { monthBounds } from './payroll-basis-for-month.ts';
import type { PayrollMonth } from './payroll-month.ts';
import type { SalaryFigures } from './salary-simulation-schemas.ts';

/**
 * Contributions paid to bodies other than the URSSAF (cae-domain.md §7: 437 "autres organismes sociaux"):
 * complementary pensions (Agirc-Arrco, CEG, CET, APEC) and the health and provident plans' insurers. Everything
 * else — social security, unemployment, CSG-CRDS, the general reduction, training and transport levies — is
 * collected by the URSSAF (431).
 */
const otherBodies = /\. (retraite complémentaire|CEG|CET|APEC|prévoyances) \./;

/**
 * Who the contributions of a salary are owed to: the employer's part (employer cost − gross), the pension and
 * insurance bodies (437) and the URSSAF (431), which takes the rounding so that gross + employer part = net +
 * 437 + 431 to the cent.
 */
export function contributionsDue(figures: SalaryFigures) {
  const employer = figures.employerCostCents - figures.grossCents;
  const others = figures.lines
    .filter((l) => otherBodies.test(l.rule))
    .reduce((sum, l) => sum + l.amountCents, 0);
  const urssaf = figures.grossCents + employer - figures.netBeforeIncomeTaxCents - others;
  return { employer, others, urssaf };
}

export function payrollThirdParty(member: { id: string; name: string }) {
  return { code: `SAL-${member.id.slice(0, 8).toUpperCase()}`, name: member.name.slice(0, 200) };
}

/**
 * The payroll entry of one member for one month (ledger.md, "Payroll run"), on the member's activity, dated the
 * month's last day in the SAL journal:
 *   D 641100 gross · D 645000 employer contributions (employer cost − gross, so the activity's treasury falls by
 *   exactly the employer cost the rules engine gives) · C 421000 net before income tax, owed to the member ·
 *   C 437000 contributions due to pension and insurance bodies · C 431000 the rest, due to the URSSAF.
 * The 431 line takes the rounding difference between the engine's figures (each rounded to the cent on its own),
 * so the entry always balances; it is a few cents at most (tested).
 */
export function buildPayrollEntry(input: {
  month: PayrollMonth;
  member: { id: string; name: string };
  activityId: string;
  slipId: string;
  figures: SalaryFigures;
}): PostEntryInput {
  const { month, member, activityId, figures } = input;
  const date = monthBounds(month).last;
  const { employer, others, urssaf } = contributionsDue(figures);
  const lines: PostEntryInput['lines'] = [
    { accountNumber: '641100', activityId, debitCents: BigInt(figures.grossCents), label: 'Salaire brut' },
  ];
  if (employer !== 0)
    lines.push({
      accountNumber: '645000',
      activityId,
      ...(employer > 0 ? { debitCents: BigInt(employer) } : { creditCents: BigInt(-employer) }),
      label: 'Cotisations patronales',
    });
  if (figures.netBeforeIncomeTaxCents !== 0)
    lines.push({
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
    if (amount !== 0)
      lines.push({
        accountNumber: account,
        activityId,
        ...(amount > 0 ? { creditCents: BigInt(amount) } : { debitCents: BigInt(-amount) }),
        label,
      });
  return {
    journalCode: 'SAL',
    entryDate: date,
    pieceRef: `PAIE-${month}-${member.id.slice(0, 8).toUpperCase()}`,
    pieceDate: date,
    label: `Paie ${month} ${member.name}`.slice(0, 200),
    source: { type: 'payroll_run', id: input.slipId },
    idempotencyKey: `payroll:${month}:${member.id}`,
    lines,
  };
}

/** The payment of a net salary (ledger.md, "Salary paid"): D 421000 the member · C 512000, on the execution date. */
export function buildSalaryPaymentEntry(input: {
  month: PayrollMonth;
  member: { id: string; name: string };
  activityId: string;
  paymentId: string;
  netCents: number;
  executionDate: string;
  /** The bank account's journal and 512x when the transfer is matched on a statement (issue 9). */
  bank?: { journalCode: string; accountNumber: string } | null;
}): PostEntryInput {
  const { member, activityId } = input;
  return {
    journalCode: input.bank?.journalCode ?? 'BQ',
    entryDate: input.executionDate,
    pieceRef: `VIR-SAL-${input.month}-${member.id.slice(0, 8).toUpperCase()}`,
    pieceDate: input.executionDate,
    label: `Virement salaire ${input.month} ${member.name}`.slice(0, 200),
    source: { type: 'salary_payment', id: input.paymentId },
    idempotencyKey: `payroll-payment:${input.month}:${member.id}`,
    lines: [
      {
        accountNumber: '421000',
        activityId,
        thirdParty: payrollThirdParty(member),
        debitCents: BigInt(input.netCents),
      },
      {
        accountNumber: input.bank?.accountNumber ?? '512000',
        activityId,
        creditCents: BigInt(input.netCents),
      },
    ],
  };
}
