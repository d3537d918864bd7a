import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors/app-error.ts';
import { systemActor } from '../audit/actor.ts';
import { queryRows } from '../db/query-rows.ts';
import { verifyIntegrity } from '../integrity/verify-integrity.ts';
import { createTestContext, type TestContext } from '../testing/create-test-context.ts';
import { addLedgerAccount } from './add-ledger-account.ts';
import { closeFiscalYear } from './close-fiscal-year.ts';
import { discardDraftEntry } from './discard-draft-entry.ts';
import { loadEntry } from './load-entry.ts';
import { openFiscalYear } from './open-fiscal-year.ts';
import { postDraftEntry } from './post-draft-entry.ts';
import { postEntry } from './post-entry.ts';
import { removeLedgerAccount } from './remove-ledger-account.ts';
import { reverseEntry } from './reverse-entry.ts';
import { saveDraftEntry } from './save-draft-entry.ts';
import { setLockDate } from './set-lock-date.ts';
import { actorWith, paymentEntry, saleEntry, seedLedgerActivities } from './testing/ledger-test-fixture.ts';
import { updateLedgerAccount } from './update-ledger-account.ts';
import { verifyLedger } from './verify-ledger.ts';

let ctx: TestContext;
let act: Awaited<ReturnType<typeof seedLedgerActivities>>;
const accountant = actorWith('accountant');

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.setNow('2025-03-01T10:00:00Z');
  act = await seedLedgerActivities(ctx);
  await openFiscalYear(ctx, accountant, { startDate: '2025-01-01', endDate: '2025-12-31' });
});
afterAll(() => ctx.close());

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('fiscal years', () => {
  it('opens years only without gap or overlap', async () => {
    expect(
      await refusal(openFiscalYear(ctx, accountant, { startDate: '2026-02-01', endDate: '2027-01-31' })),
    ).toBe('LEDGER_FISCAL_YEAR_INVALID');
    expect(
      await refusal(openFiscalYear(ctx, accountant, { startDate: '2025-06-01', endDate: '2026-05-31' })),
    ).toBe('LEDGER_FISCAL_YEAR_INVALID');
  });

  it('refuses posting on or before the lock date, which only moves forward and not past today', async () => {
    await postEntry(ctx, systemActor, saleEntry(act.alice, 50_000n, { date: '2025-01-20' }));
    await setLockDate(ctx, accountant, '2025-01-31');
    expect(
      await refusal(postEntry(ctx, systemActor, saleEntry(act.alice, 100n, { date: '2025-01-31' }))),
    ).toBe('LEDGER_DATE_LOCKED');
    expect(
      (await postEntry(ctx, systemActor, saleEntry(act.alice, 100n, { date: '2025-02-01' }))).number,
    ).toBe(2);
    expect(await refusal(setLockDate(ctx, accountant, '2025-01-15'))).toBe('LEDGER_LOCK_DATE_BACKWARDS');
    expect(await refusal(setLockDate(ctx, accountant, '2025-12-31'))).toBe('VALIDATION_FAILED');
  });
});

describe('manual entries and reversals', () => {
  it('saves a draft (even unbalanced), then posts it once it balances', async () => {
    const draft = await saveDraftEntry(ctx, accountant, {
      journalCode: 'OD',
      entryDate: '2025-02-15',
      pieceRef: 'OD-2025-1',
      label: 'Frais bancaires',
      lines: [
        {
          accountNumber: '627000',
          activityId: act.bob,
          debitCents: 1200n,
          creditCents: 0n,
          thirdParty: null,
          label: '',
        },
      ],
    });
    expect(await refusal(postDraftEntry(ctx, accountant, draft.id))).toBe('LEDGER_ENTRY_TOO_FEW_LINES');
    await saveDraftEntry(
      ctx,
      accountant,
      {
        journalCode: 'OD',
        entryDate: '2025-02-15',
        pieceRef: 'OD-2025-1',
        label: 'Frais bancaires',
        lines: [
          {
            accountNumber: '627000',
            activityId: act.bob,
            debitCents: 1200n,
            creditCents: 0n,
            thirdParty: null,
            label: '',
          },
          {
            accountNumber: '512000',
            activityId: act.bob,
            debitCents: 0n,
            creditCents: 1200n,
            thirdParty: null,
            label: '',
          },
        ],
      },
      draft.id,
    );
    expect(await refusal(postDraftEntry(ctx, actorWith('member'), draft.id))).toBe('LEDGER_POST_FORBIDDEN');
    const posted = await postDraftEntry(ctx, accountant, draft.id);
    expect(posted).toMatchObject({ journalCode: 'OD', number: 1 });
    expect(await refusal(postDraftEntry(ctx, accountant, draft.id))).toBe('LEDGER_DRAFT_NOT_EDITABLE');
    expect(await refusal(discardDraftEntry(ctx, accountant, draft.id))).toBe('LEDGER_DRAFT_NOT_EDITABLE');
  });

  it('refuses drafts in journals that take no manual entry', async () => {
    expect(
      await refusal(
        saveDraftEntry(ctx, accountant, {
          journalCode: 'VT',
          entryDate: '2025-02-15',
          pieceRef: 'X',
          label: 'X',
          lines: [],
        }),
      ),
    ).toBe('LEDGER_JOURNAL_NOT_MANUAL');
  });

  it('reverses an entry once, with swapped lines referencing it, and refuses a second reversal', async () => {
    const sale = await postEntry(ctx, systemActor, saleEntry(act.bob, 30_000n, { date: '2025-03-01' }));
    const reversal = await reverseEntry(ctx, accountant, sale.id);
    const stored = await loadEntry(ctx.db, reversal.id);
    const original = await loadEntry(ctx.db, sale.id);
    expect(stored!.reversesEntryId).toBe(sale.id);
    expect(stored!.journalCode).toBe('VT');
    expect(stored!.lines.map((l) => [l.accountNumber, l.debitCents, l.creditCents])).toEqual(
      original!.lines.map((l) => [l.accountNumber, l.creditCents, l.debitCents]),
    );
    expect(await refusal(reverseEntry(ctx, accountant, sale.id))).toBe('LEDGER_ENTRY_ALREADY_REVERSED');
    expect(await refusal(reverseEntry(ctx, actorWith('member'), reversal.id))).toBe('LEDGER_POST_FORBIDDEN');
    const balance = await queryRows<{ d: string; c: string }>(
      ctx.db,
      sql`SELECT debit_cents::text AS d, credit_cents::text AS c FROM ledger_balances
          WHERE activity_id = ${act.bob} AND account_number = '706000'`,
    );
    expect(balance).toEqual([{ d: '30000', c: '30000' }]);
  });
});

describe('chart of accounts', () => {
  it('adds, renames and deactivates accounts; removes only those without lines', async () => {
    await addLedgerAccount(ctx, accountant, { number: '411100', label: 'Clients – collectivités' });
    const [row] = await queryRows<{ requires_third_party: boolean }>(
      ctx.db,
      sql`SELECT requires_third_party FROM ledger_accounts WHERE number = '411100'`,
    );
    expect(row!.requires_third_party).toBe(true);
    expect(await refusal(addLedgerAccount(ctx, accountant, { number: '411100', label: 'Doublon' }))).toBe(
      'LEDGER_ACCOUNT_EXISTS',
    );
    await updateLedgerAccount(ctx, accountant, '411100', { label: 'Clients publics' });
    await removeLedgerAccount(ctx, accountant, '411100');
    expect(await refusal(removeLedgerAccount(ctx, accountant, '706000'))).toBe('LEDGER_ACCOUNT_HAS_LINES');
    await updateLedgerAccount(ctx, accountant, '626000', { active: false });
    expect(
      await refusal(
        postEntry(ctx, accountant, {
          ...paymentEntry(act.alice, 500n, '2025-03-01'),
          lines: [
            { accountNumber: '626000', activityId: act.alice, debitCents: 500 },
            { accountNumber: '512000', activityId: act.alice, creditCents: 500 },
          ],
        }),
      ),
    ).toBe('LEDGER_ACCOUNT_INACTIVE');
  });
});

describe('closing', () => {
  it('refuses to close a year that is not over, then closes it with opening entries per activity', async () => {
    const payment = paymentEntry(act.alice, 20_000n, '2025-06-10');
    const paid = await postEntry(ctx, systemActor, payment);
    // A cross-activity entry that does not balance per activity: the liaison account takes the difference.
    await postEntry(ctx, systemActor, {
      journalCode: 'CTB',
      entryDate: '2025-07-01',
      pieceRef: 'CTB-1',
      pieceDate: '2025-07-01',
      label: 'Contribution',
      source: { type: 'contribution_run', id: '2025-06' },
      idempotencyKey: 'contribution:2025-06:alice',
      lines: [
        { accountNumber: '628100', activityId: act.alice, debitCents: 5_000 },
        { accountNumber: '708100', activityId: act.structure, creditCents: 5_000 },
      ],
    });
    const [year] = await queryRows<{ id: number }>(
      ctx.db,
      sql`SELECT id FROM fiscal_years WHERE start_date = '2025-01-01'`,
    );
    const yearId = Number(year!.id);
    expect(await refusal(closeFiscalYear(ctx, accountant, yearId))).toBe('LEDGER_FISCAL_YEAR_NOT_CLOSABLE');
    const pending = await saveDraftEntry(ctx, accountant, {
      journalCode: 'OD',
      entryDate: '2025-12-31',
      pieceRef: 'OD-X',
      label: 'En cours',
      lines: [],
    });
    ctx.setNow('2026-02-15T10:00:00Z');
    expect(await refusal(closeFiscalYear(ctx, accountant, yearId))).toBe('LEDGER_FISCAL_YEAR_NOT_CLOSABLE');
    await discardDraftEntry(ctx, accountant, pending.id);
    // Entries of the new year may already exist when the old one closes.
    await postEntry(ctx, systemActor, saleEntry(act.alice, 1_000n, { date: '2026-01-10' }));

    const closed = await closeFiscalYear(ctx, accountant, yearId);
    expect(closed.openingEntries).toBe(3);

    const opening = await queryRows<{
      activity_id: string;
      account_number: string;
      d: string;
      c: string;
      number: number;
    }>(
      ctx.db,
      sql`SELECT l.activity_id, l.account_number, sum(l.debit_cents)::text AS d, sum(l.credit_cents)::text AS c, min(e.number) AS number
          FROM ledger_entry_lines l JOIN ledger_entries e ON e.id = l.entry_id
          WHERE e.journal_code = 'AN' GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    const of = (activity: string) =>
      opening.filter((r) => r.activity_id === activity).map((r) => [r.account_number, r.d, r.c]);
    // Alice: sales 50 000 + 100 (HT), VAT 10 020, paid 20 000, contribution 5 000.
    expect(of(act.alice)).toEqual([
      ['120000', '0', '45100'],
      ['181000', '0', '5000'],
      ['411000', '40120', '0'],
      ['445740', '0', '10020'],
      ['512000', '20000', '0'],
    ]);
    expect(of(act.structure)).toEqual([
      ['120000', '0', '5000'],
      ['181000', '5000', '0'],
    ]);
    // Bob: the reversed sale cancels out; bank fees of 12,00 are a loss.
    expect(of(act.bob)).toEqual([
      ['129000', '1200', '0'],
      ['512000', '0', '1200'],
    ]);

    expect(
      await refusal(postEntry(ctx, systemActor, saleEntry(act.alice, 100n, { date: '2025-12-31' }))),
    ).toBe('LEDGER_FISCAL_YEAR_CLOSED');
    expect(await refusal(closeFiscalYear(ctx, accountant, yearId))).toBe('LEDGER_FISCAL_YEAR_NOT_CLOSABLE');
    // A feature retrying a posting made before the closing gets the entry back, not an error.
    expect(await postEntry(ctx, systemActor, payment)).toEqual({ ...paid, alreadyPosted: true });
    const report = await verifyIntegrity(ctx);
    const ledgerChecks = report.checks.filter((c) => c.name.startsWith('ledger:'));
    expect(ledgerChecks).toHaveLength(5);
    expect(ledgerChecks.filter((c) => !c.ok)).toEqual([]);
  });
});

describe('verify', () => {
  it('reports a line altered directly in the database, and the disabled rule that allowed it', async () => {
    expect((await verifyLedger(ctx)).every((c) => c.ok)).toBe(true);
    const [line] = await queryRows<{ entry_id: string; line_no: number }>(
      ctx.db,
      sql`SELECT l.entry_id, l.line_no FROM ledger_entry_lines l JOIN ledger_entries e ON e.id = l.entry_id
          WHERE e.journal_code = 'VT' AND l.account_number = '706000' LIMIT 1`,
    );
    await ctx.db.execute(sql`ALTER TABLE ledger_entry_lines DISABLE TRIGGER ledger_entry_lines_immutable`);
    await ctx.db.execute(
      sql`UPDATE ledger_entry_lines SET credit_cents = credit_cents + 100 WHERE entry_id = ${line!.entry_id} AND line_no = ${line!.line_no}`,
    );
    const report = await verifyIntegrity(ctx);
    expect(report.ok).toBe(false);
    // (Other features' checks are not this test's business: only the ledger's are compared.)
    const failed = Object.fromEntries(
      report.checks
        .filter((c) => !c.ok && c.name.startsWith('ledger:'))
        .map((c) => [c.name, c.details.join('\n')]),
    );
    expect(Object.keys(failed).sort()).toEqual([
      'ledger: database rules in place',
      'ledger: every entry balances',
      'ledger: hash chain of every journal',
      'ledger: stored balances equal the sums of lines',
    ]);
    expect(failed['ledger: hash chain of every journal']).toMatch(
      /VT n° \d+ .*content does not match its hash/,
    );
    expect(failed['ledger: database rules in place']).toMatch(
      /ledger_entry_lines_immutable on ledger_entry_lines is disabled/,
    );
    // Put it back: the books verify again.
    await ctx.db.execute(
      sql`UPDATE ledger_entry_lines SET credit_cents = credit_cents - 100 WHERE entry_id = ${line!.entry_id} AND line_no = ${line!.line_no}`,
    );
    await ctx.db.execute(sql`ALTER TABLE ledger_entry_lines ENABLE TRIGGER ledger_entry_lines_immutable`);
    expect((await verifyLedger(ctx)).filter((c) => !c.ok)).toEqual([]);
  });

  it('reports a broken chain link and a numbering gap', async () => {
    await ctx.db.execute(sql`ALTER TABLE ledger_entries DISABLE TRIGGER ledger_entries_immutable`);
    const [e] = await queryRows<{ id: string; number: number }>(
      ctx.db,
      sql`SELECT id, number FROM ledger_entries WHERE journal_code = 'BQ' ORDER BY chain_index LIMIT 1`,
    );
    await ctx.db.execute(sql`UPDATE ledger_entries SET number = number + 1000 WHERE id = ${e!.id}`);
    await ctx.db.execute(sql`ALTER TABLE ledger_entries ENABLE TRIGGER ledger_entries_immutable`);
    const checks = Object.fromEntries((await verifyLedger(ctx)).map((c) => [c.name, c]));
    expect(checks['ledger: entry numbers continuous per journal and year']!.details.join('\n')).toMatch(
      /BQ year \d+: .*gap/,
    );
    expect(checks['ledger: hash chain of every journal']!.details.join('\n')).toMatch(
      /BQ n° 1001 .*does not match its hash/,
    );
  });
});
