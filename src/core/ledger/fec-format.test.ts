import { describe, expect, it } from 'vitest';
import { checkFecFile } from './check-fec-file.ts';
import {
  type FecRow,
  fecColumns,
  fecDescription,
  fecFileName,
  fecHeaderLine,
  fecLineEnd,
  formatFecAmount,
  formatFecLine,
} from './fec-format.ts';

const row = (over: Partial<FecRow> = {}): FecRow => ({
  journalCode: 'VT',
  journalLabel: 'Ventes',
  entryNumber: 1,
  entryDate: '2026-03-02',
  accountNumber: '411000',
  accountLabel: 'Clients',
  thirdPartyCode: 'C001',
  thirdPartyName: 'Dupont SARL',
  pieceRef: 'F2026-0001',
  pieceDate: '2026-03-01',
  label: 'Facture Dupont',
  debitCents: 123456n,
  creditCents: 0n,
  letteringCode: null,
  letteringDate: null,
  validatedOn: '2026-03-02',
  ...over,
});

const file = (rows: FecRow[]) => [fecHeaderLine, ...rows.map(formatFecLine)].join(fecLineEnd) + fecLineEnd;

describe('FEC format (LPF A47 A-1)', () => {
  it('has the 18 fields in the published order', () => {
    expect(fecColumns).toEqual([
      'JournalCode',
      'JournalLib',
      'EcritureNum',
      'EcritureDate',
      'CompteNum',
      'CompteLib',
      'CompAuxNum',
      'CompAuxLib',
      'PieceRef',
      'PieceDate',
      'EcritureLib',
      'Debit',
      'Credit',
      'EcritureLet',
      'DateLet',
      'ValidDate',
      'Montantdevise',
      'Idevise',
    ]);
  });

  it('writes a line with tabs, comma decimals without thousands separator and AAAAMMJJ dates', () => {
    expect(formatFecLine(row()).split('\t')).toEqual([
      'VT',
      'Ventes',
      'VT000001',
      '20260302',
      '411000',
      'Clients',
      'C001',
      'Dupont SARL',
      'F2026-0001',
      '20260301',
      'Facture Dupont',
      '1234,56',
      '0,00',
      '',
      '',
      '20260302',
      '',
      '',
    ]);
    expect(formatFecAmount(5n)).toBe('0,05');
    expect(formatFecAmount(100000000n)).toBe('1000000,00');
    expect(formatFecAmount(-150n)).toBe('-1,50');
  });

  it('leaves auxiliary fields blank without a third party and keeps text free of separators', () => {
    const f = formatFecLine(
      row({ thirdPartyCode: null, thirdPartyName: 'ignored', label: 'a\tb\r\nc|d' }),
    ).split('\t');
    expect(f).toHaveLength(18);
    expect(f[6]).toBe('');
    expect(f[7]).toBe('');
    expect(f[10]).toBe('a b c d');
  });

  it('writes the lettering and its date when a line is lettered', () => {
    const f = formatFecLine(row({ letteringCode: 'AA', letteringDate: '2026-04-01' })).split('\t');
    expect([f[13], f[14]]).toEqual(['AA', '20260401']);
  });

  it('names the file <SIREN>FEC<closing date>.txt and describes it', () => {
    expect(fecFileName('912345675', '2025-12-31')).toBe('912345675FEC20251231.txt');
    const d = fecDescription({
      legalName: 'Coop',
      siren: '912345675',
      startDate: '2025-01-01',
      endDate: '2025-12-31',
      fileName: '912345675FEC20251231.txt',
      lineCount: 2,
      journals: [{ code: 'VT', label: 'Ventes' }],
    });
    expect(d).toMatch(/tabulation/);
    expect(d).toMatch(/UTF-8/);
    expect(d).toMatch(/VT {4}Ventes/);
  });
});

describe('checkFecFile', () => {
  const sale = [
    row(),
    row({
      accountNumber: '706000',
      accountLabel: 'Prestations',
      thirdPartyCode: null,
      debitCents: 0n,
      creditCents: 102880n,
    }),
    row({
      accountNumber: '445740',
      accountLabel: 'TVA',
      thirdPartyCode: null,
      debitCents: 0n,
      creditCents: 20576n,
    }),
  ];

  it('accepts a well-formed file', () => {
    const check = checkFecFile(
      file([
        row({ journalCode: 'AN', journalLabel: 'À-nouveaux' }),
        row({
          journalCode: 'AN',
          journalLabel: 'À-nouveaux',
          accountNumber: '512000',
          thirdPartyCode: null,
          debitCents: 0n,
          creditCents: 123456n,
        }),
        ...sale,
      ]),
    );
    expect(check.problems).toEqual([]);
    expect(check.lineCount).toBe(5);
    expect(check.totalDebitCents).toBe(246912n);
  });

  it('reports each rule a file breaks', () => {
    const bad = [
      fecHeaderLine.replace('CompteNum\tCompteLib', 'CompteLib\tCompteNum'),
      formatFecLine(row({ accountNumber: 'X11000' })),
      formatFecLine(row({ debitCents: 100n, creditCents: 100n, entryNumber: 3 })),
      formatFecLine(row({ entryDate: '2026-02-30', entryNumber: 4 })),
      `${formatFecLine(row({ entryNumber: 5 }))}\textra`,
      formatFecLine(row({ entryNumber: 6, label: '' })),
      formatFecLine(row({ journalCode: 'AN', journalLabel: 'À-nouveaux' })),
      formatFecLine(row({ entryNumber: 7, debitCents: 0n })).replace(/\t0,00\t0,00\t/, '\t1 000,00\t0,00\t'),
    ].join('\n');
    const problems = checkFecFile(bad).problems.join('\n');
    for (const expected of [
      'line 1: field names',
      'line 2: CompteNum does not start with 3 digits',
      'line 3: debit and credit both filled',
      'breaks the sequence of journal VT (expected 2)',
      'line 4: EcritureDate is not a date',
      'line 5: 19 fields',
      'line 6: EcritureLib is empty',
      'line 7: opening entry after other entries',
      'line 8: Debit or Credit is not a number',
      'does not balance',
    ])
      expect(problems).toContain(expected);
  });
});
