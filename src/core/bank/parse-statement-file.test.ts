import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.ts';
import { checkStatementBalance } from './check-statement-balance.ts';
import { lineIdentities } from './line-identity.ts';
import { parseBankAmount } from './parse-bank-amount.ts';
import { parseBankDate } from './parse-bank-date.ts';
import { parseStatementFile, statementIsForAccount } from './parse-statement-file.ts';
import type { CsvMapping } from './statement-schemas.ts';
import {
  frenchCsvMapping,
  type StatementToWrite,
  writeCamt053,
  writeFrenchCsv,
  writeOfx1,
} from './write-statement-files.ts';

// The fixtures as text through Vite's glob import: core reads no files itself (dependency rule).
const fixtures = import.meta.glob('./fixtures/*', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;
const fixture = (name: string) => {
  const text = fixtures[`./fixtures/${name}`];
  if (text === undefined) throw new Error(`no fixture ${name}`);
  return text;
};
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, details: error.details };
    throw error;
  }
  throw new Error('not refused');
};

const signedMapping: CsvMapping = {
  delimiter: ';',
  skipLines: 2,
  dateColumn: 'Date opération',
  dateFormat: 'dd/mm/yyyy',
  valueDateColumn: 'Date valeur',
  labelColumn: 'Libellé',
  amountColumn: 'Montant',
  debitColumn: '',
  creditColumn: '',
  decimalSeparator: ',',
  referenceColumn: '',
  counterpartyColumn: '',
};

describe('CAMT.053', () => {
  it('reads a .001.02 file with two statements, a batch booking of several transactions and a pending entry', () => {
    const statements = parseStatementFile(fixture('camt053-v02-two-statements.xml'));
    expect(statements).toHaveLength(2);
    const [first, second] = statements as [(typeof statements)[0], (typeof statements)[0]];
    expect(first.account.iban).toBe('FR7630004000031234567890143');
    expect(first.opening).toEqual({ cents: 1_250_000, date: '2026-02-02' });
    expect(first.closing).toEqual({ cents: 1_306_000, date: '2026-02-02' });
    // The pending entry (Sts PDNG) is not on the account yet.
    expect(first.lines.map((l) => l.amountCents)).toEqual([144_000, -88_000]);
    expect(first.lines[0]).toMatchObject({
      counterpartyName: 'MENUISERIES DU RHONE',
      bankReference: '2026020200A1B2',
      endToEndIds: [],
    });
    expect(first.lines[0]!.remittance).toContain('F2026-00012');
    const batch = first.lines[1]!;
    expect(batch.messageId).toBe('MUTUA-SAL-202601-1');
    expect(batch.endToEndIds).toEqual(['MUTUA-SAL-202601-1-1', 'MUTUA-SAL-202601-1-2']);
    expect(batch.parts.map((p) => p.amountCents)).toEqual([-50_000, -38_000]);
    // The previous closing (PRCD) stands for the opening when OPBD is absent; DtTm dates are read as days.
    expect(second.opening).toEqual({ cents: 1_306_000, date: '2026-02-02' });
    expect(second.lines[0]!.parts.map((p) => p.remittance)).toEqual(['F2026-00020', 'F2026-00021']);
    for (const s of statements) expect(checkStatementBalance(s).differenceCents).toBe(0);
  });

  it('reads a .001.08 file with prefixed elements, a debit opening balance, v8 party names and an RF reference', () => {
    const [s] = parseStatementFile(fixture('camt053-v08-prefixed.xml'));
    expect(s!.opening!.cents).toBe(-15_025);
    expect(s!.lines[0]).toMatchObject({
      amountCents: 360_000,
      counterpartyName: 'Atelier & Co SAS',
      structuredRefs: ['RF93F202600042'],
      bankReference: 'AS-889911',
    });
    expect(checkStatementBalance(s!).differenceCents).toBe(0);
  });

  it('reads every namespace version from .001.02 to .001.08, and refuses others', () => {
    const statement: StatementToWrite = {
      iban: 'FR7630004000031234567890143',
      statementId: 'S1',
      openingCents: 100,
      openingDate: '2026-01-01',
      closingDate: '2026-01-31',
      lines: [{ date: '2026-01-10', amountCents: -50, reference: 'R1', counterparty: 'X', remittance: 'Y' }],
    };
    for (const version of [2, 3, 4, 5, 6, 7, 8]) {
      const [s] = parseStatementFile(writeCamt053([statement], version));
      expect(s!.closing!.cents, `version ${version}`).toBe(50);
    }
    const v9 = writeCamt053([statement], 2).replace('camt.053.001.02', 'camt.053.001.09');
    expect(refusal(() => parseStatementFile(v9)).code).toBe('BANK_FILE_NOT_STATEMENT');
  });
});

describe('OFX', () => {
  it('reads OFX 1 (SGML, unclosed leaf tags, French decimal comma, dates with zone)', () => {
    const [s] = parseStatementFile(fixture('ofx1-sgml.ofx'));
    expect(s!.lines.map((l) => [l.bookingDate, l.amountCents, l.bankReference])).toEqual([
      ['2026-01-05', 123_456, '0Q4T1ZA7'],
      ['2026-01-12', -4_290, '0Q4T1ZA8'],
    ]);
    expect(s!.lines[0]!.remittance).toContain('F2026-00003 & F2026-00004');
    expect(s!.closing).toEqual({ cents: 519_166, date: '2026-01-31' });
    expect(statementIsForAccount(s!, 'FR76 3000 4000 0312 3456 7890 143')).toBe(true);
    expect(statementIsForAccount(s!, 'FR7610107001011234567890129')).toBe(false);
  });

  it('reads OFX 2 (XML)', () => {
    const [s] = parseStatementFile(fixture('ofx2.ofx'));
    expect(s!.lines.map((l) => l.amountCents)).toEqual([60_000, -1_500]);
    expect(s!.opening).toEqual({ cents: 519_166, date: '2026-02-01' });
  });
});

describe('CSV with a saved mapping', () => {
  it('reads French decimals with thousands separators, dd/mm/yyyy, a banner above the header, quoted labels', () => {
    const [s] = parseStatementFile(fixture('societe-signed.csv'), { csvMapping: signedMapping });
    expect(s!.lines.map((l) => [l.bookingDate, l.amountCents])).toEqual([
      ['2026-03-02', 123_456],
      ['2026-03-05', -200_100],
      ['2026-03-05', -320],
      ['2026-03-05', -320],
    ]);
    expect(s!.lines[0]!.label).toBe('VIR SEPA RECU MENUISERIES DU RHONE; F2026-00030');
    expect(s!.lines[0]!.raw).toMatchObject({ Montant: '1 234,56' });
  });

  it('reads separate debit and credit columns', () => {
    const csv = writeFrenchCsv({
      iban: 'FR7630004000031234567890143',
      statementId: 'x',
      openingCents: 0,
      openingDate: '2026-01-01',
      closingDate: '2026-01-31',
      lines: [
        {
          date: '2026-01-03',
          amountCents: 1_234_567,
          reference: 'A',
          counterparty: 'ACME',
          remittance: 'F1',
        },
        { date: '2026-01-04', amountCents: -99, reference: 'B', counterparty: 'EDF', remittance: 'x' },
      ],
    });
    const [s] = parseStatementFile(csv, { csvMapping: frenchCsvMapping });
    expect(s!.lines.map((l) => [l.amountCents, l.bankReference])).toEqual([
      [1_234_567, 'A'],
      [-99, 'B'],
    ]);
  });
});

describe('bad input', () => {
  it('refuses a file that is not a statement: a SEPA transfer file, a camt.054, plain text', () => {
    const pain =
      '<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"><CstmrCdtTrfInitn/></Document>';
    expect(refusal(() => parseStatementFile(pain))).toMatchObject({
      code: 'BANK_FILE_NOT_STATEMENT',
      details: { format: 'pain.001.001.03' },
    });
    const camt054 = fixture('camt053-v02-two-statements.xml').replace('camt.053.001.02', 'camt.054.001.02');
    expect(refusal(() => parseStatementFile(camt054)).code).toBe('BANK_FILE_NOT_STATEMENT');
    expect(refusal(() => parseStatementFile('Bonjour, voici le relevé')).code).toBe(
      'BANK_FILE_NOT_STATEMENT',
    );
    expect(refusal(() => parseStatementFile('%PDF-1.7 binary')).code).toBe('BANK_FILE_NOT_STATEMENT');
  });

  it('refuses a truncated XML file with the line where it breaks', () => {
    const xml = fixture('camt053-v02-two-statements.xml');
    const truncated = xml.slice(0, Math.floor(xml.length * 0.6));
    const r = refusal(() => parseStatementFile(truncated));
    expect(r.code).toBe('BANK_FILE_TRUNCATED');
    expect(Number(r.details.line)).toBeGreaterThan(1);
    const ofxTruncated = fixture('ofx2.ofx').slice(0, 900);
    expect(refusal(() => parseStatementFile(ofxTruncated)).code).toBe('BANK_FILE_TRUNCATED');
  });

  it('refuses a CSV read with a wrong mapping: a missing column, or a first line that does not read', () => {
    const csv = fixture('societe-signed.csv');
    expect(
      refusal(() => parseStatementFile(csv, { csvMapping: { ...signedMapping, amountColumn: 'Somme' } })),
    ).toMatchObject({
      code: 'BANK_CSV_MAPPING_INVALID',
    });
    // Columns swapped: the label column read as the amount.
    const swapped = { ...signedMapping, amountColumn: 'Libellé', labelColumn: 'Montant' };
    expect(refusal(() => parseStatementFile(csv, { csvMapping: swapped })).code).toBe(
      'BANK_CSV_MAPPING_INVALID',
    );
    expect(
      refusal(() => parseStatementFile(csv, { csvMapping: { ...signedMapping, dateFormat: 'yyyy-mm-dd' } }))
        .code,
    ).toBe('BANK_CSV_MAPPING_INVALID');
    expect(refusal(() => parseStatementFile(csv)).code).toBe('BANK_CSV_MAPPING_INVALID');
  });

  it('names the line of an amount or a date that does not exist', () => {
    const base = 'Date;Libellé;Montant\n01/03/2026;A;1,00\n';
    const mapping = { ...signedMapping, skipLines: 0, dateColumn: 'Date', valueDateColumn: '' };
    expect(refusal(() => parseStatementFile(`${base}31/02/2026;B;2,00\n`, { csvMapping: mapping }))).toEqual({
      code: 'BANK_DATE_INVALID',
      details: { line: 3, value: '31/02/2026' },
    });
    expect(
      refusal(() => parseStatementFile(`${base}02/03/2026;B;1.234.5\n`, { csvMapping: mapping })),
    ).toEqual({
      code: 'BANK_AMOUNT_INVALID',
      details: { line: 3, value: '1.234.5' },
    });
    const badOfx = fixture('ofx1-sgml.ofx').replace('<DTPOSTED>20260105', '<DTPOSTED>20260230');
    expect(refusal(() => parseStatementFile(badOfx)).code).toBe('BANK_DATE_INVALID');
    const badCamt = fixture('camt053-v08-prefixed.xml').replace('>3600.00<', '>3 600,00<');
    expect(refusal(() => parseStatementFile(badCamt)).code).toBe('BANK_AMOUNT_INVALID');
  });
});

describe('amounts and dates', () => {
  it('reads amounts with thousands separators exactly', () => {
    expect(parseBankAmount('1 234,56', ',')).toBe(123_456);
    expect(parseBankAmount('1\u202f234\u00a0567,8', ',')).toBe(123_456_780);
    expect(parseBankAmount('-1.234,56', ',')).toBe(-123_456);
    expect(parseBankAmount('1,234.56', '.')).toBe(123_456);
    expect(parseBankAmount('12,00-', ',')).toBe(-1_200);
    expect(parseBankAmount('(3,5)', ',')).toBe(-350);
    expect(parseBankAmount('+0,07 €', ',')).toBe(7);
    for (const bad of ['1,234.56', '12,345', '1,2,3', '1 23,45', '', 'abc', '1,234', '0,123'])
      expect(parseBankAmount(bad, ','), bad).toBeNull();
  });

  it('formats back to the same cents for any amount (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e11, max: 1e11 }), (cents) => {
        const abs = Math.abs(cents);
        const units = Math.floor(abs / 100).toLocaleString('fr-FR');
        const text = `${cents < 0 ? '-' : ''}${units},${String(abs % 100).padStart(2, '0')}`;
        return parseBankAmount(text, ',') === cents;
      }),
    );
  });

  it('refuses dates that do not exist', () => {
    expect(parseBankDate('29/02/2028', 'dd/mm/yyyy')).toBe('2028-02-29');
    expect(parseBankDate('5.1.2026', 'dd/mm/yyyy')).toBe('2026-01-05');
    expect(parseBankDate('31/01/26', 'dd/mm/yy')).toBe('2026-01-31');
    for (const bad of ['29/02/2027', '31/04/2026', '00/01/2026', '12/13/2026', '2026-01-05', '1/1/26'])
      expect(parseBankDate(bad, 'dd/mm/yyyy'), bad).toBeNull();
  });
});

describe('line identity', () => {
  const line = (date: string, amountCents: number, label: string, bankReference: string | null = null) => ({
    bookingDate: date,
    valueDate: null,
    amountCents,
    label,
    counterpartyName: '',
    remittance: label,
    structuredRefs: [],
    bankReference,
    endToEndIds: [],
    messageId: null,
    parts: [],
    raw: {},
  });

  it('uses the bank reference when there is one, else date, amount, label and rank', () => {
    const keys = lineIdentities([
      line('2026-03-05', -320, 'CB BOULANGERIE'),
      line('2026-03-05', -320, 'CB  boulangerie'),
      line('2026-03-06', -320, 'CB BOULANGERIE'),
      line('2026-03-06', 100, 'X', 'REF-1'),
    ]);
    expect(new Set(keys).size).toBe(4);
    expect(keys[3]).toBe('ref:REF-1');
  });

  it('gives an overlapping statement the same keys for the days it shares (property)', () => {
    const arb = fc.array(
      fc.record({
        day: fc.integer({ min: 1, max: 28 }),
        amount: fc.integer({ min: -5000, max: 5000 }).filter((x) => x !== 0),
        label: fc.constantFrom('CB BOULANGERIE', 'PRLV EDF', 'VIR RECU ACME'),
      }),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(arb, fc.integer({ min: 1, max: 28 }), (rows, cut) => {
        const lines = rows
          .map((r) => line(`2026-02-${String(r.day).padStart(2, '0')}`, r.amount, r.label))
          .sort((a, b) => a.bookingDate.localeCompare(b.bookingDate));
        const all = lineIdentities(lines);
        const from = `2026-02-${String(cut).padStart(2, '0')}`;
        const later = lines.filter((l) => l.bookingDate >= from);
        const laterKeys = lineIdentities(later);
        const expected = all.filter((_, i) => lines[i]!.bookingDate >= from);
        return JSON.stringify(laterKeys) === JSON.stringify(expected) && new Set(all).size === all.length;
      }),
    );
  });
});

describe('writers read back', () => {
  it('OFX 1 and CAMT written from the same statement read the same lines', () => {
    const statement: StatementToWrite = {
      iban: 'FR7630004000031234567890143',
      statementId: 'S2',
      openingCents: 1_000_00,
      openingDate: '2026-01-01',
      closingDate: '2026-01-31',
      lines: [
        {
          date: '2026-01-02',
          amountCents: 4_200_00,
          reference: 'A1',
          counterparty: 'Léa & fils',
          remittance: 'F2026-00001 <urgent>',
        },
        { date: '2026-01-03', amountCents: -12_34, reference: 'A2', counterparty: 'EDF', remittance: 'PRLV' },
      ],
    };
    const fromCamt = parseStatementFile(writeCamt053([statement]))[0]!;
    const fromOfx = parseStatementFile(writeOfx1(statement))[0]!;
    expect(fromOfx.lines.map((l) => l.amountCents)).toEqual(fromCamt.lines.map((l) => l.amountCents));
    expect(fromOfx.closing).toEqual(fromCamt.closing);
    expect(fromOfx.lines[0]!.remittance).toContain('F2026-00001 <urgent>');
    expect(statementIsForAccount(fromOfx, statement.iban)).toBe(true);
  });
});
