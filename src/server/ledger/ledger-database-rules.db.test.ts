import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultJournals } from '../../core/ledger/ledger-journals.ts';
import { minimalChart } from '../../core/ledger/minimal-chart.ts';
import { systemActor } from '../audit/actor.ts';
import { queryRows } from '../db/query-rows.ts';
import { createTestContext, type TestContext } from '../testing/create-test-context.ts';
import { postEntry } from './post-entry.ts';
import { saleEntry, seedLedgerActivities } from './testing/ledger-test-fixture.ts';

// Invariants 1, 2, 5 and 6 of ledger.md hold in the database itself: these tests write with plain SQL,
// bypassing postEntry, the way a buggy feature or a hand-typed query would.

let ctx: TestContext;
let act: Awaited<ReturnType<typeof seedLedgerActivities>>;
let yearId: number;
let closedYearId: number;
let existing: { id: string };

const hash = 'a'.repeat(64);
let number = 1000;

beforeAll(async () => {
  ctx = await createTestContext();
  act = await seedLedgerActivities(ctx);
  existing = await postEntry(ctx, systemActor, saleEntry(act.alice, 10_000n));
  const [y] = await queryRows<{ id: number }>(
    ctx.db,
    sql`SELECT id FROM fiscal_years WHERE start_date = '2026-01-01'`,
  );
  yearId = Number(y!.id);
  const [c] = await queryRows<{ id: number }>(
    ctx.db,
    sql`INSERT INTO fiscal_years (start_date, end_date, status, closed_at)
        VALUES ('2020-01-01', '2020-12-31', 'closed', now()) RETURNING id`,
  );
  closedYearId = Number(c!.id);
});
afterAll(() => ctx.close());

/** The message of a refused write (Drizzle wraps the driver's error in `cause`). */
async function refused(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    const e = error as Error & { cause?: Error };
    return `${e.message} ${e.cause?.message ?? ''}`;
  }
  throw new Error('the database accepted it');
}

function entrySql(
  over: { id?: string; year?: number; date?: string; lines?: number; total?: number; reverses?: string } = {},
) {
  number += 1;
  return sql`INSERT INTO ledger_entries (id, journal_code, fiscal_year_id, number, chain_index, entry_date, piece_ref,
      piece_date, label, source_type, idempotency_key, reverses_entry_id, line_count, total_cents, posted_at,
      prev_hash, hash)
    VALUES (${over.id ?? randomUUID()}, 'OD', ${over.year ?? yearId}, ${number}, ${number}, ${over.date ?? '2026-03-02'},
      'X', ${over.date ?? '2026-03-02'}, 'Direct', 'test', ${`direct:${randomUUID()}`}, ${over.reverses ?? null},
      ${over.lines ?? 2}, ${over.total ?? 100}, now(), ${hash}, ${hash})`;
}

function lineSql(
  entryId: string,
  lineNo: number,
  debit: number | string,
  credit: number | string,
  account = '512000',
  activity?: string,
) {
  return sql`INSERT INTO ledger_entry_lines (entry_id, line_no, account_number, activity_id, debit_cents, credit_cents)
    VALUES (${entryId}, ${lineNo}, ${account}, ${activity ?? act.alice}, ${debit}::text::bigint, ${credit}::text::bigint)`;
}

function linesSql(entryId: string, rows: [number | string, number | string][], account = '512000') {
  const values = rows.map(
    ([d, c], i) =>
      sql`(${entryId}::uuid, ${i + 1}::int, ${account}, ${act.alice}::uuid, ${String(d)}::bigint, ${String(c)}::bigint)`,
  );
  return sql`INSERT INTO ledger_entry_lines (entry_id, line_no, account_number, activity_id, debit_cents, credit_cents)
    VALUES ${sql.join(values, sql`, `)}`;
}

describe('the database refuses what breaks the ledger invariants', () => {
  it('accepts a complete, balanced entry written directly (the checks are not too strict)', async () => {
    const id = randomUUID();
    await ctx.db.transaction(async (tx) => {
      await tx.execute(entrySql({ id }));
      await tx.execute(
        linesSql(id, [
          [100, 0],
          [0, 100],
        ]),
      );
    });
    const rows = await queryRows(ctx.db, sql`SELECT 1 FROM ledger_entry_lines WHERE entry_id = ${id}`);
    expect(rows).toHaveLength(2);
  });

  it('refuses an unbalanced entry', async () => {
    const id = randomUUID();
    const msg = await refused(() =>
      ctx.db.transaction(async (tx) => {
        await tx.execute(entrySql({ id }));
        await tx.execute(
          linesSql(id, [
            [100, 0],
            [0, 99],
          ]),
        );
      }),
    );
    expect(msg).toMatch(/does not balance/);
  });

  it('refuses, at commit, an entry written without its lines (empty entry)', async () => {
    const msg = await refused(() =>
      ctx.db.transaction(async (tx) => {
        await tx.execute(entrySql());
      }),
    );
    expect(msg).toMatch(/does not balance: 0 lines/);
  });

  it('refuses a one-line entry, declared or actual', async () => {
    expect(await refused(() => ctx.db.execute(entrySql({ lines: 1 })))).toMatch(
      /line_count|check constraint/,
    );
    const id = randomUUID();
    const msg = await refused(() =>
      ctx.db.transaction(async (tx) => {
        await tx.execute(entrySql({ id }));
        await tx.execute(linesSql(id, [[100, 0]]));
      }),
    );
    expect(msg).toMatch(/incomplete|does not balance/);
  });

  it('refuses a line with both debit and credit, with none, or negative', async () => {
    for (const [d, c] of [
      [100, 100],
      [0, 0],
      [-100, 0],
      [0, -5],
    ] as const) {
      const id = randomUUID();
      const msg = await refused(() =>
        ctx.db.transaction(async (tx) => {
          await tx.execute(entrySql({ id }));
          await tx.execute(
            linesSql(id, [
              [d, c],
              [0, 100],
            ]),
          );
        }),
      );
      expect(msg).toMatch(/ledger_entry_lines_one_side/);
    }
  });

  it('refuses fractional cents given as text (a bigint column holds whole cents only)', async () => {
    const id = randomUUID();
    const msg = await refused(() =>
      ctx.db.transaction(async (tx) => {
        await tx.execute(entrySql({ id }));
        await tx.execute(lineSql(id, 1, '100.5', '0'));
      }),
    );
    expect(msg).toMatch(/invalid input syntax for type bigint/);
  });

  it('refuses lines on an unknown account or activity, and a missing third party on 411', async () => {
    for (const [account, activity, expected] of [
      ['512999', act.alice, /unknown account 512999/],
      ['512000', randomUUID(), /unknown activity/],
      ['411000', act.alice, /needs a third party/],
    ] as const) {
      const id = randomUUID();
      const msg = await refused(() =>
        ctx.db.transaction(async (tx) => {
          await tx.execute(entrySql({ id }));
          await tx.execute(lineSql(id, 1, 100, 0, account, activity));
          await tx.execute(lineSql(id, 2, 0, 100));
        }),
      );
      expect(msg).toMatch(expected);
    }
  });

  it('never lets a posted entry or line change, be deleted or get another line', async () => {
    expect(
      await refused(() =>
        ctx.db.execute(
          sql`UPDATE ledger_entry_lines SET debit_cents = debit_cents + 1 WHERE entry_id = ${existing.id} AND line_no = 1`,
        ),
      ),
    ).toMatch(/append-only/);
    expect(
      await refused(() =>
        ctx.db.execute(sql`UPDATE ledger_entries SET label = 'changed' WHERE id = ${existing.id}`),
      ),
    ).toMatch(/append-only/);
    expect(
      await refused(() =>
        ctx.db.execute(sql`DELETE FROM ledger_entry_lines WHERE entry_id = ${existing.id}`),
      ),
    ).toMatch(/append-only/);
    expect(
      await refused(() => ctx.db.execute(sql`DELETE FROM ledger_entries WHERE id = ${existing.id}`)),
    ).toMatch(/append-only/);
    expect(
      await refused(() => ctx.db.execute(sql`TRUNCATE ledger_entry_lines, ledger_entries CASCADE`)),
    ).toMatch(/append-only/);
    expect(await refused(() => ctx.db.execute(lineSql(existing.id, 4, 0, 1)))).toMatch(
      /incomplete|does not balance/,
    );
  });

  it('lets nobody write stored balances but the posting of lines', async () => {
    expect(await refused(() => ctx.db.execute(sql`UPDATE ledger_balances SET debit_cents = 0`))).toMatch(
      /written only by the posting/,
    );
    expect(
      await refused(() =>
        ctx.db.execute(
          sql`INSERT INTO ledger_balances (fiscal_year_id, account_number, activity_id) VALUES (${yearId}, '512000', ${act.bob})`,
        ),
      ),
    ).toMatch(/written only by the posting/);
    expect(await refused(() => ctx.db.execute(sql`DELETE FROM ledger_balances`))).toMatch(
      /written only by the posting/,
    );
  });

  it('refuses an entry in a closed year, outside its year, or on or before the lock date', async () => {
    expect(await refused(() => ctx.db.execute(entrySql({ year: closedYearId, date: '2020-06-01' })))).toMatch(
      /is closed/,
    );
    expect(await refused(() => ctx.db.execute(entrySql({ date: '2025-06-01' })))).toMatch(
      /outside its fiscal year/,
    );
    await ctx.db.execute(sql`UPDATE ledger_settings SET lock_date = '2026-01-31'`);
    expect(await refused(() => ctx.db.execute(entrySql({ date: '2026-01-31' })))).toMatch(/lock date/);
    expect(
      await refused(() => ctx.db.execute(sql`UPDATE ledger_settings SET lock_date = '2026-01-01'`)),
    ).toMatch(/cannot move back/);
    expect(
      await refused(() =>
        ctx.db.execute(
          sql`UPDATE fiscal_years SET status = 'open', closed_at = NULL WHERE id = ${closedYearId}`,
        ),
      ),
    ).toMatch(/frozen/);
  });

  it('refuses a second reversal of an entry, a reused number and a reused idempotency key', async () => {
    const first = randomUUID();
    await ctx.db.transaction(async (tx) => {
      await tx.execute(entrySql({ id: first, reverses: existing.id }));
      await tx.execute(
        linesSql(first, [
          [100, 0],
          [0, 100],
        ]),
      );
    });
    const second = randomUUID();
    expect(
      await refused(() =>
        ctx.db.transaction(async (tx) => {
          await tx.execute(entrySql({ id: second, reverses: existing.id }));
          await tx.execute(
            linesSql(second, [
              [100, 0],
              [0, 100],
            ]),
          );
        }),
      ),
    ).toMatch(/reverses_entry_id/);
    expect(
      await refused(() =>
        ctx.db.execute(sql`INSERT INTO ledger_entries (id, journal_code, fiscal_year_id, number, chain_index, entry_date,
          piece_ref, piece_date, label, source_type, idempotency_key, line_count, total_cents, posted_at, prev_hash, hash)
          SELECT gen_random_uuid(), journal_code, fiscal_year_id, number, chain_index + 100000, entry_date, piece_ref,
            piece_date, label, source_type, 'other-key', line_count, total_cents, posted_at, prev_hash, hash
          FROM ledger_entries WHERE id = ${existing.id}`),
      ),
    ).toMatch(/ledger_entries_number_key/);
  });

  it('keeps an account, a journal or an activity that lines refer to', async () => {
    expect(
      await refused(() => ctx.db.execute(sql`DELETE FROM ledger_accounts WHERE number = '706000'`)),
    ).toMatch(/has lines/);
    expect(await refused(() => ctx.db.execute(sql`DELETE FROM ledger_journals WHERE code = 'VT'`))).toMatch(
      /has entries/,
    );
    expect(await refused(() => ctx.db.execute(sql`DELETE FROM activities WHERE id = ${act.alice}`))).toMatch(
      /has ledger lines/,
    );
    // Without lines, the chart stays editable.
    await ctx.db.execute(sql`DELETE FROM ledger_accounts WHERE number = '709000'`);
  });

  it('is seeded with exactly the chart and journals of src/core', async () => {
    const accounts = await queryRows<{ number: string; label: string; requires_third_party: boolean }>(
      ctx.db,
      sql`SELECT number, label, requires_third_party FROM ledger_accounts WHERE number <> '709000' ORDER BY number`,
    );
    expect(accounts).toEqual(
      minimalChart
        .filter((a) => a.number !== '709000')
        .map((a) => ({ number: a.number, label: a.label, requires_third_party: a.requiresThirdParty })),
    );
    const journals = await queryRows<{ code: string; label: string; kind: string; manual: boolean }>(
      ctx.db,
      sql`SELECT code, label, kind, manual FROM ledger_journals`,
    );
    expect(new Set(journals.map((j) => JSON.stringify(j)))).toEqual(
      new Set(
        defaultJournals.map((j) =>
          JSON.stringify({ code: j.code, label: j.label, kind: j.kind, manual: j.manual }),
        ),
      ),
    );
  });
});
