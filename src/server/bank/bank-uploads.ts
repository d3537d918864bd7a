import { and, asc, eq, sql } from 'drizzle-orm';
import { StartUploadInput, UploadPartInput } from '../../core/bank/bank-schemas.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import type { Db } from '../db/open-database.ts';
import { bankAccounts, bankUploadParts, bankUploads } from './bank-tables.ts';

/** A statement file at most this large (about 150,000 CAMT entries). */
export const maxStatementBytes = 200 * 1024 * 1024;

/**
 * Starts the upload of a statement file in parts: each part stays under the API's 1 MiB body limit, and the
 * page shows the progress of a large file part by part (issue 9 §5).
 */
export async function startBankUpload(ctx: AppContext, actor: Actor, accountId: string, input: unknown) {
  const { fileName } = StartUploadInput.parse(input);
  const [account] = await ctx.db
    .select({ id: bankAccounts.id })
    .from(bankAccounts)
    .where(eq(bankAccounts.id, accountId));
  if (!account) throw new AppError('NOT_FOUND');
  const [row] = await ctx.db
    .insert(bankUploads)
    .values({ bankAccountId: accountId, fileName, createdBy: actor.userId })
    .returning({ id: bankUploads.id });
  return { uploadId: row!.id };
}

export async function appendBankUploadPart(ctx: AppContext, actor: Actor, uploadId: string, input: unknown) {
  const { part, content } = UploadPartInput.parse(input);
  const [upload] = await ctx.db
    .select()
    .from(bankUploads)
    .where(
      and(eq(bankUploads.id, uploadId), sql`${bankUploads.createdBy} IS NOT DISTINCT FROM ${actor.userId}`),
    );
  if (!upload) throw new AppError('BANK_UPLOAD_UNKNOWN');
  const [{ total } = { total: 0 }] = await ctx.db
    .select({ total: sql<number>`coalesce(sum(length(${bankUploadParts.content})), 0)::float8` })
    .from(bankUploadParts)
    .where(eq(bankUploadParts.uploadId, uploadId));
  if (Number(total) + content.length > maxStatementBytes)
    throw new AppError('PAYLOAD_TOO_LARGE', { limit: '200 Mo' });
  await ctx.db
    .insert(bankUploadParts)
    .values({ uploadId, part, content })
    .onConflictDoUpdate({ target: [bankUploadParts.uploadId, bankUploadParts.part], set: { content } });
  return { part };
}

/** The file uploaded, its parts in order; refused when unknown or already consumed by an import. */
export async function readBankUpload(db: Db, uploadId: string) {
  const [upload] = await db.select().from(bankUploads).where(eq(bankUploads.id, uploadId));
  if (!upload) throw new AppError('BANK_UPLOAD_UNKNOWN');
  const parts = await db
    .select({ content: bankUploadParts.content })
    .from(bankUploadParts)
    .where(eq(bankUploadParts.uploadId, uploadId))
    .orderBy(asc(bankUploadParts.part));
  return { upload, content: parts.map((p) => p.content).join('') };
}

/** An import consumes its upload: the parts are not kept twice (the lines keep their raw data). */
export async function dropBankUpload(db: Db, uploadId: string) {
  await db.delete(bankUploads).where(eq(bankUploads.id, uploadId));
}
