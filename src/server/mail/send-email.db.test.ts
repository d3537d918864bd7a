import { createServer } from 'node:net';
import { eq, inArray } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../audit/actor.ts';
import { jobs } from '../jobs/jobs-tables.ts';
import { retryDelayMs, runDueJobs } from '../jobs/run-due-jobs.ts';
import { invitePerson } from '../people/invite-person.ts';
import { createTestContext, type TestContext } from '../testing/create-test-context.ts';
import { seedTestPeople, testPassword } from '../testing/seed-test-people.ts';
import { createTestClient } from '../testing/test-client.ts';
import { enqueueEmail } from './enqueue-email.ts';
import { emails } from './mail-tables.ts';

type Received = { from: string; to: string[]; raw: string; subject: string };

/** A real SMTP server on a free local port, keeping what it receives. */
async function startSmtpServer() {
  const received: Received[] = [];
  const state = { rejectRecipients: false, delayMs: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (state.rejectRecipients) {
        const error = Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 });
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          subject: decodeHeader(/^Subject: (.*(?:\r\n[ \t].*)*)/m.exec(raw)?.[1] ?? ''),
        });
        setTimeout(callback, state.delayMs);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Decodes RFC 2047 encoded words (=?UTF-8?Q?…?= and =?UTF-8?B?…?=) in a folded header. */
function decodeHeader(value: string): string {
  return value
    .replace(/\r\n[ \t]/g, ' ')
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([qb])\?([^?]*)\?=/gi, (_w, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

/** A local port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

let ctx: TestContext;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
const start = new Date('2026-03-02T09:00:00.000Z');

beforeAll(async () => {
  smtp = await startSmtpServer();
  ctx = await createTestContext({ smtpUrl: smtp.url });
  await seedTestPeople(ctx);
});
afterAll(async () => {
  await ctx.close();
  await smtp.close();
});
afterEach(async () => {
  ctx.setNow(start);
  ctx.config.smtpUrl = smtp.url;
  smtp.state.rejectRecipients = false;
  smtp.state.delayMs = 0;
  // Each test starts with an empty queue.
  await ctx.db
    .update(jobs)
    .set({ status: 'done' })
    .where(inArray(jobs.status, ['pending', 'running']));
});

const invite = (email: string, locale: 'fr' | 'en' = 'fr') =>
  invitePerson(
    ctx,
    { ...systemActor, label: 'Alex Admin' },
    { email, name: 'Sam', roles: ['member'], locale },
  );
const mailTo = async (email: string) =>
  (await ctx.db.select().from(emails).where(eq(emails.toAddress, email)))[0]!;
const jobOf = async (emailId: string) =>
  (await ctx.db.select().from(jobs)).find((j) => j.payload.emailId === emailId)!;

describe('e-mail over SMTP', () => {
  it('delivers the invitation to the SMTP server, with its subject and recipient', async () => {
    await invite('sam@example.org');
    expect(smtp.received).toHaveLength(0);
    expect(await runDueJobs(ctx)).toBe(1);
    const message = smtp.received.find((m) => m.to.includes('sam@example.org'))!;
    expect(message).toBeDefined();
    expect(message.from).toBe('contact@demo.mutua.coop');
    expect(message.subject).toBe('Invitation à rejoindre Coopérative Mutua Démo');
    expect(message.raw).toMatch(/^To: Sam <sam@example\.org>/m);
    const mail = await mailTo('sam@example.org');
    expect(mail).toMatchObject({ status: 'sent', transport: 'smtp', attempts: 1, lastError: null });
    expect((await jobOf(mail.id)).status).toBe('done');
    // Running the queue again sends nothing more.
    expect(await runDueJobs(ctx)).toBe(0);
    expect(smtp.received.filter((m) => m.to.includes('sam@example.org'))).toHaveLength(1);
  });

  it('writes in English to a person who chose English', async () => {
    await invite('en@example.org', 'en');
    await runDueJobs(ctx);
    expect(smtp.received.find((m) => m.to.includes('en@example.org'))!.subject).toBe(
      'Invitation to join Coopérative Mutua Démo',
    );
  });

  it('retries a refused mail with growing delays, then marks it failed after the last attempt', async () => {
    smtp.state.rejectRecipients = true;
    await invite('bounce@example.org');
    const { id } = await mailTo('bounce@example.org');
    const maxAttempts = (await jobOf(id)).maxAttempts;
    expect(maxAttempts).toBe(6);
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      expect(await runDueJobs(ctx), `attempt ${attempt}`).toBe(1);
      const job = await jobOf(id);
      const mail = await mailTo('bounce@example.org');
      expect(job.attempts).toBe(attempt);
      expect(mail.attempts).toBe(attempt);
      expect(job.lastError).toMatch(/550|Mailbox unavailable/);
      if (attempt < maxAttempts) {
        expect(job.status).toBe('pending');
        expect(mail.status).toBe('queued');
        expect(job.runAt.getTime() - ctx.now().getTime()).toBe(retryDelayMs(attempt));
        // Not due before its time…
        ctx.advance(retryDelayMs(attempt) - 1000);
        expect(await runDueJobs(ctx)).toBe(0);
        // …due after.
        ctx.advance(1000);
      } else {
        expect(job.status).toBe('failed');
        expect(mail.status).toBe('failed');
      }
    }
    expect([1, 2, 3, 4, 5].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000]);
    ctx.advance(24 * 3_600_000);
    expect(await runDueJobs(ctx)).toBe(0);
    expect(smtp.received.some((m) => m.to.includes('bounce@example.org'))).toBe(false);
  });

  it('retries when the SMTP server cannot be reached, and delivers once it is back', async () => {
    ctx.config.smtpUrl = `smtp://127.0.0.1:${await closedPort()}`;
    await invite('later@example.org');
    const { id } = await mailTo('later@example.org');
    expect(await runDueJobs(ctx)).toBe(1);
    const job = await jobOf(id);
    expect(job).toMatchObject({ status: 'pending', attempts: 1 });
    expect(job.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect((await mailTo('later@example.org')).status).toBe('queued');
    ctx.config.smtpUrl = smtp.url;
    ctx.advance(retryDelayMs(1));
    expect(await runDueJobs(ctx)).toBe(1);
    expect(await mailTo('later@example.org')).toMatchObject({ status: 'sent', attempts: 2 });
    expect(smtp.received.filter((m) => m.to.includes('later@example.org'))).toHaveLength(1);
  });

  it('takes a job again when its worker died, without sending a mail twice', async () => {
    await invite('crash@example.org');
    const { id } = await mailTo('crash@example.org');
    await runDueJobs(ctx);
    // The worker sent the mail, then died before marking its job done.
    await ctx.db
      .update(jobs)
      .set({ status: 'running', lockedUntil: new Date(start.getTime() + 300_000) })
      .where(eq(jobs.id, (await jobOf(id)).id));
    expect(await runDueJobs(ctx)).toBe(0);
    ctx.advance(301_000);
    expect(await runDueJobs(ctx)).toBe(1);
    expect((await jobOf(id)).status).toBe('done');
    expect(smtp.received.filter((m) => m.to.includes('crash@example.org'))).toHaveLength(1);
  });

  it('never sends a mail twice when two workers run the queue at the same time', async () => {
    smtp.state.delayMs = 15;
    const addresses = Array.from({ length: 12 }, (_, i) => `worker${i}@example.org`);
    await ctx.db.transaction(async (tx) => {
      for (const to of addresses)
        await enqueueEmail(tx, {
          now: ctx.now(),
          to,
          toName: to,
          locale: 'fr',
          template: 'passwordReset',
          vars: { name: to, cooperativeName: 'Mutua', url: 'http://localhost:3000/x', expiresMinutes: 60 },
        });
    });
    const [a, b] = await Promise.all([runDueJobs(ctx), runDueJobs(ctx)]);
    expect(a + b).toBe(addresses.length);
    const delivered = smtp.received.filter((m) => m.to.some((t) => addresses.includes(t)));
    expect(delivered).toHaveLength(addresses.length);
    expect(new Set(delivered.map((m) => m.to[0])).size).toBe(addresses.length);
    const rows = await ctx.db.select().from(emails).where(inArray(emails.toAddress, addresses));
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
    if (ctx.database.kind === 'postgres') {
      // On a server, both workers really ran side by side.
      expect(a).toBeGreaterThan(0);
      expect(b).toBeGreaterThan(0);
    }
  });
});

describe('outbox', () => {
  it('lets administrators read every mail, newest first, filtered by recipient, with its text and HTML', async () => {
    const admin = createTestClient(ctx, { ip: '10.10.0.1' });
    await admin.logIn('admin@test.coop', testPassword);
    ctx.advance(1000);
    await invite('outbox-a@example.org');
    ctx.advance(1000);
    await invite('outbox-b@example.org');
    const list = await admin.get('/outbox?limit=2');
    expect(list.status).toBe(200);
    expect(list.body.map((m: { toAddress: string }) => m.toAddress)).toEqual([
      'outbox-b@example.org',
      'outbox-a@example.org',
    ]);
    const one = await admin.get('/outbox?to=OUTBOX-A@example.org');
    expect(one.body).toHaveLength(1);
    expect(one.body[0]).toMatchObject({ status: 'queued', template: 'invitation', attempts: 0 });
    const detail = await admin.get(`/outbox/${one.body[0].id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.textBody).toMatch(/\/invitation\/[\w-]{43}/);
    expect(detail.body.htmlBody).toMatch(/^<!doctype html>/);
    expect((await admin.get('/outbox/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('is closed to everyone but administrators', async () => {
    for (const role of ['member', 'support', 'accountant', 'manager']) {
      const client = createTestClient(ctx, { ip: `10.10.1.${role.length}` });
      await client.logIn(`${role}@test.coop`, testPassword);
      expect((await client.get('/outbox')).status, role).toBe(403);
    }
  });
});
