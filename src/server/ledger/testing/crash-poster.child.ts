// A child process for the crash test: posts one entry inside a transaction, says so, and waits to be
// killed (SIGKILL) before committing. Run with `node --import tsx`.
import { systemActor } from '../../audit/actor.ts';
import { openDatabase } from '../../db/open-database.ts';
import { postEntry } from '../post-entry.ts';
import { saleEntry } from './ledger-test-fixture.ts';

const database = process.env.CRASH_DATABASE_URL
  ? await openDatabase({ kind: 'postgres', url: process.env.CRASH_DATABASE_URL, max: 1 })
  : await openDatabase({ kind: 'pglite', dataDir: process.env.CRASH_DATA_DIR! });
const activityId = process.env.CRASH_ACTIVITY_ID!;
setInterval(() => {}, 60_000); // keep the process alive until it is killed
await database.db.transaction(async (tx) => {
  const posted = await postEntry(
    { db: tx, now: () => new Date('2026-03-02T10:00:00Z') },
    systemActor,
    saleEntry(activityId, 4_200n),
  );
  process.stdout.write(`POSTED ${posted.number}\n`);
  await new Promise(() => {});
});
