import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { files } from './files-tables.ts';

/** Stores bytes once under their SHA-256, in the caller's transaction. Returns the hash. */
export async function storeFile(db: Db, bytes: Uint8Array, mediaType: string): Promise<string> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await db
    .insert(files)
    .values({ sha256, mediaType, sizeBytes: bytes.byteLength, bytes })
    .onConflictDoNothing({ target: files.sha256 });
  return sha256;
}

export async function readFile(db: Db, sha256: string) {
  if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
  const [row] = await db.select().from(files).where(eq(files.sha256, sha256)).limit(1);
  return row ?? null;
}
