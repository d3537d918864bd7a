import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/query-rows.ts';
import { createTestContext, type TestContext } from '../testing/create-test-context.ts';
import { seedTestPeople, testPassword } from '../testing/seed-test-people.ts';
import { createTestClient, type TestClient } from '../testing/test-client.ts';

let ctx: TestContext;
let support: TestClient;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedTestPeople(ctx);
  support = createTestClient(ctx);
  await support.logIn('support@test.coop', testPassword);
});
afterAll(() => ctx.close());

const header =
  'Nom;Prénom;Courriel;Ville;Métiers;Référent;Réunion d’information;Début CAPE;Fin CAPE;Renouvellement 1;Début CESA;Fin période d’essai;Part fixe;Date associé;Date de sortie;Motif de sortie;Code activité;Activité;Part activité';
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const counts = async () =>
  (
    await queryRows<{ m: number; j: number; a: number; s: number }>(
      ctx.db,
      sql`SELECT (SELECT count(*)::int FROM members) AS m, (SELECT count(*)::int FROM journey_entries) AS j,
        (SELECT count(*)::int FROM activities) AS a, (SELECT count(*)::int FROM activity_members) AS s`,
    )
  )[0]!;

describe('CSV import', () => {
  it('dry-runs a file: suggested mapping, every bad line with its reason, nothing written', async () => {
    const file = [
      header,
      'Martin;Camille;camille@ex.fr;Paris;Graphiste;support@test.coop;05/09/2024;01/10/2024;31/03/2025;30/09/2025;01/10/2025;;150;;;;CMARTIN;Studio Camille;',
      'Durand;Léa;CAMILLE@ex.fr;;;;;;;;;;;;;;;;',
      'Petit;Jo;jo@ex.fr;;;;;31/02/2025;31/12/2025;;;;;;;;;;',
      'Roux;Ana;ana@ex.fr;;;;;01/01/2025;31/01/2026;;;;;;;;;;',
      'Blanc;Max;max@ex.fr;;;nobody@test.coop;;;;;;;;;;;;;',
    ].join('\r\n');
    const before = await counts();
    const res = await support.post('/members/import/check', { fileBase64: b64(file) });
    expect(res.status).toBe(200);
    expect(res.body.mapping).toMatchObject({ lastName: 'Nom', email: 'Courriel', capeStart: 'Début CAPE' });
    expect(res.body.totalLines).toBe(5);
    expect(res.body.validLines).toBe(1);
    expect(res.body.issues.map((i: any) => [i.line, i.code])).toEqual([
      [3, 'IMPORT_EMAIL_DUPLICATE'],
      [4, 'date.invalid'],
      [5, 'JOURNEY_CAPE_TOO_LONG'],
      [6, 'REFERENT_NOT_SUPPORT'],
    ]);
    expect(res.body.issues[0]).toMatchObject({
      column: 'Courriel',
      message: 'Cette adresse e-mail figure déjà ligne 2 du fichier.',
    });
    expect(res.body.issues[1]).toMatchObject({
      column: 'Début CAPE',
      message: expect.stringMatching(/^Date invalide/),
    });
    expect(res.body.preview).toEqual([
      {
        line: 2,
        displayName: 'Camille Martin',
        email: 'camille@ex.fr',
        stage: 'cesa',
        activityCode: 'CMARTIN',
      },
    ]);
    expect(await counts()).toEqual(before);

    // Committing the same file is refused as a whole, with every line listed.
    const commit = await support.post('/members/import', { fileBase64: b64(file) });
    expect(commit.status).toBe(422);
    expect(commit.body.code).toBe('IMPORT_REJECTED');
    expect(commit.body.detail).toBe('Le fichier contient 4 ligne(s) en erreur : rien n’a été importé.');
    expect(commit.body.errors.map((e: any) => e.path)).toEqual([
      'ligne 3 · Courriel',
      'ligne 4 · Début CAPE',
      'ligne 5',
      'ligne 6 · Référent',
    ]);
    expect(await counts()).toEqual(before);
  });

  it('refuses a file that is not UTF-8, or lacks a required column, importing nothing', async () => {
    const before = await counts();
    const latin1 = Buffer.from('Nom;Prénom;Courriel\nLefèvre;Zoé;zoe@ex.fr\n', 'latin1').toString('base64');
    for (const path of ['/members/import/check', '/members/import']) {
      const res = await support.post(path, { fileBase64: latin1 });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('IMPORT_ENCODING');
    }
    const noEmail = b64('Nom;Prénom;Ville\nMartin;Camille;Paris\n');
    const check = await support.post('/members/import/check', { fileBase64: noEmail });
    expect(check.body.issues).toEqual([
      expect.objectContaining({ line: null, code: 'IMPORT_COLUMNS_MISSING' }),
    ]);
    expect(check.body.issues[0].message).toContain('email');
    const commit = await support.post('/members/import', { fileBase64: noEmail });
    expect(commit.body.code).toBe('IMPORT_COLUMNS_MISSING');
    // A mapping naming a column the file does not have.
    const mapped = await support.post('/members/import', {
      fileBase64: b64('Nom;Prénom;Courriel\nMartin;Camille;c@ex.fr\n'),
      mapping: { lastName: 'Nom', firstName: 'Prénom', email: 'E-mail' },
    });
    expect(mapped.body.code).toBe('IMPORT_COLUMNS_MISSING');
    expect(mapped.body.detail).toContain('E-mail');
    expect(await counts()).toEqual(before);
  });

  it('refuses an address already used in the cooperative', async () => {
    await support.post('/members', { firstName: 'Déjà', lastName: 'Là', email: 'deja@ex.fr' });
    const res = await support.post('/members/import', {
      fileBase64: b64(`Nom;Prénom;Courriel\nLà;Déjà;DEJA@ex.fr\n`),
    });
    expect(res.body.code).toBe('IMPORT_REJECTED');
    expect(res.body.errors[0].message).toBe('Une fiche d’entrepreneur·e utilise déjà l’adresse deja@ex.fr.');
  });

  it('imports 650 members with journeys, activities and two cooperative groups, all at once', async () => {
    const lines = [header];
    const trades = [
      'Graphiste',
      'Rempailleuse de chaises',
      'Consultante',
      'E-commerçant',
      'Développeuse',
      'Magicien',
    ];
    for (let i = 0; i < 650; i++) {
      const day = String((i % 28) + 1).padStart(2, '0');
      const journey =
        i % 4 === 0
          ? `05/01/2024;01/02/2024;31/01/2025;;01/02/2025;;${100 + i};;;`
          : i % 4 === 1
            ? `05/01/2025;${day}/03/2025;${day}/02/2026;;;;;;;`
            : i % 4 === 2
              ? `;;;;${day}/06/2022;;300;${day}/01/2024;;`
              : `;;;;${day}/06/2021;;;;31/12/2024;Démission`;
      const group = i < 3 ? 'TRIO;Trio;' : i < 5 ? 'DUO;Duo;50' : `A${i};Activité ${i};`;
      lines.push(
        `Nom${i};Prénom${i};m${i}@big.coop;Ville${i % 40};${trades[i % 6]};support@test.coop;${journey};${group}`,
      );
    }
    const before = await counts();
    const started = performance.now();
    const res = await support.post('/members/import', { fileBase64: b64(lines.join('\n')) });
    const ms = performance.now() - started;
    expect(res.status, res.text.slice(0, 500)).toBe(201);
    expect(res.body).toEqual({ imported: 650, activities: 647 });
    const after = await counts();
    expect(after.m - before.m).toBe(650);
    expect(after.s - before.s).toBe(650);
    const trio = await queryRows<{ share_bp: number }>(
      ctx.db,
      sql`SELECT am.share_bp FROM activity_members am JOIN activities a ON a.id = am.activity_id WHERE a.code = 'TRIO' ORDER BY 1`,
    );
    expect(trio.map((r) => r.share_bp)).toEqual([3333, 3333, 3334]);
    const stages = await support.get('/members?stage=associate&pageSize=1');
    expect(stages.body.total).toBe(162);
    const [audit] = await queryRows<{ changes: any }>(
      ctx.db,
      sql`SELECT changes FROM audit_log WHERE action = 'members.import'`,
    );
    expect(audit!.changes.members).toBe(650);
    console.info(`import of 650 members: ${Math.round(ms)} ms on ${ctx.database.kind}`);
  });
});
