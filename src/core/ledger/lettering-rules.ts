/**
 * The next lettering code of an account: A, B, … Z, AA, AB, … ZZ, AAA… (the codes printed in the FEC's
 * EcritureLet). Codes of one account never repeat.
 */
export function nextLetteringCode(last: string | null): string {
  if (!last) return 'A';
  const digits = [...last].map((c) => c.charCodeAt(0) - 65);
  let i = digits.length - 1;
  while (i >= 0 && digits[i] === 25) {
    digits[i] = 0;
    i--;
  }
  if (i < 0) digits.unshift(0);
  else digits[i]! += 1;
  return digits.map((d) => String.fromCharCode(65 + d)).join('');
}

/** Orders lettering codes as they are given: shorter first, then alphabetically (Z before AA). */
export function compareLetteringCodes(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

export type LetteredLine = {
  accountNumber: string;
  thirdPartyCode: string | null;
  debitCents: bigint;
  creditCents: bigint;
};

/**
 * Why lines cannot be lettered together, or null: lettering matches lines of one account and one third
 * party (an invoice and its payment) whose debits and credits cancel out.
 */
export function letteringProblem(lines: readonly LetteredLine[]): string | null {
  if (lines.length < 2) return 'il faut au moins deux lignes';
  const first = lines[0]!;
  if (lines.some((l) => l.accountNumber !== first.accountNumber))
    return 'les lignes sont sur des comptes différents';
  if (lines.some((l) => l.thirdPartyCode !== first.thirdPartyCode))
    return 'les lignes concernent des tiers différents';
  const net = lines.reduce((s, l) => s + l.debitCents - l.creditCents, 0n);
  if (net !== 0n) return 'les débits et les crédits ne se compensent pas';
  return null;
}
