import { requiresThirdPartyByDefault } from './account-rules.ts';

export type ChartAccount = { number: string; label: string; requiresThirdParty: boolean };

const accounts: [string, string][] = [
  ['101100', 'Capital souscrit non appelé'],
  ['101200', 'Capital souscrit appelé non versé'],
  ['101300', 'Capital souscrit appelé versé'],
  ['106100', 'Réserve légale'],
  ['106300', 'Réserves statutaires (fonds de développement)'],
  ['106800', 'Autres réserves'],
  ['110000', 'Report à nouveau (solde créditeur)'],
  ['119000', 'Report à nouveau (solde débiteur)'],
  ['120000', "Résultat de l'exercice (bénéfice)"],
  ['129000', "Résultat de l'exercice (perte)"],
  // Not in §7: the liaison between analytic sections, used only when an activity's opening balances do
  // not net to zero (PCG 18, comptes de liaison des établissements).
  ['181000', 'Comptes de liaison des activités'],
  ['401000', 'Fournisseurs'],
  ['411000', 'Clients'],
  ['416000', 'Clients douteux ou litigieux'],
  ['419000', 'Clients – avances et acomptes reçus'],
  ['421000', 'Personnel – rémunérations dues'],
  ['425000', 'Personnel – avances et acomptes'],
  ['428600', 'Personnel – charges à payer'],
  ['431000', 'Sécurité sociale (URSSAF)'],
  ['437000', 'Autres organismes sociaux'],
  ['438600', 'Organismes sociaux – charges à payer'],
  ['442100', 'Prélèvement à la source'],
  ['445510', 'TVA à décaisser'],
  ['445620', 'TVA déductible sur immobilisations'],
  ['445660', 'TVA déductible sur autres biens et services'],
  ['445670', 'Crédit de TVA à reporter'],
  ['445710', 'TVA collectée'],
  ['445740', "TVA collectée en attente d'encaissement"],
  ['455000', 'Associés – comptes courants'],
  ['456200', 'Apporteurs – capital appelé non versé'],
  ['467000', 'Autres comptes débiteurs ou créditeurs'],
  ['471000', "Compte d'attente"],
  ['486000', "Charges constatées d'avance"],
  ['487000', "Produits constatés d'avance"],
  ['512000', 'Banque'],
  ['530000', 'Caisse'],
  ['580000', 'Virements internes'],
  ['601000', 'Achats de matières premières'],
  ['604000', "Achats d'études et prestations de services"],
  ['607000', 'Achats de marchandises'],
  ['611000', 'Sous-traitance générale'],
  ['613000', 'Locations'],
  ['616000', "Primes d'assurance"],
  ['622000', 'Honoraires'],
  ['623000', 'Publicité, publications, relations publiques'],
  ['625000', 'Déplacements, missions et réceptions'],
  ['626000', 'Frais postaux et de télécommunications'],
  ['627000', 'Services bancaires et assimilés'],
  ['628100', 'Contribution coopérative (services mutualisés)'],
  ['633000', 'Impôts, taxes et versements assimilés sur rémunérations'],
  ['641100', 'Salaires, appointements'],
  ['641400', 'Indemnités et avantages divers'],
  ['645000', 'Charges de sécurité sociale et de prévoyance'],
  ['647000', 'Autres charges sociales'],
  ['691000', 'Participation des salariés aux résultats'],
  ['695000', 'Impôts sur les bénéfices'],
  ['701000', 'Ventes de produits finis'],
  ['706000', 'Prestations de services'],
  ['707000', 'Ventes de marchandises'],
  ['708000', 'Produits des activités annexes'],
  ['708100', 'Contribution coopérative reçue (services mutualisés)'],
  ['709000', 'Rabais, remises et ristournes accordés'],
];

/**
 * The minimal chart of a CAE (cae-domain.md §7), numbers on 6 digits. The contribution is an internal
 * analytic transfer: 628100 on the activity, 708100 on the structure (ledger.md, posting rules).
 * migrations/0004_ledger.sql seeds exactly this list (a database test checks it).
 */
export const minimalChart: readonly ChartAccount[] = accounts.map(([number, label]) => ({
  number,
  label,
  requiresThirdParty: requiresThirdPartyByDefault(number),
}));
