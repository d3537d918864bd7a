import { describe, expect, it } from 'vitest';
import {
  checkMemberImport,
  describeImportIssue,
  parseEuros,
  parseImportDate,
  parsePercent,
  suggestImportMapping,
} from './check-member-import.ts';
import { parseCsv } from './parse-csv.ts';

const header =
  'Nom;Prénom;Courriel;Ville;Métiers;Référent;Début CAPE;Fin CAPE;Renouvellement 1;Début CESA;Fin période d’essai;Part fixe;Date associé;Code activité;Part activité';

function check(lines: string[]) {
  const { header: h, records } = parseCsv([header, ...lines].join('\n'));
  return checkMemberImport(h, records, suggestImportMapping(h), '2026-03-02');
}

describe('suggestImportMapping', () => {
  it('recognises French column titles whatever their accents and case', () => {
    const m = suggestImportMapping(parseCsv(header).header);
    expect(m).toMatchObject({
      lastName: 'Nom',
      firstName: 'Prénom',
      email: 'Courriel',
      city: 'Ville',
      trades: 'Métiers',
      referentEmail: 'Référent',
      capeStart: 'Début CAPE',
      capeEnd: 'Fin CAPE',
      capeRenewal1End: 'Renouvellement 1',
      cesaStart: 'Début CESA',
      trialEnd: 'Fin période d’essai',
      fixedMonthlyEuros: 'Part fixe',
      associateOn: 'Date associé',
      activityCode: 'Code activité',
      activityShare: 'Part activité',
    });
  });
});

describe('checkMemberImport', () => {
  it('turns good lines into members with their journey and activity', () => {
    const { members, issues } = check([
      'Martin;Camille;camille@ex.fr;Paris;Graphiste|Illustratrice;sacha@coop.fr;01/01/2024;31/12/2024;30/06/2025;01/07/2025;;1 250,50;;CMARTIN;',
      'Durand;Léa;lea@ex.fr;Lyon;Développeuse;;;;;15/01/2026;14/05/2026;150;;;',
    ]);
    expect(issues).toEqual([]);
    expect(members).toHaveLength(2);
    const camille = members[0]!;
    expect(camille).toMatchObject({
      line: 2,
      lastName: 'Martin',
      email: 'camille@ex.fr',
      trades: ['Graphiste', 'Illustratrice'],
      referentEmail: 'sacha@coop.fr',
      activity: {
        code: 'CMARTIN',
        name: 'Camille Martin',
        trade: 'Graphiste',
        shareBp: 10_000,
        from: '2024-01-01',
      },
    });
    expect(camille.entries.map((e) => e.kind)).toEqual(['cape', 'cape_renewal', 'cesa']);
    expect(camille.entries[2]).toMatchObject({ fixedMonthlyCents: 125_050, trialEnd: null });
  });

  it('ends a CAPE the day before a CESA that began during it', () => {
    const { members, issues } = check(['Martin;Camille;c@ex.fr;;;;01/01/2026;31/12/2026;;01/06/2026;;;;;']);
    expect(issues).toEqual([]);
    expect(members[0]!.entries.find((e) => e.kind === 'contract_end')).toMatchObject({ on: '2026-05-31' });
  });

  it('lists every bad line with its reason, and keeps none of them', () => {
    const { members, issues } = check([
      'Martin;Camille;camille@ex.fr;;;;;;;;;;;;',
      'Durand;Léa;CAMILLE@ex.fr;;;;;;;;;;;;',
      ';Paul;paul@ex.fr;;;;;;;;;;;;',
      'Petit;Jo;jo@ex.fr;;;;31/02/2026;;;;;;;;',
      'Roux;Ana;ana@ex.fr;;;;01/01/2026;31/03/2027;;;;;;;',
      'Blanc;Max;max@ex.fr;;;;;;;;;;01/01/2026;;',
      'Noir;Eve;pas-une-adresse;;;;;;;;;;;;',
      'Vert;Ugo;ugo@ex.fr;;;;;;;01/01/2026;01/12/2026;;;;',
    ]);
    expect(members.map((m) => m.email)).toEqual(['camille@ex.fr']);
    const byLine = (line: number) => issues.filter((i) => i.line === line).map((i) => i.code);
    expect(byLine(3)).toEqual(['IMPORT_EMAIL_DUPLICATE']);
    expect(byLine(4)).toEqual(['value.required']);
    expect(byLine(5)).toEqual(['date.invalid']);
    expect(byLine(6)).toEqual(['JOURNEY_CAPE_TOO_LONG']);
    expect(byLine(7)).toEqual(['JOURNEY_ASSOCIATE_BEFORE_CONTRACT']);
    expect(byLine(8)).toEqual(['email.invalid']);
    expect(byLine(9)).toEqual(['JOURNEY_TRIAL_TOO_LONG']);
    const dup = issues.find((i) => i.line === 3)!;
    expect(describeImportIssue(dup, 'fr')).toBe('Cette adresse e-mail figure déjà ligne 2 du fichier.');
    expect(describeImportIssue(issues.find((i) => i.line === 6)!, 'fr')).toContain('C. com. L127-2');
    expect(describeImportIssue(issues.find((i) => i.line === 5)!, 'en')).toMatch(/Invalid date/);
  });

  it('reports missing columns for the whole file', () => {
    const { header: h, records } = parseCsv('Nom;Ville\nMartin;Paris');
    const { issues } = checkMemberImport(h, records, suggestImportMapping(h), '2026-03-02');
    expect(issues).toEqual([
      {
        line: null,
        field: null,
        column: null,
        code: 'IMPORT_COLUMNS_MISSING',
        details: { columns: 'firstName, email' },
      },
    ]);
  });

  it('groups lines sharing an activity code: shares add up to 100 %, or split evenly', () => {
    const even = check(['A;Un;a@ex.fr;;;;;;;01/01/2026;;;;DUO;', 'B;Deux;b@ex.fr;;;;;;;01/02/2026;;;;DUO;']);
    expect(even.members.map((m) => m.activity?.shareBp)).toEqual([5_000, 5_000]);
    expect(even.members.map((m) => m.activity?.from)).toEqual(['2026-01-01', '2026-01-01']);
    const bad = check(['A;Un;a@ex.fr;;;;;;;;;;;TRIO;50', 'B;Deux;b@ex.fr;;;;;;;;;;;TRIO;40']);
    expect(bad.members).toEqual([]);
    expect(bad.issues.map((i) => [i.line, i.code, i.details.percent])).toEqual([
      [2, 'ACTIVITY_SHARES_INVALID', '90'],
      [3, 'ACTIVITY_SHARES_INVALID', '90'],
    ]);
  });

  it('parses French dates, euros and percentages', () => {
    expect(parseImportDate('1/2/2026')).toBe('2026-02-01');
    expect(parseImportDate('2026-02-29')).toBe(undefined);
    expect(parseImportDate('')).toBe(null);
    expect(parseEuros('1 250,5 €')).toBe(125_050);
    expect(parseEuros('12,345')).toBe(undefined);
    expect(parsePercent('33,33 %')).toBe(3_333);
    expect(parsePercent('101')).toBe(undefined);
  });
});
