import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import type { Locale } from '../../core/i18n/locale.ts';
import type { PostEntryInput } from '../../core/ledger/entry-schemas.ts';
import { buildPayrollEntry } from '../../core/payroll/build-payroll-entry.ts';
import { monthBounds } from '../../core/payroll/payroll-basis-for-month.ts';
import { PayrollRunRequest, type PayrollRunResult } from '../../core/payroll/payroll-run-schemas.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { queryRows } from '../db/query-rows.ts';
import { postEntries } from '../ledger/post-entries.ts';
import type { SalaryCalculator } from './create-salary-engine.ts';
import { payrollAdvanceRepayments, payrollRuns, payrollSlips } from './payroll-run-tables.ts';
import { type PreparedLine, type PreparedRun, preparePayrollRun } from './prepare-payroll-run.ts';

/** The CTB transfer by which a mutual fund advances a salary's shortfall to an activity (ledger.md, transfers). */
function advanceEntry(
  month: string,
  line: PreparedLine,
  fund: { id: string; code: string },
  activityCode: string,
): PostEntryInput {
  const date = monthBounds(month).last;
  const amount = BigInt(line.shortfallCents);
  return {
    journalCode: 'CTB',
    entryDate: date,
    pieceRef: `AVANCE-${month}-${line.memberId.slice(0, 8).toUpperCase()}`,
    pieceDate: date,
    label: `Avance du fonds ${fund.code} sur salaire ${month} ${line.memberName}`.slice(0, 200),
    source: { type: 'payroll_advance', id: line.advance!.id },
    idempotencyKey: `payroll-advance:${month}:${line.memberId}`,
    // The fund lends: its cash goes to the activity, which owes it back (467, third party the other activity).
    lines: [
      {
        accountNumber: '467000',
        activityId: fund.id,
        thirdParty: { code: `ACT-${activityCode}`, name: activityCode },
        debitCents: amount,
      },
      { accountNumber: '512000', activityId: fund.id, creditCents: amount },
      { accountNumber: '512000', activityId: line.activityId!, debitCents: amount },
      {
        accountNumber: '467000',
        activityId: line.activityId!,
        thirdParty: { code: `ACT-${fund.code}`, name: fund.code },
        creditCents: amount,
      },
    ],
  };
}

/**
 * The CTB transfer by which an activity pays a fund back (the advance's mirror): the activity's cash goes to the
 * fund and its 467 debt falls; neither available treasury moves.
 */
function repaymentEntry(month: string, r: PreparedRun['repayments'][number]): PostEntryInput {
  const date = monthBounds(month).last;
  const amount = BigInt(r.amountCents);
  return {
    journalCode: 'CTB',
    entryDate: date,
    pieceRef: `REMB-AVANCE-${month}-${r.advanceId.slice(0, 8).toUpperCase()}`,
    pieceDate: date,
    label: `Remboursement au fonds ${r.fundCode} de l'avance ${r.month} (${r.activityCode})`.slice(0, 200),
    source: { type: 'payroll_advance_repayment', id: r.advanceId },
    idempotencyKey: `payroll-advance-repayment:${month}:${r.advanceId}`,
    lines: [
      {
        accountNumber: '467000',
        activityId: r.activityId,
        thirdParty: { code: `ACT-${r.fundCode}`, name: r.fundCode },
        debitCents: amount,
      },
      { accountNumber: '512000', activityId: r.activityId, creditCents: amount },
      { accountNumber: '512000', activityId: r.fundActivityId, debitCents: amount },
      {
        accountNumber: '467000',
        activityId: r.fundActivityId,
        thirdParty: { code: `ACT-${r.activityCode}`, name: r.activityCode },
        creditCents: amount,
      },
    ],
  };
}

/**
 * The monthly payroll run (issue 10, accountant): for each member of the month not yet recorded, the salary
 * priced by the rules engine and posted (SAL journal) on the member's activity when its treasury bears the
 * employer cost or a manager approved an advance (then the fund's transfer is posted too); a zero record under
 * a CAPE; a record per member and month (unique: a second run never pays twice). Refusals are kept with the run.
 * An advance needs its fund to have the shortfall (else refused); the treasury an activity has left after the
 * month's salaries repays its earlier advances, oldest first (planAdvanceRepayments).
 * A month already run for everyone, in a closed year or locked, is refused. One run of a month at a time.
 */
export async function runPayroll(
  ctx: AppContext,
  actor: Actor,
  calculator: SalaryCalculator,
  input: { month: string },
  locale: Locale = 'fr',
): Promise<PayrollRunResult> {
  const { month } = PayrollRunRequest.parse(input);
  return ctx.db.transaction(async (tx) => {
    // One run of a month at a time: the second waits, then sees the first one's records.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${monthLockKey(month).toString()}::bigint)`);
    const txCtx = { db: tx, now: ctx.now };
    const run = await preparePayrollRun(txCtx, calculator, month, locale);
    // Nothing new to record: the month was run (what is still refused shows in the preview), or nobody has a
    // contract. A first run that can only refuse is recorded, so its explanations are kept.
    if (!run.runnable) {
      if (run.totals.doneCount > 0) throw new AppError('PAYROLL_MONTH_ALREADY_RUN', { month });
      if (run.lines.length === 0) throw new AppError('PAYROLL_NOBODY_TO_PAY', { month });
    }
    const runId = randomUUID();
    const refused = run.lines
      .filter((l) => l.status === 'refused')
      .map((l) => ({ memberId: l.memberId, code: l.refusal!.code, message: l.refusal!.message }));
    await tx.insert(payrollRuns).values({
      id: runId,
      month: `${month}-01`,
      settings: run.settings,
      rulesVersion: `${run.rules.package}@${run.rules.version}`,
      paidCount: run.totals.paidCount,
      zeroCount: run.totals.zeroCount,
      refused,
      runBy: actor.userId,
      runAt: ctx.now(),
    });

    const paying = run.prepared.filter((l) => l.status === 'ready' || l.status === 'advance');
    const slipIds = new Map(paying.map((l) => [l.memberId, randomUUID()]));
    const funds = new Map(
      (
        await queryRows<{ id: string; code: string }>(
          tx,
          sql`SELECT id, code FROM activities WHERE kind = 'fund'`,
        )
      ).map((f) => [f.id, f]),
    );
    const entries: PostEntryInput[] = [];
    for (const l of paying) {
      if (l.status === 'advance' && l.shortfallCents > 0) {
        const fund = funds.get(l.advance!.fundActivityId);
        if (!fund) throw new AppError('PAYROLL_FUND_NOT_FOUND');
        entries.push(advanceEntry(month, l, fund, l.activityCode!));
      }
      entries.push(
        buildPayrollEntry({
          month,
          member: { id: l.memberId, name: l.memberName },
          activityId: l.activityId!,
          slipId: slipIds.get(l.memberId)!,
          figures: l.figures!,
        }),
      );
    }
    for (const r of run.repayments) entries.push(repaymentEntry(month, r));
    const posted = await postEntries(txCtx, actor, entries);
    const entryOf = new Map(posted.map((p) => [p.idempotencyKey, p.id]));

    const rows = run.prepared
      .filter((l) => l.status === 'ready' || l.status === 'advance' || l.status === 'zero')
      .map((l) => {
        const f = l.figures;
        const b = l.basisDetail!;
        const salary = b.kind === 'salary';
        return {
          id: slipIds.get(l.memberId) ?? randomUUID(),
          runId,
          memberId: l.memberId,
          month: `${month}-01`,
          kind: b.kind,
          basis: l.basis,
          contractId: b.contractId,
          salaryPlanId: salary ? b.salaryPlanId : null,
          activityId: salary ? l.activityId : null,
          grossCents: f?.grossCents ?? 0,
          netSocialCents: f?.netSocialCents ?? 0,
          netBeforeIncomeTaxCents: f?.netBeforeIncomeTaxCents ?? 0,
          netTaxableCents: f?.netTaxableCents ?? 0,
          employerCostCents: f?.employerCostCents ?? 0,
          employeeContributionsCents: f?.employeeContributionsCents ?? 0,
          employerContributionsCents: f?.employerContributionsCents ?? 0,
          contributionLines: f?.lines ?? [],
          treasuryBeforeCents: l.treasuryBeforeCents,
          advanceId: l.status === 'advance' ? l.advance!.id : null,
          advanceCents: l.status === 'advance' ? l.shortfallCents : 0,
          periodFrom: salary ? b.prorata.periodFrom : null,
          periodTo: salary ? b.prorata.periodTo : null,
          entryId: salary ? (entryOf.get(`payroll:${month}:${l.memberId}`) ?? null) : null,
          createdAt: ctx.now(),
        };
      });
    const written = rows.length
      ? await tx
          .insert(payrollSlips)
          .values(rows)
          .returning({ id: payrollSlips.id, memberId: payrollSlips.memberId })
      : [];
    const slipOf = new Map(written.map((w) => [w.memberId, w.id]));
    // What each fund lent this month, and what earlier advances got back.
    for (const l of paying)
      if (l.status === 'advance')
        await tx.execute(
          sql`UPDATE payroll_advances SET advanced_cents = ${l.shortfallCents} WHERE id = ${l.advance!.id}`,
        );
    for (const r of run.repayments) {
      await tx.insert(payrollAdvanceRepayments).values({
        advanceId: r.advanceId,
        runId,
        month: `${month}-01`,
        amountCents: r.amountCents,
        entryId: entryOf.get(`payroll-advance-repayment:${month}:${r.advanceId}`)!,
        createdAt: ctx.now(),
      });
      await tx.execute(
        sql`UPDATE payroll_advances SET repaid_cents = repaid_cents + ${r.amountCents} WHERE id = ${r.advanceId}`,
      );
    }
    await recordAudit(tx, actor, {
      action: 'payroll.run',
      objectType: 'payroll_run',
      objectId: runId,
      changes: {
        month,
        paid: run.totals.paidCount,
        zero: run.totals.zeroCount,
        refused: refused.map((r) => ({ memberId: r.memberId, code: r.code })),
        repaid: run.repayments.map((r) => ({ advanceId: r.advanceId, amountCents: r.amountCents })),
        grossCents: run.totals.grossCents,
        employerCostCents: run.totals.employerCostCents,
      },
    });
    return {
      ...publicRun(run),
      runId,
      lines: run.lines.map((l) => ({ ...l, slipId: l.slipId ?? slipOf.get(l.memberId) ?? null })),
    };
  });
}

/** A run without its internal working. */
export function publicRun<T extends { prepared: unknown; fundCapacity: unknown }>(
  run: T,
): Omit<T, 'prepared' | 'fundCapacity'> {
  const { prepared: _prepared, fundCapacity: _funds, ...rest } = run;
  return rest;
}

/** A 64-bit advisory lock key per month: 'payroll' in the high bits, YYYYMM in the low ones. */
function monthLockKey(month: string): bigint {
  return (0x7061_7972n << 32n) | BigInt(Number(month.replace('-', '')));
}
