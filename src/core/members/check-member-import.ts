import { z } from 'zod';
import { ActivityCode } from '../activities/activity-schemas.ts';
import { equalSharesBp, formatPercent, fullShareBp } from '../activities/change-activity-shares.ts';
import { describeError, type ErrorCode, isErrorCode } from '../errors/error-catalog.ts';
import type { Locale } from '../i18n/locale.ts';
import { isValidIban } from '../identity/bank-details.ts';
import { normalizeIdentifier } from '../identity/normalize-identifier.ts';
import { Email } from '../people/people-schemas.ts';
import { fieldMessages, isFieldMessageKey } from '../validation/field-messages.ts';
import { addDays, type CalendarDate, isCalendarDate } from './calendar-date.ts';
import type { EndReason, JourneyEntry, JourneyEntryData } from './journey-schemas.ts';
import { cleanTags, normalizeTag } from './normalize-tag.ts';
import type { CsvRecord } from './parse-csv.ts';
import { validateJourney } from './validate-journey.ts';

/** The fields an import fills, with the column titles recognised without help (French and English). */
export const importFields = {
  lastName: ['nom', 'nom de famille', 'last name', 'lastname', 'surname'],
  firstName: ['prenom', 'first name', 'firstname'],
  email: ['email', 'e-mail', 'courriel', 'mail', 'adresse e-mail', 'adresse email'],
  phone: ['telephone', 'tel', 'phone', 'portable', 'mobile'],
  addressLine1: ['adresse', 'address', 'rue'],
  postalCode: ['code postal', 'cp', 'postal code', 'zip'],
  city: ['ville', 'commune', 'city', 'town'],
  birthDate: ['date de naissance', 'naissance', 'birth date', 'birthdate'],
  trades: ['metier', 'metiers', 'trade', 'trades'],
  skills: ['competences', 'competence', 'skills'],
  iban: ['iban'],
  referentEmail: [
    'referent',
    'referente',
    'referent email',
    'email referent',
    'accompagnateur',
    'accompagnatrice',
  ],
  informationMeetingOn: ['reunion d information', 'reunion information', 'information meeting'],
  intakeInterviewOn: ['entretien d accueil', 'accueil', 'intake interview'],
  supportAgreementOn: ['convention d accompagnement', 'convention', 'support agreement'],
  capeStart: ['debut cape', 'cape debut', 'date debut cape', 'cape start'],
  capeEnd: ['fin cape', 'cape fin', 'date fin cape', 'cape end'],
  capeRenewal1End: ['fin renouvellement 1', 'renouvellement 1', 'cape renewal 1 end'],
  capeRenewal2End: ['fin renouvellement 2', 'renouvellement 2', 'cape renewal 2 end'],
  cesaStart: ['debut cesa', 'cesa debut', 'date debut cesa', 'cesa start', 'date d embauche'],
  trialEnd: ['fin periode d essai', 'fin de periode d essai', 'trial end'],
  fixedMonthlyEuros: ['part fixe', 'part fixe mensuelle', 'fixed monthly part'],
  associateOn: ['date associe', 'associe le', 'date de societariat', 'societariat', 'associate date'],
  exitOn: ['date de sortie', 'sortie', 'exit date'],
  exitReason: ['motif de sortie', 'motif', 'exit reason'],
  activityCode: ['code activite', 'activite code', 'activity code', 'code'],
  activityName: ['activite', 'nom activite', 'nom de l activite', 'activity', 'activity name'],
  activityTrade: ['metier activite', 'activity trade'],
  activityShare: ['part activite', 'part', 'part %', 'quote-part', 'activity share'],
} as const;
export type ImportField = keyof typeof importFields;
export const importFieldNames = Object.keys(importFields) as ImportField[];
export const requiredImportFields: readonly ImportField[] = ['lastName', 'firstName', 'email'];

/** Which column of the file feeds each field (a column title), or null for none. */
export const ImportMapping = z.partialRecord(
  z.enum(importFieldNames as [ImportField, ...ImportField[]]),
  z.string().max(200).nullable(),
);
export type ImportMapping = z.infer<typeof ImportMapping>;

/** Maps the columns whose title is a known name of a field. */
export function suggestImportMapping(header: readonly string[]): ImportMapping {
  const mapping: ImportMapping = {};
  const taken = new Set<string>();
  for (const field of importFieldNames) {
    const names = new Set<string>([normalizeTag(field), ...importFields[field]]);
    const column = header.find((h) => !taken.has(h) && names.has(normalizeTag(h).replace(/['’]/g, ' ')));
    if (column !== undefined) {
      mapping[field] = column;
      taken.add(column);
    }
  }
  return mapping;
}

/** A problem on one line (or the whole file when line is null), with a code the catalogs translate. */
export type ImportIssue = {
  line: number | null;
  field: ImportField | null;
  column: string | null;
  code: string;
  details: Record<string, string | number>;
};

export type ImportedActivity = {
  code: string;
  name: string;
  trade: string;
  shareBp: number;
  from: CalendarDate;
};

/** A line ready to write: the member file, the referent to look up, the journey and the activity. */
export type ImportedMember = {
  line: number;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  addressLine1: string;
  postalCode: string;
  city: string;
  birthDate: CalendarDate | null;
  trades: string[];
  skills: string[];
  iban: string | null;
  referentEmail: string | null;
  entries: JourneyEntry[];
  activity: ImportedActivity | null;
};

export type ImportCheck = { members: ImportedMember[]; issues: ImportIssue[] };

const exitReasonWords: [RegExp, EndReason][] = [
  [/demission|resignation/, 'resignation'],
  [/rupture|mutual/, 'mutual_termination'],
  [/licenciement|dismiss/, 'dismissal'],
  [/associ/, 'not_associate_in_time'],
  [/retraite|retire/, 'retirement'],
  [/essai|trial/, 'trial_period_end'],
  [/abandon/, 'project_abandoned'],
  [/creation|entreprise|business/, 'business_created_elsewhere'],
];

/** 'JJ/MM/AAAA' or 'AAAA-MM-JJ' → a calendar date; '' → null; anything else → undefined. */
export function parseImportDate(value: string): CalendarDate | null | undefined {
  const v = value.trim();
  if (v === '') return null;
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  const iso = fr ? `${fr[3]}-${fr[2]!.padStart(2, '0')}-${fr[1]!.padStart(2, '0')}` : v;
  return isCalendarDate(iso) ? iso : undefined;
}

/** '1 250,50' / '1250.50' / '1250 €' → cents; '' → null; anything else → undefined. */
export function parseEuros(value: string): number | null | undefined {
  const v = value.replace(/[\s\u00a0€]/g, '').replace(',', '.');
  if (v === '') return null;
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(v)) return undefined;
  const [whole, frac = ''] = v.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

/** '50' / '33,33' / '33.33 %' → basis points; '' → null; anything else → undefined. */
export function parsePercent(value: string): number | null | undefined {
  const v = value.replace(/[\s\u00a0%]/g, '').replace(',', '.');
  if (v === '') return null;
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(v)) return undefined;
  const [whole, frac = ''] = v.split('.');
  const bp = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  return bp >= 1 && bp <= fullShareBp ? bp : undefined;
}

/**
 * Checks a whole import file, line by line, without touching anything: every bad line is reported with
 * its reason; the lines that pass come back ready to write. `today` dates the activities of lines that
 * have no contract. Checks that need the database (addresses already used, referents, activity codes
 * already taken) are the server's.
 */
export function checkMemberImport(
  header: readonly string[],
  records: readonly CsvRecord[],
  mapping: ImportMapping,
  today: CalendarDate,
): ImportCheck {
  const issues: ImportIssue[] = [];
  const missing = importFieldNames.filter((f) => {
    const column = mapping[f];
    return column ? !header.includes(column) : requiredImportFields.includes(f);
  });
  if (missing.length) {
    issues.push({
      line: null,
      field: null,
      column: null,
      code: 'IMPORT_COLUMNS_MISSING',
      details: { columns: missing.map((f) => mapping[f] ?? f).join(', ') },
    });
    return { members: [], issues };
  }
  const index = new Map<ImportField, number>();
  for (const f of importFieldNames) {
    const column = mapping[f];
    if (column) index.set(f, header.indexOf(column));
  }
  const members: ImportedMember[] = [];
  const firstLineOfEmail = new Map<string, number>();
  for (const record of records) {
    const lineIssues: ImportIssue[] = [];
    const cell = (f: ImportField) => {
      const i = index.get(f);
      return i === undefined ? '' : (record.cells[i] ?? '').trim();
    };
    const fail = (field: ImportField | null, code: string, details: Record<string, string | number> = {}) =>
      lineIssues.push({
        line: record.line,
        field,
        column: field ? (mapping[field] ?? null) : null,
        code,
        details,
      });
    if (record.cells.length !== header.length)
      fail(null, 'IMPORT_ROW_COLUMNS', { found: record.cells.length, expected: header.length });
    const text = (f: ImportField, max: number, required = false) => {
      const v = cell(f);
      if (required && v === '') fail(f, 'value.required');
      if (v.length > max) fail(f, 'value.tooLong');
      return v;
    };
    const date = (f: ImportField) => {
      const d = parseImportDate(cell(f));
      if (d === undefined) {
        fail(f, 'date.invalid');
        return null;
      }
      return d;
    };
    const lastName = text('lastName', 80, true);
    const firstName = text('firstName', 80, true);
    const emailParse = Email.safeParse(cell('email'));
    const email = emailParse.success ? emailParse.data : '';
    if (!emailParse.success) fail('email', cell('email') === '' ? 'value.required' : 'email.invalid');
    else if (firstLineOfEmail.has(email))
      fail('email', 'IMPORT_EMAIL_DUPLICATE', { firstLine: firstLineOfEmail.get(email)! });
    else firstLineOfEmail.set(email, record.line);
    const postalCode = cell('postalCode');
    if (postalCode !== '' && !/^\d{5}$/.test(postalCode)) fail('postalCode', 'postalCode.invalid');
    const rawIban = cell('iban');
    if (rawIban !== '' && !isValidIban(rawIban)) fail('iban', 'iban.invalid');
    const referentRaw = cell('referentEmail');
    const referent = referentRaw === '' ? null : Email.safeParse(referentRaw);
    if (referent && !referent.success) fail('referentEmail', 'email.invalid');
    const birthDate = date('birthDate');

    // The journey, in the order it happened, checked by the same rules as the screens.
    const entries: JourneyEntry[] = [];
    const add = (data: JourneyEntryData, number: number | null = null) => {
      const id = `l${record.line}-${entries.length + 1}`;
      entries.push({ ...data, id, number });
      return id;
    };
    const on = (f: ImportField, kind: 'information_meeting' | 'intake_interview' | 'support_agreement') => {
      const d = date(f);
      if (d) add({ kind, on: d, note: '' });
    };
    on('informationMeetingOn', 'information_meeting');
    on('intakeInterviewOn', 'intake_interview');
    on('supportAgreementOn', 'support_agreement');
    const capeStart = date('capeStart');
    const capeEnd = date('capeEnd');
    const renewalEnds = [date('capeRenewal1End'), date('capeRenewal2End')];
    const cesaStart = date('cesaStart');
    const trialEnd = date('trialEnd');
    const fixed = parseEuros(cell('fixedMonthlyEuros'));
    if (fixed === undefined) fail('fixedMonthlyEuros', 'amount.invalid');
    let capeId: string | null = null;
    let capeLastEnd: CalendarDate | null = null;
    if (capeStart && !capeEnd) fail('capeEnd', 'value.required');
    if (capeStart && capeEnd) {
      capeId = add({ kind: 'cape', start: capeStart, end: capeEnd, note: '' });
      capeLastEnd = capeEnd;
      let n = 0;
      for (const end of renewalEnds) {
        if (!end) continue;
        // A renewal is signed before the term: without its date, the term's last day.
        add({ kind: 'cape_renewal', contractId: capeId, on: capeLastEnd, end, note: '' }, ++n);
        capeLastEnd = end;
      }
    } else if (renewalEnds.some(Boolean) && !capeStart) fail('capeStart', 'value.required');
    if (!cesaStart && trialEnd) fail('cesaStart', 'value.required');
    if (cesaStart) {
      // A CAPE followed by a CESA ended when the CESA began, whatever end the export shows.
      if (capeId && capeStart && capeLastEnd && capeStart < cesaStart && cesaStart <= capeLastEnd)
        add({
          kind: 'contract_end',
          contractId: capeId,
          on: addDays(cesaStart, -1),
          reason: 'other',
          note: '',
        });
      add({ kind: 'cesa', start: cesaStart, trialEnd, fixedMonthlyCents: fixed ?? 0, note: '' });
    }
    const associateOn = date('associateOn');
    if (associateOn) add({ kind: 'associate', on: associateOn, note: '' });
    const exitOn = date('exitOn');
    if (exitOn) {
      const words = normalizeTag(cell('exitReason'));
      const reason = exitReasonWords.find(([re]) => re.test(words))?.[1] ?? 'other';
      add({ kind: 'exit', on: exitOn, reason, note: cell('exitReason').slice(0, 500) });
    }
    if (!lineIssues.some((i) => i.code === 'date.invalid')) {
      for (const v of validateJourney(entries))
        fail(null, v.rule, { ...v.details, ...(v.citation ? { citation: v.citation } : {}) });
    }

    // The activity: its code, and this member's share when several lines share it.
    let activity: ImportedActivity | null = null;
    const rawCode = cell('activityCode');
    const share = parsePercent(cell('activityShare'));
    if (share === undefined) fail('activityShare', 'share.invalid');
    if (rawCode !== '') {
      const code = ActivityCode.safeParse(rawCode);
      if (!code.success) fail('activityCode', 'activityCode.invalid');
      else {
        const starts = entries
          .filter((e) => e.kind === 'cape' || e.kind === 'cesa')
          .map((e) => ('start' in e ? e.start : today));
        activity = {
          code: code.data,
          name: cell('activityName') || `${firstName} ${lastName}`.trim(),
          trade: cell('activityTrade') || cleanTags(cell('trades').split(/[|,]/))[0] || '',
          shareBp: share ?? 0,
          from: starts.sort()[0] ?? today,
        };
      }
    }
    issues.push(...lineIssues);
    if (lineIssues.length === 0) {
      members.push({
        line: record.line,
        firstName,
        lastName,
        email,
        phone: text('phone', 30),
        addressLine1: text('addressLine1', 200),
        postalCode,
        city: text('city', 100),
        birthDate,
        trades: cleanTags(cell('trades').split(/[|,]/)),
        skills: cleanTags(cell('skills').split(/[|,]/)),
        iban: rawIban === '' ? null : normalizeIdentifier(rawIban),
        referentEmail: referent?.success ? referent.data : null,
        entries,
        activity,
      });
    }
  }
  checkActivityGroups(members, issues);
  return { members: members.filter((m) => !issues.some((i) => i.line === m.line)), issues };
}

/** Lines sharing an activity code form a group: their shares add up to 100 %, or are split evenly. */
function checkActivityGroups(members: ImportedMember[], issues: ImportIssue[]) {
  const groups = new Map<string, ImportedMember[]>();
  for (const m of members) {
    if (!m.activity) continue;
    const list = groups.get(m.activity.code) ?? [];
    list.push(m);
    groups.set(m.activity.code, list);
  }
  for (const group of groups.values()) {
    const from = group.map((m) => m.activity!.from).sort()[0]!;
    const first = group[0]!.activity!;
    if (group.every((m) => m.activity!.shareBp === 0)) {
      const parts = equalSharesBp(group.length);
      group.forEach((m, i) => {
        m.activity = { ...first, shareBp: parts[i]!, from };
      });
      continue;
    }
    const total = group.reduce((sum, m) => sum + m.activity!.shareBp, 0);
    if (total !== fullShareBp || group.some((m) => m.activity!.shareBp === 0)) {
      for (const m of group)
        issues.push({
          line: m.line,
          field: 'activityShare',
          column: null,
          code: 'ACTIVITY_SHARES_INVALID',
          details: { date: from, percent: formatPercent(total) },
        });
      continue;
    }
    for (const m of group) m.activity = { ...first, shareBp: m.activity!.shareBp, from };
  }
}

/** The reason of an issue in the reader's language. */
export function describeImportIssue(issue: ImportIssue, locale: Locale): string {
  if (isFieldMessageKey(issue.code)) return fieldMessages[issue.code][locale];
  if (isErrorCode(issue.code)) return describeError(issue.code as ErrorCode, locale, issue.details);
  return issue.code;
}
