import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../audit/audit-tables.ts';
import { createTestContext, type TestContext } from '../testing/create-test-context.ts';
import { seedTestPeople, testPassword } from '../testing/seed-test-people.ts';
import { createTestClient } from '../testing/test-client.ts';
import { createAccount } from './create-account.ts';
import { sessions } from './people-tables.ts';

let ctx: TestContext;
let people: Awaited<ReturnType<typeof seedTestPeople>>;

beforeAll(async () => {
  ctx = await createTestContext();
  people = await seedTestPeople(ctx);
});
afterAll(() => ctx.close());

let n = 0;
/** A new member with two devices logged in. */
async function memberWithTwoDevices() {
  const email = `me${++n}@test.coop`;
  const user = await createAccount(ctx, { email, name: 'Before', password: testPassword, roles: ['member'] });
  const laptop = createTestClient(ctx, { ip: `10.4.${n}.1` });
  const phone = createTestClient(ctx, { ip: `10.4.${n}.2` });
  await laptop.logIn(email, testPassword);
  await phone.logIn(email, testPassword);
  return { user, email, laptop, phone };
}

describe('my account', () => {
  it('changes my name and language, and records what changed', async () => {
    const { user, laptop } = await memberWithTwoDevices();
    const res = await laptop.patch('/me', { name: '  Camille Renamed ', locale: 'en' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Camille Renamed', locale: 'en' });
    expect((await laptop.get('/me')).body).toMatchObject({ name: 'Camille Renamed', locale: 'en' });
    const [audit] = await ctx.db.select().from(auditLog).where(eq(auditLog.action, 'user.update_self'));
    expect(audit).toMatchObject({
      actorId: user.id,
      objectId: user.id,
      changes: { name: { from: 'Before', to: 'Camille Renamed' }, locale: { from: 'fr', to: 'en' } },
    });
  });

  it('refuses an empty name, an unknown language and unknown fields, changing nothing', async () => {
    const { laptop } = await memberWithTwoDevices();
    for (const body of [{ name: '   ' }, { locale: 'de' }, { roles: ['admin'] }, { email: 'x@y.fr' }]) {
      const res = await laptop.patch('/me', body);
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
    expect((await laptop.get('/me')).body).toMatchObject({ name: 'Before', locale: 'fr', roles: ['member'] });
  });

  it('refuses a password change with a wrong current password', async () => {
    const { laptop, phone, email } = await memberWithTwoDevices();
    const res = await laptop.post('/me/password', {
      currentPassword: 'not my password',
      newPassword: 'a new long passphrase',
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      code: 'WRONG_PASSWORD',
      detail: 'Le mot de passe actuel est incorrect.',
    });
    expect((await phone.get('/me')).status).toBe(200);
    expect((await createTestClient(ctx).post('/auth/login', { email, password: testPassword })).status).toBe(
      200,
    );
  });

  it('blocks password changes, and log-ins, after 5 wrong current passwords', async () => {
    const { laptop, email } = await memberWithTwoDevices();
    const change = (currentPassword: string) =>
      laptop.post('/me/password', { currentPassword, newPassword: 'a new long passphrase' });
    for (let i = 0; i < 5; i++) expect((await change(`guess number ${i}`)).status).toBe(422);
    const blocked = await change(testPassword);
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('TOO_MANY_ATTEMPTS');
    const login = await createTestClient(ctx).post('/auth/login', { email, password: testPassword });
    expect(login.status).toBe(429);
    const login2 = await createTestClient(ctx).post('/auth/login', {
      email,
      password: 'a new long passphrase',
    });
    expect(login2.status).toBe(429);
  });

  it('changes my password and ends my other sessions, not this one', async () => {
    const { laptop, phone, email, user } = await memberWithTwoDevices();
    const res = await laptop.post('/me/password', {
      currentPassword: testPassword,
      newPassword: 'a new long passphrase',
    });
    expect(res.status).toBe(200);
    expect((await laptop.get('/me')).status).toBe(200);
    expect((await phone.get('/me')).status).toBe(401);
    const login = (password: string) => createTestClient(ctx).post('/auth/login', { email, password });
    expect((await login(testPassword)).status).toBe(401);
    expect((await login('a new long passphrase')).status).toBe(200);
    const audit = await ctx.db.select().from(auditLog).where(eq(auditLog.action, 'password.change'));
    expect(audit.find((a) => a.actorId === user.id)?.changes).toEqual({ sessionsEnded: 1 });
  });

  it('lists my live sessions and marks the current one', async () => {
    const { laptop, phone } = await memberWithTwoDevices();
    const res = await laptop.get('/me/sessions');
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(2);
    expect(res.body.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    expect(res.body.map((s: { ipAddress: string }) => s.ipAddress).sort()).toEqual(
      [`10.4.${n}.1`, `10.4.${n}.2`].sort(),
    );
    await phone.post('/auth/logout');
    expect((await laptop.get('/me/sessions')).body).toHaveLength(1);
  });

  it('ends one of my other sessions', async () => {
    const { laptop, phone } = await memberWithTwoDevices();
    const list = await laptop.get('/me/sessions');
    const other = list.body.find((s: { current: boolean }) => !s.current);
    expect((await laptop.delete(`/me/sessions/${other.id}`)).status).toBe(200);
    expect((await phone.get('/me')).status).toBe(401);
    expect((await laptop.get('/me')).status).toBe(200);
    expect((await laptop.delete(`/me/sessions/${other.id}`)).status).toBe(404);
  });

  it("answers 404 for someone else's session and leaves it alive", async () => {
    const { laptop } = await memberWithTwoDevices();
    const admin = createTestClient(ctx, { ip: '10.4.200.1' });
    await admin.logIn('admin@test.coop', testPassword);
    const [adminSession] = await ctx.db.select().from(sessions).where(eq(sessions.userId, people.admin.id));
    const res = await laptop.delete(`/me/sessions/${adminSession!.id}`);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
    expect((await admin.get('/me')).status).toBe(200);
    expect((await laptop.delete('/me/sessions/not-a-uuid')).status).toBe(422);
  });

  it('logs out everywhere, this session included', async () => {
    const { laptop, phone } = await memberWithTwoDevices();
    const res = await laptop.post('/me/sessions/revoke-all');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ended: 2 });
    expect(res.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    expect((await laptop.get('/me')).status).toBe(401);
    expect((await phone.get('/me')).status).toBe(401);
  });
});
