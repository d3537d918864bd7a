import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../people/people-tables.ts';
import { createTestContext, type TestContext } from '../testing/create-test-context.ts';
import { seedTestPeople, testPassword } from '../testing/seed-test-people.ts';
import { createTestClient, type TestClient } from '../testing/test-client.ts';
import { createApp } from './create-app.ts';

let ctx: TestContext;
let admin: TestClient;
let member: TestClient;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedTestPeople(ctx);
  admin = createTestClient(ctx, { ip: '10.8.0.1' });
  await admin.logIn('admin@test.coop', testPassword);
  member = createTestClient(ctx, { ip: '10.8.0.2' });
  await member.logIn('member@test.coop', testPassword);
});
afterAll(async () => {
  // The health test closed the database already; on PostgreSQL the run's teardown drops it.
  await ctx.close().catch(() => {});
});

const adminName = async () =>
  (await ctx.db.select().from(users).where(eq(users.email, 'admin@test.coop')))[0]!.name;

type Operation = { description?: string; security?: unknown[] };
async function operations() {
  const res = await createTestClient(ctx).get('/openapi.json');
  expect(res.status).toBe(200);
  const doc = res.body as { openapi: string; paths: Record<string, Record<string, Operation>> };
  expect(doc.openapi).toBe('3.1.0');
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      op,
      access: /Access: ([\w.]+)\.$/.exec(op.description ?? '')?.[1],
      // Path parameters get a value that routes but matches nothing.
      url: path.replace(/\{[^}]+\}/g, (p) =>
        p === '{token}' ? 't'.repeat(43) : '00000000-0000-4000-8000-000000000000',
      ),
    })),
  );
}

describe('deny by default', () => {
  const expectedPublic = [
    'GET /cooperative/brand',
    'GET /cooperative/logo',
    'GET /health',
    'GET /invitations/by-token/{token}',
    'POST /auth/login',
    'POST /auth/password-reset/confirm',
    'POST /auth/password-reset/request',
    'POST /invitations/accept',
  ];

  it('marks exactly the expected routes public, and every route states its access', async () => {
    const ops = await operations();
    expect(ops.length).toBeGreaterThan(20);
    for (const o of ops) expect(o.access, `${o.method} ${o.path}`).toBeDefined();
    const open = ops.filter((o) => o.access === 'public').map((o) => `${o.method} ${o.path}`);
    expect(open.sort()).toEqual(expectedPublic);
    for (const o of ops)
      if (o.access !== 'public') expect(o.op.security, `${o.method} ${o.path}`).toEqual([{ session: [] }]);
  });

  it('answers 401 on every other route without a session, before reading the request', async () => {
    const anonymous = createTestClient(ctx);
    for (const o of await operations()) {
      if (o.access === 'public') continue;
      const res = await anonymous.app.request(`http://localhost:3000/api${o.url}`, {
        method: o.method,
        headers: { 'content-type': 'application/json' },
        body: o.method === 'GET' ? undefined : '{not json',
      });
      expect(res.status, `${o.method} ${o.path}`).toBe(401);
      expect((await res.json()).code).toBe('UNAUTHENTICATED');
    }
  });

  it('answers 403 to a member on every route that needs a permission a member lacks', async () => {
    const memberPermissions: string[] = (await member.get('/me')).body.permissions;
    let checked = 0;
    for (const o of await operations()) {
      if (!o.access || ['public', 'authenticated'].includes(o.access)) continue;
      if (memberPermissions.includes(o.access)) continue;
      const res = await member.app.request(`http://localhost:3000/api${o.url}`, {
        method: o.method,
        headers: {
          cookie: member.cookie!,
          'x-csrf-token': member.csrfToken!,
          'content-type': 'application/json',
        },
        body: o.method === 'GET' ? undefined : '{}',
      });
      expect(res.status, `${o.method} ${o.path}`).toBe(403);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(8);
  });

  it('answers an unknown API path with a 404 problem, even without a session', async () => {
    const res = await createTestClient(ctx).get('/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('NOT_FOUND');
  });
});

describe('bad requests', () => {
  it('answers malformed JSON with 400 MALFORMED_JSON as problem+json', async () => {
    for (const client of [createTestClient(ctx), admin]) {
      const res = await client.post('/auth/login', '{"email": "admin@test.coop", ', {
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 400, code: 'MALFORMED_JSON', title: 'MALFORMED_JSON' });
    }
    const patch = await admin.patch('/me', '{name' as never, {
      headers: { 'content-type': 'application/json' },
    });
    expect(patch.status).toBe(400);
    expect(await adminName()).toBe('Test admin');
  });

  it('answers unknown fields with 422 and names them', async () => {
    const res = await admin.patch('/me', { name: 'Changed', isAdmin: true });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(res.body.errors)).toMatch(/isAdmin/);
    expect(await adminName()).toBe('Test admin');
  });

  it('answers a JSON body that is not an object with 422, and one sent as text with 415', async () => {
    expect((await admin.patch('/me', [] as never)).status).toBe(422);
    const asText = await createTestClient(ctx).post('/auth/login', '{"email":"a@b.fr","password":"x"}', {
      headers: { 'content-type': 'text/plain' },
    });
    expect(asText.status).toBe(415);
    expect(asText.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers a body over 1 MiB with 413, with or without a length header', async () => {
    const big = JSON.stringify({ email: 'admin@test.coop', password: 'x'.repeat(1024 * 1024 + 10) });
    const chunked = await createTestClient(ctx).post('/auth/login', big, {
      headers: { 'content-type': 'application/json' },
    });
    expect(chunked.status).toBe(413);
    expect(chunked.body.code).toBe('PAYLOAD_TOO_LARGE');
    const declared = await createTestClient(ctx).post('/auth/login', big, {
      headers: { 'content-type': 'application/json', 'content-length': String(big.length) },
    });
    expect(declared.status).toBe(413);
    const name = JSON.stringify({ name: 'y'.repeat(1024 * 1024 + 10) });
    expect(
      (await admin.patch('/me', name as never, { headers: { 'content-type': 'application/json' } })).status,
    ).toBe(413);
    expect(await adminName()).toBe('Test admin');
  });
});

describe('odd requests', () => {
  it('answers each with a problem document and a 4xx status, never an internal error', async () => {
    const app = createTestClient(ctx).app;
    const json = { 'content-type': 'application/json' };
    const cases: [string, string, RequestInit?][] = [
      ['GET', '/api/invitations/by-token/%E0%A4%A'],
      ['GET', `/api/invitations/by-token/${'%'.repeat(30)}`],
      ['POST', '/api/auth/login', { body: 'null', headers: json }],
      ['POST', '/api/auth/login', { body: '"text"', headers: json }],
      [
        'POST',
        '/api/auth/login',
        { body: '{"email":"a@b.fr","password":"x","__proto__":{"x":1}}', headers: json },
      ],
      [
        'POST',
        '/api/auth/login',
        { body: 'a=b', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      ],
      [
        'POST',
        '/api/auth/login',
        { body: '--x\r\n', headers: { 'content-type': 'multipart/form-data; boundary=x' } },
      ],
      ['POST', '/api/auth/login', { body: '{}', headers: { ...json, cookie: 'mutua_session=%zz' } }],
      ['GET', '/api/me', { headers: { cookie: 'mutua_session=a; mutua_session=b' } }],
      ['GET', '/api/me', { headers: { 'accept-language': ';;;,,,q=' } }],
      ['DELETE', '/api/me'],
      ['PUT', '/api/health'],
    ];
    for (const [method, path, init] of cases) {
      const res = await app.request(`http://localhost:3000${path}`, { method, ...init });
      const label = `${method} ${path} ${init?.body ?? ''}`;
      expect(res.status, label).toBeGreaterThanOrEqual(400);
      expect(res.status, label).toBeLessThan(500);
      expect(res.headers.get('content-type'), label).toMatch(/^application\/problem\+json/);
    }
  });
});

describe('CSRF', () => {
  it('refuses a write without the CSRF header, and changes nothing', async () => {
    const res = await admin.patch('/me', { name: 'Forged' }, { csrf: false });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('CSRF_FAILED');
    expect(await adminName()).toBe('Test admin');
  });

  it('refuses a wrong CSRF token, and another session’s token', async () => {
    const wrong = await admin.patch(
      '/me',
      { name: 'Forged' },
      { csrf: false, headers: { 'x-csrf-token': 'x'.repeat(43) } },
    );
    expect(wrong.status).toBe(403);
    const other = await admin.patch(
      '/me',
      { name: 'Forged' },
      {
        csrf: false,
        headers: { 'x-csrf-token': member.csrfToken! },
      },
    );
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('CSRF_FAILED');
    expect(await adminName()).toBe('Test admin');
  });

  it('refuses a write from another site even with the right token, and a cross-site log-in', async () => {
    const res = await admin.patch('/me', { name: 'Forged' }, { headers: { origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('CSRF_FAILED');
    const nullOrigin = await admin.patch('/me', { name: 'Forged' }, { headers: { origin: 'null' } });
    expect(nullOrigin.status).toBe(403);
    const login = await createTestClient(ctx).post(
      '/auth/login',
      { email: 'admin@test.coop', password: testPassword },
      { headers: { origin: 'http://localhost:3000.evil.example' } },
    );
    expect(login.status).toBe(403);
    expect(login.headers.get('set-cookie')).toBeNull();
    expect(await adminName()).toBe('Test admin');
  });

  it('accepts a write from the app’s own origin with the token, and reads from anywhere', async () => {
    const res = await admin.patch(
      '/me',
      { name: 'Test admin' },
      { headers: { origin: 'http://localhost:3000' } },
    );
    expect(res.status).toBe(200);
    expect((await admin.get('/me', { headers: { origin: 'https://evil.example' } })).status).toBe(200);
  });

  it('refuses a member on administrators’ routes', async () => {
    expect((await member.get('/audit')).status).toBe(403);
    expect((await member.get('/outbox')).status).toBe(403);
    const res = await member.patch(`/people/${(await member.get('/me')).body.id}`, { roles: ['admin'] });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
    expect((await member.get('/me')).body.roles).toEqual(['member']);
  });
});

describe('headers and languages', () => {
  it('sends the security headers on API answers, errors and pages', async () => {
    const anonymous = createTestClient(ctx);
    for (const path of ['/api/health', '/api/me', '/api/docs', '/', '/some/client/route']) {
      const res = await anonymous.app.request(`http://localhost:3000${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toMatch(/frame-ancestors 'none'/);
      expect(csp, path).toMatch(/default-src 'self'/);
      expect(csp, path).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
    }
    expect((await anonymous.get('/health')).headers.get('cache-control')).toBe('no-store');
  });

  it('speaks French by default and English to those who ask', async () => {
    const fr = await createTestClient(ctx).get('/me');
    expect(fr.body.detail).toBe('Veuillez vous connecter.');
    expect(fr.headers.get('content-language')).toBe('fr');
    const en = await createTestClient(ctx, { locale: 'en-GB,en;q=0.9,fr;q=0.5' }).get('/me');
    expect(en.body.detail).toBe('Please log in.');
    expect(en.headers.get('content-language')).toBe('en');
    const fields = await createTestClient(ctx, { locale: 'en' }).post('/auth/login', {
      email: 'not an address',
      password: 'x',
    });
    expect(fields.body.errors).toEqual([{ path: 'email', message: 'Invalid e-mail address.' }]);
  });
});

describe('API reference', () => {
  it('serves the API reference from the package, with no external URL', async () => {
    const app = createTestClient(ctx).app;
    const page = await app.request('http://localhost:3000/api/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).not.toMatch(/https?:|\/\/[a-z]/i);
    expect(html).not.toMatch(/<script>(?!<)/); // no inline script: the CSP forbids it
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets).toEqual([
      '/api/docs/swagger-ui.css',
      '/api/docs/swagger-ui-bundle.js',
      '/api/docs/init.js',
    ]);
    for (const asset of assets) {
      const res = await app.request(`http://localhost:3000${asset}`);
      expect(res.status, asset).toBe(200);
    }
    const init = await (await app.request('http://localhost:3000/api/docs/init.js')).text();
    expect(init).toContain("url: '/api/openapi.json'");
  });
});

// Last, because it closes this file's database.
describe('health', () => {
  it('answers 200 while the database answers, and 503 once it is closed', async () => {
    const app = createApp(ctx);
    const up = await app.request('http://localhost:3000/api/health');
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({ status: 'ok', database: ctx.database.kind });
    await ctx.database.close();
    const down = await app.request('http://localhost:3000/api/health', {
      headers: { 'accept-language': 'en' },
    });
    expect(down.status).toBe(503);
    expect(down.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await down.json()).toMatchObject({
      code: 'DATABASE_UNAVAILABLE',
      detail: 'The database is not answering.',
    });
  });
});
