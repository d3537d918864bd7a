/**
 * The FEC, fichier des écritures comptables (LPF art. A47 A-1; cae-domain.md §6): the 18 fields in this
 * order, one line per entry line, tab-separated, UTF-8, comma decimals without thousands separator, dates
 * AAAAMMJJ, the field names on the first line.
 */
export const fecColumns = [
  'JournalCode',
  'JournalLib',
  'EcritureNum',
  'EcritureDate',
  'CompteNum',
  'CompteLib',
  'CompAuxNum',
  'CompAuxLib',
  'PieceRef',
  'PieceDate',
  'EcritureLib',
  'Debit',
  'Credit',
  'EcritureLet',
  'DateLet',
  'ValidDate',
  'Montantdevise',
  'Idevise',
] as const;

export const fecSeparator = '\t';
export const fecLineEnd = '\r\n';
export const fecHeaderLine = fecColumns.join(fecSeparator);

/** One FEC record: a line of an entry with what the FEC prints about its entry, account and journal. */
export type FecRow = {
  journalCode: string;
  journalLabel: string;
  entryNumber: number;
  entryDate: string;
  accountNumber: string;
  accountLabel: string;
  thirdPartyCode: string | null;
  thirdPartyName: string | null;
  pieceRef: string;
  pieceDate: string;
  label: string;
  debitCents: bigint;
  creditCents: bigint;
  letteringCode: string | null;
  letteringDate: string | null;
  /** The calendar date (cooperative's time zone) the entry was validated, i.e. posted. */
  validatedOn: string;
};

/** 1234,56 — comma decimals, no thousands separator, the sign first. */
export function formatFecAmount(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  return `${negative ? '-' : ''}${abs / 100n},${(abs % 100n).toString().padStart(2, '0')}`;
}

/** '2026-03-31' → '20260331'. */
export function formatFecDate(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`not a date: ${date}`);
  return date.replaceAll('-', '');
}

/** A text field: no separator or line break may appear inside it. */
export function fecText(value: string | null | undefined): string {
  return (value ?? '').replace(/[\t\r\n|]+/g, ' ').trim();
}

/** EcritureNum: the journal code and the entry's number in its journal and year, e.g. VT000042. */
export function fecEntryNumber(journalCode: string, number: number): string {
  return `${journalCode}${String(number).padStart(6, '0')}`;
}

export function formatFecLine(row: FecRow): string {
  return [
    fecText(row.journalCode),
    fecText(row.journalLabel),
    fecEntryNumber(row.journalCode, row.entryNumber),
    formatFecDate(row.entryDate),
    fecText(row.accountNumber),
    fecText(row.accountLabel),
    fecText(row.thirdPartyCode),
    row.thirdPartyCode ? fecText(row.thirdPartyName) : '',
    fecText(row.pieceRef),
    formatFecDate(row.pieceDate),
    fecText(row.label),
    formatFecAmount(row.debitCents),
    formatFecAmount(row.creditCents),
    fecText(row.letteringCode),
    row.letteringCode && row.letteringDate ? formatFecDate(row.letteringDate) : '',
    formatFecDate(row.validatedOn),
    '',
    '',
  ].join(fecSeparator);
}

/** `<SIREN>FEC<AAAAMMJJ>.txt`, the date being the fiscal year's closing date. */
export function fecFileName(siren: string, fiscalYearEnd: string): string {
  return `${siren}FEC${formatFecDate(fiscalYearEnd)}.txt`;
}

/** The description file that must come with the FEC: fields, codes, character set and structure. */
export function fecDescription(info: {
  legalName: string;
  siren: string;
  startDate: string;
  endDate: string;
  fileName: string;
  lineCount: number;
  journals: readonly { code: string; label: string }[];
}): string {
  const lines = [
    `Description du fichier des écritures comptables ${info.fileName}`,
    '',
    `Société : ${info.legalName} — SIREN ${info.siren}`,
    `Exercice : du ${formatFecDate(info.startDate)} au ${formatFecDate(info.endDate)}`,
    `Lignes d'écriture : ${info.lineCount} (plus la ligne des noms de champs)`,
    '',
    'Format (article A47 A-1 du livre des procédures fiscales) :',
    '- fichier à plat, un enregistrement par ligne, séparateur de lignes CR LF ;',
    '- séparateur de champs : tabulation ;',
    '- jeu de caractères : UTF-8, sans marque d’ordre des octets ;',
    '- première ligne : noms des 18 champs, dans l’ordre réglementaire ;',
    '- montants : virgule décimale, sans séparateur de milliers, en euros ; Debit et Credit sur deux champs ;',
    '- dates : AAAAMMJJ ;',
    '- écritures d’à-nouveaux (journal AN) en premier, puis les écritures dans l’ordre chronologique de leur validation.',
    '',
    'Champs :',
    'JournalCode  code du journal',
    'JournalLib   libellé du journal',
    'EcritureNum  numéro de l’écriture : code du journal suivi du numéro séquentiel continu dans le journal et l’exercice, attribué à la validation',
    'EcritureDate date comptable de l’écriture',
    'CompteNum    numéro de compte (plan comptable général, 3 premiers chiffres)',
    'CompteLib    libellé du compte',
    'CompAuxNum   code du tiers (compte auxiliaire : client, fournisseur, salarié, associé), vide sinon',
    'CompAuxLib   nom du tiers, vide sinon',
    'PieceRef     référence de la pièce justificative',
    'PieceDate    date de la pièce justificative',
    'EcritureLib  libellé de la ligne (à défaut, de l’écriture)',
    'Debit        montant au débit',
    'Credit       montant au crédit',
    'EcritureLet  code de lettrage, vide si non lettré',
    'DateLet      date du lettrage, vide si non lettré',
    'ValidDate    date de validation de l’écriture (Europe/Paris)',
    'Montantdevise, Idevise : vides (toutes les écritures sont en euros)',
    '',
    'Journaux :',
    ...info.journals.map((j) => `${j.code.padEnd(5)} ${j.label}`),
    '',
    'Comptabilité analytique : chaque ligne appartient à une activité (section analytique) ; cet axe n’est pas repris dans le FEC.',
  ];
  return `${lines.join(fecLineEnd)}${fecLineEnd}`;
}
