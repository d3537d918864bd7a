import { describe, expect, it } from 'vitest';
import { canonicalEntry, chainInput, genesisHash, type HashedEntry } from './canonical-entry.ts';

const entry: HashedEntry = {
  id: '00000000-0000-4000-8000-000000000001',
  journalCode: 'VT',
  fiscalYearId: 1,
  number: 7,
  chainIndex: 9,
  entryDate: '2026-03-02',
  pieceRef: 'F2026-0007',
  pieceDate: '2026-03-01',
  label: 'Facture "Dupont"',
  sourceType: 'invoice',
  sourceId: 'inv-7',
  idempotencyKey: 'invoice:inv-7',
  reversesEntryId: null,
  postedAt: new Date('2026-03-02T10:00:00.123Z'),
  postedBy: null,
  lines: [
    {
      lineNo: 2,
      accountNumber: '706000',
      activityId: 'a',
      thirdPartyCode: null,
      thirdPartyName: null,
      debitCents: 0n,
      creditCents: 1000n,
      label: '',
    },
    {
      lineNo: 1,
      accountNumber: '411000',
      activityId: 'a',
      thirdPartyCode: 'C1',
      thirdPartyName: 'Dupont',
      debitCents: 1000n,
      creditCents: 0n,
      label: '',
    },
  ],
};

describe('canonicalEntry', () => {
  it('is a fixed-order JSON array with lines sorted by number and amounts as strings', () => {
    const json = JSON.parse(canonicalEntry(entry));
    expect(json[0]).toBe('mutua-entry-1');
    expect(json[14]).toBe('2026-03-02T10:00:00.123Z');
    expect(json[16]).toEqual([
      [1, '411000', 'a', 'C1', 'Dupont', '1000', '0', ''],
      [2, '706000', 'a', null, null, '0', '1000', ''],
    ]);
  });

  it('changes when any field of the entry or of a line changes', () => {
    const base = canonicalEntry(entry);
    const variants: HashedEntry[] = [
      { ...entry, number: 8 },
      { ...entry, entryDate: '2026-03-03' },
      { ...entry, label: 'Facture Dupont' },
      { ...entry, postedBy: 'someone' },
      { ...entry, lines: [{ ...entry.lines[0]!, creditCents: 1001n }, entry.lines[1]!] },
      { ...entry, lines: [{ ...entry.lines[0]!, activityId: 'b' }, entry.lines[1]!] },
    ];
    for (const v of variants) expect(canonicalEntry(v)).not.toBe(base);
  });

  it('prefixes the previous hash, which must be 64 hex digits', () => {
    expect(chainInput(genesisHash, entry).startsWith(genesisHash)).toBe(true);
    expect(() => chainInput('abc', entry)).toThrow(RangeError);
  });
});
