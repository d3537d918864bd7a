import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../audit/actor.ts';
import { auditLog } from '../audit/audit-tables.ts';
import { jobs } from '../jobs/jobs-tables.ts';
import { runDueJobs } from '../jobs/run-due-jobs.ts';
import { emails } from '../mail/mail-tables.ts';
import { createTestContext, type TestContext } from '../testing/create-test-context.ts';
import { seedTestPeople, testPassword } from '../testing/seed-test-people.ts';
import { createTestClient, type TestClient } from '../testing/test-client.ts';
import { acceptInvitation } from './accept-invitation.ts';
import { createAccount } from './create-account.ts';
import { invitePerson } from './invite-person.ts';
import { invitations, users } from './people-tables.ts';

let ctx: TestContext;
let admin: TestClient;
const start = new Date('2026-03-02T09:00:00.000Z');
const day = 86_400_000;
const newPassword = 'a brand new passphrase';

beforeAll(async () => {
  ctx = await createTestContext();
  await seedTestPeople(ctx);
  admin = createTestClient(ctx, { ip: '10.2.0.1' });
  await admin.logIn('admin@test.coop', testPassword);
});
afterAll(() => ctx.close());
afterEach(() => ctx.setNow(start));

/** Invites someone as the admin, delivers the mail to the outbox, and returns the link's token. */
async function invite(email: string, extra: Record<string, unknown> = {}) {
  const res = await admin.post('/invitations', {
    email,
    name: `Name of ${email}`,
    roles: ['member'],
    ...extra,
  });
  expect(res.status, res.text).toBe(201);
  await runDueJobs(ctx);
  const [mail] = await ctx.db.select().from(emails).where(eq(emails.toAddress, email.toLowerCase()));
  const token = /\/invitation\/([\w-]+)/.exec(mail!.textBody)?.[1];
  expect(token).toBeDefined();
  return { invitation: res.body, mail: mail!, token: token! };
}

describe('invitations', () => {
  it('queues an e-mail and its sending job in the same transaction as the invitation', async () => {
    const res = await admin.post('/invitations', {
      email: 'Newcomer@Example.org',
      name: 'Nour Newcomer',
      roles: ['member', 'support'],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      email: 'newcomer@example.org',
      status: 'pending',
      roles: ['member', 'support'],
    });
    const [mail] = await ctx.db.select().from(emails).where(eq(emails.toAddress, 'newcomer@example.org'));
    expect(mail).toMatchObject({ status: 'queued', template: 'invitation', locale: 'fr' });
    expect(mail!.subject).toBe('Invitation à rejoindre Coopérative Mutua Démo');
    const [job] = await ctx.db.select().from(jobs).where(eq(jobs.kind, 'email.send'));
    expect(job).toMatchObject({ status: 'pending', payload: { emailId: mail!.id } });
    expect(job!.runAt.getTime()).toBe(ctx.now().getTime());
  });

  it('delivers the mail to the outbox when no SMTP server is configured', async () => {
    expect(await runDueJobs(ctx)).toBeGreaterThan(0);
    const [mail] = await ctx.db.select().from(emails).where(eq(emails.toAddress, 'newcomer@example.org'));
    expect(mail).toMatchObject({ status: 'outbox', transport: 'outbox', attempts: 1 });
    expect(mail!.sentAt?.getTime()).toBe(ctx.now().getTime());
    const done = await ctx.db.select().from(jobs).where(eq(jobs.status, 'pending'));
    expect(done).toEqual([]);
    const outbox = await admin.get('/outbox');
    expect(outbox.body.some((m: { toAddress: string }) => m.toAddress === 'newcomer@example.org')).toBe(true);
  });

  it('lets the invited person choose a password with the link from the mail, and logs them in', async () => {
    const { token, mail } = await invite('ines@example.org', { roles: ['accountant'], name: 'Inès' });
    expect(mail.textBody).toContain(`http://localhost:3000/invitation/${token}`);
    const guest = createTestClient(ctx, { ip: '10.2.0.2' });
    const shown = await guest.get(`/invitations/by-token/${token}`);
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ email: 'ines@example.org', name: 'Inès', roles: ['accountant'] });
    const res = await guest.post('/invitations/accept', { token, password: newPassword });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ email: 'ines@example.org', roles: ['accountant'] });
    expect(guest.cookie).not.toBeNull();
    expect((await guest.get('/me')).body.email).toBe('ines@example.org');
    const again = createTestClient(ctx, { ip: '10.2.0.3' });
    expect(
      (await again.post('/auth/login', { email: 'ines@example.org', password: newPassword })).status,
    ).toBe(200);
    const [row] = await ctx.db.select().from(invitations).where(eq(invitations.email, 'ines@example.org'));
    expect(row!.acceptedAt).not.toBeNull();
    const listed = await admin.get('/invitations');
    expect(listed.body.find((i: { email: string }) => i.email === 'ines@example.org').status).toBe(
      'accepted',
    );
  });

  it('ends the session the browser came with when the link is opened there (the administrator testing it)', async () => {
    const { token } = await invite('same-browser@example.org');
    const browser = createTestClient(ctx, { ip: '10.2.0.4' });
    await browser.logIn('admin@test.coop', testPassword);
    const adminCookie = browser.cookie!;
    const res = await browser.post('/invitations/accept', { token, password: newPassword });
    expect(res.status, res.text).toBe(200);
    expect(browser.cookie).not.toBe(adminCookie);
    expect((await browser.get('/me')).body.email).toBe('same-browser@example.org');
    const old = await browser.app.request('http://localhost:3000/api/me', {
      headers: { cookie: adminCookie },
    });
    expect(old.status).toBe(401);
  });

  it('refuses a link that was already used', async () => {
    const { token } = await invite('twice@example.org');
    const first = await createTestClient(ctx).post('/invitations/accept', { token, password: newPassword });
    expect(first.status).toBe(200);
    const reused = await createTestClient(ctx).post('/invitations/accept', { token, password: newPassword });
    expect(reused.status).toBe(400);
    expect(reused.body.code).toBe('TOKEN_INVALID');
    expect((await createTestClient(ctx).get(`/invitations/by-token/${token}`)).body.code).toBe(
      'TOKEN_INVALID',
    );
  });

  it('refuses a link more than 7 days old, and creates no account', async () => {
    const { token } = await invite('late@example.org');
    ctx.advance(8 * day);
    const guest = createTestClient(ctx, { locale: 'en' });
    expect((await guest.get(`/invitations/by-token/${token}`)).status).toBe(400);
    const res = await guest.post('/invitations/accept', { token, password: newPassword });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 'TOKEN_INVALID',
      detail: 'This link is invalid, has expired or has already been used.',
    });
    expect(await ctx.db.select().from(users).where(eq(users.email, 'late@example.org'))).toEqual([]);
    const listed = await admin.get('/invitations');
    expect(listed.body.find((i: { email: string }) => i.email === 'late@example.org').status).toBe('expired');
  });

  it('refuses a made-up token', async () => {
    const res = await createTestClient(ctx).post('/invitations/accept', {
      token: 'x'.repeat(43),
      password: newPassword,
    });
    expect(res.body.code).toBe('TOKEN_INVALID');
  });

  it('refuses to invite an address that already has an account, whatever its case', async () => {
    const res = await admin.post('/invitations', {
      email: 'Member@Test.coop',
      name: 'Dup',
      roles: ['member'],
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('EMAIL_ALREADY_USED');
  });

  it('refuses a second invitation while one is pending, and replaces an expired one', async () => {
    await invite('pending@example.org');
    const again = await admin.post('/invitations', {
      email: 'pending@example.org',
      name: 'P',
      roles: ['member'],
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('INVITATION_PENDING');
    ctx.advance(8 * day);
    const renewed = await admin.post('/invitations', {
      email: 'pending@example.org',
      name: 'P',
      roles: ['member'],
    });
    expect(renewed.status).toBe(201);
    const rows = await ctx.db.select().from(invitations).where(eq(invitations.email, 'pending@example.org'));
    expect(rows.filter((r) => r.revokedAt === null && r.acceptedAt === null)).toHaveLength(1);
  });

  it('refuses a role that does not exist with a translated field error, and stores nothing', async () => {
    const before = (await ctx.db.select().from(invitations)).length;
    const fr = await admin.post('/invitations', {
      email: 'role@example.org',
      name: 'R',
      roles: ['member', 'boss'],
    });
    expect(fr.status).toBe(422);
    expect(fr.body.code).toBe('VALIDATION_FAILED');
    expect(fr.body.errors).toEqual([{ path: 'roles.1', message: "Ce rôle n'existe pas." }]);
    const en = await createTestClient(ctx, { locale: 'en' }).post('/invitations', {});
    expect(en.status).toBe(401);
    const enAdmin = createTestClient(ctx, { locale: 'en', ip: '10.2.0.9' });
    await enAdmin.logIn('admin@test.coop', testPassword);
    const res = await enAdmin.post('/invitations', { email: 'role@example.org', name: 'R', roles: [] });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ path: 'roles', message: 'Choose at least one role.' }]);
    expect((await ctx.db.select().from(invitations)).length).toBe(before);
  });

  it('creates exactly one account when the same link is accepted twice at once', async () => {
    const { token } = await invite('race@example.org');
    const info = { ipAddress: null, userAgent: null };
    const results = await Promise.allSettled([
      acceptInvitation(ctx, { token, password: newPassword }, info),
      acceptInvitation(ctx, { token, password: newPassword }, info),
      acceptInvitation(ctx, { token, password: newPassword }, info),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r) => r.status === 'rejected'))
      expect((r as PromiseRejectedResult).reason.code).toBe('TOKEN_INVALID');
    expect(await ctx.db.select().from(users).where(eq(users.email, 'race@example.org'))).toHaveLength(1);
  });

  it('answers 409, not a crash, when the same address is invited twice at the same moment', async () => {
    const results = await Promise.allSettled(
      [1, 2, 3].map(() =>
        invitePerson(ctx, systemActor, {
          email: 'twice-at-once@example.org',
          name: 'T',
          roles: ['member'],
          locale: 'fr',
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r) => r.status === 'rejected'))
      expect((r as PromiseRejectedResult).reason.code).toBe('INVITATION_PENDING');
  });

  it('answers 409, not a crash, when an account for the address is created at the same moment', async () => {
    const input = { email: 'both@example.org', name: 'B', password: newPassword, roles: ['member' as const] };
    const results = await Promise.allSettled([createAccount(ctx, input), createAccount(ctx, input)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason.code).toBe('EMAIL_ALREADY_USED');
  });

  it('lets the administrator withdraw a pending invitation, after which the link is dead', async () => {
    const { token, invitation } = await invite('withdrawn@example.org');
    expect((await admin.delete(`/invitations/${invitation.id}`)).status).toBe(200);
    expect((await admin.delete(`/invitations/${invitation.id}`)).status).toBe(404);
    const res = await createTestClient(ctx).post('/invitations/accept', { token, password: newPassword });
    expect(res.body.code).toBe('TOKEN_INVALID');
    const audit = await ctx.db.select().from(auditLog).where(eq(auditLog.objectId, invitation.id));
    expect(audit.map((a) => a.action).sort()).toEqual(['invitation.create', 'invitation.revoke']);
  });

  it('writes the invitation mail in English for an English-speaking invitee, and escapes names in HTML', async () => {
    const { mail } = await invite('en@example.org', { locale: 'en', name: '<b>Eve</b>' });
    expect(mail.subject).toBe('Invitation to join Coopérative Mutua Démo');
    expect(mail.textBody).toMatch(/^Hello <b>Eve<\/b>,/);
    expect(mail.htmlBody).toContain('Hello &lt;b&gt;Eve&lt;/b&gt;,');
    expect(mail.htmlBody).not.toContain('<b>Eve');
  });

  it('keeps invitations to administrators', async () => {
    for (const role of ['member', 'support', 'accountant', 'manager']) {
      const client = createTestClient(ctx, { ip: `10.2.1.${role.length}` });
      await client.logIn(`${role}@test.coop`, testPassword);
      const res = await client.post('/invitations', { email: 'x@example.org', name: 'X', roles: ['member'] });
      expect(res.status, role).toBe(403);
      expect((await client.get('/invitations')).status, role).toBe(403);
    }
  });
});
