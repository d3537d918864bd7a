import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../core/access/roles.ts';
import { createAccount } from '../people/create-account.ts';
import { createTestContext, type TestContext } from '../testing/create-test-context.ts';
import { seedTestPeople, testPassword } from '../testing/seed-test-people.ts';
import { createTestClient, type TestClient } from '../testing/test-client.ts';

const roles: Role[] = ['admin', 'manager', 'accountant', 'support', 'member'];
let ctx: TestContext;
let people: Awaited<ReturnType<typeof seedTestPeople>>;
const clients = {} as Record<Role, TestClient>;
let anonymous: TestClient;
/** The member role's own file and activity, and someone else's. */
const ids = { own: '', other: '', ownActivity: '', otherActivity: '', otherEntry: '', ownEntry: '' };

beforeAll(async () => {
  ctx = await createTestContext();
  people = await seedTestPeople(ctx);
  for (const role of roles) {
    clients[role] = createTestClient(ctx);
    await clients[role].logIn(`${role}@test.coop`, testPassword);
  }
  anonymous = createTestClient(ctx);
  const s = clients.support;
  const member = async (extra: object) =>
    (
      await s.post('/members', {
        firstName: 'Alix',
        lastName: 'Test',
        referentId: people.support.id,
        ...extra,
      })
    ).body.id;
  ids.own = await member({ userId: people.member.id, email: 'member@test.coop' });
  ids.other = await member({
    email: 'other@test.coop',
    profile: { published: true, headline: '', bio: '', showEmail: false },
  });
  for (const id of [ids.own, ids.other]) {
    const cesa = await s.post(`/members/${id}/journey`, {
      kind: 'cesa',
      start: '2025-01-01',
      trialEnd: null,
      fixedMonthlyCents: 10_000,
    });
    expect(cesa.status).toBe(201);
    if (id === ids.own) ids.ownEntry = cesa.body.entry.id;
    else ids.otherEntry = cesa.body.entry.id;
  }
  const activity = async (code: string, memberId: string) =>
    (
      await s.post('/activities', {
        code,
        name: code,
        referentId: people.support.id,
        members: { from: '2025-01-01', shares: [{ memberId, shareBp: 10_000 }] },
      })
    ).body.id;
  ids.ownActivity = await activity('OWN', ids.own);
  ids.otherActivity = await activity('OTHER', ids.other);
});
afterAll(() => ctx.close());

type Expect = Record<Role, number>;
const staffRead: Expect = { admin: 200, manager: 200, accountant: 200, support: 200, member: 404 };
const manage = (ok: number): Expect => ({
  admin: ok,
  manager: 403,
  accountant: 403,
  support: ok,
  member: 404,
});
const listRead: Expect = { admin: 200, manager: 200, accountant: 200, support: 200, member: 403 };
const onlyManagers = (ok: number): Expect => ({
  admin: ok,
  manager: 403,
  accountant: 403,
  support: ok,
  member: 403,
});
const everyone = (ok: number): Expect => ({
  admin: ok,
  manager: ok,
  accountant: ok,
  support: ok,
  member: ok,
});
/** /me/member… routes belong to the member role; staff accounts have no member file. */
const self = (memberStatus: number): Expect => ({
  admin: 403,
  manager: 403,
  accountant: 403,
  support: 403,
  member: memberStatus,
});

let n = 0;
const csv = (role: Role) =>
  Buffer.from(`Nom;Prénom;Courriel\nImport;${role};import-${role}-${++n}@test.coop\n`).toString('base64');
const interview = async () =>
  (
    await clients.support.post(`/members/${ids.other}/journey`, {
      kind: 'support_interview',
      on: '2025-06-01',
    })
  ).body.entry.id;

/** Every route of the feature, called with someone else's ids. */
const routes: {
  name: string;
  call: (c: TestClient, role: Role) => Promise<{ status: number; body: any }>;
  expect: Expect;
}[] = [
  { name: 'GET /members', call: (c) => c.get('/members'), expect: listRead },
  {
    name: 'POST /members',
    call: (c) => c.post('/members', { firstName: 'New', lastName: 'Member' }),
    expect: onlyManagers(201),
  },
  { name: 'GET /members/alerts', call: (c) => c.get('/members/alerts'), expect: listRead },
  { name: 'GET /members/referents', call: (c) => c.get('/members/referents'), expect: listRead },
  {
    name: 'POST /members/import/check',
    call: (c, r) => c.post('/members/import/check', { fileBase64: csv(r) }),
    expect: onlyManagers(200),
  },
  {
    name: 'POST /members/import',
    call: (c, r) => c.post('/members/import', { fileBase64: csv(r) }),
    expect: onlyManagers(201),
  },
  { name: 'GET /directory', call: (c) => c.get('/directory'), expect: everyone(200) },
  { name: 'GET /members/{id}', call: (c) => c.get(`/members/${ids.other}`), expect: staffRead },
  {
    name: 'PATCH /members/{id}',
    call: (c) => c.patch(`/members/${ids.other}`, { phone: '0102030405' }),
    expect: manage(200),
  },
  {
    name: 'GET /members/{id}/restricted',
    call: (c) => c.get(`/members/${ids.other}/restricted`),
    expect: manage(200),
  },
  {
    name: 'PUT /members/{id}/restricted',
    call: (c) => c.put(`/members/${ids.other}/restricted`, { benefitStatus: 'are' }),
    expect: manage(200),
  },
  {
    name: 'GET /members/{id}/journey',
    call: (c) => c.get(`/members/${ids.other}/journey`),
    expect: staffRead,
  },
  {
    name: 'POST /members/{id}/journey',
    call: (c) => c.post(`/members/${ids.other}/journey`, { kind: 'support_interview', on: '2025-07-01' }),
    expect: manage(201),
  },
  {
    name: 'PUT /members/{id}/journey/{entryId}',
    call: (c) =>
      c.put(`/members/${ids.other}/journey/${ids.otherEntry}`, {
        kind: 'cesa',
        start: '2025-01-01',
        trialEnd: null,
        fixedMonthlyCents: 12_000,
      }),
    expect: manage(200),
  },
  {
    name: 'DELETE /members/{id}/journey/{entryId}',
    call: async (c) => c.delete(`/members/${ids.other}/journey/${await interview()}`),
    expect: manage(200),
  },
  {
    name: 'GET /members/{id}/activities',
    call: (c) => c.get(`/members/${ids.other}/activities`),
    expect: staffRead,
  },
  { name: 'GET /activities', call: (c) => c.get('/activities'), expect: listRead },
  {
    name: 'POST /activities',
    call: (c, r) =>
      c.post('/activities', { code: `NEW-${r.toUpperCase()}`, name: 'New', referentId: people.support.id }),
    expect: onlyManagers(201),
  },
  { name: 'GET /activities/{id}', call: (c) => c.get(`/activities/${ids.otherActivity}`), expect: staffRead },
  {
    name: 'PATCH /activities/{id}',
    call: (c) => c.patch(`/activities/${ids.otherActivity}`, { brand: 'Enseigne' }),
    expect: manage(200),
  },
  {
    name: 'PUT /activities/{id}/members',
    call: (c) =>
      c.put(`/activities/${ids.otherActivity}/members`, {
        from: '2026-01-01',
        shares: [{ memberId: ids.other, shareBp: 10_000 }],
      }),
    expect: manage(200),
  },
  { name: 'GET /me/member', call: (c) => c.get('/me/member'), expect: self(200) },
  {
    name: 'PATCH /me/member',
    call: (c) => c.patch('/me/member', { phone: '0607080910' }),
    expect: self(200),
  },
  { name: 'GET /me/member/restricted', call: (c) => c.get('/me/member/restricted'), expect: self(200) },
  {
    name: 'PUT /me/member/restricted',
    call: (c) => c.put('/me/member/restricted', { disabilityRecognized: true }),
    expect: self(200),
  },
  { name: 'GET /me/member/journey', call: (c) => c.get('/me/member/journey'), expect: self(200) },
  { name: 'GET /me/activities', call: (c) => c.get('/me/activities'), expect: self(200) },
];

describe('rights matrix: every route × every role × someone else’s ids', () => {
  for (const route of routes) {
    it(`${route.name}`, async () => {
      const got = {} as Record<Role, number>;
      for (const role of roles) got[role] = (await route.call(clients[role], role)).status;
      expect(got).toEqual(route.expect);
      expect((await route.call(anonymous, 'member')).status).toBe(401);
    });
  }

  it('answers a member asking for someone else’s record exactly as for one that does not exist', async () => {
    const member = clients.member;
    for (const path of [
      '/members/{id}',
      '/members/{id}/journey',
      '/members/{id}/restricted',
      '/members/{id}/activities',
    ]) {
      const other = await member.get(path.replace('{id}', ids.other));
      const missing = await member.get(path.replace('{id}', randomUUID()));
      expect(other.status).toBe(404);
      expect(other.body).toEqual(missing.body);
    }
    const a = await member.get(`/activities/${ids.otherActivity}`);
    const b = await member.get(`/activities/${randomUUID()}`);
    expect(a.body).toEqual(b.body);
    const p = await member.patch(`/members/${ids.other}`, { phone: '1' });
    const q = await member.patch(`/members/${randomUUID()}`, { phone: '1' });
    expect([p.status, q.status]).toEqual([404, 404]);
    expect(p.body).toEqual(q.body);
  });

  it('lets a member read their own file, journey and activities, correct their file, not their journey', async () => {
    const m = clients.member;
    expect((await m.get(`/members/${ids.own}`)).status).toBe(200);
    expect((await m.get(`/members/${ids.own}/journey`)).status).toBe(200);
    expect((await m.get(`/members/${ids.own}/restricted`)).status).toBe(200);
    expect((await m.put(`/members/${ids.own}/restricted`, { otherEmployment: 'Mi-temps' })).status).toBe(200);
    expect((await m.get(`/members/${ids.own}/activities`)).body.items.map((a: any) => a.code)).toEqual([
      'OWN',
    ]);
    expect((await m.get(`/activities/${ids.ownActivity}`)).status).toBe(200);
    expect((await m.get('/me/activities')).body.items.map((a: any) => a.code)).toEqual(['OWN']);
    // Their file, yes; their stage, their referent, their account link, their activity: no.
    expect((await m.patch(`/members/${ids.own}`, { phone: '1' })).status).toBe(403);
    expect((await m.patch('/me/member', { referentId: people.admin.id })).status).toBe(422);
    expect(
      (await m.post(`/members/${ids.own}/journey`, { kind: 'associate', on: '2026-01-01' })).status,
    ).toBe(403);
    expect((await m.delete(`/members/${ids.own}/journey/${ids.ownEntry}`)).status).toBe(403);
    expect((await m.patch(`/activities/${ids.ownActivity}`, { name: 'Mine' })).status).toBe(403);
    const mine = await m.patch('/me/member', {
      trades: ['Magicienne'],
      profile: { published: true, headline: 'Magie close-up', bio: '', showEmail: true },
    });
    expect(mine.status).toBe(200);
    expect(mine.body.trades).toEqual(['Magicienne']);
  });

  it('answers 404 to a member whose account has no member file yet', async () => {
    await createAccount(ctx, {
      email: 'newcomer@test.coop',
      name: 'Newcomer',
      password: testPassword,
      roles: ['member'],
    });
    const c = createTestClient(ctx);
    await c.logIn('newcomer@test.coop', testPassword);
    for (const path of ['/me/member', '/me/member/journey', '/me/member/restricted'])
      expect((await c.get(path)).status).toBe(404);
    expect((await c.get('/me/activities')).body).toEqual({ items: [], total: 0 });
  });
});
