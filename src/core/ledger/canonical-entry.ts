/** The fields of a posted entry that its hash covers, as read back from the books. */
export type HashedEntry = {
  id: string;
  journalCode: string;
  fiscalYearId: number;
  number: number;
  chainIndex: number;
  entryDate: string;
  pieceRef: string;
  pieceDate: string;
  label: string;
  sourceType: string;
  sourceId: string | null;
  idempotencyKey: string;
  reversesEntryId: string | null;
  postedAt: Date;
  postedBy: string | null;
  lines: HashedLine[];
};

export type HashedLine = {
  lineNo: number;
  accountNumber: string;
  activityId: string;
  thirdPartyCode: string | null;
  thirdPartyName: string | null;
  debitCents: bigint;
  creditCents: bigint;
  label: string;
};

/** The previous hash of a journal's first entry. */
export const genesisHash = '0'.repeat(64);

/**
 * The canonical serialisation of an entry and its lines (ledger.md, invariant 4): a JSON array in a fixed
 * order, amounts as decimal strings, dates as 'YYYY-MM-DD', the posting instant in ISO 8601 UTC. Every
 * field that means something is in it, so changing any of them changes the hash.
 */
export function canonicalEntry(entry: HashedEntry): string {
  const lines = [...entry.lines]
    .sort((a, b) => a.lineNo - b.lineNo)
    .map((l) => [
      l.lineNo,
      l.accountNumber,
      l.activityId,
      l.thirdPartyCode,
      l.thirdPartyName,
      l.debitCents.toString(),
      l.creditCents.toString(),
      l.label,
    ]);
  return JSON.stringify([
    'mutua-entry-1',
    entry.id,
    entry.journalCode,
    entry.fiscalYearId,
    entry.number,
    entry.chainIndex,
    entry.entryDate,
    entry.pieceRef,
    entry.pieceDate,
    entry.label,
    entry.sourceType,
    entry.sourceId,
    entry.idempotencyKey,
    entry.reversesEntryId,
    entry.postedAt.toISOString(),
    entry.postedBy,
    lines,
  ]);
}

/**
 * What is hashed for an entry: the previous hash of its journal (64 hex digits) followed by its canonical
 * serialisation. hash = SHA-256(chainInput) — computed by the server, since core has no crypto.
 */
export function chainInput(previousHash: string, entry: HashedEntry): string {
  if (!/^[0-9a-f]{64}$/.test(previousHash)) throw new RangeError('previous hash must be 64 hex digits');
  return previousHash + canonicalEntry(entry);
}
