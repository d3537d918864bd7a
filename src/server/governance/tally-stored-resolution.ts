import { eq, sql } from 'drizzle-orm';
import type { LegalForm } from '../../core/cooperative/legal-forms.ts';
import { remoteExcludedFor } from '../../core/governance/check-resolution-majority.ts';
import { countParticipantsByCollege } from '../../core/governance/count-participants.ts';
import {
  type CollegeFigures,
  type ResolutionTally,
  tallyResolution,
  type VoteCounts,
} from '../../core/governance/tally-resolution.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';
import { assemblyAttendanceEntries } from './assembly-attendance.ts';
import { type AssemblyRulesSnapshot, resolutions } from './governance-tables.ts';

const zero = (): VoteCounts => ({ yes: 0, no: 0, abstain: 0, blank: 0 });

/**
 * The tally of one resolution from the database: associates convened per college, who takes part for this
 * resolution (remote participants left out of approving the accounts in a SARL), and the ballots — named
 * ones counted by college and choice, secret ones read from their counters.
 */
export async function tallyStoredResolution(
  db: Db,
  resolution: typeof resolutions.$inferSelect,
  rules: AssemblyRulesSnapshot,
): Promise<ResolutionTally> {
  const eligible = await queryRows<{ college: string; n: number }>(
    db,
    sql`SELECT college, count(*)::int AS n FROM assembly_voters WHERE assembly_id = ${resolution.assemblyId} GROUP BY college`,
  );
  const participants = countParticipantsByCollege(
    await assemblyAttendanceEntries(db, resolution.assemblyId),
    {
      remoteAttendance: rules.remoteAttendance,
      postalVoting: rules.postalVoting,
      excludeRemote: remoteExcludedFor(rules.legalForm as LegalForm, resolution.approvesAccounts),
    },
  );
  const counts = new Map<string, VoteCounts>();
  const add = (college: string, choice: keyof VoteCounts, n: number) => {
    const c = counts.get(college) ?? zero();
    c[choice] += n;
    counts.set(college, c);
  };
  if (resolution.secret) {
    const rows = await queryRows<{
      college: string;
      yes: number;
      no: number;
      abstain: number;
      blank: number;
    }>(
      db,
      sql`SELECT college, yes, no, abstain, blank FROM secret_tallies WHERE resolution_id = ${resolution.id}`,
    );
    for (const r of rows)
      for (const k of ['yes', 'no', 'abstain', 'blank'] as const) add(r.college, k, Number(r[k]));
  } else {
    const rows = await queryRows<{ college: string; choice: keyof VoteCounts; n: number }>(
      db,
      sql`SELECT college, choice, count(*)::int AS n FROM open_ballots WHERE resolution_id = ${resolution.id} GROUP BY college, choice`,
    );
    for (const r of rows) add(r.college, r.choice, Number(r.n));
  }
  const weights = new Map(rules.colleges.map((c) => [c.key, c.weightBp]));
  const colleges: CollegeFigures[] = eligible
    .map((e) => {
      const p = participants.get(e.college);
      return {
        college: e.college,
        weightBp: rules.colleges.length ? (weights.get(e.college) ?? 0) : 10_000,
        eligible: Number(e.n),
        participants: p?.total ?? 0,
        counts: counts.get(e.college) ?? zero(),
        blankProxies: p?.blankProxies ?? 0,
      };
    })
    .sort((a, b) => (a.college < b.college ? -1 : a.college > b.college ? 1 : 0));
  return tallyResolution({
    quorum: rules.quorum,
    majority: resolution.majority,
    backedByBoard: resolution.backedByBoard,
    colleges,
  });
}

export async function loadResolution(db: Db, resolutionId: string) {
  const [r] = await db.select().from(resolutions).where(eq(resolutions.id, resolutionId));
  return r ?? null;
}
