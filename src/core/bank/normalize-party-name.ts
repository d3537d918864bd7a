/** Words that say nothing about who a party is: legal forms, civilities, bank prefixes. */
const noise = new Set([
  'SARL',
  'SAS',
  'SASU',
  'SA',
  'EURL',
  'SCOP',
  'SCIC',
  'SCI',
  'SNC',
  'EI',
  'EIRL',
  'ASSOCIATION',
  'ASSO',
  'STE',
  'SOCIETE',
  'ETS',
  'CIE',
  'M',
  'MR',
  'MME',
  'MLLE',
  'MONSIEUR',
  'MADAME',
  'ET',
  'LE',
  'LA',
  'LES',
  'DE',
  'DU',
  'DES',
  'VIR',
  'VIREMENT',
  'SEPA',
  'RECU',
  'DE',
  'PRLV',
  'CB',
  'FACT',
  'FACTURE',
  'REF',
]);

/** The significant words of a party's name, upper-case and without accents: "Menuiseries du Rhône SARL" → MENUISERIES RHONE. */
export function partyNameTokens(name: string): string[] {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter((t) => t.length >= 2 && !noise.has(t) && !/^\d+$/.test(t));
}

/** A key for learnt rules: the name's significant words, sorted ("DUPONT LEA" for "Mme Léa Dupont" and "DUPONT Léa"). */
export function counterpartyKey(name: string): string {
  return [...new Set(partyNameTokens(name))].sort().join(' ');
}

/** How much two names agree: shared significant words over the shorter name's, 0 to 1. */
export function nameSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const set = new Set(b);
  let shared = 0;
  for (const t of new Set(a)) if (set.has(t)) shared++;
  return shared / Math.min(new Set(a).size, set.size);
}
