import { type SQL, sql } from 'drizzle-orm';
import type { JourneyEntry } from '../../core/members/journey-schemas.ts';
import type { Db } from '../db/open-database.ts';
import { toJourneyRow } from './journey-rows.ts';
import type { members } from './members-tables.ts';
import { journeyCacheRows } from './write-journey-caches.ts';

/** A member file ready to insert, with its id chosen and its journey (entry ids chosen too). */
export type PreparedMember = {
  values: typeof members.$inferInsert & { id: string };
  entries: JourneyEntry[];
};

/** Runs `insert` on slices of at most `size` rows. */
export async function insertInChunks<T>(
  rows: readonly T[],
  size: number,
  insert: (chunk: T[]) => Promise<unknown>,
) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/**
 * A multi-row INSERT carried by one JSON parameter (INSERT … SELECT FROM json_to_recordset): thousands of
 * rows cost one bind value instead of one per cell, which is what makes generating 100 000 members fast on
 * PGlite and PostgreSQL alike. `columns` maps each column to its SQL type; rows are keyed by column name.
 */
export async function insertJsonRows(
  db: Db,
  table: string,
  columns: Record<string, string>,
  rows: readonly Record<string, unknown>[],
  chunkSize = 5000,
) {
  const names = Object.keys(columns);
  const list = sql.raw(names.join(', '));
  const shape = sql.raw(names.map((n) => `${n} ${columns[n]}`).join(', '));
  await insertInChunks(rows, chunkSize, (chunk) =>
    db.execute(
      sql`INSERT INTO ${sql.raw(table)} (${list}) SELECT ${list} FROM json_to_recordset(${JSON.stringify(chunk)}::json) AS x(${shape})` as SQL,
    ),
  );
}

const memberColumns = {
  id: 'uuid',
  user_id: 'uuid',
  first_name: 'text',
  last_name: 'text',
  email: 'text',
  phone: 'text',
  address_line1: 'text',
  postal_code: 'text',
  city: 'text',
  birth_date: 'date',
  trades: 'text[]',
  skills: 'text[]',
  iban: 'text',
  bic: 'text',
  profile_published: 'boolean',
  profile_headline: 'text',
  profile_bio: 'text',
  profile_show_email: 'boolean',
  referent_id: 'uuid',
  trade_keys: 'text[]',
  skill_keys: 'text[]',
  city_key: 'text',
  search_key: 'text',
  profile_key: 'text',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
};

const entryColumns = {
  id: 'uuid',
  member_id: 'uuid',
  kind: 'text',
  contract_id: 'uuid',
  number: 'integer',
  on_date: 'date',
  end_date: 'date',
  trial_end: 'date',
  fixed_monthly_cents: 'bigint',
  reason: 'text',
  note: 'text',
  created_by: 'uuid',
};

/**
 * Writes many member files at once, with their journeys, stage periods and deadlines, in the caller's
 * transaction: the CSV import and the large generator. The journeys must already be valid.
 */
export async function bulkWriteMembers(tx: Db, batch: readonly PreparedMember[], createdBy: string | null) {
  const iso = (d: Date | undefined) => (d ?? new Date()).toISOString();
  await insertJsonRows(
    tx,
    'members',
    memberColumns,
    batch.map(({ values: v }) => ({
      id: v.id,
      user_id: v.userId ?? null,
      first_name: v.firstName,
      last_name: v.lastName,
      email: v.email ?? null,
      phone: v.phone ?? '',
      address_line1: v.addressLine1 ?? '',
      postal_code: v.postalCode ?? '',
      city: v.city ?? '',
      birth_date: v.birthDate ?? null,
      trades: v.trades ?? [],
      skills: v.skills ?? [],
      iban: v.iban ?? null,
      bic: v.bic ?? null,
      profile_published: v.profilePublished ?? false,
      profile_headline: v.profileHeadline ?? '',
      profile_bio: v.profileBio ?? '',
      profile_show_email: v.profileShowEmail ?? false,
      referent_id: v.referentId ?? null,
      trade_keys: v.tradeKeys ?? [],
      skill_keys: v.skillKeys ?? [],
      city_key: v.cityKey ?? '',
      search_key: v.searchKey ?? '',
      profile_key: v.profileKey ?? '',
      created_at: iso(v.createdAt),
      updated_at: iso(v.updatedAt),
    })),
    2000,
  );
  await insertJsonRows(
    tx,
    'member_restricted',
    { member_id: 'uuid' },
    batch.map((m) => ({ member_id: m.values.id })),
  );
  const rows = batch.flatMap((m) =>
    m.entries.map((e) => {
      const r = toJourneyRow(m.values.id, e, createdBy);
      return {
        id: r.id,
        member_id: r.memberId,
        kind: r.kind,
        contract_id: r.contractId ?? null,
        number: r.number ?? null,
        on_date: r.onDate,
        end_date: r.endDate ?? null,
        trial_end: r.trialEnd ?? null,
        fixed_monthly_cents: r.fixedMonthlyCents ?? null,
        reason: r.reason ?? null,
        note: r.note ?? '',
        created_by: r.createdBy ?? null,
      };
    }),
  );
  // Contracts before the amendments and ends that point to them.
  await insertJsonRows(
    tx,
    'journey_entries',
    entryColumns,
    rows.filter((r) => r.contract_id === null),
  );
  await insertJsonRows(
    tx,
    'journey_entries',
    entryColumns,
    rows.filter((r) => r.contract_id !== null),
  );
  const periods: Record<string, unknown>[] = [];
  const deadlines: Record<string, unknown>[] = [];
  for (const m of batch) {
    const derived = journeyCacheRows(m.values.id, m.entries);
    for (const p of derived.periods)
      periods.push({ member_id: p.memberId, stage: p.stage, from_on: p.fromOn, to_on: p.toOn });
    for (const d of derived.deadlines)
      deadlines.push({
        member_id: d.memberId,
        kind: d.kind,
        contract_id: d.contractId,
        due_on: d.dueOn,
        relevant_until: d.relevantUntil,
        met: d.met,
        citation: d.citation,
        details: d.details,
      });
  }
  await insertJsonRows(
    tx,
    'member_stage_periods',
    { member_id: 'uuid', stage: 'text', from_on: 'date', to_on: 'date' },
    periods,
  );
  await insertJsonRows(
    tx,
    'member_deadlines',
    {
      member_id: 'uuid',
      kind: 'text',
      contract_id: 'uuid',
      due_on: 'date',
      relevant_until: 'date',
      met: 'boolean',
      citation: 'text',
      details: 'jsonb',
    },
    deadlines,
  );
}
