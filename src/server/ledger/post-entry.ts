import type { PostEntryInput } from '../../core/ledger/entry-schemas.ts';
import type { Actor } from '../audit/actor.ts';
import { type LedgerContext, type PostedEntry, postEntries } from './post-entries.ts';

/**
 * Posts one entry into the books: the use case every feature calls (ledger.md). Pass the caller's
 * transaction as `ctx.db` to post atomically with the document that causes the entry
 * (`postEntry({ ...ctx, db: tx }, actor, entry)`). Posting the same idempotency key again returns the
 * entry already posted. See postEntries for the rules and the rights.
 */
export async function postEntry(
  ctx: LedgerContext,
  actor: Actor,
  entry: PostEntryInput,
): Promise<PostedEntry> {
  const [posted] = await postEntries(ctx, actor, [entry]);
  return posted!;
}
