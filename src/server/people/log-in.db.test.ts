import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/create-test-context.ts';
import { seedTestPeople, testPassword } from '../testing/seed-test-people.ts';
import { createTestClient } from '../testing/test-client.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  await seedTestPeople(ctx);
});
afterAll(() => ctx.close());

describe('log-in', () => {
  it('opens a session in an httpOnly SameSite=Lax cookie and returns a CSRF token', async () => {
    const client = createTestClient(ctx, { ip: '10.0.0.1' });
    const res = await client.post('/auth/login', { email: 'admin@test.coop', password: testPassword });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    expect(res.body.csrfToken).toHaveLength(43);
    expect((await client.get('/me')).body.email).toBe('admin@test.coop');
  });

  it('answers the same for a wrong password and an unknown account', async () => {
    const a = await createTestClient(ctx, { ip: '10.0.0.2' }).post('/auth/login', {
      email: 'admin@test.coop',
      password: 'nope nope nope',
    });
    const b = await createTestClient(ctx, { ip: '10.0.0.3' }).post('/auth/login', {
      email: 'ghost@test.coop',
      password: 'nope nope nope',
    });
    expect(a.status).toBe(401);
    expect(b.status).toBe(401);
    expect(a.body).toEqual(b.body);
    expect(a.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(a.body.detail).toBe('Adresse e-mail ou mot de passe incorrect.');
  });
});
