import { and, eq, inArray, sql } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import { assertExpenseTransition } from '../../core/expenses/expense-approval.ts';
import { ClaimDraftRequest } from '../../core/expenses/expense-schemas.ts';
import { sumExpenseLines } from '../../core/expenses/expense-totals.ts';
import { mileageAllowanceCents, mileageScaleOn } from '../../core/expenses/mileage-scale.ts';
import { receiptMediaTypes } from '../../core/expenses/sniff-receipt-type.ts';
import { calendarDateOf } from '../../core/members/calendar-date.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';
import { files } from '../files/files-tables.ts';
import { assertExpenseDate, requireExpenseActivity } from './expense-access.ts';
import { expenseCategories, expenseClaimLines, expenseClaims } from './expenses-tables.ts';
import { loadClaimViews } from './load-expense-views.ts';

/** Distance the member already claimed in a year with a vehicle kind, outside one claim (rejected ones apart). */
async function kmClaimedInYear(
  db: Db,
  memberId: string,
  year: string,
  vehicle: string,
  exceptClaimId: string | null,
) {
  const [row] = await queryRows<{ km: number }>(
    db,
    sql`SELECT coalesce(sum(l.distance_km), 0)::int AS km
        FROM expense_claim_lines l JOIN expense_claims c ON c.id = l.claim_id
        WHERE c.member_id = ${memberId} AND c.status <> 'rejected' AND l.kind = 'mileage'
          AND l.vehicle = ${vehicle} AND extract(year FROM l.line_date) = ${Number(year)}
          ${exceptClaimId ? sql`AND c.id <> ${exceptClaimId}` : sql``}`,
  );
  return row?.km ?? 0;
}

/**
 * Saves a draft expense claim (issue 7): a member's, for one of their activities. Each line is checked — a
 * category of the cooperative and of the line's kind, a date neither in the future nor in a closed year, amounts
 * that add up (schema), a receipt that was stored as a photo or PDF — and mileage lines are priced by the official
 * scale on the member's distance already claimed that year. Saving again replaces the draft's lines; a claim no
 * longer a draft cannot change.
 */
export async function saveExpenseClaim(
  ctx: AppContext,
  actor: Actor,
  input: ClaimDraftRequest,
  claimId: string | null = null,
) {
  const parsed = ClaimDraftRequest.safeParse(input);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', { zodError: parsed.error });
  const draft = parsed.data;
  const today = calendarDateOf(ctx.now());
  const { memberId } = await requireExpenseActivity(ctx.db, actor, draft.activityId, today);
  if (!memberId) throw new AppError('EXPENSE_NO_MEMBER_FILE');
  return ctx.db.transaction(async (tx) => {
    if (claimId) {
      const [claim] = await tx
        .select()
        .from(expenseClaims)
        .where(eq(expenseClaims.id, claimId))
        .for('update');
      if (!claim || claim.memberId !== memberId) throw new AppError('NOT_FOUND');
      assertExpenseTransition(claim.status, 'edit');
    }
    const categoryIds = [
      ...new Set(draft.lines.flatMap((l) => (l.kind === 'expense' ? [l.categoryId] : []))),
    ];
    const categories = await tx.select().from(expenseCategories).where(eq(expenseCategories.active, true));
    const byId = new Map(categories.map((c) => [c.id, c]));
    for (const id of categoryIds)
      if (byId.get(id)?.kind !== 'expense') throw new AppError('EXPENSE_CATEGORY_UNKNOWN');
    const mileageCategory = categories.find((c) => c.kind === 'mileage');
    const receipts = draft.lines.flatMap((l) =>
      l.kind === 'expense' && l.receiptSha256 ? [l.receiptSha256] : [],
    );
    if (receipts.length > 0) {
      const stored = await tx
        .select({ sha256: files.sha256, mediaType: files.mediaType })
        .from(files)
        .where(inArray(files.sha256, receipts));
      const ok = new Set(
        stored
          .filter((f) => (receiptMediaTypes as readonly string[]).includes(f.mediaType))
          .map((f) => f.sha256),
      );
      if (receipts.some((r) => !ok.has(r))) throw new AppError('EXPENSE_RECEIPT_TYPE');
    }
    const kmSoFar = new Map<string, number>();
    const rows: (typeof expenseClaimLines.$inferInsert)[] = [];
    for (const [i, line] of draft.lines.entries()) {
      await assertExpenseDate(tx, line.date, today);
      if (line.kind === 'expense') {
        rows.push({
          claimId: '',
          position: i + 1,
          kind: 'expense',
          lineDate: line.date,
          categoryId: line.categoryId,
          description: line.description,
          totalCents: line.totalCents,
          vatCents: line.vatCents,
          receiptSha256: line.receiptSha256,
        });
        continue;
      }
      if (!mileageCategory) throw new AppError('EXPENSE_CATEGORY_UNKNOWN');
      const scale = mileageScaleOn(line.date);
      if (!scale) throw new AppError('EXPENSE_MILEAGE_SCALE_MISSING', { date: line.date });
      const key = `${line.date.slice(0, 4)}:${line.vehicle}`;
      const before =
        kmSoFar.get(key) ??
        (await kmClaimedInYear(tx, memberId, line.date.slice(0, 4), line.vehicle, claimId));
      const { amountCents } = mileageAllowanceCents(
        scale,
        {
          vehicle: line.vehicle,
          fiscalHp: line.fiscalHp,
          electric: line.electric,
          distanceKm: line.distanceKm,
        },
        before,
      );
      kmSoFar.set(key, before + line.distanceKm);
      rows.push({
        claimId: '',
        position: i + 1,
        kind: 'mileage',
        lineDate: line.date,
        categoryId: mileageCategory.id,
        description: line.description,
        totalCents: Math.max(amountCents, 1),
        vatCents: 0,
        vehicle: line.vehicle,
        fiscalHp: line.fiscalHp,
        electric: line.electric,
        distanceKm: line.distanceKm,
        scaleValidFrom: scale.validFrom,
        kmBefore: before,
      });
    }
    const totals = sumExpenseLines(rows.map((r) => ({ totalCents: r.totalCents, vatCents: r.vatCents })));
    let id = claimId;
    if (id) {
      await tx
        .update(expenseClaims)
        .set({ title: draft.title, activityId: draft.activityId, ...totals, updatedAt: ctx.now() })
        .where(and(eq(expenseClaims.id, id), eq(expenseClaims.status, 'draft')));
      await tx.delete(expenseClaimLines).where(eq(expenseClaimLines.claimId, id));
    } else {
      const [created] = await tx
        .insert(expenseClaims)
        .values({
          activityId: draft.activityId,
          memberId,
          title: draft.title,
          status: 'draft',
          totalCents: totals.totalCents,
          vatCents: totals.vatCents,
          createdBy: actor.userId,
          createdAt: ctx.now(),
          updatedAt: ctx.now(),
        })
        .returning({ id: expenseClaims.id });
      id = created!.id;
    }
    await tx.insert(expenseClaimLines).values(rows.map((r) => ({ ...r, claimId: id! })));
    await recordAudit(tx, actor, {
      action: claimId ? 'expense.claim.update' : 'expense.claim.create',
      objectType: 'expense_claim',
      objectId: id,
      changes: { activityId: draft.activityId, lines: rows.length, totalCents: totals.totalCents },
    });
    const [view] = await loadClaimViews(tx, sql`c.id = ${id}`);
    return view!;
  });
}
