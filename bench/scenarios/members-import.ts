import { sql } from 'drizzle-orm';
import { checkMemberImport, suggestImportMapping } from '../../src/core/members/check-member-import.ts';
import { parseCsv } from '../../src/core/members/parse-csv.ts';
import { systemActor } from '../../src/server/audit/actor.ts';
import { queryRows } from '../../src/server/db/query-rows.ts';
import { bulkWriteMembers } from '../../src/server/members/bulk-write-members.ts';
import { importMembers, toPreparedMembers } from '../../src/server/members/import-members.ts';
import { createAccount } from '../../src/server/people/create-account.ts';
import type { BenchRow, Scenario } from '../harness/bench-types.ts';
import { membersBenchToday, openMembersBenchCooperative } from './members-bench-cooperative.ts';

/** A cooperative's export: one line per member with journey dates, activities, two-person groups. */
function exportFile(count: number, offset: number): string {
  const lines = [
    'Nom;Prénom;Courriel;Ville;Métiers;Référent;Réunion d’information;Début CAPE;Fin CAPE;Renouvellement 1;Début CESA;Fin période d’essai;Part fixe;Date associé;Date de sortie;Motif de sortie;Code activité;Activité;Part activité',
  ];
  for (let i = 0; i < count; i++) {
    const n = offset + i;
    const day = String((i % 28) + 1).padStart(2, '0');
    const journey =
      i % 4 === 0
        ? `05/01/2024;01/02/2024;31/01/2025;;01/02/2025;;${100 + (i % 50)};;;`
        : i % 4 === 1
          ? `05/01/2025;${day}/03/2025;${day}/02/2026;;;;;;;`
          : i % 4 === 2
            ? `;;;;${day}/06/2022;;300;${day}/01/2024;;`
            : `;;;;${day}/06/2021;;;;31/12/2024;Démission`;
    const activity = i % 10 < 2 ? `G${n - (i % 2)};Groupe ${n - (i % 2)};50` : `I${n};Activité ${n};`;
    lines.push(
      `Nom${n};Prénom${n};m${n}@import.coop;Ville${i % 40};Graphiste;bench-support@import.coop;${journey};${activity}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Issue 3, CSV import: a 650-member export (the size of Coopaname) imported all-or-nothing through the use
 * case (decode, parse, map, check every line and every journey, check the database, write), into a
 * cooperative that already holds 10 000 members (2 000 with --quick); baseline = the bulk writer alone on
 * as many lines already checked. Also the rate on a 5 000-line file.
 */
export const membersImport: Scenario = {
  name: 'members-import',
  issue: 3,
  description:
    'value = ms to import a 650-line (and 5 000-line) CSV export through the import use case (decode, parse, check lines, journeys and database, write members, journeys and activities); baseline = ms for the bulk writer alone on as many already-checked lines (members and journeys, no activities), same run.',
  async run(env) {
    const existing = env.quick ? 2_000 : 10_000;
    const { ctx } = await openMembersBenchCooperative(await env.freshStorage(), existing, env.progress);
    try {
      const support = await createAccount(ctx, {
        email: 'bench-support@import.coop',
        name: 'Bench Support',
        password: 'bench-password-123',
        roles: ['support'],
      });
      const rows: BenchRow[] = [];
      let offset = 0;
      for (const size of env.quick ? [650] : [650, 5_000]) {
        const file = Buffer.from(exportFile(size, offset), 'utf8').toString('base64');
        offset += size;
        env.progress(`  importing ${size} lines`);
        const t = performance.now();
        const result = await importMembers(ctx, systemActor, { fileBase64: file }, 'fr');
        const importMs = performance.now() - t;
        if (result.imported !== size) throw new Error(`imported ${result.imported} of ${size}`);
        // Baseline: as many lines of the same export, already checked, written by the bulk writer alone.
        const text = exportFile(size, offset);
        offset += size;
        const { header, records } = parseCsv(text);
        const { members: good } = checkMemberImport(
          header,
          records,
          suggestImportMapping(header),
          membersBenchToday,
        );
        const prepared = toPreparedMembers(
          good,
          new Map([['bench-support@import.coop', support.id]]),
          new Date(),
        );
        env.progress(`  bulk-writing ${size} checked lines`);
        const w = performance.now();
        await ctx.db.transaction((tx) => bulkWriteMembers(tx, prepared, null));
        const rawMs = performance.now() - w;
        rows.push({
          metric: `import ${size} CSV lines, all checks (vs bulk write of checked lines)`,
          unit: 'ms',
          value: importMs,
          baseline: rawMs,
        });
        rows.push({
          metric: `import rate in members per second, ${size}-line file`,
          unit: 'count',
          value: Math.round((size * 1000) / importMs),
          baseline: null,
        });
      }
      const [n] = await queryRows<{ n: number }>(ctx.db, sql`SELECT count(*)::int AS n FROM members`);
      env.progress(`  ${n!.n} members in the cooperative`);
      return rows;
    } finally {
      await ctx.database.close();
    }
  },
};
