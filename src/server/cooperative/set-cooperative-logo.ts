import { eq } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { storeFile } from '../files/store-file.ts';
import { cooperative } from './cooperative-tables.ts';

export const logoMaxBytes = 512 * 1024;
export const logoMediaTypes = ['image/png', 'image/jpeg', 'image/svg+xml'] as const;

/** Detects the image type from its first bytes, never from what the browser claims. */
export function sniffImageType(bytes: Uint8Array): (typeof logoMediaTypes)[number] | null {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  const head = new TextDecoder().decode(bytes.slice(0, 512)).trimStart();
  if (/^(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<svg[\s>]/s.test(head)) return 'image/svg+xml';
  return null;
}

export async function setCooperativeLogo(ctx: AppContext, actor: Actor, bytes: Uint8Array) {
  if (bytes.byteLength > logoMaxBytes) {
    throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'logo', key: 'logo.size' }] });
  }
  const mediaType = sniffImageType(bytes);
  if (!mediaType) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'logo', key: 'logo.type' }] });
  return ctx.db.transaction(async (tx) => {
    const [c] = await tx.select({ id: cooperative.id }).from(cooperative).limit(1);
    if (!c) throw new AppError('NOT_FOUND');
    const sha256 = await storeFile(tx, bytes, mediaType);
    await tx
      .update(cooperative)
      .set({ logoSha256: sha256, updatedAt: ctx.now() })
      .where(eq(cooperative.id, 1));
    await recordAudit(tx, actor, {
      action: 'cooperative.logo',
      objectType: 'cooperative',
      objectId: '1',
      changes: { logo: sha256 },
    });
    return sha256;
  });
}
