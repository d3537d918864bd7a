import { eq } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { storeFile } from '../files/store-file.ts';
import { assemblies, assemblyDocuments } from './governance-tables.ts';

export const documentMaxBytes = 10 * 1024 * 1024;

/** Attaches a PDF to an assembly (accounts, reports, draft statutes), sent with or after the notice. */
export async function addAssemblyDocument(
  ctx: AppContext,
  actor: Actor,
  assemblyId: string,
  name: string,
  bytes: Uint8Array,
) {
  const clean = name.trim().slice(0, 200);
  const isPdf = bytes.byteLength > 4 && Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';
  if (!clean || !isPdf || bytes.byteLength > documentMaxBytes)
    throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'document', key: 'document.pdf' }] });
  return ctx.db.transaction(async (tx) => {
    const [a] = await tx.select().from(assemblies).where(eq(assemblies.id, assemblyId)).for('update');
    if (!a) throw new AppError('NOT_FOUND');
    if (a.status !== 'draft' && a.status !== 'convened') throw new AppError('ASSEMBLY_NOT_DRAFT');
    const sha256 = await storeFile(tx, bytes, 'application/pdf');
    await tx
      .insert(assemblyDocuments)
      .values({ assemblyId, sha256, name: clean, addedAt: ctx.now() })
      .onConflictDoNothing();
    await recordAudit(tx, actor, {
      action: 'governance.assembly.document',
      objectType: 'assembly',
      objectId: assemblyId,
      changes: { name: clean, sha256 },
    });
    return { sha256, name: clean };
  });
}
