import { sql } from 'drizzle-orm';
import { creditorReference } from '../../core/bank/creditor-reference.ts';
import type { OpenInvoice } from '../../core/bank/match-bank-lines.ts';
import {
  frenchCsvMapping,
  type StatementToWrite,
  writeCamt053,
  writeFrenchCsv,
  writeOfx1,
} from '../../core/bank/write-statement-files.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { dateInTimeZone } from '../../core/ledger/ledger-date.ts';
import { addDays } from '../../core/sales/calendar-date.ts';
import type { AppContext } from '../app-context.ts';
import { systemActor } from '../audit/actor.ts';
import { getCooperative } from '../cooperative/get-cooperative.ts';
import { queryRows } from '../db/query-rows.ts';
import { confirmBankMatch } from './confirm-bank-match.ts';
import { createBankAccount } from './create-bank-account.ts';
import { importStatementContent } from './import-bank-statement.ts';
import { bookBalanceAt, loadMatchCandidates } from './load-match-candidates.ts';

type Line = StatementToWrite['lines'][number];

/**
 * The demo's bank (issue 9 §6), through the same use cases as the accountant: the cooperative's current account
 * (512000, journal BQ, the CSV columns of its bank), then three statements of the last days, one per format
 * (CAMT.053, OFX, CSV), paying most of the invoices still open: by invoice number or by the RF reference
 * printed on the invoice (both confirmed at import), by
 * amount and client name, two invoices in one transfer, a part payment, plus bank fees and a transfer nobody
 * recognises. Most suggestions are then confirmed, the fees go to suspense, a few lines are left to match so the
 * screen has work to show. The statements open at the book's balance, so once reconciled the books equal the
 * bank but for the lines left. Seeded once.
 */
export async function seedDemoBank(ctx: AppContext) {
  const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(
    ctx.db,
    sql`SELECT count(*)::int AS n FROM bank_accounts`,
  );
  if (Number(n) > 0) return { lines: 0 };
  const coop = await getCooperative(ctx.db);
  if (!coop?.iban) return { lines: 0 };
  const account = await createBankAccount(ctx, systemActor, {
    name: 'Compte courant',
    iban: coop.iban,
    bic: coop.bic ?? '',
    journalCode: 'BQ',
    ledgerAccountNumber: '512000',
    csvMapping: frenchCsvMapping,
  });
  const today = dateInTimeZone(ctx.now());
  // Camille's invoices stay open: her browser journey has a client payment of its own to reconcile.
  const kept = new Set(
    (
      await queryRows<{ id: string }>(
        ctx.db,
        sql`SELECT am.activity_id AS id FROM activity_members am JOIN members m ON m.id = am.member_id
            WHERE m.email = 'camille@demo.mutua.coop'`,
      )
    ).map((r) => r.id),
  );
  const open = (await loadMatchCandidates(ctx.db)).invoices
    .filter((i) => !kept.has(i.activityId))
    .sort((a, b) => a.issueDate.localeCompare(b.issueDate) || a.number.localeCompare(b.number));
  // Ten days of statements, three files; every day's lines after the previous file's.
  const days = Array.from({ length: 9 }, (_, i) => addDays(today, i - 8));
  let ref = 0;
  const line = (date: string, amountCents: number, counterparty: string, remittance: string): Line => ({
    date,
    amountCents,
    reference: `DEMO${date.replace(/-/g, '')}${String(++ref).padStart(4, '0')}`,
    counterparty,
    remittance,
  });
  const byNumber = (inv: OpenInvoice, date: string) =>
    line(date, inv.dueCents, inv.clientName, `FACTURE ${inv.number}`);
  // The RF reference printed on the invoice, sent back by the client's bank in the structured remittance.
  const byReference = (inv: OpenInvoice, date: string): Line => {
    const reference = creditorReference(inv.number);
    return {
      ...line(date, inv.dueCents, inv.clientName, 'VIREMENT SEPA'),
      ...(reference ? { structuredReference: reference } : {}),
    };
  };
  const byName = (inv: OpenInvoice, date: string) =>
    line(date, inv.dueCents, inv.clientName.toUpperCase(), 'VIREMENT');
  const take = (count: number) => open.splice(0, Math.min(count, open.length));
  const camt: Line[] = [];
  for (const [i, inv] of take(Math.ceil(open.length * 0.35)).entries())
    camt.push(i % 4 === 1 ? byReference(inv, days[i % 3]!) : byNumber(inv, days[i % 3]!));
  camt.push(line(days[2]!, -1_250, 'CREDIT AGRICOLE', 'FRAIS TENUE DE COMPTE'));
  const ofx: Line[] = [];
  for (const [i, inv] of take(Math.ceil(open.length * 0.3)).entries())
    ofx.push(i % 3 === 0 ? byName(inv, days[3 + (i % 3)]!) : byNumber(inv, days[3 + (i % 3)]!));
  // Two invoices of one client in one transfer, both numbers quoted.
  const pairIndex = open.findIndex(
    (a, i) => open.findIndex((b, j) => j > i && b.clientId === a.clientId) > 0,
  );
  if (pairIndex >= 0) {
    const a = open.splice(pairIndex, 1)[0]!;
    const b = open.splice(
      open.findIndex((x) => x.clientId === a.clientId),
      1,
    )[0]!;
    ofx.push(line(days[5]!, a.dueCents + b.dueCents, a.clientName, `${a.number} ${b.number}`));
  }
  const csv: Line[] = [];
  for (const [i, inv] of take(Math.ceil(open.length * 0.4)).entries())
    csv.push(byNumber(inv, days[6 + (i % 3)]!));
  const partial = open.shift();
  if (partial)
    csv.push(
      line(days[7]!, Math.floor(partial.dueCents / 2), partial.clientName, `Acompte ${partial.number}`),
    );
  csv.push(line(days[8]!, 35_000, 'M OU MME LAMBERT', 'VIR SEPA PARTICULIER'));
  csv.push(line(days[8]!, -8_990, 'ORANGE SA', 'PRLV SEPA ABONNEMENT'));

  let balance = await bookBalanceAt(ctx.db, '512000', today);
  const files: {
    name: string;
    content: (s: StatementToWrite) => string;
    lines: Line[];
    from: string;
    to: string;
  }[] = [
    {
      name: 'releve-camt053.xml',
      content: (s) => writeCamt053([s]),
      lines: camt,
      from: days[0]!,
      to: days[2]!,
    },
    { name: 'releve.ofx', content: writeOfx1, lines: ofx, from: days[3]!, to: days[5]! },
    { name: 'releve.csv', content: writeFrenchCsv, lines: csv, from: days[6]!, to: days[8]! },
  ];
  let imported = 0;
  for (const [i, f] of files.entries()) {
    if (f.lines.length === 0) continue;
    const statement: StatementToWrite = {
      iban: coop.iban.replace(/\s/g, ''),
      statementId: `DEMO-${i + 1}`,
      openingCents: balance,
      openingDate: f.from,
      closingDate: f.to,
      lines: f.lines.sort((a, b) => a.date.localeCompare(b.date)),
    };
    const closing = balance + f.lines.reduce((s, l) => s + l.amountCents, 0);
    await importStatementContent(ctx, systemActor, account.id, {
      fileName: f.name,
      content: f.content(statement),
      balances: f.name.endsWith('.csv')
        ? { openingCents: balance, openingDate: f.from, closingCents: closing, closingDate: f.to }
        : null,
    });
    balance = closing;
    imported += f.lines.length;
  }
  // The accountant's pass: the good suggestions confirmed, the fees to suspense; the rest stays to match.
  const pending = await queryRows<{
    id: string;
    amount: string;
    suggestions: {
      kind: string;
      confidence: number;
      reason: string;
      allocations: { invoiceId: string; amountCents: number }[];
    }[];
  }>(
    ctx.db,
    sql`SELECT id, amount_cents::text AS amount, suggestions FROM bank_lines
        WHERE bank_account_id = ${account.id} AND status = 'unmatched' ORDER BY booking_date, id`,
  );
  let left = 0;
  for (const p of pending) {
    const best = p.suggestions[0];
    if (best?.kind === 'invoices' && best.confidence >= 80 && left >= 2) {
      try {
        await confirmBankMatch(ctx, systemActor, p.id, {
          target: {
            kind: 'invoices',
            allocations: best.allocations.map(({ invoiceId, amountCents }) => ({ invoiceId, amountCents })),
          },
          reason: best.reason,
          confidence: best.confidence,
        });
      } catch (error) {
        // A suggestion made at import can name an invoice another line of the same files has paid since
        // (lines are confirmed in booking order, and same-day lines in no fixed order): left to match, as
        // the accountant would find it.
        if (!(error instanceof AppError && error.code === 'PAYMENT_EXCEEDS_DUE')) throw error;
        left++;
      }
    } else if (!best && Number(p.amount) === -1_250) {
      await confirmBankMatch(ctx, systemActor, p.id, { target: { kind: 'suspense' } });
    } else left++;
  }
  return { lines: imported };
}
