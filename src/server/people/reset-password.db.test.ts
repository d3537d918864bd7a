import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../audit/audit-tables.ts';
import { jobs } from '../jobs/jobs-tables.ts';
import { runDueJobs } from '../jobs/run-due-jobs.ts';
import { emails } from '../mail/mail-tables.ts';
import { createTestContext, type TestContext } from '../testing/create-test-context.ts';
import { seedTestPeople, testPassword } from '../testing/seed-test-people.ts';
import { createTestClient } from '../testing/test-client.ts';
import { createAccount } from './create-account.ts';
import { sessions, users } from './people-tables.ts';
import { PASSWORD_RESET_JOB } from './reset-password.ts';

let ctx: TestContext;
const start = new Date('2026-03-02T09:00:00.000Z');
const minute = 60_000;
const newPassword = 'another long passphrase';

beforeAll(async () => {
  ctx = await createTestContext();
  await seedTestPeople(ctx);
});
afterAll(() => ctx.close());
afterEach(() => ctx.setNow(start));

async function person(email: string, locale: 'fr' | 'en' = 'fr') {
  return createAccount(ctx, {
    email,
    name: email.split('@')[0]!,
    password: testPassword,
    roles: ['member'],
    locale,
  });
}

/** The mails sent to an address, once the queued reset jobs have run (the lookup happens in a job). */
async function mailsTo(email: string) {
  await runDueJobs(ctx);
  return ctx.db
    .select()
    .from(emails)
    .where(and(eq(emails.toAddress, email), eq(emails.template, 'passwordReset')));
}

/** Asks for a reset link and returns the token from the mail. */
async function requestLink(email: string) {
  const res = await createTestClient(ctx).post('/auth/password-reset/request', { email });
  expect(res.status).toBe(202);
  const all = await mailsTo(email);
  const latest = all.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).at(-1)!;
  return /\/reset-password\/([\w-]+)/.exec(latest.textBody)![1]!;
}

const confirm = (token: string, password = newPassword) =>
  createTestClient(ctx).post('/auth/password-reset/confirm', { token, password });

describe('password reset', () => {
  it('answers the same for an unknown address and sends nothing', async () => {
    await person('known@test.coop');
    const known = await createTestClient(ctx).post('/auth/password-reset/request', {
      email: 'known@test.coop',
    });
    const unknown = await createTestClient(ctx).post('/auth/password-reset/request', {
      email: 'unknown@test.coop',
    });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(known.body);
    // Both requests did the same work (one queued job each), so their timing tells nothing either.
    const queued = await ctx.db.select().from(jobs).where(eq(jobs.kind, PASSWORD_RESET_JOB));
    expect(queued.map((j) => j.payload.email).sort()).toEqual(['known@test.coop', 'unknown@test.coop']);
    expect(await mailsTo('unknown@test.coop')).toEqual([]);
    expect(await mailsTo('known@test.coop')).toHaveLength(1);
  });

  it('mails a link, in the person’s language, that sets a new password', async () => {
    await person('reset@test.coop', 'en');
    const token = await requestLink('reset@test.coop');
    const [mail] = await mailsTo('reset@test.coop');
    expect(mail!.subject).toBe('Resetting your password');
    expect(mail!.textBody).toContain(`http://localhost:3000/reset-password/${token}`);
    await runDueJobs(ctx);
    expect((await mailsTo('reset@test.coop'))[0]!.status).toBe('outbox');
    expect((await confirm(token)).status).toBe(200);
    const login = (password: string) =>
      createTestClient(ctx).post('/auth/login', { email: 'reset@test.coop', password });
    expect((await login(testPassword)).status).toBe(401);
    expect((await login(newPassword)).status).toBe(200);
  });

  it('works once only', async () => {
    await person('once@test.coop');
    const token = await requestLink('once@test.coop');
    expect((await confirm(token)).status).toBe(200);
    const again = await confirm(token, 'yet another passphrase');
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('TOKEN_INVALID');
  });

  it('expires after 60 minutes', async () => {
    await person('slow@test.coop');
    const fresh = await requestLink('slow@test.coop');
    const stale = await requestLink('slow@test.coop');
    ctx.advance(59 * minute);
    expect((await confirm(fresh)).status).toBe(200);
    ctx.advance(2 * minute);
    const res = await confirm(stale);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('TOKEN_INVALID');
  });

  it('ends every session of the person', async () => {
    const user = await person('stolen@test.coop');
    const laptop = createTestClient(ctx, { ip: '10.3.0.1' });
    const phone = createTestClient(ctx, { ip: '10.3.0.2' });
    await laptop.logIn('stolen@test.coop', testPassword);
    await phone.logIn('stolen@test.coop', testPassword);
    const token = await requestLink('stolen@test.coop');
    expect((await confirm(token)).status).toBe(200);
    expect((await laptop.get('/me')).status).toBe(401);
    expect((await phone.get('/me')).status).toBe(401);
    const live = (await ctx.db.select().from(sessions).where(eq(sessions.userId, user.id))).filter(
      (s) => s.revokedAt === null,
    );
    expect(live).toEqual([]);
    const audit = await ctx.db.select().from(auditLog).where(eq(auditLog.objectId, user.id));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['password.reset_requested', 'password.reset']),
    );
  });

  it('refuses a too-short password without using up the link', async () => {
    await person('short@test.coop');
    const token = await requestLink('short@test.coop');
    const res = await confirm(token, 'short');
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      { path: 'password', message: 'Le mot de passe doit compter au moins 12 caractères.' },
    ]);
    expect((await confirm(token)).status).toBe(200);
  });

  it('sends nothing to a disabled account, and its link stops working', async () => {
    const user = await person('gone@test.coop');
    const token = await requestLink('gone@test.coop');
    await ctx.db.update(users).set({ active: false }).where(eq(users.id, user.id));
    expect((await confirm(token)).body.code).toBe('TOKEN_INVALID');
    await createTestClient(ctx).post('/auth/password-reset/request', { email: 'gone@test.coop' });
    expect(await mailsTo('gone@test.coop')).toHaveLength(1);
  });

  it('sends at most 5 links an hour to one address, silently', async () => {
    await person('flood@test.coop');
    for (let i = 0; i < 8; i++) {
      const res = await createTestClient(ctx).post('/auth/password-reset/request', {
        email: 'flood@test.coop',
      });
      expect(res.status).toBe(202);
    }
    expect(await mailsTo('flood@test.coop')).toHaveLength(5);
    ctx.advance(61 * minute);
    await createTestClient(ctx).post('/auth/password-reset/request', { email: 'flood@test.coop' });
    expect(await mailsTo('flood@test.coop')).toHaveLength(6);
  });
});
