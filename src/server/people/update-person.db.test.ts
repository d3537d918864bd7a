import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../audit/actor.ts';
import { auditLog } from '../audit/audit-tables.ts';
import { createTestContext, type TestContext } from '../testing/create-test-context.ts';
import { seedTestPeople, testPassword } from '../testing/seed-test-people.ts';
import { createTestClient, type TestClient } from '../testing/test-client.ts';
import { createAccount } from './create-account.ts';
import { sessions, users } from './people-tables.ts';
import { updatePerson } from './update-person.ts';

let ctx: TestContext;
let people: Awaited<ReturnType<typeof seedTestPeople>>;
let admin: TestClient;

beforeAll(async () => {
  ctx = await createTestContext();
  people = await seedTestPeople(ctx);
  admin = createTestClient(ctx, { ip: '10.5.0.1' });
  await admin.logIn('admin@test.coop', testPassword);
});
afterAll(() => ctx.close());

let n = 0;
async function someone(roles: ('member' | 'admin' | 'support')[] = ['member']) {
  const email = `p${++n}@test.coop`;
  const user = await createAccount(ctx, { email, name: `Person ${n}`, password: testPassword, roles });
  const client = createTestClient(ctx, { ip: `10.5.${n}.1` });
  await client.logIn(email, testPassword);
  return { user, email, client };
}

describe('people administration', () => {
  it('lists people, filtered by text, role and state, page by page', async () => {
    const all = await admin.get('/people?pageSize=2&page=1');
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(2);
    expect(all.body.total).toBeGreaterThanOrEqual(5);
    const page2 = await admin.get('/people?pageSize=2&page=2');
    expect(page2.body.items[0].id).not.toBe(all.body.items[0].id);
    const accountants = await admin.get('/people?role=accountant');
    expect(accountants.body.items.map((p: { email: string }) => p.email)).toEqual(['accountant@test.coop']);
    const found = await admin.get('/people?q=SUPPORT@');
    expect(found.body.items.map((p: { email: string }) => p.email)).toEqual(['support@test.coop']);
    expect((await admin.get('/people?role=boss')).status).toBe(422);
    expect(JSON.stringify(all.body)).not.toMatch(/password/i);
  });

  it('lets support and managers read the list, but not change anyone', async () => {
    for (const role of ['support', 'manager'] as const) {
      const c = createTestClient(ctx, { ip: `10.5.99.${role.length}` });
      await c.logIn(`${role}@test.coop`, testPassword);
      expect((await c.get('/people')).status).toBe(200);
      const res = await c.patch(`/people/${people.member.id}`, { roles: ['admin'] });
      expect(res.status).toBe(403);
    }
    const member = createTestClient(ctx, { ip: '10.5.99.99' });
    await member.logIn('member@test.coop', testPassword);
    expect((await member.get('/people')).status).toBe(403);
    const [row] = await ctx.db.select().from(users).where(eq(users.id, people.member.id));
    expect(row!.roles).toEqual(['member']);
  });

  it('changes roles; the person’s next request sees them, and the audit log records the change', async () => {
    const { user, client } = await someone();
    const res = await admin.patch(`/people/${user.id}`, { roles: ['member', 'support', 'support'] });
    expect(res.status).toBe(200);
    expect(res.body.roles).toEqual(['member', 'support']);
    expect((await client.get('/me')).body.permissions).toContain('people.read');
    const [audit] = await ctx.db.select().from(auditLog).where(eq(auditLog.objectId, user.id));
    const change = (await ctx.db.select().from(auditLog).where(eq(auditLog.action, 'user.update'))).find(
      (a) => a.objectId === user.id,
    );
    expect(audit).toBeDefined();
    expect(change!.changes).toEqual({ roles: { from: ['member'], to: ['member', 'support'] } });
  });

  it('refuses an unknown role and an empty role list', async () => {
    const { user } = await someone();
    expect((await admin.patch(`/people/${user.id}`, { roles: ['boss'] })).status).toBe(422);
    expect((await admin.patch(`/people/${user.id}`, { roles: [] })).status).toBe(422);
    expect((await admin.patch(`/people/${user.id}`, { name: 'x' })).status).toBe(422);
  });

  it('disabling someone ends their sessions and stops their log-ins', async () => {
    const { user, email, client } = await someone();
    const res = await admin.patch(`/people/${user.id}`, { active: false });
    expect(res.status).toBe(200);
    expect(res.body.active).toBe(false);
    expect((await client.get('/me')).status).toBe(401);
    const live = (await ctx.db.select().from(sessions).where(eq(sessions.userId, user.id))).filter(
      (s) => s.revokedAt === null,
    );
    expect(live).toEqual([]);
    const login = await createTestClient(ctx).post('/auth/login', { email, password: testPassword });
    expect(login.status).toBe(401);
    expect((await admin.patch(`/people/${user.id}`, { active: true })).status).toBe(200);
    expect((await createTestClient(ctx).post('/auth/login', { email, password: testPassword })).status).toBe(
      200,
    );
  });

  it('answers 404 for someone who does not exist', async () => {
    const res = await admin.patch('/people/00000000-0000-4000-8000-000000000000', { active: false });
    expect(res.status).toBe(404);
  });

  it('never leaves the cooperative without an active administrator', async () => {
    const other = await someone(['admin']);
    expect((await admin.patch(`/people/${other.user.id}`, { active: false })).status).toBe(200);
    for (const body of [{ active: false }, { roles: ['member'] }]) {
      const res = await admin.patch(`/people/${people.admin.id}`, body);
      expect(res.status, JSON.stringify(body)).toBe(409);
      expect(res.body.code).toBe('LAST_ADMIN');
    }
    const [me] = await ctx.db.select().from(users).where(eq(users.id, people.admin.id));
    expect(me).toMatchObject({ active: true, roles: ['admin'] });
    expect((await admin.patch(`/people/${other.user.id}`, { active: true })).status).toBe(200);
  });

  it('lets only one of two administrators who demote each other at the same moment succeed', async () => {
    const a = await someone(['admin']);
    const b = await someone(['admin']);
    // Leave exactly a and b as active administrators.
    await ctx.db
      .update(users)
      .set({ roles: ['member'] })
      .where(eq(users.id, people.admin.id));
    const others = await ctx.db.select().from(users);
    for (const u of others)
      if (u.roles.includes('admin') && u.id !== a.user.id && u.id !== b.user.id)
        await ctx.db.update(users).set({ active: false }).where(eq(users.id, u.id));
    const results = await Promise.allSettled([
      updatePerson(ctx, systemActor, a.user.id, { roles: ['member'] }),
      updatePerson(ctx, systemActor, b.user.id, { roles: ['member'] }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason.code, String(rejected.reason)).toBe('LAST_ADMIN');
    const admins = (await ctx.db.select().from(users)).filter((u) => u.active && u.roles.includes('admin'));
    expect(admins).toHaveLength(1);
  });
});
