import { z } from 'zod';

/**
 * A PCG account number: 3 to 10 digits, its first digit the class (1 capital … 7 revenue, 8 special).
 * The FEC requires the first 3 digits to be those of the French chart (cae-domain.md §6).
 */
export const AccountNumber = z
  .string()
  .trim()
  .regex(/^[1-8]\d{2,9}$/, { error: 'ledger.accountNumber' });

export function accountClass(accountNumber: string): number {
  return Number(accountNumber[0]);
}

/**
 * Auxiliary accounts, followed per third party (client, supplier, member): suppliers 401, clients
 * 411/416/419, staff 421/425, associates 455, other debtors and creditors 467 (ledger.md, Model).
 * An account gets this as its default; the accountant can change it.
 */
const thirdPartyPrefixes = ['401', '411', '416', '419', '421', '425', '455', '467'];

export function requiresThirdPartyByDefault(accountNumber: string): boolean {
  return thirdPartyPrefixes.some((p) => accountNumber.startsWith(p));
}
