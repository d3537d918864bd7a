import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors/app-error.ts';
import type { PostEntryInput } from '../../core/ledger/entry-schemas.ts';
import { systemActor } from '../audit/actor.ts';
import { queryRows } from '../db/query-rows.ts';
import { createTestContext, type TestContext } from '../testing/create-test-context.ts';
import { postEntries } from './post-entries.ts';
import { postEntry } from './post-entry.ts';
import { actorWith, paymentEntry, saleEntry, seedLedgerActivities } from './testing/ledger-test-fixture.ts';

let ctx: TestContext;
let act: Awaited<ReturnType<typeof seedLedgerActivities>>;
const accountant = actorWith('accountant');

beforeAll(async () => {
  ctx = await createTestContext();
  act = await seedLedgerActivities(ctx);
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

/** Balances recomputed from the lines, and the stored ones, as comparable strings. */
async function balancesFromLines() {
  return queryRows<{ k: string }>(
    ctx.db,
    sql`SELECT e.fiscal_year_id || ' ' || l.account_number || ' ' || l.activity_id || ' ' ||
               sum(l.debit_cents) || ' ' || sum(l.credit_cents) || ' ' || count(*) AS k
        FROM ledger_entry_lines l JOIN ledger_entries e ON e.id = l.entry_id
        GROUP BY e.fiscal_year_id, l.account_number, l.activity_id ORDER BY 1`,
  );
}
async function storedBalances() {
  return queryRows<{ k: string }>(
    ctx.db,
    sql`SELECT fiscal_year_id || ' ' || account_number || ' ' || activity_id || ' ' ||
               debit_cents || ' ' || credit_cents || ' ' || line_count AS k
        FROM ledger_balances ORDER BY 1`,
  );
}

const manual = (lines: PostEntryInput['lines'], over: Partial<PostEntryInput> = {}): PostEntryInput => ({
  journalCode: 'OD',
  entryDate: '2026-03-02',
  pieceRef: 'OD-1',
  pieceDate: '2026-03-02',
  label: 'Écriture manuelle',
  source: { type: 'manual' },
  idempotencyKey: `manual:${Math.random()}`,
  lines,
  ...over,
});

describe('postEntry', () => {
  it('posts a sale with number 1, opens the fiscal year and updates the stored balances', async () => {
    const posted = await postEntry(ctx, systemActor, saleEntry(act.alice, 100_000n));
    expect(posted).toMatchObject({ journalCode: 'VT', number: 1, alreadyPosted: false });
    expect(posted.hash).toMatch(/^[0-9a-f]{64}$/);
    const [year] = await queryRows<{ start_date: string; end_date: string; status: string }>(
      ctx.db,
      sql`SELECT start_date::text, end_date::text, status FROM fiscal_years`,
    );
    expect(year).toEqual({ start_date: '2026-01-01', end_date: '2026-12-31', status: 'open' });
    const balances = await queryRows<{ account_number: string; debit_cents: string; credit_cents: string }>(
      ctx.db,
      sql`SELECT account_number, debit_cents::text, credit_cents::text FROM ledger_balances
          WHERE activity_id = ${act.alice} ORDER BY account_number`,
    );
    expect(balances).toEqual([
      { account_number: '411000', debit_cents: '120000', credit_cents: '0' },
      { account_number: '445740', debit_cents: '0', credit_cents: '20000' },
      { account_number: '706000', debit_cents: '0', credit_cents: '100000' },
    ]);
    const [audit] = await queryRows<{ action: string; object_id: string }>(
      ctx.db,
      sql`SELECT action, object_id FROM audit_log WHERE action = 'ledger.entry.post' ORDER BY at DESC LIMIT 1`,
    );
    expect(audit).toEqual({ action: 'ledger.entry.post', object_id: posted.id });
  });

  it('returns the entry already posted for the same idempotency key, and refuses the key with other content', async () => {
    const entry = saleEntry(act.bob, 5_000n);
    const first = await postEntry(ctx, systemActor, entry);
    const again = await postEntry(ctx, systemActor, entry);
    expect(again).toEqual({ ...first, alreadyPosted: true });
    const [count] = await queryRows<{ n: number }>(
      ctx.db,
      sql`SELECT count(*)::int AS n FROM ledger_entries WHERE idempotency_key = ${entry.idempotencyKey}`,
    );
    expect(count!.n).toBe(1);
    expect(await refusal(postEntry(ctx, systemActor, { ...entry, label: 'Autre chose' }))).toBe(
      'LEDGER_IDEMPOTENCY_KEY_REUSED',
    );
    // Twice in one batch: posted once.
    const twin = saleEntry(act.bob, 7_000n);
    const [a, b] = await postEntries(ctx, systemActor, [twin, twin]);
    expect(b).toEqual({ ...a, alreadyPosted: true });
  });

  it('numbers continuously per journal and fiscal year, and opens the next year when a date falls in it', async () => {
    const before = await queryRows<{ n: number }>(
      ctx.db,
      sql`SELECT coalesce(max(number), 0)::int AS n FROM ledger_entries WHERE journal_code = 'VT'`,
    );
    const posted = await postEntries(ctx, systemActor, [
      saleEntry(act.alice, 100n),
      paymentEntry(act.alice, 120n),
      saleEntry(act.alice, 200n),
      saleEntry(act.alice, 300n, { date: '2027-01-05' }),
    ]);
    const n = before[0]!.n;
    expect(posted.map((p) => [p.journalCode, p.number])).toEqual([
      ['VT', n + 1],
      ['BQ', 1],
      ['VT', n + 2],
      ['VT', 1],
    ]);
    expect(posted[3]!.fiscalYearId).not.toBe(posted[0]!.fiscalYearId);
  });

  it('refuses bad entries with the rule they break, writing nothing', async () => {
    const [{ n: entriesBefore }] = (await queryRows<{ n: number }>(
      ctx.db,
      sql`SELECT count(*)::int AS n FROM ledger_entries`,
    )) as [{ n: number }];
    const A = act.alice;
    const cases: [PostEntryInput, string][] = [
      [
        manual([
          { accountNumber: '512000', activityId: A, debitCents: 100 },
          { accountNumber: '706000', activityId: A, creditCents: 99 },
        ]),
        'LEDGER_ENTRY_UNBALANCED',
      ],
      [manual([]), 'LEDGER_ENTRY_TOO_FEW_LINES'],
      [manual([{ accountNumber: '512000', activityId: A, debitCents: 100 }]), 'LEDGER_ENTRY_TOO_FEW_LINES'],
      [
        manual([
          { accountNumber: '512000', activityId: A, debitCents: 100, creditCents: 100 },
          { accountNumber: '706000', activityId: A, creditCents: 0 },
        ]),
        'LEDGER_LINE_AMOUNT_INVALID',
      ],
      [
        manual([
          { accountNumber: '512000', activityId: A, debitCents: -100 },
          { accountNumber: '706000', activityId: A, creditCents: -100 },
        ]),
        'LEDGER_LINE_AMOUNT_INVALID',
      ],
      [
        manual([
          { accountNumber: '512000', activityId: A, debitCents: 100.5 },
          { accountNumber: '706000', activityId: A, creditCents: 100.5 },
        ]),
        'VALIDATION_FAILED',
      ],
      [
        manual([
          { accountNumber: '512999', activityId: A, debitCents: 100 },
          { accountNumber: '706000', activityId: A, creditCents: 100 },
        ]),
        'LEDGER_ACCOUNT_UNKNOWN',
      ],
      [
        manual([
          { accountNumber: '411000', activityId: A, debitCents: 100 },
          { accountNumber: '706000', activityId: A, creditCents: 100 },
        ]),
        'LEDGER_THIRD_PARTY_REQUIRED',
      ],
      [
        manual([
          { accountNumber: '512000', activityId: '00000000-0000-4000-8000-000000000000', debitCents: 100 },
          { accountNumber: '706000', activityId: A, creditCents: 100 },
        ]),
        'LEDGER_ACTIVITY_UNKNOWN',
      ],
      [
        manual(
          [
            { accountNumber: '512000', activityId: A, debitCents: 100 },
            { accountNumber: '706000', activityId: A, creditCents: 100 },
          ],
          { journalCode: 'ZZ' },
        ),
        'LEDGER_JOURNAL_UNKNOWN',
      ],
      [
        manual(
          [
            { accountNumber: '512000', activityId: A, debitCents: 100 },
            { accountNumber: '706000', activityId: A, creditCents: 100 },
          ],
          { entryDate: '2031-01-01' },
        ),
        'LEDGER_FISCAL_YEAR_MISSING',
      ],
    ];
    for (const [entry, code] of cases)
      expect([entry.lines.length, await refusal(postEntry(ctx, accountant, entry))]).toEqual([
        entry.lines.length,
        code,
      ]);
    await ctx.db.execute(sql`UPDATE ledger_accounts SET active = false WHERE number = '627000'`);
    expect(
      await refusal(
        postEntry(
          ctx,
          accountant,
          manual([
            { accountNumber: '627000', activityId: A, debitCents: 100 },
            { accountNumber: '512000', activityId: A, creditCents: 100 },
          ]),
        ),
      ),
    ).toBe('LEDGER_ACCOUNT_INACTIVE');
    await ctx.db.execute(sql`UPDATE ledger_accounts SET active = true WHERE number = '627000'`);
    const [{ n: entriesAfter }] = (await queryRows<{ n: number }>(
      ctx.db,
      sql`SELECT count(*)::int AS n FROM ledger_entries`,
    )) as [{ n: number }];
    expect(entriesAfter).toBe(entriesBefore);
  });

  it('refuses a manual entry posted by a member, and accepts it from the accountant', async () => {
    const entry = manual([
      { accountNumber: '627000', activityId: act.alice, debitCents: 150 },
      { accountNumber: '512000', activityId: act.alice, creditCents: 150 },
    ]);
    expect(await refusal(postEntry(ctx, actorWith('member'), entry))).toBe('LEDGER_POST_FORBIDDEN');
    expect((await postEntry(ctx, accountant, entry)).journalCode).toBe('OD');
  });

  it('posts inside the caller transaction: a rollback there leaves no entry and no number used', async () => {
    const entry = saleEntry(act.bob, 999n);
    await expect(
      ctx.db.transaction(async (tx) => {
        await postEntry({ ...ctx, db: tx }, systemActor, entry);
        throw new Error('the invoice could not be issued');
      }),
    ).rejects.toThrow('could not be issued');
    const rows = await queryRows(
      ctx.db,
      sql`SELECT 1 FROM ledger_entries WHERE idempotency_key = ${entry.idempotencyKey}`,
    );
    expect(rows).toEqual([]);
    const [{ max }] = (await queryRows<{ max: number }>(
      ctx.db,
      sql`SELECT max(number)::int AS max FROM ledger_entries e JOIN fiscal_years f ON f.id = e.fiscal_year_id
          WHERE journal_code = 'VT' AND f.start_date = '2026-01-01'`,
    )) as [{ max: number }];
    const next = await postEntry(ctx, systemActor, saleEntry(act.bob, 100n));
    expect(next.number).toBe(max + 1);
  });

  it('keeps stored balances equal to the sums of lines for any random valid entries (property)', async () => {
    const activities = [act.alice, act.bob, act.structure];
    const accounts = ['512000', '706000', '625000', '445660', '401000', '467000'];
    const line = fc.record({
      accountNumber: fc.constantFrom(...accounts),
      activityId: fc.constantFrom(...activities),
      amount: fc.bigInt({ min: 1n, max: 10n ** 11n }),
    });
    const entry = fc
      .tuple(
        fc.array(line, { minLength: 1, maxLength: 5 }),
        fc.array(line, { minLength: 1, maxLength: 5 }),
        fc.constantFrom('OD', 'AC', 'BQ', 'CTB'),
      )
      .map(([debits, credits, journal]) => {
        // Scale the credit side so that it balances the debit side exactly (parts add up: allocate-like).
        const total = debits.reduce((s, l) => s + l.amount, 0n);
        const weights = credits.map((c) => c.amount);
        const wsum = weights.reduce((a, b) => a + b, 0n);
        let left = total;
        const creditAmounts = weights.map((w, i) => {
          const part = i === weights.length - 1 ? left : (total * w) / wsum;
          left -= part;
          return part;
        });
        const tp = (n: string) => (['401000', '467000'].includes(n) ? { code: 'T1', name: 'Tiers 1' } : null);
        const lines = [
          ...debits.map((d) => ({
            accountNumber: d.accountNumber,
            activityId: d.activityId,
            thirdParty: tp(d.accountNumber),
            debitCents: d.amount,
          })),
          ...credits
            .map((c, i) => ({
              accountNumber: c.accountNumber,
              activityId: c.activityId,
              thirdParty: tp(c.accountNumber),
              creditCents: creditAmounts[i]!,
            }))
            .filter((l) => l.creditCents > 0n),
        ];
        return { journal, lines };
      })
      .filter((e) => e.lines.length >= 2);
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { minLength: 1, maxLength: 8 }), async (batch) => {
        await postEntries(
          ctx,
          accountant,
          batch.map((e, i) =>
            manual(e.lines, { journalCode: e.journal, source: { type: 'test' }, pieceRef: `P${i}` }),
          ),
        );
        expect(await storedBalances()).toEqual(await balancesFromLines());
      }),
      { numRuns: 25 },
    );
  });
});
