import { sql } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import { dateInTimeZone } from '../../core/ledger/ledger-date.ts';
import {
  compareLetteringCodes,
  letteringProblem,
  nextLetteringCode,
} from '../../core/ledger/lettering-rules.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { queryRows } from '../db/query-rows.ts';

export type LineRef = { entryId: string; lineNo: number };

/**
 * Letters lines together (lettrage): an invoice's client line with the payments that settle it, on one
 * account and one third party, debits and credits cancelling out. The lines themselves never change; the
 * code and its date are kept beside them and printed in the FEC (EcritureLet, DateLet). A line is lettered
 * once (primary key). Codes run per account: A, B, … AA.
 */
export async function letterLines(
  ctx: AppContext,
  actor: Actor,
  input: { lines: LineRef[]; letteredOn?: string },
): Promise<{ code: string }> {
  return ctx.db.transaction(async (tx) => {
    const lines = await queryRows<{
      entry_id: string;
      line_no: number;
      account_number: string;
      third_party_code: string | null;
      debit: string;
      credit: string;
      lettered: boolean;
    }>(
      tx,
      sql`SELECT l.entry_id, l.line_no, l.account_number, l.third_party_code, l.debit_cents::text AS debit,
                 l.credit_cents::text AS credit, (t.code IS NOT NULL) AS lettered
          FROM ledger_entry_lines l
          JOIN unnest(${sql.param(input.lines.map((r) => r.entryId))}::uuid[],
                      ${sql.param(input.lines.map((r) => r.lineNo))}::int[]) AS w(entry_id, line_no)
            ON w.entry_id = l.entry_id AND w.line_no = l.line_no
          LEFT JOIN ledger_letterings t ON t.entry_id = l.entry_id AND t.line_no = l.line_no`,
    );
    const unique = new Set(input.lines.map((r) => `${r.entryId}/${r.lineNo}`));
    if (lines.length !== unique.size || unique.size !== input.lines.length) throw new AppError('NOT_FOUND');
    if (lines.some((l) => l.lettered))
      throw new AppError('LEDGER_LETTERING_INVALID', { reason: 'une ligne est déjà lettrée' });
    const problem = letteringProblem(
      lines.map((l) => ({
        accountNumber: l.account_number,
        thirdPartyCode: l.third_party_code,
        debitCents: BigInt(l.debit),
        creditCents: BigInt(l.credit),
      })),
    );
    if (problem) throw new AppError('LEDGER_LETTERING_INVALID', { reason: problem });
    const account = lines[0]!.account_number;
    // One lettering at a time per account, so that two never take the same code.
    await tx.execute(sql`SELECT 1 FROM ledger_accounts WHERE number = ${account} FOR UPDATE`);
    const codes = await queryRows<{ code: string }>(
      tx,
      sql`SELECT DISTINCT t.code FROM ledger_letterings t
          JOIN ledger_entry_lines l ON l.entry_id = t.entry_id AND l.line_no = t.line_no
          WHERE l.account_number = ${account}`,
    );
    const last =
      codes
        .map((c) => c.code)
        .sort(compareLetteringCodes)
        .at(-1) ?? null;
    const code = nextLetteringCode(last);
    const letteredOn = input.letteredOn ?? dateInTimeZone(ctx.now());
    await tx.execute(sql`
      INSERT INTO ledger_letterings (entry_id, line_no, code, lettered_on, lettered_at, lettered_by)
      SELECT e, n, ${code}, ${letteredOn}, ${ctx.now()}, ${actor.userId}
      FROM unnest(${sql.param(lines.map((l) => l.entry_id))}::uuid[], ${sql.param(lines.map((l) => Number(l.line_no)))}::int[]) AS w(e, n)`);
    await recordAudit(tx, actor, {
      action: 'ledger.lines.letter',
      objectType: 'ledger_account',
      objectId: account,
      changes: { code, letteredOn, lines: input.lines },
    });
    return { code };
  });
}
