import { buildSepaCreditTransfer } from '../../core/payroll/build-sepa-credit-transfer.ts';
import type { payrollPayments } from './payroll-run-tables.ts';
import type { SlipToPay } from './salary-payment-rows.ts';

/** The pain.001.001.03 document of a batch: the cooperative's account debited, one transfer per salary. */
export function buildSalaryPaymentXml(
  payment: typeof payrollPayments.$inferSelect,
  coop: { legalName: string; iban: string; bic: string },
  slips: readonly SlipToPay[],
): string {
  const month = payment.month.slice(0, 7);
  return buildSepaCreditTransfer({
    messageId: payment.messageId,
    createdAt: payment.createdAt.toISOString(),
    executionDate: payment.executionDate,
    debtor: { name: coop.legalName, iban: coop.iban, bic: coop.bic },
    transfers: slips.map((s, i) => ({
      endToEndId: `${payment.messageId}-${i + 1}`.slice(-35),
      creditorName: s.member_name,
      iban: s.iban ?? '',
      bic: s.bic || null,
      amountCents: Number(s.net),
      remittance: `Salaire ${month} ${coop.legalName}`,
    })),
  });
}
