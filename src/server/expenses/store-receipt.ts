import { AppError } from '../../core/errors/app-error.ts';
import { receiptMaxBytes, sniffReceiptType } from '../../core/expenses/sniff-receipt-type.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { storeFile } from '../files/store-file.ts';

/**
 * Stores a receipt or a supplier invoice's PDF once, under its SHA-256 (architecture.md: files live in the
 * database). Checked before anything is written: at most 10 MiB, and a JPEG, PNG, WebP or HEIC photo or a PDF
 * by its first bytes. A refused file stores nothing.
 */
export async function storeReceipt(ctx: AppContext, actor: Actor, bytes: Uint8Array) {
  if (bytes.byteLength > receiptMaxBytes)
    throw new AppError('EXPENSE_RECEIPT_TOO_LARGE', { limit: '10 Mio' });
  const mediaType = sniffReceiptType(bytes);
  if (!mediaType) throw new AppError('EXPENSE_RECEIPT_TYPE');
  return ctx.db.transaction(async (tx) => {
    const sha256 = await storeFile(tx, bytes, mediaType);
    await recordAudit(tx, actor, {
      action: 'expense.receipt.upload',
      objectType: 'file',
      objectId: sha256,
      changes: { mediaType, sizeBytes: bytes.byteLength },
    });
    return { sha256, mediaType, sizeBytes: bytes.byteLength };
  });
}
