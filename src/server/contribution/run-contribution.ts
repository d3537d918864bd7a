import { sql } from 'drizzle-orm';
import { can } from '../../core/access/permissions.ts';
import { buildContributionEntry } from '../../core/contribution/build-contribution-entry.ts';
import {
  type ContributionExplanation,
  computeContributionYear,
  explainMonth,
} from '../../core/contribution/compute-contribution.ts';
import { ContributionMonth } from '../../core/contribution/contribution-policy.ts';
import type { RunResultView } from '../../core/contribution/contribution-views.ts';
import { versionInForce } from '../../core/contribution/policy-versions.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { PostEntryInput } from '../../core/ledger/entry-schemas.ts';
import { fiscalYearContaining } from '../../core/ledger/fiscal-year-rules.ts';
import { dateInTimeZone } from '../../core/ledger/ledger-date.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { queryRows } from '../db/query-rows.ts';
import { postEntries } from '../ledger/post-entries.ts';
import { loadContributionInputs, loadPolicyVersions, monthEndOf } from './load-contribution-inputs.ts';

/** The fiscal year a month falls in: the books' own, or the one its end date would open. */
export async function fiscalYearOfMonth(ctx: Pick<AppContext, 'db'>, month: string) {
  const end = monthEndOf(month);
  const [row] = await queryRows<{
    start_date: string | null;
    end_date: string | null;
    status: string | null;
    fiscal_year_end: string | null;
    lock_date: string | null;
  }>(
    ctx.db,
    sql`SELECT f.start_date::text, f.end_date::text, f.status,
               (SELECT fiscal_year_end FROM cooperative WHERE id = 1) AS fiscal_year_end,
               (SELECT lock_date::text FROM ledger_settings WHERE id = 1) AS lock_date
        FROM (SELECT 1) one
        LEFT JOIN fiscal_years f ON f.start_date <= ${end} AND f.end_date >= ${end}`,
  );
  const range =
    row?.start_date && row.end_date
      ? { startDate: row.start_date, endDate: row.end_date }
      : fiscalYearContaining(end, row?.fiscal_year_end ?? '12-31');
  return { ...range, closed: row?.status === 'closed', lockDate: row?.lock_date ?? null };
}

/**
 * The monthly contribution run (issue 6): for every member activity, the contribution due for the month
 * from the year-to-date base and brackets, minus what runs already charged this year, posted as an
 * internal transfer through postEntries, with its explanation stored. Idempotent per activity and month:
 * running it again posts nothing unless the books changed (late invoices, credit notes, a new exemption),
 * and then only the difference. Refused for a month not over yet, a month of a closed year or on/before the
 * lock date, and a month before one already run in the same year (its correction belongs to the later one).
 * Runs one at a time (table lock), in one transaction.
 */
export async function runContribution(
  ctx: AppContext,
  actor: Actor,
  input: { month: string },
): Promise<RunResultView> {
  if (!can(actor.roles, 'contribution.run')) throw new AppError('FORBIDDEN');
  const parsed = ContributionMonth.safeParse(input.month);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', { zodError: parsed.error });
  const month = parsed.data;
  const end = monthEndOf(month);
  const today = dateInTimeZone(ctx.now());
  if (end > today) throw new AppError('CONTRIBUTION_MONTH_NOT_OVER', { month });
  const year = await fiscalYearOfMonth(ctx, month);
  if (year.closed) throw new AppError('CONTRIBUTION_YEAR_CLOSED', { month });
  if (year.lockDate && end <= year.lockDate)
    throw new AppError('CONTRIBUTION_MONTH_LOCKED', { month, lockDate: year.lockDate });

  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`LOCK TABLE contribution_charges IN EXCLUSIVE MODE`);
    const [latest] = await queryRows<{ month: string | null }>(
      tx,
      sql`SELECT max(month) AS month FROM contribution_charges
          WHERE month BETWEEN ${year.startDate.slice(0, 7)} AND ${year.endDate.slice(0, 7)}`,
    );
    if (latest?.month && latest.month > month)
      throw new AppError('CONTRIBUTION_MONTH_SUPERSEDED', { month, latest: latest.month });
    const [structure] = await queryRows<{ id: string }>(
      tx,
      sql`SELECT id FROM activities WHERE kind = 'structure' ORDER BY created_at LIMIT 1`,
    );
    if (!structure) throw new AppError('CONTRIBUTION_NO_STRUCTURE');

    const versions = await loadPolicyVersions(tx, year.startDate, end);
    const inForce = versionInForce(versions, `${month}-01`);
    const activities = await loadContributionInputs(tx, { yearStart: year.startDate, month, versions });
    const [run] = await queryRows<{ id: string }>(
      tx,
      sql`INSERT INTO contribution_runs (month, activity_count, posted_count, total_cents, run_by)
          VALUES (${month}, ${activities.length}, 0, 0, ${actor.userId}) RETURNING id`,
    );
    const runId = run!.id;

    const entries: PostEntryInput[] = [];
    const charges: {
      activityId: string;
      seq: number;
      amount: bigint;
      explanation: ContributionExplanation;
      entryIndex: number | null;
    }[] = [];
    let corrections = 0;
    for (const a of activities) {
      const computed = computeContributionYear({
        activity: { id: a.id, kind: a.kind },
        versions,
        months: a.months,
        exemptions: a.exemptions,
      });
      const explanation = explainMonth(a.id, computed, a.chargedCents);
      const due = BigInt(explanation.dueCents);
      // Nothing new: a month already explained is not recorded again (running twice changes nothing).
      if (due === 0n && a.seq > 0) continue;
      const seq = a.seq + 1;
      let entryIndex: number | null = null;
      if (due !== 0n) {
        if (a.seq > 0) corrections += 1;
        entryIndex = entries.length;
        entries.push(
          buildContributionEntry({
            activity: a,
            month,
            entryDate: end,
            amountCents: due,
            split: inForce?.policy.split ?? [],
            structureId: structure.id,
            idempotencyKey: `contribution:${a.id}:${month}:${seq}`,
          }),
        );
      }
      charges.push({ activityId: a.id, seq, amount: due, explanation, entryIndex });
    }

    const posted = entries.length > 0 ? await postEntries({ db: tx, now: ctx.now }, actor, entries) : [];
    let total = 0n;
    for (let i = 0; i < charges.length; i += 5_000) {
      const batch = charges.slice(i, i + 5_000);
      for (const c of batch) total += c.amount;
      await tx.execute(sql`
        INSERT INTO contribution_charges
          (activity_id, month, seq, run_id, amount_cents, entry_id, policy_version_id, explanation)
        SELECT r.activity_id, ${month}, r.seq, ${runId}, r.amount_cents, r.entry_id,
               ${inForce?.id ?? null}::uuid, r.explanation
        FROM jsonb_to_recordset(${JSON.stringify(
          batch.map((c) => ({
            activity_id: c.activityId,
            seq: c.seq,
            amount_cents: c.amount.toString(),
            entry_id: c.entryIndex === null ? null : posted[c.entryIndex]!.id,
            explanation: c.explanation,
          })),
        )}::jsonb) AS r(activity_id uuid, seq int, amount_cents bigint, entry_id uuid, explanation jsonb)`);
    }
    await tx.execute(sql`UPDATE contribution_runs SET posted_count = ${entries.length}, total_cents = ${total.toString()}
                         WHERE id = ${runId}`);
    await recordAudit(tx, actor, {
      action: 'contribution.run',
      objectType: 'contribution_run',
      objectId: runId,
      changes: {
        month,
        activities: activities.length,
        posted: entries.length,
        corrections,
        totalCents: total.toString(),
        policyVersionId: inForce?.id ?? null,
      },
    });
    return {
      runId,
      month,
      activityCount: activities.length,
      postedCount: entries.length,
      correctionCount: corrections,
      totalCents: Number(total),
    };
  });
}
