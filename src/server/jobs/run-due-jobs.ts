import { eq, sql } from 'drizzle-orm';
import type { AppContext } from '../app-context.ts';
import { queryRows } from '../db/query-rows.ts';
import { markEmailFailed, sendEmail } from '../mail/send-email.ts';
import { PASSWORD_RESET_JOB, sendPasswordResetLink } from '../people/reset-password.ts';
import { runSalesDailyJob, SALES_DAILY_JOB } from '../sales/run-sales-daily-job.ts';
import { jobs } from './jobs-tables.ts';

type Handler = {
  run: (ctx: AppContext, payload: never) => Promise<void>;
  onGiveUp?: (ctx: AppContext, payload: never, error: string) => Promise<void>;
};

const handlers: Record<string, Handler> = {
  'email.send': { run: sendEmail, onGiveUp: markEmailFailed },
  // Looked up out of the request so that its timing does not tell whether an account exists.
  [PASSWORD_RESET_JOB]: { run: sendPasswordResetLink },
  // Quotes past their validity expire, overdue invoices get their reminders (issue 5 §9).
  [SALES_DAILY_JOB]: { run: runSalesDailyJob },
};

/** Back-off before the next attempt: 30 s, 1 min, 2 min, 4 min… capped at one hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

/**
 * Claims due jobs one at a time (FOR UPDATE SKIP LOCKED: several server instances never take the same job)
 * and runs them. A job whose worker died is taken again once its lock expires. Returns how many ran.
 */
export async function runDueJobs(ctx: AppContext, limit = 20): Promise<number> {
  let ran = 0;
  for (; ran < limit; ran++) {
    const now = ctx.now().toISOString();
    const claimed = await queryRows<{
      id: number;
      kind: string;
      payload: Record<string, unknown>;
      attempts: number;
      max_attempts: number;
    }>(
      ctx.db,
      sql`
      UPDATE jobs SET status = 'running', attempts = attempts + 1,
        locked_until = ${now}::timestamptz + interval '5 minutes'
      WHERE id = (
        SELECT id FROM jobs
        WHERE (status = 'pending' AND run_at <= ${now}::timestamptz)
           OR (status = 'running' AND locked_until < ${now}::timestamptz)
        ORDER BY run_at, id
        FOR UPDATE SKIP LOCKED
        LIMIT 1)
      RETURNING id, kind, payload, attempts, max_attempts`,
    );
    const job = claimed[0];
    if (!job) break;
    const handler = handlers[job.kind];
    try {
      if (!handler) throw new Error(`No handler for job kind "${job.kind}"`);
      await handler.run(ctx, job.payload as never);
      await ctx.db
        .update(jobs)
        .set({ status: 'done', finishedAt: ctx.now(), lockedUntil: null, lastError: null })
        .where(eq(jobs.id, Number(job.id)));
    } catch (error) {
      const message = (error as Error).message ?? String(error);
      const giveUp = job.attempts >= job.max_attempts;
      ctx.log.warn({ jobId: job.id, kind: job.kind, attempts: job.attempts, err: message }, 'job failed');
      await ctx.db
        .update(jobs)
        .set(
          giveUp
            ? {
                status: 'failed',
                finishedAt: ctx.now(),
                lockedUntil: null,
                lastError: message.slice(0, 1000),
              }
            : {
                status: 'pending',
                runAt: new Date(ctx.now().getTime() + retryDelayMs(job.attempts)),
                lockedUntil: null,
                lastError: message.slice(0, 1000),
              },
        )
        .where(eq(jobs.id, Number(job.id)));
      if (giveUp) await handler?.onGiveUp?.(ctx, job.payload as never, message);
    }
  }
  return ran;
}

/** Polls the job table until stopped. Every instance may run one: SKIP LOCKED shares the work. */
export function startJobWorker(ctx: AppContext, intervalMs = 1000) {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const tick = async () => {
    if (stopped) return;
    running = runDueJobs(ctx).catch((error) => ctx.log.error({ err: error }, 'job worker'));
    await running;
    if (!stopped) timer = setTimeout(tick, intervalMs);
  };
  let timer = setTimeout(tick, intervalMs);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
