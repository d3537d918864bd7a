import { fecColumns, fecSeparator } from './fec-format.ts';

export type FecCheck = {
  problems: string[];
  lineCount: number;
  totalDebitCents: bigint;
  totalCreditCents: bigint;
};

const mandatory = [
  'JournalCode',
  'JournalLib',
  'EcritureNum',
  'EcritureDate',
  'CompteNum',
  'CompteLib',
  'PieceRef',
  'PieceDate',
  'EcritureLib',
  'Debit',
  'Credit',
  'ValidDate',
] as const;

function isFecDate(v: string): boolean {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

function toCents(v: string): bigint | null {
  const m = /^([+-]?)(\d+)(?:,(\d{1,2}))?$/.exec(v);
  if (!m) return null;
  const c = BigInt(m[2]!) * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  return m[1] === '-' ? -c : c;
}

/**
 * The checks of the DGFiP's Test Compta Demat on a tab-separated FEC (cae-domain.md §6): field names in
 * order on the first line, 18 fields on every line, mandatory fields filled, accounts starting with 3
 * digits, numbers without thousands separator, real AAAAMMJJ dates, one of debit or credit on each line;
 * and what the auditor's tools check beyond it: each entry balances, the whole file balances, lettering
 * has a date, opening entries come first, each journal's numbers run 1, 2, 3… without gap.
 */
export function checkFecFile(text: string): FecCheck {
  const problems: string[] = [];
  const records = text.split(/\r\n|\n|\r/);
  if (records.at(-1) === '') records.pop();
  const header = records[0]?.split(fecSeparator) ?? [];
  if (header.join('|') !== fecColumns.join('|')) problems.push('line 1: field names missing or out of order');
  const index = Object.fromEntries(fecColumns.map((c, i) => [c, i])) as Record<
    (typeof fecColumns)[number],
    number
  >;
  let totalDebitCents = 0n;
  let totalCreditCents = 0n;
  const entries = new Map<string, { debit: bigint; credit: bigint; lastLine: number }>();
  const lastNumber = new Map<string, number>();
  let seenOther = false;
  let previousKey = '';
  for (let i = 1; i < records.length; i++) {
    const n = i + 1;
    const f = records[i]!.split(fecSeparator);
    if (f.length !== fecColumns.length) {
      problems.push(`line ${n}: ${f.length} fields instead of ${fecColumns.length}`);
      continue;
    }
    const get = (c: (typeof fecColumns)[number]) => f[index[c]]!;
    for (const c of mandatory) if (get(c).trim() === '') problems.push(`line ${n}: ${c} is empty`);
    if (!/^\d{3}/.test(get('CompteNum'))) problems.push(`line ${n}: CompteNum does not start with 3 digits`);
    for (const c of ['EcritureDate', 'PieceDate', 'ValidDate'] as const)
      if (!isFecDate(get(c))) problems.push(`line ${n}: ${c} is not a date AAAAMMJJ`);
    if (get('DateLet') !== '' && !isFecDate(get('DateLet')))
      problems.push(`line ${n}: DateLet is not a date`);
    if (get('EcritureLet') !== '' && get('DateLet') === '')
      problems.push(`line ${n}: lettering without DateLet`);
    if ((get('CompAuxNum') === '') !== (get('CompAuxLib') === ''))
      problems.push(`line ${n}: CompAuxNum and CompAuxLib go together`);
    const debit = toCents(get('Debit'));
    const credit = toCents(get('Credit'));
    if (debit === null || credit === null) {
      problems.push(`line ${n}: Debit or Credit is not a number with a comma decimal`);
      continue;
    }
    if ((debit !== 0n) === (credit !== 0n))
      problems.push(`line ${n}: debit and credit both filled or both zero`);
    totalDebitCents += debit;
    totalCreditCents += credit;
    const journal = get('JournalCode');
    const key = `${journal}\u0000${get('EcritureNum')}`;
    if (journal === 'AN' && seenOther) problems.push(`line ${n}: opening entry after other entries`);
    if (journal !== 'AN') seenOther = true;
    const e = entries.get(key);
    if (e) {
      if (key !== previousKey)
        problems.push(`line ${n}: lines of entry ${get('EcritureNum')} are not together`);
      e.debit += debit;
      e.credit += credit;
      e.lastLine = n;
    } else {
      entries.set(key, { debit, credit, lastLine: n });
      const number = Number(/(\d+)$/.exec(get('EcritureNum'))?.[1] ?? Number.NaN);
      const expected = (lastNumber.get(journal) ?? 0) + 1;
      if (number !== expected)
        problems.push(
          `line ${n}: entry ${get('EcritureNum')} breaks the sequence of journal ${journal} (expected ${expected})`,
        );
      lastNumber.set(journal, number);
    }
    previousKey = key;
  }
  for (const [key, e] of entries)
    if (e.debit !== e.credit)
      problems.push(`entry ${key.split('\u0000')[1]} (ending line ${e.lastLine}) does not balance`);
  if (totalDebitCents !== totalCreditCents) problems.push('total debits differ from total credits');
  return { problems, lineCount: Math.max(0, records.length - 1), totalDebitCents, totalCreditCents };
}
