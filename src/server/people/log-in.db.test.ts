import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../audit/audit-tables.ts';
import { queryRows } from '../db/query-rows.ts';
import { createApp } from '../http/create-app.ts';
import { createTestContext, type TestContext } from '../testing/create-test-context.ts';
import { seedTestPeople, testPassword } from '../testing/seed-test-people.ts';
import { createTestClient } from '../testing/test-client.ts';
import { loginThrottle, sessions, users } from './people-tables.ts';

let ctx: TestContext;
let people: Awaited<ReturnType<typeof seedTestPeople>>;
const start = new Date('2026-03-02T09:00:00.000Z');
const minute = 60_000;
const day = 86_400_000;

beforeAll(async () => {
  ctx = await createTestContext();
  people = await seedTestPeople(ctx);
});
afterAll(() => ctx.close());
afterEach(() => ctx.setNow(start));

let ipCounter = 0;
/** A fresh client address, so that one test's failures do not count against another's. */
const freshIp = () => `10.1.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

/** GET /api/me carrying only the given cookie. */
async function meStatus(cookie: string | null) {
  const app = createApp(ctx);
  const res = await app.request('http://localhost:3000/api/me', { headers: cookie ? { cookie } : {} });
  return res.status;
}

async function createPerson(email: string) {
  const { createAccount } = await import('./create-account.ts');
  return createAccount(ctx, { email, name: email, password: testPassword, roles: ['member'] });
}

describe('log-in', () => {
  it('opens a session in an httpOnly SameSite=Lax cookie and returns a CSRF token', async () => {
    const client = createTestClient(ctx, { ip: freshIp() });
    const res = await client.post('/auth/login', { email: 'admin@test.coop', password: testPassword });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    expect(res.body.csrfToken).toHaveLength(43);
    expect((await client.get('/me')).body.email).toBe('admin@test.coop');
  });

  it('marks the cookie Secure behind https', async () => {
    const secure = { ...ctx, config: { ...ctx.config, secureCookies: true } };
    const client = createTestClient(secure, { ip: freshIp() });
    const res = await client.post('/auth/login', { email: 'admin@test.coop', password: testPassword });
    expect(res.headers.get('set-cookie')).toMatch(/; Secure/);
  });

  it('answers the same for a wrong password and an unknown account', async () => {
    const a = await createTestClient(ctx, { ip: freshIp() }).post('/auth/login', {
      email: 'admin@test.coop',
      password: 'nope nope nope',
    });
    const b = await createTestClient(ctx, { ip: freshIp() }).post('/auth/login', {
      email: 'ghost@test.coop',
      password: 'nope nope nope',
    });
    expect(a.status).toBe(401);
    expect(b.status).toBe(401);
    expect(a.body).toEqual(b.body);
    expect(a.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(a.body.detail).toBe('Adresse e-mail ou mot de passe incorrect.');
    expect(a.headers.get('set-cookie')).toBeNull();
  });

  it('finds the account whatever the case and spaces of the typed address', async () => {
    const client = createTestClient(ctx, { ip: freshIp() });
    const res = await client.post('/auth/login', { email: '  Admin@Test.COOP ', password: testPassword });
    expect(res.status).toBe(200);
  });

  it('gives a new session at each log-in and ends the one the browser came with', async () => {
    const client = createTestClient(ctx, { ip: freshIp() });
    await client.logIn('manager@test.coop', testPassword);
    const first = client.cookie!;
    const firstCsrf = client.csrfToken;
    const again = await client.post('/auth/login', { email: 'manager@test.coop', password: testPassword });
    expect(again.status).toBe(200);
    expect(client.cookie).not.toBe(first);
    expect(client.csrfToken).not.toBe(firstCsrf);
    expect(await meStatus(first)).toBe(401);
    expect(await meStatus(client.cookie)).toBe(200);
  });

  it('writes an audit row for each log-in', async () => {
    const before = await ctx.db.select().from(auditLog).where(eq(auditLog.action, 'session.login'));
    await createTestClient(ctx, { ip: freshIp() }).logIn('accountant@test.coop', testPassword);
    const after = await ctx.db.select().from(auditLog).where(eq(auditLog.action, 'session.login'));
    expect(after.length).toBe(before.length + 1);
    const row = after.find((r) => !before.some((b) => b.id === r.id))!;
    expect(row.actorId).toBe(people.accountant.id);
    expect(row.objectType).toBe('session');
  });
});

describe('log-out and refused sessions', () => {
  it('logs out: the cookie is cleared and the session no longer works', async () => {
    const client = createTestClient(ctx, { ip: freshIp() });
    await client.logIn('support@test.coop', testPassword);
    const cookie = client.cookie!;
    const res = await client.post('/auth/logout');
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/mutua_session=;.*Max-Age=0/);
    expect(client.cookie).toBeNull();
    expect(await meStatus(cookie)).toBe(401);
    expect((await client.get('/me')).status).toBe(401);
  });

  it('refuses a revoked session', async () => {
    const client = createTestClient(ctx, { ip: freshIp() });
    const me = await client.logIn('support@test.coop', testPassword);
    expect(await meStatus(client.cookie)).toBe(200);
    await ctx.db.update(sessions).set({ revokedAt: ctx.now() }).where(eq(sessions.userId, me.body.id));
    expect(await meStatus(client.cookie)).toBe(401);
  });

  it('keeps a session used every few days alive, until 30 days after log-in', async () => {
    const client = createTestClient(ctx, { ip: freshIp() });
    await client.logIn('member@test.coop', testPassword);
    for (const days of [13, 26, 29]) {
      ctx.setNow(new Date(start.getTime() + days * day));
      expect(await meStatus(client.cookie), `day ${days}`).toBe(200);
    }
    ctx.setNow(new Date(start.getTime() + 30 * day + minute));
    expect(await meStatus(client.cookie)).toBe(401);
  });

  it('ends a session left unused for 14 days', async () => {
    const client = createTestClient(ctx, { ip: freshIp() });
    await client.logIn('member@test.coop', testPassword);
    ctx.setNow(new Date(start.getTime() + 13 * day + 23 * 3_600_000));
    expect(await meStatus(client.cookie)).toBe(200);
    ctx.setNow(new Date(start.getTime() + (13 + 14) * day + 23 * 3_600_000 + minute));
    expect(await meStatus(client.cookie)).toBe(401);
  });

  it('refuses a disabled person: no log-in, and their open session stops working', async () => {
    const person = await createPerson('leaving@test.coop');
    const client = createTestClient(ctx, { ip: freshIp() });
    await client.logIn('leaving@test.coop', testPassword);
    await ctx.db.update(users).set({ active: false }).where(eq(users.id, person.id));
    expect(await meStatus(client.cookie)).toBe(401);
    const res = await createTestClient(ctx, { ip: freshIp() }).post('/auth/login', {
      email: 'leaving@test.coop',
      password: testPassword,
    });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('INVALID_CREDENTIALS');
  });

  it('ignores a cookie that is not a session, however long', async () => {
    expect(await meStatus('mutua_session=forged')).toBe(401);
    expect(await meStatus(`mutua_session=${'x'.repeat(5000)}`)).toBe(401);
  });
});

describe('log-in rate limit', () => {
  const wrong = 'wrong password!!';

  it('blocks an account after 5 failures, even with the right password, until the window ends', async () => {
    await createPerson('target@test.coop');
    for (let i = 0; i < 5; i++) {
      const res = await createTestClient(ctx, { ip: freshIp() }).post('/auth/login', {
        email: 'target@test.coop',
        password: wrong,
      });
      expect(res.status, `attempt ${i + 1}`).toBe(401);
    }
    const blocked = await createTestClient(ctx, { ip: freshIp(), locale: 'en' }).post('/auth/login', {
      email: 'target@test.coop',
      password: testPassword,
    });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('TOO_MANY_ATTEMPTS');
    expect(blocked.body.detail).toBe('Too many log-in attempts. Try again in 15 min.');
    expect(blocked.headers.get('set-cookie')).toBeNull();

    ctx.advance(14 * minute);
    const still = await createTestClient(ctx, { ip: freshIp() }).post('/auth/login', {
      email: 'target@test.coop',
      password: testPassword,
    });
    expect(still.status).toBe(429);
    expect(still.body.detail).toBe('Trop de tentatives de connexion. Réessayez dans 1 min.');

    ctx.advance(1 * minute + 1000);
    const ok = await createTestClient(ctx, { ip: freshIp() }).post('/auth/login', {
      email: 'target@test.coop',
      password: testPassword,
    });
    expect(ok.status).toBe(200);
  });

  it('starts counting again after a successful log-in', async () => {
    await createPerson('forgetful@test.coop');
    const attempt = (password: string) =>
      createTestClient(ctx, { ip: freshIp() }).post('/auth/login', {
        email: 'forgetful@test.coop',
        password,
      });
    for (let i = 0; i < 4; i++) expect((await attempt(wrong)).status).toBe(401);
    expect((await attempt(testPassword)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await attempt(wrong)).status).toBe(401);
    expect((await attempt(testPassword)).status).toBe(200);
  });

  it('forgets old failures: five failures spread over more than the window do not block', async () => {
    await createPerson('slow@test.coop');
    const attempt = (password: string) =>
      createTestClient(ctx, { ip: freshIp() }).post('/auth/login', { email: 'slow@test.coop', password });
    for (let i = 0; i < 5; i++) {
      expect((await attempt(wrong)).status).toBe(401);
      ctx.advance(4 * minute);
    }
    expect((await attempt(testPassword)).status).toBe(200);
  });

  it('blocks an address after 30 failures, whatever the accounts tried, and not other addresses', async () => {
    const ip = freshIp();
    for (let i = 0; i < 30; i++) {
      const res = await createTestClient(ctx, { ip }).post('/auth/login', {
        email: `nobody${i}@test.coop`,
        password: wrong,
      });
      expect(res.status, `attempt ${i + 1}`).toBe(401);
    }
    const blocked = await createTestClient(ctx, { ip }).post('/auth/login', {
      email: 'admin@test.coop',
      password: testPassword,
    });
    expect(blocked.status).toBe(429);
    const elsewhere = await createTestClient(ctx, { ip: freshIp() }).post('/auth/login', {
      email: 'admin@test.coop',
      password: testPassword,
    });
    expect(elsewhere.status).toBe(200);
  });

  it('reads the address the proxy appended, so a client cannot pick its own with X-Forwarded-For', async () => {
    const client = createTestClient(ctx);
    const attempt = (i: number, password: string, email = `spoof${i}@test.coop`) =>
      client.post(
        '/auth/login',
        { email, password },
        { headers: { 'x-forwarded-for': `198.51.100.${i}, 10.1.255.7` } },
      );
    for (let i = 0; i < 30; i++) expect((await attempt(i, wrong)).status).toBe(401);
    expect((await attempt(99, testPassword, 'admin@test.coop')).status).toBe(429);
    const [row] = await ctx.db
      .select()
      .from(loginThrottle)
      .where(eq(loginThrottle.key, 'address:10.1.255.7'));
    expect(row?.failures).toBe(30);
  });

  it('keeps the counter in the database, shared by two app instances', async () => {
    await createPerson('shared@test.coop');
    const one = createTestClient(ctx, { ip: freshIp() });
    const two = createTestClient(ctx, { ip: freshIp() });
    expect(one.app).not.toBe(two.app);
    for (let i = 0; i < 3; i++)
      expect((await one.post('/auth/login', { email: 'shared@test.coop', password: wrong })).status).toBe(
        401,
      );
    for (let i = 0; i < 2; i++)
      expect((await two.post('/auth/login', { email: 'shared@test.coop', password: wrong })).status).toBe(
        401,
      );
    const [row] = await ctx.db
      .select()
      .from(loginThrottle)
      .where(eq(loginThrottle.key, 'account:shared@test.coop'));
    expect(row?.failures).toBe(5);
    const res = await one.post('/auth/login', { email: 'shared@test.coop', password: testPassword });
    expect(res.status).toBe(429);
  });

  it('counts concurrent failures exactly (one atomic upsert per attempt)', async () => {
    await createPerson('burst@test.coop');
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        createTestClient(ctx, { ip: freshIp() }).post('/auth/login', {
          email: 'burst@test.coop',
          password: wrong,
        }),
      ),
    );
    expect(results.every((r) => r.status === 401 || r.status === 429)).toBe(true);
    const [row] = await queryRows<{ failures: number }>(
      ctx.db,
      sql`SELECT failures FROM login_throttle WHERE key = 'account:burst@test.coop'`,
    );
    expect(Number(row?.failures)).toBe(8);
    const res = await createTestClient(ctx, { ip: freshIp() }).post('/auth/login', {
      email: 'burst@test.coop',
      password: testPassword,
    });
    expect(res.status).toBe(429);
  });
});
