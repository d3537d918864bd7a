import { sql } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import {
  type FecRow,
  fecDescription,
  fecFileName,
  fecHeaderLine,
  fecLineEnd,
  formatFecLine,
} from '../../core/ledger/fec-format.ts';
import { openingJournalCode } from '../../core/ledger/ledger-journals.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';

const pageSize = 5_000;

type LineRow = {
  journal_code: string;
  number: number;
  entry_date: string;
  piece_ref: string;
  piece_date: string;
  entry_label: string;
  seq: string;
  valid_date: string;
  line_no: number;
  account_number: string;
  third_party_code: string | null;
  third_party_name: string | null;
  debit: string;
  credit: string;
  label: string;
  lettering_code: string | null;
  lettered_on: string | null;
};

export type FecExport = {
  fileName: string;
  descriptionFileName: string;
  description: string;
  lineCount: number;
  /** The file's text in chunks (the header line first), read page by page: memory stays flat. */
  chunks(): AsyncGenerator<string>;
};

/**
 * The FEC of a fiscal year (cae-domain.md §6): the opening entries (`AN`) first, then every entry in
 * posting order with its number, one record per line. The entries read are those committed when the
 * export starts; a closed year's FEC is final (nothing can be posted in it any more).
 */
export async function prepareFec(db: Db, fiscalYearId: number): Promise<FecExport> {
  const [year] = await queryRows<{ start_date: string; end_date: string }>(
    db,
    sql`SELECT start_date::text, end_date::text FROM fiscal_years WHERE id = ${fiscalYearId}`,
  );
  if (!year) throw new AppError('NOT_FOUND');
  const [coop] = await queryRows<{ siren: string; legal_name: string }>(
    db,
    sql`SELECT siren, legal_name FROM cooperative WHERE id = 1`,
  );
  if (!coop) throw new AppError('NOT_FOUND');
  const journals = await queryRows<{ code: string; label: string }>(
    db,
    sql`SELECT code, label FROM ledger_journals ORDER BY code`,
  );
  const journalLabels = new Map(journals.map((j) => [j.code, j.label]));
  const accountLabels = new Map(
    (
      await queryRows<{ number: string; label: string }>(db, sql`SELECT number, label FROM ledger_accounts`)
    ).map((a) => [a.number, a.label]),
  );
  const [bounds] = await queryRows<{ max_seq: string | null; lines: string | null }>(
    db,
    sql`SELECT max(seq)::text AS max_seq, sum(line_count)::text AS lines FROM ledger_entries WHERE fiscal_year_id = ${fiscalYearId}`,
  );
  const maxSeq = bounds?.max_seq ?? '0';
  // Entries committed after this point (with a higher seq) are left out of this export.
  const lineCount = Number(bounds?.lines ?? 0);
  const fileName = fecFileName(coop.siren, year.end_date);
  const descriptionFileName = fileName.replace(/\.txt$/, '-description.txt');

  async function* records(opening: boolean): AsyncGenerator<string> {
    let afterSeq = '0';
    let afterLine = 0;
    for (;;) {
      const rows = await queryRows<LineRow>(
        db,
        sql`SELECT e.journal_code, e.number, e.entry_date::text AS entry_date, e.piece_ref, e.piece_date::text AS piece_date,
                   e.label AS entry_label, e.seq::text AS seq,
                   to_char(e.posted_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD') AS valid_date,
                   l.line_no, l.account_number, l.third_party_code, l.third_party_name,
                   l.debit_cents::text AS debit, l.credit_cents::text AS credit, l.label,
                   lt.code AS lettering_code, lt.lettered_on::text AS lettered_on
            FROM ledger_entries e
            JOIN ledger_entry_lines l ON l.entry_id = e.id
            LEFT JOIN ledger_letterings lt ON lt.entry_id = l.entry_id AND lt.line_no = l.line_no
            WHERE e.fiscal_year_id = ${fiscalYearId} AND e.seq <= ${maxSeq}::bigint
              AND ${opening ? sql`e.journal_code = ${openingJournalCode}` : sql`e.journal_code <> ${openingJournalCode}`}
              AND (e.seq, l.line_no) > (${afterSeq}::bigint, ${afterLine}::int)
            ORDER BY e.seq, l.line_no
            LIMIT ${pageSize}`,
      );
      if (rows.length === 0) return;
      let chunk = '';
      for (const r of rows) {
        const row: FecRow = {
          journalCode: r.journal_code,
          journalLabel: journalLabels.get(r.journal_code) ?? r.journal_code,
          entryNumber: Number(r.number),
          entryDate: r.entry_date,
          accountNumber: r.account_number,
          accountLabel: accountLabels.get(r.account_number) ?? r.account_number,
          thirdPartyCode: r.third_party_code,
          thirdPartyName: r.third_party_name,
          pieceRef: r.piece_ref,
          pieceDate: r.piece_date,
          label: r.label || r.entry_label,
          debitCents: BigInt(r.debit),
          creditCents: BigInt(r.credit),
          letteringCode: r.lettering_code,
          letteringDate: r.lettered_on,
          validatedOn: r.valid_date,
        };
        chunk += formatFecLine(row) + fecLineEnd;
      }
      yield chunk;
      const last = rows.at(-1)!;
      afterSeq = last.seq;
      afterLine = Number(last.line_no);
      if (rows.length < pageSize) return;
    }
  }

  return {
    fileName,
    descriptionFileName,
    lineCount,
    description: fecDescription({
      legalName: coop.legal_name,
      siren: coop.siren,
      startDate: year.start_date,
      endDate: year.end_date,
      fileName,
      lineCount,
      journals,
    }),
    async *chunks() {
      yield fecHeaderLine + fecLineEnd;
      yield* records(true);
      yield* records(false);
    },
  };
}
