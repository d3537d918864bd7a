import { once } from 'node:events';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';
import { prepareFec } from './stream-fec.ts';

/**
 * `mutua fec --year YYYY --out DIR`: writes the FEC of the fiscal year ending in YYYY, and its description
 * file, into DIR; streamed to disk with back-pressure so that memory stays flat whatever the size.
 */
export async function writeFecFiles(db: Db, endYear: number, outDir: string) {
  const years = await queryRows<{ id: number }>(
    db,
    sql`SELECT id FROM fiscal_years WHERE extract(year FROM end_date) = ${endYear} ORDER BY end_date`,
  );
  if (years.length !== 1) throw new AppError('NOT_FOUND');
  const fec = await prepareFec(db, Number(years[0]!.id));
  mkdirSync(outDir, { recursive: true });
  const path = join(outDir, fec.fileName);
  const out = createWriteStream(path, { encoding: 'utf8' });
  for await (const chunk of fec.chunks()) if (!out.write(chunk)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
  const descriptionPath = join(outDir, fec.descriptionFileName);
  writeFileSync(descriptionPath, fec.description, 'utf8');
  return { path, descriptionPath, lineCount: fec.lineCount };
}
