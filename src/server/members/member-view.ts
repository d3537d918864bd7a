import { eq, sql } from 'drizzle-orm';
import type { JourneyStage } from '../../core/members/journey-schemas.ts';
import type { MemberView } from '../../core/members/member-schemas.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';
import { users } from '../people/people-tables.ts';
import type { members } from './members-tables.ts';

type Row = typeof members.$inferSelect;

/** The stage of a member on a day, read from the stored stage periods. */
export async function stageOf(db: Db, memberId: string, today: string): Promise<JourneyStage> {
  const [r] = await queryRows<{ stage: JourneyStage }>(
    db,
    sql`SELECT stage FROM member_stage_periods
        WHERE member_id = ${memberId} AND from_on <= ${today}::date AND to_on >= ${today}::date`,
  );
  return r?.stage ?? 'prospect';
}

export async function toMemberView(db: Db, row: Row, today: string): Promise<MemberView> {
  const [referent] = row.referentId
    ? await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, row.referentId))
    : [];
  return {
    id: row.id,
    userId: row.userId,
    firstName: row.firstName,
    lastName: row.lastName,
    displayName: `${row.firstName} ${row.lastName}`,
    email: row.email,
    phone: row.phone,
    addressLine1: row.addressLine1,
    postalCode: row.postalCode,
    city: row.city,
    birthDate: row.birthDate,
    trades: row.trades,
    skills: row.skills,
    iban: row.iban,
    bic: row.bic,
    profile: {
      published: row.profilePublished,
      headline: row.profileHeadline,
      bio: row.profileBio,
      showEmail: row.profileShowEmail,
    },
    referent: referent ?? null,
    stage: await stageOf(db, row.id, today),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
