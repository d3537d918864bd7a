import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/query-rows.ts';
import { createTestContext, type TestContext } from '../testing/create-test-context.ts';
import { seedTestPeople, testPassword } from '../testing/seed-test-people.ts';
import { createTestClient, type TestClient } from '../testing/test-client.ts';
import { seedAssociates } from './governance-test-fixture.ts';

let ctx: TestContext;
let admin: TestClient;
let manager: TestClient;
let accountant: TestClient;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedTestPeople(ctx);
  admin = createTestClient(ctx, { ip: '10.11.0.1' });
  await admin.logIn('admin@test.coop', testPassword);
  manager = createTestClient(ctx, { ip: '10.11.0.2' });
  await manager.logIn('manager@test.coop', testPassword);
  accountant = createTestClient(ctx, { ip: '10.11.0.3' });
  await accountant.logIn('accountant@test.coop', testPassword);
});
afterAll(() => ctx.close());

const majority = { fraction: { num: 1, den: 2 }, strict: true, base: 'votesCast' };

describe('governance settings through the API', () => {
  it('starts from the legal defaults of the legal form, and refuses statutes that loosen them', async () => {
    const res = await accountant.get('/governance/settings');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      legalForm: 'SCOP_SA',
      customized: false,
      settings: { noticeDays: { first: 15, second: 10 }, postalVoting: true, nominalCents: 2500 },
    });
    const loose = structuredClone(res.body.settings);
    loose.rules.extraordinary.first.quorum.fraction = { num: 1, den: 5 };
    loose.noticeDays.first = 10;
    const refused = await manager.put('/governance/settings', loose);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('GOVERNANCE_SETTINGS_LOOSER');
    expect(refused.body.detail).toContain('rules.extraordinary.first.quorum, noticeDays.first');
    expect((await accountant.put('/governance/settings', res.body.settings)).status).toBe(403);
    const tighter = structuredClone(res.body.settings);
    tighter.noticeDays.first = 21;
    tighter.nominalCents = 5000;
    const saved = await manager.put('/governance/settings', tighter);
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toMatchObject({
      customized: true,
      settings: { noticeDays: { first: 21 }, nominalCents: 5000 },
    });
  });

  it('applies the statutes’ longer notice: 20 days before a first call is then too late', async () => {
    await seedAssociates(ctx, { voters: 0, others: 3 });
    const a = await manager.post('/governance/assemblies', {
      title: 'AGO',
      type: 'ordinary',
      call: 'first',
      meetingOn: '2026-03-22',
      place: 'Siège',
      resolutions: [{ title: 'Comptes', majority }],
    });
    const res = await manager.post(`/governance/assemblies/${a.body.id}/convene`);
    expect(res.body.code).toBe('NOTICE_TOO_LATE');
    expect(res.body.detail).toContain('il faut 21 jours');
  });

  it('admits associates into the colleges of a SCIC only, and drops colleges when the form is no longer a SCIC', async () => {
    const identity = (await admin.get('/cooperative')).body;
    const { legalFormLabel: _l, logoUrl: _u, updatedAt: _t, ...rest } = identity;
    expect((await admin.put('/cooperative', { ...rest, legalForm: 'SCIC_SA' })).status).toBe(200);
    const settings = (await manager.get('/governance/settings')).body.settings;
    const colleges = [
      { key: 'salaries', label: 'Salarié·es', weightBp: 5000 },
      { key: 'usagers', label: 'Usagers', weightBp: 3000 },
      { key: 'partenaires', label: 'Partenaires', weightBp: 2000 },
    ];
    expect((await manager.put('/governance/settings', { ...settings, colleges })).status).toBe(200);
    const base = {
      category: 'other',
      admittedOn: '2026-01-10',
      admissionDecision: 'Conseil du 10/01/2026',
      shares: 2,
    };
    const unknown = await manager.post('/governance/associates', {
      ...base,
      name: 'Sans collège',
      college: 'inconnu',
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.code).toBe('ASSOCIATE_COLLEGE_INVALID');
    const ok = await manager.post('/governance/associates', {
      ...base,
      name: 'Usager Un',
      college: 'usagers',
    });
    expect(ok.status, ok.text).toBe(201);
    expect(ok.body).toMatchObject({ college: 'usagers', shares: 0 });
    expect(ok.body.subscriptions[0]).toMatchObject({ shares: 2, nominalCents: 5000, amountCents: 10_000 });
    // Back to a SCOP: colleges no longer fit the legal form, so the legal defaults apply again.
    expect((await admin.put('/cooperative', { ...rest, legalForm: 'SCOP_SA' })).status).toBe(200);
    expect((await manager.get('/governance/settings')).body).toMatchObject({
      customized: false,
      settings: { colleges: [] },
    });
  });

  it('attaches PDF documents to a prepared assembly and serves them to associates once convened', async () => {
    const a = await manager.post('/governance/assemblies', {
      title: 'AGE statuts',
      type: 'extraordinary',
      call: 'first',
      meetingOn: '2026-04-30',
      onlineUrl: 'https://visio.example.coop/age',
      resolutions: [
        {
          title: 'Nouveaux statuts',
          majority: { fraction: { num: 2, den: 3 }, strict: false, base: 'votesCast' },
        },
      ],
    });
    expect(a.status, a.text).toBe(201);
    const pdf = new TextEncoder().encode('%PDF-1.4\n% projet de statuts\n');
    const up = await manager.post(
      `/governance/assemblies/${a.body.id}/documents?name=Projet%20de%20statuts`,
      pdf,
      { headers: { 'content-type': 'application/pdf' } },
    );
    expect(up.status, up.text).toBe(201);
    const notPdf = await manager.post(
      `/governance/assemblies/${a.body.id}/documents?name=x`,
      new TextEncoder().encode('hello'),
      { headers: { 'content-type': 'application/pdf' } },
    );
    expect(notPdf.status).toBe(422);
    const view = (await manager.get(`/governance/assemblies/${a.body.id}`)).body;
    expect(view.documents).toEqual([{ name: 'Projet de statuts', sha256: up.body.sha256 }]);
    const file = await manager.get(`/governance/assemblies/${a.body.id}/documents/${up.body.sha256}`);
    expect(file.status).toBe(200);
    expect(file.text).toContain('projet de statuts');
    const [row] = await queryRows<{ n: number }>(
      ctx.db,
      sql`SELECT count(*)::int AS n FROM assembly_documents`,
    );
    expect(Number(row!.n)).toBe(1);
  });
});
