import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../audit/audit-tables.ts';
import { demoCooperative } from '../demo/seed-demo.ts';
import { files } from '../files/files-tables.ts';
import { createTestContext, type TestContext } from '../testing/create-test-context.ts';
import { seedTestPeople, testPassword } from '../testing/seed-test-people.ts';
import { createTestClient, type TestClient } from '../testing/test-client.ts';
import { cooperative } from './cooperative-tables.ts';

let ctx: TestContext;
let admin: TestClient;
let adminEn: TestClient;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedTestPeople(ctx);
  admin = createTestClient(ctx, { ip: '10.6.0.1' });
  await admin.logIn('admin@test.coop', testPassword);
  adminEn = createTestClient(ctx, { ip: '10.6.0.2', locale: 'en' });
  await adminEn.logIn('admin@test.coop', testPassword);
});
afterAll(() => ctx.close());

const identity = () => JSON.parse(JSON.stringify(demoCooperative));
const stored = async () => (await ctx.db.select().from(cooperative))[0]!;
const auditRows = (action: string) => ctx.db.select().from(auditLog).where(eq(auditLog.action, action));

// A 1×1 PNG.
const png = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  ),
);

describe('cooperative identity', () => {
  it('shows every person the identity, with the printed legal form', async () => {
    const member = createTestClient(ctx, { ip: '10.6.0.3' });
    await member.logIn('member@test.coop', testPassword);
    const res = await member.get('/cooperative');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      legalName: 'Coopérative Mutua Démo',
      siren: '912345675',
      vatNumber: 'FR65912345675',
      legalFormLabel: 'Société coopérative et participative, société anonyme à capital variable',
      logoUrl: null,
    });
    expect((await createTestClient(ctx).get('/cooperative')).status).toBe(401);
    expect((await createTestClient(ctx).get('/cooperative/brand')).body).toEqual({
      name: 'Coopérative Mutua Démo',
      logoUrl: null,
    });
  });

  it('saves a valid identity and records exactly the fields that changed', async () => {
    const res = await admin.put('/cooperative', {
      ...identity(),
      legalName: 'Coopérative Renommée',
      legalForm: 'SCIC_SAS',
      iban: 'fr14 2004 1010 0505 0001 3m02 606',
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      legalName: 'Coopérative Renommée',
      iban: 'FR1420041010050500013M02606',
      legalFormLabel:
        "Société coopérative d'intérêt collectif, société par actions simplifiée à capital variable",
    });
    expect((await stored()).legalName).toBe('Coopérative Renommée');
    const [audit] = await auditRows('cooperative.update');
    expect(audit!.changes).toEqual({
      legalName: { from: 'Coopérative Mutua Démo', to: 'Coopérative Renommée' },
      legalForm: { from: 'SCOP_SA', to: 'SCIC_SAS' },
      iban: { from: 'FR7630006000011234567890189', to: 'FR1420041010050500013M02606' },
    });
    expect(audit!.actorLabel).toBe('admin@test.coop');
  });

  it.each([
    ['siren', { siren: '912345676' }, 'Numéro SIREN invalide', 'Invalid SIREN number'],
    ['iban', { iban: 'FR76 3000 6000 0112 3456 7890 188' }, 'IBAN invalide', 'Invalid IBAN'],
    ['vatNumber', { vatNumber: 'FR66912345675' }, 'Numéro de TVA', 'Invalid EU VAT number'],
    ['vatNumber', { vatNumber: 'FR59542051180' }, 'ne correspond pas au SIREN', 'does not match the SIREN'],
    ['bic', { bic: 'AGRIXXPP' }, 'BIC invalide', 'Invalid BIC'],
    ['fiscalYearEnd', { fiscalYearEnd: '02-30' }, 'Date de clôture invalide', 'Invalid year-end date'],
  ])(
    'refuses an invalid %s with a translated field error, changing nothing',
    async (path, change, fr, en) => {
      const before = await stored();
      const audits = (await ctx.db.select().from(auditLog)).length;
      const resFr = await admin.put('/cooperative', { ...identity(), ...change });
      expect(resFr.status).toBe(422);
      expect(resFr.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(resFr.body.code).toBe('VALIDATION_FAILED');
      expect(resFr.body.detail).toBe('Certaines informations sont invalides.');
      expect(resFr.body.errors).toHaveLength(1);
      expect(resFr.body.errors[0].path).toBe(path);
      expect(resFr.body.errors[0].message).toContain(fr);
      const resEn = await adminEn.put('/cooperative', { ...identity(), ...change });
      expect(resEn.body.detail).toBe('Some of the information is invalid.');
      expect(resEn.body.errors[0].message).toContain(en);
      expect(await stored()).toEqual(before);
      expect((await ctx.db.select().from(auditLog)).length).toBe(audits);
    },
  );

  it('refuses unknown fields', async () => {
    const res = await admin.put('/cooperative', { ...identity(), shareCapitalCents: 100 });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].message).toMatch(/shareCapitalCents/);
  });

  it('keeps the identity to administrators', async () => {
    for (const role of ['member', 'manager', 'accountant', 'support']) {
      const c = createTestClient(ctx, { ip: `10.6.1.${role.length}` });
      await c.logIn(`${role}@test.coop`, testPassword);
      const res = await c.put('/cooperative', { ...identity(), legalName: 'Hijacked' });
      expect(res.status, role).toBe(403);
      expect(
        (await c.put('/cooperative/logo', png, { headers: { 'content-type': 'image/png' } })).status,
      ).toBe(403);
    }
    expect((await stored()).legalName).not.toBe('Hijacked');
  });
});

describe('cooperative logo', () => {
  it('stores a PNG, serves it publicly at the URL the identity gives, and records it', async () => {
    const res = await admin.put('/cooperative/logo', png, { headers: { 'content-type': 'image/png' } });
    expect(res.status, res.text).toBe(200);
    expect(res.body.logoUrl).toEqual(expect.any(String));
    const anonymous = createTestClient(ctx);
    const brand = await anonymous.get('/cooperative/brand');
    expect(brand.body.logoUrl).toBe(res.body.logoUrl);
    const image = await anonymous.app.request(`http://localhost:3000${res.body.logoUrl}`);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('content-security-policy')).toMatch(/sandbox/);
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(png);
    const [audit] = await auditRows('cooperative.logo');
    expect(audit!.changes).toEqual({ logo: (await stored()).logoSha256 });
  });

  it('gives the logo a new URL when it changes', async () => {
    const first = (await admin.get('/cooperative')).body.logoUrl;
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>');
    const res = await admin.put('/cooperative/logo', svg, { headers: { 'content-type': 'image/svg+xml' } });
    expect(res.status).toBe(200);
    expect(res.body.logoUrl).not.toBe(first);
    const image = await admin.app.request(`http://localhost:3000${res.body.logoUrl}`);
    expect(image.headers.get('content-type')).toBe('image/svg+xml');
  });

  it.each([
    ['a text file', new TextEncoder().encode('hello, not an image'), 'text/plain', 422, 'logo.type'],
    ['a GIF', new TextEncoder().encode('GIF89a\x01\x00\x01\x00'), 'image/png', 422, 'logo.type'],
    ['an empty body', new Uint8Array(), 'image/png', 422, 'logo.type'],
    [
      'a PNG over 512 KB',
      (() => {
        const b = new Uint8Array(600 * 1024);
        b.set(png);
        return b;
      })(),
      'image/png',
      422,
      'logo.size',
    ],
    [
      'a body over 1 MiB',
      (() => {
        const b = new Uint8Array(1100 * 1024);
        b.set(png);
        return b;
      })(),
      'image/png',
      413,
      null,
    ],
  ])('refuses %s and stores nothing', async (_label, bytes, type, status, key) => {
    const before = await stored();
    const fileCount = (await ctx.db.select({ sha: files.sha256 }).from(files)).length;
    const res = await admin.put('/cooperative/logo', bytes, { headers: { 'content-type': type } });
    expect(res.status).toBe(status);
    if (key === 'logo.type')
      expect(res.body.errors).toEqual([
        { path: 'logo', message: 'Le logo doit être une image PNG, JPEG ou SVG.' },
      ]);
    if (key === 'logo.size')
      expect(res.body.errors).toEqual([{ path: 'logo', message: 'Le logo ne doit pas dépasser 512 Ko.' }]);
    expect(await stored()).toEqual(before);
    expect((await ctx.db.select({ sha: files.sha256 }).from(files)).length).toBe(fileCount);
  });
});
