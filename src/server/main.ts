import { serve } from '@hono/node-server';
import type { AppContext } from './app-context.ts';
import { createApp } from './http/create-app.ts';
import { startJobWorker } from './jobs/run-due-jobs.ts';
import { scheduleSalesDailyJob } from './sales/run-sales-daily-job.ts';

/** Serves the app and runs the job worker until SIGINT/SIGTERM, then closes the database cleanly. */
export async function serveApp(ctx: AppContext): Promise<{ url: string; stop: () => Promise<void> }> {
  const app = createApp(ctx);
  await scheduleSalesDailyJob(ctx);
  const worker = startJobWorker(ctx);
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: ctx.config.port, hostname: ctx.config.host }, () => resolve(s));
    s.once('error', reject);
  });
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      await worker.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await ctx.database.close();
    })();
    return stopping;
  };
  return { url: `http://localhost:${ctx.config.port}`, stop };
}

/** Ends the process once the server and the database are closed (PGlite must be closed to keep its files sane). */
export function stopOnSignals(ctx: AppContext, stop: () => Promise<void>) {
  const handler = (signal: string) => {
    ctx.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    stop()
      .then(() => process.exit(0))
      .catch((error) => {
        ctx.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
}
