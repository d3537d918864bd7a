import { describe, expect, it } from 'vitest';
import { decodeUtf8, parseCsv } from './parse-csv.ts';

describe('parseCsv', () => {
  it('reads a French semicolon export with quotes, doubled quotes and line breaks in cells', () => {
    const text =
      '\uFEFFNom;Prénom;Note\r\nMartin;Camille;"Dit ""Cam""; graphiste"\r\n\r\nDurand;Léa;"deux\nlignes"\r\n';
    const { header, records } = parseCsv(text);
    expect(header).toEqual(['Nom', 'Prénom', 'Note']);
    expect(records).toEqual([
      { line: 2, cells: ['Martin', 'Camille', 'Dit "Cam"; graphiste'] },
      { line: 4, cells: ['Durand', 'Léa', 'deux\nlignes'] },
    ]);
  });

  it('detects commas and tabs, and keeps empty cells', () => {
    expect(parseCsv('a,b,c\n1,,3').records[0]!.cells).toEqual(['1', '', '3']);
    expect(parseCsv('a\tb\n1\t2\n').records[0]!.cells).toEqual(['1', '2']);
    expect(parseCsv('a;b\n;\n').records[0]!.cells).toEqual(['', '']);
  });
});

describe('decodeUtf8', () => {
  it('refuses bytes that are not UTF-8 (a Latin-1 é)', () => {
    expect(decodeUtf8(new Uint8Array([0x4c, 0xe9, 0x61]))).toBe(null);
    expect(decodeUtf8(new TextEncoder().encode('Léa'))).toBe('Léa');
  });
});
