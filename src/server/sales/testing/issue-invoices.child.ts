// A second server process for the numbering test: issues the invoices it is given on the same PostgreSQL
// database as the test's own process, and prints what it got. Run with `node --import tsx`.
import pino from 'pino';
import type { Actor } from '../../audit/actor.ts';
import { openDatabase } from '../../db/open-database.ts';
import { issueInvoice } from '../issue-invoice.ts';

const database = await openDatabase({ kind: 'postgres', url: process.env.ISSUE_DATABASE_URL!, max: 16 });
const now = new Date(process.env.ISSUE_NOW!);
const actor = JSON.parse(process.env.ISSUE_ACTOR!) as Actor;
const ids = JSON.parse(process.env.ISSUE_IDS!) as string[];
const ctx = {
  database,
  db: database.db,
  // Issuing reads no configuration; the rest of the context is what a server passes.
  config: {} as never,
  log: pino({ level: 'silent' }),
  now: () => new Date(now),
};
const results = await Promise.allSettled(ids.map((id) => issueInvoice(ctx, actor, id)));
process.stdout.write(
  `${JSON.stringify(results.map((r) => (r.status === 'fulfilled' ? r.value.number : String(r.reason))))}\n`,
);
await database.close();
