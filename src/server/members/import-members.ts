import { randomUUID } from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { can } from '../../core/access/permissions.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { Locale } from '../../core/i18n/locale.ts';
import {
  checkMemberImport,
  describeImportIssue,
  type ImportedMember,
  type ImportIssue,
  ImportMapping,
  suggestImportMapping,
} from '../../core/members/check-member-import.ts';
import { deriveJourneyStage } from '../../core/members/derive-journey-stage.ts';
import type { JourneyEntry } from '../../core/members/journey-schemas.ts';
import { decodeUtf8, parseCsv } from '../../core/members/parse-csv.ts';
import { activities, activityMembers } from '../activities/activities-tables.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';
import { bulkWriteMembers, insertInChunks, type PreparedMember } from './bulk-write-members.ts';
import { todayOf } from './member-access.ts';
import { memberKeys } from './member-keys.ts';
import { members } from './members-tables.ts';

export const ImportMembersRequest = z.strictObject({
  /** The CSV file's bytes, base64-encoded (so that a wrong encoding can be detected, not guessed). */
  fileBase64: z.string().min(1).max(1_390_000),
  /** Field → column title; suggested from the titles when absent. */
  mapping: ImportMapping.optional(),
  delimiter: z.enum([';', ',', '\t']).optional(),
});
export type ImportMembersRequest = z.input<typeof ImportMembersRequest>;

export const ImportIssueView = z.object({
  line: z.number().nullable(),
  column: z.string().nullable(),
  field: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});

export const ImportReport = z.object({
  header: z.array(z.string()),
  mapping: z.record(z.string(), z.string().nullable()),
  totalLines: z.number(),
  validLines: z.number(),
  issues: z.array(ImportIssueView),
  preview: z.array(
    z.object({
      line: z.number(),
      displayName: z.string(),
      email: z.string(),
      stage: z.string(),
      activityCode: z.string().nullable(),
    }),
  ),
});
export type ImportReport = z.infer<typeof ImportReport>;

/** The file checks plus those that need the database: addresses in use, referents, activity codes. */
async function checkFile(db: Db, input: z.output<typeof ImportMembersRequest>, today: string) {
  const text = decodeUtf8(Buffer.from(input.fileBase64, 'base64'));
  if (text === null) throw new AppError('IMPORT_ENCODING');
  const { header, records } = parseCsv(text, input.delimiter);
  const mapping = input.mapping ?? suggestImportMapping(header);
  const { members: good, issues } = checkMemberImport(header, records, mapping, today);
  const fileError = issues.find((i) => i.line === null);
  if (fileError) return { header, mapping, records, good: [], issues, fileError };

  const emails = good.map((m) => m.email);
  const used = new Set(
    emails.length
      ? (await db.select({ email: members.email }).from(members).where(inArray(members.email, emails))).map(
          (r) => r.email,
        )
      : [],
  );
  const referentEmails = [...new Set(good.flatMap((m) => (m.referentEmail ? [m.referentEmail] : [])))];
  const referents = new Map(
    (referentEmails.length
      ? await queryRows<{ id: string; email: string }>(
          db,
          sql`SELECT id, email FROM users WHERE active AND 'support' = ANY(roles)
              AND email IN (${sql.join(
                referentEmails.map((e) => sql`${e}`),
                sql`, `,
              )})`,
        )
      : []
    ).map((r) => [r.email, r.id]),
  );
  const codes = [...new Set(good.flatMap((m) => (m.activity ? [m.activity.code] : [])))];
  const takenCodes = new Set(
    codes.length
      ? (
          await db.select({ code: activities.code }).from(activities).where(inArray(activities.code, codes))
        ).map((r) => r.code)
      : [],
  );
  const firstOfCode = new Map<string, ImportedMember>();
  for (const m of good)
    if (m.activity && !firstOfCode.has(m.activity.code)) firstOfCode.set(m.activity.code, m);
  const add = (
    m: ImportedMember,
    field: ImportIssue['field'],
    code: string,
    details: ImportIssue['details'] = {},
  ) => issues.push({ line: m.line, field, column: field ? (mapping[field] ?? null) : null, code, details });
  for (const m of good) {
    if (used.has(m.email)) add(m, 'email', 'MEMBER_EMAIL_TAKEN', { email: m.email });
    if (m.referentEmail && !referents.has(m.referentEmail)) add(m, 'referentEmail', 'REFERENT_NOT_SUPPORT');
    if (m.activity) {
      if (takenCodes.has(m.activity.code))
        add(m, 'activityCode', 'ACTIVITY_CODE_TAKEN', { code: m.activity.code });
      // A member activity always has a referent: the one of its first member.
      const first = firstOfCode.get(m.activity.code)!;
      if (!first.referentEmail) add(m, 'referentEmail', 'ACTIVITY_REFERENT_REQUIRED');
    }
  }
  // One bad line of a group spoils the group: its shares would no longer add up.
  const badLines = new Set(issues.map((i) => i.line));
  for (const m of good) {
    if (!m.activity || badLines.has(m.line)) continue;
    const broken = good.find((o) => o.activity?.code === m.activity!.code && badLines.has(o.line));
    if (broken) add(m, 'activityCode', 'ACTIVITY_SHARES_INVALID', { date: m.activity.from, percent: '—' });
  }
  issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const finalBad = new Set(issues.map((i) => i.line));
  return {
    header,
    mapping,
    records,
    good: good.filter((m) => !finalBad.has(m.line)),
    issues,
    referents,
    fileError: null,
  };
}

function toReport(
  checked: Awaited<ReturnType<typeof checkFile>>,
  locale: Locale,
  today: string,
): ImportReport {
  return {
    header: checked.header,
    mapping: checked.mapping as Record<string, string | null>,
    totalLines: checked.records.length,
    validLines: checked.good.length,
    issues: checked.issues.map((i) => ({
      line: i.line,
      column: i.column,
      field: i.field,
      code: i.code,
      message: describeImportIssue(i, locale),
    })),
    preview: checked.good.slice(0, 10).map((m) => ({
      line: m.line,
      displayName: `${m.firstName} ${m.lastName}`,
      email: m.email,
      stage: deriveJourneyStage(m.entries, today),
      activityCode: m.activity?.code ?? null,
    })),
  };
}

/** The dry run: reads and checks the whole file, lists every bad line with its reason, writes nothing. */
export async function checkMemberImportFile(ctx: AppContext, actor: Actor, input: ImportMembersRequest) {
  if (!can(actor.roles, 'members.import')) throw new AppError('FORBIDDEN');
  const parsed = ImportMembersRequest.parse(input);
  const today = todayOf(ctx);
  return toReport(await checkFile(ctx.db, parsed, today), actor.locale, today);
}

/**
 * Imports a cooperative's members, journeys and activities from CSV, all or nothing: the checks run again
 * inside the transaction, and one bad line refuses the whole file with every reason listed.
 */
export async function importMembers(
  ctx: AppContext,
  actor: Actor,
  input: ImportMembersRequest,
  locale: Locale,
) {
  if (!can(actor.roles, 'members.import')) throw new AppError('FORBIDDEN');
  const parsed = ImportMembersRequest.parse(input);
  const today = todayOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const checked = await checkFile(tx, parsed, today);
    if (checked.fileError) throw new AppError('IMPORT_COLUMNS_MISSING', checked.fileError.details);
    if (checked.issues.length) {
      const lines = new Set(checked.issues.map((i) => i.line));
      throw new AppError('IMPORT_REJECTED', {
        count: lines.size,
        fields: checked.issues.map((i) => ({
          path: `${locale === 'fr' ? 'ligne' : 'line'} ${i.line}${i.column ? ` · ${i.column}` : ''}`,
          key: describeImportIssue(i, locale),
        })),
      });
    }
    const now = ctx.now();
    const prepared = toPreparedMembers(checked.good, checked.referents!, now);
    await bulkWriteMembers(tx, prepared, actor.userId);

    // Activities: one per code, its referent the first member's, the members with their shares.
    const memberIdOfLine = new Map(checked.good.map((m, i) => [m.line, prepared[i]!.values]));
    const groups = new Map<string, ImportedMember[]>();
    for (const m of checked.good)
      if (m.activity) groups.set(m.activity.code, [...(groups.get(m.activity.code) ?? []), m]);
    const activityRows = [...groups.values()].map((group) => {
      const a = group[0]!.activity!;
      return {
        id: randomUUID(),
        code: a.code,
        name: a.name,
        trade: a.trade,
        kind: 'member' as const,
        referentId: memberIdOfLine.get(group[0]!.line)!.referentId!,
        createdAt: now,
        updatedAt: now,
      };
    });
    await insertInChunks(activityRows, 1000, (chunk) => tx.insert(activities).values(chunk));
    const shareRows = [...groups.values()].flatMap((group, i) =>
      group.map((m) => ({
        activityId: activityRows[i]!.id,
        memberId: memberIdOfLine.get(m.line)!.id,
        shareBp: m.activity!.shareBp,
        validFrom: m.activity!.from,
      })),
    );
    await insertInChunks(shareRows, 3000, (chunk) => tx.insert(activityMembers).values(chunk));
    await recordAudit(tx, actor, {
      action: 'members.import',
      objectType: 'member',
      changes: {
        members: prepared.length,
        activities: activityRows.length,
        memberIds: prepared.map((p) => p.values.id),
      },
    });
    return { imported: prepared.length, activities: activityRows.length };
  });
}

/** Checked import lines as member rows ready for the bulk writer: ids chosen, journeys re-keyed. */
export function toPreparedMembers(
  good: readonly ImportedMember[],
  referents: ReadonlyMap<string, string>,
  now: Date,
): PreparedMember[] {
  return good.map((m) => {
    const ids = new Map(m.entries.map((e) => [e.id, randomUUID()]));
    const entries = m.entries.map((e) => ({
      ...e,
      id: ids.get(e.id)!,
      ...('contractId' in e ? { contractId: ids.get(e.contractId)! } : {}),
    })) as JourneyEntry[];
    return {
      values: {
        id: randomUUID(),
        firstName: m.firstName,
        lastName: m.lastName,
        email: m.email,
        phone: m.phone,
        addressLine1: m.addressLine1,
        postalCode: m.postalCode,
        city: m.city,
        birthDate: m.birthDate,
        trades: m.trades,
        skills: m.skills,
        iban: m.iban,
        referentId: m.referentEmail ? referents.get(m.referentEmail)! : null,
        ...memberKeys({ ...m, profileHeadline: '' }),
        createdAt: now,
        updatedAt: now,
      },
      entries,
    };
  });
}
