import { sql } from 'drizzle-orm';
import type { AppContext } from '../app-context.ts';
import { systemActor } from '../audit/actor.ts';
import { queryRows } from '../db/query-rows.ts';
import { enqueueJob } from '../jobs/enqueue-job.ts';
import { sendDueReminders } from './send-due-reminders.ts';
import { expireQuotes } from './send-quote.ts';

export const SALES_DAILY_JOB = 'sales.daily';
const DAY_MS = 24 * 60 * 60 * 1000;

/** Queues the daily sales job unless one is already waiting or running (several instances may call it). */
export async function scheduleSalesDailyJob(ctx: AppContext, runAt: Date = ctx.now()) {
  const [pending] = await queryRows<{ n: number }>(
    ctx.db,
    sql`SELECT count(*)::int AS n FROM jobs WHERE kind = ${SALES_DAILY_JOB} AND status IN ('pending', 'running')`,
  );
  if (Number(pending?.n ?? 0) > 0) return null;
  return enqueueJob(ctx.db, SALES_DAILY_JOB, {}, runAt);
}

/**
 * The daily sales job: quotes past their validity date expire, overdue invoices get the reminders of the
 * schedule; then the next run is queued a day later. Both steps are idempotent, so a retry is harmless.
 */
export async function runSalesDailyJob(ctx: AppContext) {
  const expired = await expireQuotes(ctx, systemActor);
  const { sent } = await sendDueReminders(ctx);
  ctx.log.info({ expired, reminders: sent }, 'sales daily job');
  await enqueueJob(ctx.db, SALES_DAILY_JOB, {}, new Date(ctx.now().getTime() + DAY_MS));
}
