import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/query-rows.ts';
import { createTestContext, type TestContext } from '../testing/create-test-context.ts';
import { seedTestPeople, testPassword } from '../testing/seed-test-people.ts';
import { createTestClient, type TestClient } from '../testing/test-client.ts';

let ctx: TestContext;
let people: Awaited<ReturnType<typeof seedTestPeople>>;
let support: TestClient;
let admin: TestClient;
let member: TestClient;
let memberId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  people = await seedTestPeople(ctx);
  support = createTestClient(ctx);
  await support.logIn('support@test.coop', testPassword);
  admin = createTestClient(ctx);
  await admin.logIn('admin@test.coop', testPassword);
  member = createTestClient(ctx);
  await member.logIn('member@test.coop', testPassword);
  memberId = (
    await support.post('/members', {
      firstName: 'Léa',
      lastName: 'Durand',
      email: 'lea@test.coop',
      userId: people.member.id,
      referentId: people.support.id,
    })
  ).body.id;
});
afterAll(() => ctx.close());

const auditOf = (action: string) =>
  queryRows<{ actor_id: string | null; object_id: string; changes: Record<string, unknown> }>(
    ctx.db,
    sql`SELECT actor_id, object_id, changes FROM audit_log WHERE action = ${action} ORDER BY id`,
  );

describe('member files', () => {
  it('refuses a referent who is not support staff, a taken e-mail, an invalid IBAN', async () => {
    const notSupport = await support.post('/members', {
      firstName: 'A',
      lastName: 'B',
      referentId: people.admin.id,
    });
    expect(notSupport.status).toBe(422);
    expect(notSupport.body.code).toBe('REFERENT_NOT_SUPPORT');
    const taken = await support.post('/members', { firstName: 'A', lastName: 'B', email: 'LEA@test.coop' });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('MEMBER_EMAIL_TAKEN');
    const linked = await support.post('/members', {
      firstName: 'A',
      lastName: 'B',
      userId: people.member.id,
    });
    expect(linked.body.code).toBe('MEMBER_ACCOUNT_TAKEN');
    const iban = await member.patch('/me/member', { iban: 'FR76 3000 6000 0112 3456 7890 188' });
    expect(iban.status).toBe(422);
    expect(iban.body.errors).toEqual([
      { path: 'iban', message: 'IBAN invalide (clé de contrôle incorrecte).' },
    ]);
    const ok = await member.patch('/me/member', { iban: 'FR76 3000 6000 0112 3456 7890 189' });
    expect(ok.body.iban).toBe('FR7630006000011234567890189');
    // The audit log says the IBAN changed, never what it is.
    const [last] = (await auditOf('member.update.self')).slice(-1);
    expect(last!.changes).toEqual({ iban: 'changed' });
  });
});

describe('the restricted class', () => {
  it('is read by support and by the member themself, each read logged; never by management', async () => {
    const before = (await auditOf('member.restricted.read')).length;
    const put = await support.put(`/members/${memberId}/restricted`, {
      benefitStatus: 'are',
      socialSecurityNumber: '2 69 05 49 588 157 80',
      disabilityRecognized: true,
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ benefitStatus: 'are', socialSecurityNumber: '269054958815780' });
    expect((await support.get(`/members/${memberId}/restricted`)).body.disabilityRecognized).toBe(true);
    expect((await member.get('/me/member/restricted')).body.socialSecurityNumber).toBe('269054958815780');
    expect((await admin.get(`/members/${memberId}/restricted`)).status).toBe(200);
    const manager = createTestClient(ctx);
    await manager.logIn('manager@test.coop', testPassword);
    expect((await manager.get(`/members/${memberId}/restricted`)).status).toBe(403);
    // The member file itself never carries restricted data.
    expect(JSON.stringify((await manager.get(`/members/${memberId}`)).body)).not.toContain('269054958815780');

    const reads = (await auditOf('member.restricted.read')).slice(before);
    expect(reads.map((r) => r.actor_id)).toEqual([people.support.id, people.member.id, people.admin.id]);
    expect(reads.every((r) => r.object_id === memberId)).toBe(true);
    const [update] = await auditOf('member.restricted.update');
    expect(update!.changes).toEqual({
      fields: ['benefitStatus', 'disabilityRecognized', 'socialSecurityNumber'],
    });
    const all = await queryRows<{ changes: unknown }>(ctx.db, sql`SELECT changes FROM audit_log`);
    expect(JSON.stringify(all)).not.toContain('269054958815780');
  });

  it('refuses an invalid social security number', async () => {
    const res = await member.put('/me/member/restricted', { socialSecurityNumber: '2 69 05 49 588 157 81' });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].message).toMatch(/sécurité sociale/);
  });
});

describe('activities', () => {
  it('creates a cooperative group whose shares add up to 100 % at every date', async () => {
    const second = (await support.post('/members', { firstName: 'Paul', lastName: 'Roux' })).body.id;
    const bad = await support.post('/activities', {
      code: 'DUO',
      name: 'Duo',
      referentId: people.support.id,
      members: {
        from: '2026-01-01',
        shares: [
          { memberId, shareBp: 6_000 },
          { memberId: second, shareBp: 3_000 },
        ],
      },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('ACTIVITY_SHARES_INVALID');
    expect(bad.body.detail).toContain('90 %');
    const created = await support.post('/activities', {
      code: 'duo',
      name: 'Duo',
      brand: 'Duo & Cie',
      trade: 'Design',
      nafCode: '74.10z',
      referentId: people.support.id,
      members: { from: '2026-01-01', shares: [{ memberId, shareBp: 10_000 }] },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: 'DUO', nafCode: '74.10Z', isGroup: false });
    const group = await support.put(`/activities/${created.body.id}/members`, {
      from: '2026-02-01',
      shares: [
        { memberId, shareBp: 5_000 },
        { memberId: second, shareBp: 5_000 },
      ],
    });
    expect(group.status).toBe(200);
    expect(group.body.isGroup).toBe(true);
    expect(group.body.history.map((h: any) => [h.from, h.to, h.shareBp])).toEqual([
      ['2026-01-01', '2026-01-31', 10_000],
      ['2026-02-01', null, 5_000],
      ['2026-02-01', null, 5_000],
    ]);
    const past = await support.put(`/activities/${created.body.id}/members`, {
      from: '2026-01-15',
      shares: [{ memberId, shareBp: 10_000 }],
    });
    expect(past.body.code).toBe('ACTIVITY_SHARES_DATE');
    const dup = await support.post('/activities', {
      code: 'DUO',
      name: 'Again',
      referentId: people.support.id,
    });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('ACTIVITY_CODE_TAKEN');
    const noReferent = await support.post('/activities', { code: 'SOLO', name: 'Solo' });
    expect(noReferent.body.code).toBe('ACTIVITY_REFERENT_REQUIRED');
    const structure = await support.post('/activities', {
      code: 'STRUCT',
      name: 'Structure',
      kind: 'structure',
    });
    expect(structure.status).toBe(201);
    expect(
      (await support.post('/activities', { code: 'STRUCT2', name: 'S', kind: 'structure' })).body.code,
    ).toBe('ACTIVITY_STRUCTURE_EXISTS');
    // The member reads their activity; the list filter by activity status sees it.
    expect((await member.get(`/activities/${created.body.id}`)).body.members).toHaveLength(2);
    const active = await support.get('/members?activityStatus=active');
    expect(active.body.items.map((m: any) => m.id).sort()).toEqual([memberId, second].sort());
  });
});

describe('directory', () => {
  it('finds published profiles by trade, skill and town, shows e-mails only when chosen', async () => {
    const mk = async (
      firstName: string,
      trades: string[],
      skills: string[],
      city: string,
      published: boolean,
      showEmail: boolean,
    ) =>
      support.post('/members', {
        firstName,
        lastName: 'Annuaire',
        email: `${firstName
          .normalize('NFD')
          .replace(/\p{Diacritic}/gu, '')
          .toLowerCase()}@annuaire.coop`,
        trades,
        skills,
        city,
        profile: { published, headline: `${firstName} fait des choses`, bio: '', showEmail },
      });
    expect(
      (await mk('Zoé', ['Graphiste'], ['Illustration', 'Typographie'], 'Créteil', true, true)).status,
    ).toBe(201);
    await mk('Yann', ['Graphiste', 'Développeur'], ['React'], 'Paris', true, false);
    await mk('Xavier', ['Graphiste'], [], 'Paris', false, true);
    const graphistes = await member.get('/directory?trade=graphiste');
    expect(graphistes.body.items.map((p: any) => p.displayName)).toEqual(['Yann Annuaire', 'Zoé Annuaire']);
    expect(graphistes.body.items.map((p: any) => p.email)).toEqual([null, 'zoe@annuaire.coop']);
    expect((await member.get('/directory?town=creteil')).body.items.map((p: any) => p.displayName)).toEqual([
      'Zoé Annuaire',
    ]);
    expect((await member.get('/directory?skill=REACT')).body.total).toBe(1);
    // Free text never matches a hidden e-mail.
    expect((await member.get('/directory?q=yann@annuaire')).body.total).toBe(0);
    expect((await member.get('/directory?q=typographie')).body.total).toBe(1);
  });
});
