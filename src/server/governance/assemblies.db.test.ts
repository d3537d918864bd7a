import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/query-rows.ts';
import { createTestContext, type TestContext } from '../testing/create-test-context.ts';
import { seedTestPeople, testPassword } from '../testing/seed-test-people.ts';
import { createTestClient, type TestClient } from '../testing/test-client.ts';
import { seedAssociates } from './governance-test-fixture.ts';

let ctx: TestContext;
let manager: TestClient;
let support: TestClient;
const voter: TestClient[] = [];
let ids: { voters: { associateId: string; userId: string; email: string }[]; others: string[] };
let assemblyId: string;
let resolutionIds: string[];

const legalMajority = { fraction: { num: 1, den: 2 }, strict: true, base: 'votesCast' };

async function logInAll() {
  await manager.logIn('manager@test.coop', testPassword);
  await support.logIn('support@test.coop', testPassword);
  for (const [i, c] of voter.entries()) await c.logIn(ids.voters[i]!.email, testPassword);
}

/** The database's own refusal (Drizzle wraps the driver's error). */
async function refusal(query: Promise<unknown>): Promise<string | null> {
  try {
    await query;
    return null;
  } catch (error) {
    const e = error as { message: string; cause?: { message?: string } };
    return e.cause?.message ?? e.message;
  }
}

beforeAll(async () => {
  ctx = await createTestContext();
  await seedTestPeople(ctx);
  // 4 associates who vote in Mutua, 37 who take part on paper: 41 associates, so 2 proxies each at most.
  ids = await seedAssociates(ctx, { voters: 4, others: 37 });
  manager = createTestClient(ctx, { ip: '10.9.0.1' });
  support = createTestClient(ctx, { ip: '10.9.0.2' });
  for (let i = 0; i < 4; i++) voter.push(createTestClient(ctx, { ip: `10.9.1.${i + 1}` }));
  await logInAll();
  const settings = (await manager.get('/governance/settings')).body.settings;
  const saved = await manager.put('/governance/settings', { ...settings, remoteAttendance: true });
  expect(saved.status, saved.text).toBe(200);
}, 120_000);
afterAll(() => ctx.close());

const assembly = (over: Record<string, unknown> = {}) => ({
  title: 'Assemblée générale annuelle 2026',
  type: 'ordinary',
  call: 'first',
  meetingOn: '2026-03-18',
  startsAt: '18:00',
  place: 'Maison des coopératives, Paris',
  onlineUrl: 'https://visio.example.coop/ag-2026',
  resolutions: [
    { title: 'Approbation des comptes 2025', majority: legalMajority, approvesAccounts: true },
    { title: 'Élection du conseil', majority: legalMajority, secret: true },
    { title: 'Modification du règlement intérieur', majority: legalMajority, backedByBoard: false },
  ],
  ...over,
});

describe('preparing and convening an assembly', () => {
  it('refuses a resolution without a majority rule, or with a majority looser than the law', async () => {
    const none = await manager.post(
      '/governance/assemblies',
      assembly({ resolutions: [{ title: 'Sans règle' }] }),
    );
    expect(none.status).toBe(422);
    expect(none.body.code).toBe('RESOLUTION_MAJORITY_REQUIRED');
    const loose = await manager.post(
      '/governance/assemblies',
      assembly({ type: 'extraordinary', resolutions: [{ title: 'Statuts', majority: legalMajority }] }),
    );
    expect(loose.status).toBe(422);
    expect(loose.body.code).toBe('RESOLUTION_MAJORITY_TOO_LOW');
  });

  it('refuses a notice sent later than 15 days before a first-call meeting, and accepts it on the 15th day', async () => {
    const late = await manager.post('/governance/assemblies', assembly({ meetingOn: '2026-03-16' }));
    expect(late.status, late.text).toBe(201);
    const refused = await manager.post(`/governance/assemblies/${late.body.id}/convene`);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('NOTICE_TOO_LATE');
    expect(refused.body.detail).toBe(
      'Convocation trop tardive : il faut 15 jours avant l’assemblée, il en reste 14 (envoi au plus tard le 2026-03-01).',
    );

    const onTime = await manager.post('/governance/assemblies', assembly({ meetingOn: '2026-03-17' }));
    assemblyId = onTime.body.id;
    resolutionIds = onTime.body.resolutions.map((r: any) => r.id);
    const sent = await manager.post(`/governance/assemblies/${assemblyId}/convene`);
    expect(sent.status, sent.text).toBe(200);
    expect(sent.body).toMatchObject({ sentOn: '2026-03-02', voters: 41, emailed: 4 });
    expect(sent.body.byPost).toHaveLength(37);
    const mails = await queryRows<{ to_address: string; subject: string; text_body: string }>(
      ctx.db,
      sql`SELECT to_address, subject, text_body FROM emails WHERE template = 'assemblyNotice' ORDER BY to_address`,
    );
    expect(mails.map((m) => m.to_address)).toEqual(ids.voters.map((v) => v.email));
    expect(mails[0]!.subject).toBe('Convocation : Assemblée générale annuelle 2026 (17/03/2026)');
    expect(mails[0]!.text_body).toContain('1. Approbation des comptes 2025');
    const view = (await voter[0]!.get(`/governance/assemblies/${assemblyId}`)).body;
    expect(view).toMatchObject({
      status: 'convened',
      voters: 41,
      rules: { proxyCap: 2, remoteAttendance: true, postalVoting: true },
    });
    expect(view.attendanceSheet).toBeNull();
    expect((await manager.put(`/governance/assemblies/${assemblyId}`, assembly())).body.code).toBe(
      'ASSEMBLY_NOT_DRAFT',
    );
  });
});

describe('proxies and postal votes before the meeting', () => {
  it('caps proxies at 2 per holder for 41 associates, and refuses a proxy to a non-associate', async () => {
    const [v1, v2, v3, v4] = ids.voters;
    expect(
      (
        await voter[3]!.post(`/governance/assemblies/${assemblyId}/proxy`, {
          holderAssociateId: v1!.associateId,
        })
      ).status,
    ).toBe(200);
    const paper = await manager.post(`/governance/assemblies/${assemblyId}/attendance`, {
      associateId: ids.others[0],
      mode: 'represented',
      proxyHolderId: v1!.associateId,
    });
    expect(paper.status, paper.text).toBe(200);
    const third = await manager.post(`/governance/assemblies/${assemblyId}/attendance`, {
      associateId: ids.others[1],
      mode: 'represented',
      proxyHolderId: v1!.associateId,
    });
    expect(third.status).toBe(422);
    expect(third.body).toMatchObject({
      code: 'PROXY_CAP_EXCEEDED',
      detail: 'Cette personne détient déjà 2 pouvoir(s) ; le maximum est 2.',
    });
    const stranger = await voter[2]!.post(`/governance/assemblies/${assemblyId}/proxy`, {
      holderAssociateId: '00000000-0000-4000-8000-000000000000',
    });
    expect(stranger.body.code).toBe('PROXY_HOLDER_NOT_ASSOCIATE');
    const notAssociate = await support.post(`/governance/assemblies/${assemblyId}/proxy`, {
      holderAssociateId: v2!.associateId,
    });
    expect(notAssociate.status).toBe(403);
    expect(notAssociate.body.code).toBe('VOTER_NOT_ASSOCIATE');
    // A proxy holder cannot in turn be represented, and nobody holds their own proxy.
    const chain = await manager.post(`/governance/assemblies/${assemblyId}/attendance`, {
      associateId: v1!.associateId,
      mode: 'represented',
      proxyHolderId: v2!.associateId,
    });
    expect(chain.body.code).toBe('PROXY_HOLDER_ABSENT');
    expect(
      (
        await voter[1]!.post(`/governance/assemblies/${assemblyId}/proxy`, {
          holderAssociateId: v2!.associateId,
        })
      ).body.code,
    ).toBe('PROXY_TO_SELF');
    expect(v3 && v4).toBeTruthy();
  });

  it('takes one postal form per associate before the session, counted when each vote closes', async () => {
    const form = {
      choices: resolutionIds.map((id, i) => ({ resolutionId: id, choice: i === 2 ? 'no' : 'yes' })),
    };
    const sent = await voter[2]!.post(`/governance/assemblies/${assemblyId}/postal-votes`, form);
    expect(sent.status, sent.text).toBe(201);
    expect((await voter[2]!.post(`/governance/assemblies/${assemblyId}/postal-votes`, form)).body.code).toBe(
      'VOTE_ALREADY_CAST',
    );
  });
});

describe('the live assembly', () => {
  it('opens on the meeting day only', async () => {
    const early = await manager.post(`/governance/assemblies/${assemblyId}/open`);
    expect(early.body.code).toBe('ASSEMBLY_NOT_YET');
    ctx.setNow('2026-03-17T17:00:00Z');
    await logInAll();
    const open = await manager.post(`/governance/assemblies/${assemblyId}/open`);
    expect(open.status, open.text).toBe(200);
    expect(
      (
        await voter[0]!.post(`/governance/assemblies/${assemblyId}/postal-votes`, {
          choices: [{ resolutionId: resolutionIds[0], choice: 'yes' }],
        })
      ).body.code,
    ).toBe('POSTAL_VOTE_TOO_LATE');
  });

  it('counts the quorum live as people arrive: 9 of 41 needed (1/5, rounded up)', async () => {
    await manager.post(`/governance/assemblies/${assemblyId}/attendance`, {
      associateId: ids.voters[0]!.associateId,
      mode: 'present',
    });
    let live = (await manager.get(`/governance/assemblies/${assemblyId}`)).body;
    // Present: voter 1; represented by voter 1: voter 4 and one paper associate; postal: voter 3.
    expect(live.participation).toMatchObject({ present: 1, postal: 1, represented: 2, total: 4 });
    expect(live.quorum).toEqual({ needed: 9, participants: 4, eligible: 41, reached: false });
    for (const id of ids.others.slice(2, 6))
      await manager.post(`/governance/assemblies/${assemblyId}/attendance`, {
        associateId: id,
        mode: 'present',
      });
    live = (await manager.get(`/governance/assemblies/${assemblyId}`)).body;
    expect(live.quorum).toMatchObject({ participants: 8, reached: false });
    await manager.post(`/governance/assemblies/${assemblyId}/attendance`, {
      associateId: ids.others[6],
      mode: 'blankProxy',
    });
    live = (await manager.get(`/governance/assemblies/${assemblyId}`)).body;
    expect(live.quorum).toMatchObject({ participants: 9, reached: true });
    expect(live.attendanceSheet).toHaveLength(41);
  });

  it('votes on the open resolution: once each, with proxies, results hidden until the close', async () => {
    const [r1] = resolutionIds;
    expect((await voter[0]!.post(`/governance/resolutions/${r1}/votes`, { choice: 'yes' })).body.code).toBe(
      'VOTE_NOT_OPEN',
    );
    expect((await manager.post(`/governance/resolutions/${r1}/open`)).status).toBe(200);
    expect((await manager.post(`/governance/resolutions/${resolutionIds[1]}/open`)).body.code).toBe(
      'VOTE_ALREADY_OPEN',
    );

    expect((await voter[0]!.post(`/governance/resolutions/${r1}/votes`, { choice: 'yes' })).status).toBe(201);
    expect((await voter[0]!.post(`/governance/resolutions/${r1}/votes`, { choice: 'no' })).body.code).toBe(
      'VOTE_ALREADY_CAST',
    );
    expect(
      (
        await voter[0]!.post(`/governance/resolutions/${r1}/votes`, {
          choice: 'no',
          onBehalfOf: ids.voters[3]!.associateId,
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await voter[0]!.post(`/governance/resolutions/${r1}/votes`, {
          choice: 'abstain',
          onBehalfOf: ids.others[0],
        })
      ).status,
    ).toBe(201);
    // Voter 4 gave a proxy, voter 3 voted by post: neither votes in session; nobody votes for someone they do not represent.
    expect((await voter[3]!.post(`/governance/resolutions/${r1}/votes`, { choice: 'yes' })).body.code).toBe(
      'VOTER_NOT_ATTENDING',
    );
    expect((await voter[2]!.post(`/governance/resolutions/${r1}/votes`, { choice: 'yes' })).body.code).toBe(
      'VOTER_NOT_ATTENDING',
    );
    expect(
      (
        await voter[1]!.post(`/governance/resolutions/${r1}/votes`, {
          choice: 'yes',
          onBehalfOf: ids.others[0],
        })
      ).body.code,
    ).toBe('PROXY_NOT_HELD');
    const outsider = await support.post(`/governance/resolutions/${r1}/votes`, { choice: 'yes' });
    expect(outsider.status).toBe(403);
    expect(outsider.body.code).toBe('VOTER_NOT_ASSOCIATE');
    // Voter 2 has no attendance yet: voting records them as taking part remotely (the statutes allow it).
    expect((await voter[1]!.post(`/governance/resolutions/${r1}/votes`, { choice: 'no' })).status).toBe(201);

    const live = (await voter[1]!.get(`/governance/assemblies/${assemblyId}`)).body;
    expect(live.resolutions[0]).toMatchObject({ status: 'open', ballots: 5, result: null });
    const mine = (await voter[0]!.get(`/governance/assemblies/${assemblyId}/my-ballot`)).body;
    expect(mine.represented.map((p: any) => p.id).sort()).toEqual(
      [ids.voters[3]!.associateId, ids.others[0]].sort(),
    );
    expect(mine.cast.filter((c: any) => c.resolutionId === r1)).toHaveLength(3);
    // The associates convened, for choosing a proxy holder: numbers and names only, and only for them.
    const voters = await voter[0]!.get(`/governance/assemblies/${assemblyId}/voters`);
    expect(voters.status).toBe(200);
    expect(voters.body).toHaveLength(41);
    expect(Object.keys(voters.body[0]).sort()).toEqual(['id', 'name', 'number']);
    expect((await support.get(`/governance/assemblies/${assemblyId}/voters`)).body.code).toBe(
      'VOTER_NOT_ASSOCIATE',
    );

    const closed = await manager.post(`/governance/resolutions/${r1}/close`);
    expect(closed.status, closed.text).toBe(200);
    // yes: voter 1, voter 3 (post), and the blank proxy (backed by the board); no: voter 4 (by proxy), voter 2.
    expect(closed.body).toMatchObject({
      counts: { yes: 3, no: 2, abstain: 1, blank: 0 },
      votesCast: 5,
      yesNeeded: 3,
      adopted: true,
      quorum: { participants: 10, eligible: 41, needed: 9, reached: true },
    });
    expect(
      (await voter[1]!.get(`/governance/assemblies/${assemblyId}`)).body.resolutions[0].result.adopted,
    ).toBe(true);
    const late = await voter[1]!.post(`/governance/resolutions/${r1}/votes`, {
      choice: 'yes',
      onBehalfOf: ids.others[0],
    });
    expect(late.body.code).toBe('VOTE_CLOSED');
    // Once someone has voted, their attendance is fixed.
    expect(
      (
        await manager.post(`/governance/assemblies/${assemblyId}/attendance`, {
          associateId: ids.voters[1]!.associateId,
          mode: 'present',
        })
      ).body.code,
    ).toBe('ATTENDANCE_LOCKED_BY_BALLOT');
  });

  it('counts exactly one vote out of 50 simultaneous submissions by the same voter', async () => {
    const [, r2] = resolutionIds;
    expect((await manager.post(`/governance/resolutions/${r2}/open`)).status).toBe(200);
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        voter[1]!.post(`/governance/resolutions/${r2}/votes`, { choice: 'no' }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.code === 'VOTE_ALREADY_CAST')).toBe(
      true,
    );
    const [row] = await queryRows<{ participations: number; ballots: number }>(
      ctx.db,
      sql`SELECT (SELECT count(*)::int FROM ballot_participations WHERE resolution_id = ${r2} AND associate_id = ${ids.voters[1]!.associateId}) AS participations,
                 (SELECT coalesce(sum(yes + no + abstain + blank), 0)::int FROM secret_tallies WHERE resolution_id = ${r2}) AS ballots`,
    );
    // One participation for voter 2, and in the secret counters: voter 3's postal ballot plus voter 2's.
    expect(row).toEqual({ participations: 1, ballots: 2 });
  });

  it('stores a secret ballot with no link to its voter: no row anywhere holds both a voter and a choice', async () => {
    const [, r2] = resolutionIds;
    expect((await voter[0]!.post(`/governance/resolutions/${r2}/votes`, { choice: 'yes' })).status).toBe(201);
    expect(
      (
        await voter[0]!.post(`/governance/resolutions/${r2}/votes`, {
          choice: 'blank',
          onBehalfOf: ids.voters[3]!.associateId,
        })
      ).status,
    ).toBe(201);
    const voterKeys = ids.voters.flatMap((v) => [v.associateId, v.userId]);
    const tables = await queryRows<{ table_name: string }>(
      ctx.db,
      sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    const linked: string[] = [];
    let mentions = 0;
    for (const { table_name } of tables) {
      const rows = await queryRows<{ j: string }>(
        ctx.db,
        sql`SELECT to_jsonb(t)::text AS j FROM ${sql.identifier(table_name)} t`,
      );
      for (const { j } of rows) {
        if (!j.includes(r2!)) continue;
        mentions += 1;
        const names = voterKeys.some((k) => j.includes(k));
        const choice = /"(choice|yes|no|abstain|blank)"/.test(j);
        if (names && choice) linked.push(`${table_name}: ${j}`);
      }
    }
    expect(mentions).toBeGreaterThan(5);
    expect(linked).toEqual([]);
    // The counters carry no voter, no time, no order: one row per college, rewritten by every ballot.
    const columns = await queryRows<{ column_name: string }>(
      ctx.db,
      sql`SELECT column_name FROM information_schema.columns WHERE table_name = 'secret_tallies' ORDER BY ordinal_position`,
    );
    expect(columns.map((c) => c.column_name)).toEqual([
      'resolution_id',
      'college',
      'yes',
      'no',
      'abstain',
      'blank',
    ]);
    expect(
      await queryRows(
        ctx.db,
        sql`SELECT yes, no, abstain, blank FROM secret_tallies WHERE resolution_id = ${r2}`,
      ),
    ).toEqual([{ yes: 2, no: 1, abstain: 0, blank: 1 }]);
    // The participation is recorded apart, so the attendance sheet still shows who took part.
    const who = await queryRows<{ associate_id: string }>(
      ctx.db,
      sql`SELECT associate_id FROM ballot_participations WHERE resolution_id = ${r2}`,
    );
    expect(who).toHaveLength(4);
  });

  it('refuses a vote slipped into a closed resolution, even straight into the database', async () => {
    const [, r2, r3] = resolutionIds;
    const closed = await manager.post(`/governance/resolutions/${r2}/close`);
    // Secret counters (yes 2, no 1, blank 1) plus the blank proxy, for (the board backs it).
    expect(closed.body).toMatchObject({
      counts: { yes: 3, no: 1, abstain: 0, blank: 1 },
      votesCast: 4,
      adopted: true,
    });
    expect(
      await refusal(ctx.db.execute(sql`UPDATE secret_tallies SET yes = yes + 1 WHERE resolution_id = ${r2}`)),
    ).toMatch(/closed/);
    expect(
      await refusal(
        ctx.db.execute(sql`INSERT INTO ballot_participations (resolution_id, associate_id, cast_by, cast_at)
                         VALUES (${r2}, ${ids.others[10]}, ${ids.others[10]}, now())`),
      ),
    ).toMatch(/closed/);
    expect((await manager.post(`/governance/resolutions/${r3}/open`)).status).toBe(200);
    await voter[0]!.post(`/governance/resolutions/${r3}/votes`, { choice: 'yes' });
    const r = await manager.post(`/governance/resolutions/${r3}/close`);
    // Not backed by the board: the blank proxy votes against. yes 1, no 2 (voter 3 by post, blank proxy).
    expect(r.body).toMatchObject({ counts: { yes: 1, no: 2 }, adopted: false });
  });

  it('closes the assembly with sealed minutes that nobody can alter', async () => {
    const closed = await manager.post(`/governance/assemblies/${assemblyId}/close`);
    expect(closed.status, closed.text).toBe(200);
    const minutes = await voter[1]!.get(`/governance/assemblies/${assemblyId}/minutes`);
    expect(minutes.status).toBe(200);
    const bytes = Buffer.from(
      await (
        await voter[1]!.app.request(`http://localhost:3000/api/governance/assemblies/${assemblyId}/minutes`, {
          headers: { cookie: voter[1]!.cookie! },
        })
      ).arrayBuffer(),
    );
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(sha).toBe(closed.body.sha256);
    expect(minutes.headers.get('x-content-sha256')).toBe(sha);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');

    expect(
      await refusal(
        ctx.db.execute(sql`UPDATE assembly_minutes SET sha256 = sha256 WHERE assembly_id = ${assemblyId}`),
      ),
    ).toMatch(/append-only/);
    expect(
      await refusal(ctx.db.execute(sql`DELETE FROM assembly_minutes WHERE assembly_id = ${assemblyId}`)),
    ).toMatch(/append-only/);
    expect(
      await refusal(ctx.db.execute(sql`UPDATE files SET bytes = '\\x00' WHERE sha256 = ${sha}`)),
    ).toMatch(/sealed/);
    expect(await refusal(ctx.db.execute(sql`DELETE FROM files WHERE sha256 = ${sha}`))).toMatch(/sealed/);
    expect(
      await refusal(ctx.db.execute(sql`UPDATE assemblies SET title = 'Autre' WHERE id = ${assemblyId}`)),
    ).toMatch(/closed/);
    expect(
      await refusal(
        ctx.db.execute(sql`UPDATE resolutions SET result = '{}' WHERE assembly_id = ${assemblyId}`),
      ),
    ).toMatch(/closed/);
    expect(await refusal(ctx.db.execute(sql`UPDATE open_ballots SET choice = 'yes'`))).toMatch(/append-only/);
    expect((await manager.post(`/governance/assemblies/${assemblyId}/close`)).body.code).toBe(
      'STATUS_TRANSITION_REFUSED',
    );
    const view = (await voter[1]!.get(`/governance/assemblies/${assemblyId}`)).body;
    expect(view).toMatchObject({ status: 'closed', minutesSha256: sha });
    expect(view.resolutions.map((r: any) => r.result.adopted)).toEqual([true, true, false]);
  });
});
