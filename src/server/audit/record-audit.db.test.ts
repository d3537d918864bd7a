import { eq, gt, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/query-rows.ts';
import { demoCooperative } from '../demo/seed-demo.ts';
import { runDueJobs } from '../jobs/run-due-jobs.ts';
import { emails } from '../mail/mail-tables.ts';
import { createAccount } from '../people/create-account.ts';
import { updatePerson } from '../people/update-person.ts';
import { createTestContext, type TestContext } from '../testing/create-test-context.ts';
import { seedTestPeople, testPassword } from '../testing/seed-test-people.ts';
import { createTestClient, type TestClient } from '../testing/test-client.ts';
import { systemActor } from './actor.ts';
import { auditLog } from './audit-tables.ts';
import { diffFields, recordAudit } from './record-audit.ts';

let ctx: TestContext;
let people: Awaited<ReturnType<typeof seedTestPeople>>;
let admin: TestClient;

beforeAll(async () => {
  ctx = await createTestContext();
  people = await seedTestPeople(ctx);
  admin = createTestClient(ctx, { ip: '10.7.0.1' });
  await admin.logIn('admin@test.coop', testPassword);
});
afterAll(() => ctx.close());

const lastId = async () => {
  const [row] = await queryRows<{ id: number | null }>(ctx.db, sql`SELECT max(id)::int AS id FROM audit_log`);
  return Number(row?.id ?? 0);
};
const actionsSince = async (id: number) =>
  (await ctx.db.select().from(auditLog).where(gt(auditLog.id, id)).orderBy(auditLog.id)).map((r) => r.action);

describe('audit log', () => {
  it('refuses UPDATE, DELETE and TRUNCATE, even from raw SQL', async () => {
    const count = (await ctx.db.select().from(auditLog)).length;
    expect(count).toBeGreaterThan(0);
    await expect(ctx.database.exec(`UPDATE audit_log SET actor_label = 'someone else'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(ctx.database.exec('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(ctx.database.exec('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    await expect(ctx.db.update(auditLog).set({ action: 'x' }).where(eq(auditLog.id, 1))).rejects.toThrow();
    const after = await ctx.db.select().from(auditLog);
    expect(after.length).toBe(count);
    expect(after.some((r) => r.actorLabel === 'someone else' || r.action === 'x')).toBe(false);
  });

  it('gets one row from every use case, with who did it', async () => {
    const from = await lastId();
    const expected: string[] = [];
    const step = async (action: string, run: () => Promise<unknown>) => {
      const before = await lastId();
      await run();
      expect(await actionsSince(before), action).toEqual([action]);
      expected.push(action);
    };
    const newcomer = 'audited@example.org';
    await step('user.create', () =>
      createAccount(ctx, {
        email: 'made@example.org',
        name: 'Made',
        password: testPassword,
        roles: ['member'],
      }),
    );
    let invitationId = '';
    await step('invitation.create', async () => {
      const res = await admin.post('/invitations', {
        email: 'withdrawn@example.org',
        name: 'W',
        roles: ['member'],
      });
      invitationId = res.body.id;
    });
    await step('invitation.revoke', () => admin.delete(`/invitations/${invitationId}`));
    await step('invitation.create', () =>
      admin.post('/invitations', { email: newcomer, name: 'New', roles: ['member'] }),
    );
    const mail = (await ctx.db.select().from(emails).where(eq(emails.toAddress, newcomer)))[0]!;
    const token = /\/invitation\/([\w-]+)/.exec(mail.textBody)![1]!;
    const guest = createTestClient(ctx, { ip: '10.7.0.2' });
    await step('invitation.accept', () =>
      guest.post('/invitations/accept', { token, password: testPassword }),
    );
    await step('user.update_self', () => guest.patch('/me', { name: 'Renamed' }));
    await step('password.change', () =>
      guest.post('/me/password', { currentPassword: testPassword, newPassword: 'a second passphrase' }),
    );
    await step('session.logout', () => guest.post('/auth/logout'));
    await step('session.login', () => guest.logIn(newcomer, 'a second passphrase'));
    const phone = createTestClient(ctx, { ip: '10.7.0.3' });
    await step('session.login', () => phone.logIn(newcomer, 'a second passphrase'));
    const sessionsList = await guest.get('/me/sessions');
    const other = sessionsList.body.find((s: { current: boolean }) => !s.current);
    await step('session.revoke', () => guest.delete(`/me/sessions/${other.id}`));
    await step('session.revoke_all', () => guest.post('/me/sessions/revoke-all'));
    // The request only queues a job; the lookup, the mail and the audit row happen when it runs.
    await step('password.reset_requested', async () => {
      await createTestClient(ctx).post('/auth/password-reset/request', { email: newcomer });
      await runDueJobs(ctx);
    });
    const reset = (await ctx.db.select().from(emails).where(eq(emails.template, 'passwordReset')))[0]!;
    const resetToken = /\/reset-password\/([\w-]+)/.exec(reset.textBody)![1]!;
    await step('password.reset', () =>
      createTestClient(ctx).post('/auth/password-reset/confirm', {
        token: resetToken,
        password: testPassword,
      }),
    );
    await step('user.update', () =>
      admin.patch(`/people/${people.member.id}`, { roles: ['member', 'support'] }),
    );
    await step('cooperative.update', () =>
      admin.put('/cooperative', { ...JSON.parse(JSON.stringify(demoCooperative)), rcsCity: 'Lyon' }),
    );
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
      'base64',
    );
    await step('cooperative.logo', () =>
      admin.put('/cooperative/logo', new Uint8Array(png), { headers: { 'content-type': 'image/png' } }),
    );
    // Sending mail is not a change anybody made: no audit row.
    const beforeJobs = await lastId();
    await runDueJobs(ctx);
    expect(await actionsSince(beforeJobs)).toEqual([]);

    expect(await actionsSince(from)).toEqual(expected);
    const rows = await ctx.db.select().from(auditLog).where(gt(auditLog.id, from));
    const byAction = (a: string) => rows.find((r) => r.action === a)!;
    expect(byAction('cooperative.update')).toMatchObject({
      actorId: people.admin.id,
      actorLabel: 'admin@test.coop',
      objectType: 'cooperative',
      ipAddress: '10.7.0.1',
      changes: { rcsCity: { from: 'Paris', to: 'Lyon' } },
    });
    expect(byAction('user.update_self').changes).toEqual({ name: { from: 'New', to: 'Renamed' } });
    expect(byAction('user.create').actorLabel).toBe('system');
  });

  it('writes nothing when the change is refused or rolled back', async () => {
    const count = (await ctx.db.select().from(auditLog)).length;
    await expect(updatePerson(ctx, systemActor, people.admin.id, { active: false })).rejects.toMatchObject({
      code: 'LAST_ADMIN',
    });
    const res = await admin.put('/cooperative', {
      ...JSON.parse(JSON.stringify(demoCooperative)),
      siren: '1',
    });
    expect(res.status).toBe(422);
    await expect(
      ctx.db.transaction(async (tx) => {
        await recordAudit(tx, systemActor, { action: 'test.rolled_back', objectType: 'test' });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await ctx.db.select().from(auditLog)).length).toBe(count);
  });
});

describe('diffFields', () => {
  it('lists only the fields whose value changed, comparing objects by content', () => {
    expect(
      diffFields(
        { a: 1, b: 'x', c: { p: 1, q: [1, 2] }, d: ['m'] },
        { a: 1, b: 'y', c: { q: [1, 2], p: 1 }, d: ['m', 'n'] },
      ),
    ).toEqual({ b: { from: 'x', to: 'y' }, d: { from: ['m'], to: ['m', 'n'] } });
    expect(diffFields({ a: [1, 2] }, { a: [2, 1] })).toEqual({ a: { from: [1, 2], to: [2, 1] } });
  });
});

describe('GET /api/audit', () => {
  beforeAll(async () => {
    // Rows at chosen instants around midnight in Paris (UTC+1 in January).
    for (const [at, action] of [
      ['2026-01-14T22:59:00Z', 'tz.before'], // 14 Jan 23:59 Paris
      ['2026-01-14T23:30:00Z', 'tz.first'], // 15 Jan 00:30 Paris
      ['2026-01-15T22:30:00Z', 'tz.last'], // 15 Jan 23:30 Paris
      ['2026-01-15T23:30:00Z', 'tz.after'], // 16 Jan 00:30 Paris
    ] as const) {
      await ctx.db.insert(auditLog).values({
        at: new Date(at),
        actorLabel: 'clock@test.coop',
        action,
        objectType: 'tz',
      });
    }
    for (let i = 0; i < 7; i++)
      await recordAudit(
        ctx.db,
        { ...systemActor, label: `pager${i % 2}@test.coop` },
        {
          action: `page.step${i}`,
          objectType: 'pager',
          objectId: String(i),
        },
      );
  });

  it('pages newest first with a cursor, to the end', async () => {
    const seen: string[] = [];
    let before: number | null = null;
    let pages = 0;
    do {
      const res: { status: number; body: { items: { action: string }[]; nextBefore: number | null } } =
        await admin.get(`/audit?objectType=pager&limit=3${before ? `&before=${before}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((r) => r.action));
      before = res.body.nextBefore;
      pages++;
    } while (before !== null && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([6, 5, 4, 3, 2, 1, 0].map((i) => `page.step${i}`));
  });

  it('filters by action prefix, object type and actor', async () => {
    const byAction = await admin.get('/audit?action=page.step1');
    expect(byAction.body.items.map((r: { action: string }) => r.action)).toEqual(['page.step1']);
    const byActor = await admin.get('/audit?objectType=pager&actor=pager1');
    expect(byActor.body.items.map((r: { action: string }) => r.action)).toEqual([
      'page.step5',
      'page.step3',
      'page.step1',
    ]);
    const logins = await admin.get('/audit?action=session.');
    expect(logins.body.items.length).toBeGreaterThan(0);
    expect(logins.body.items.every((r: { action: string }) => r.action.startsWith('session.'))).toBe(true);
  });

  it('filters by calendar days in the cooperative’s time zone (Europe/Paris)', async () => {
    const res = await admin.get('/audit?objectType=tz&from=2026-01-15&to=2026-01-15');
    expect(res.body.items.map((r: { action: string }) => r.action)).toEqual(['tz.last', 'tz.first']);
    const fromOnly = await admin.get('/audit?objectType=tz&from=2026-01-16');
    expect(fromOnly.body.items.map((r: { action: string }) => r.action)).toEqual(['tz.after']);
  });

  it('refuses malformed filters and non-administrators', async () => {
    expect((await admin.get('/audit?from=15/01/2026')).status).toBe(422);
    expect((await admin.get('/audit?limit=1000')).status).toBe(422);
    expect((await admin.get('/audit?unknown=1')).status).toBe(200);
    for (const role of ['member', 'manager', 'accountant', 'support']) {
      const c = createTestClient(ctx, { ip: `10.7.1.${role.length}` });
      await c.logIn(`${role}@test.coop`, testPassword);
      expect((await c.get('/audit')).status, role).toBe(403);
    }
  });
});
