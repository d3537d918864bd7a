import type { Locale } from '../i18n/locale.ts';

/**
 * Messages for the rules our schemas add on top of zod's own checks. A schema refers to them by key
 * (`{ message: 'siren.invalid' }`); the server and the web translate the key for the reader.
 */
export const fieldMessages = {
  'siren.invalid': {
    fr: 'Numéro SIREN invalide (9 chiffres, clé de contrôle incorrecte).',
    en: 'Invalid SIREN number (9 digits, wrong check digit).',
  },
  'vatNumber.invalid': {
    fr: 'Numéro de TVA intracommunautaire invalide (FR, clé, puis SIREN).',
    en: 'Invalid EU VAT number (FR, key, then SIREN).',
  },
  'vatNumber.sirenMismatch': {
    fr: 'Le numéro de TVA ne correspond pas au SIREN.',
    en: 'The VAT number does not match the SIREN.',
  },
  'expense.totalPositive': { fr: 'Le montant doit être positif.', en: 'The amount must be positive.' },
  'expense.vatNegative': { fr: 'La TVA ne peut être négative.', en: 'The VAT cannot be negative.' },
  'expense.vatTooHigh': {
    fr: 'La TVA dépasse ce que permet le taux le plus haut (20 %) sur ce montant.',
    en: 'The VAT exceeds what the highest rate (20%) allows on this amount.',
  },
  'expense.vatMismatch': {
    fr: 'La TVA ne correspond pas à la base et au taux.',
    en: 'The VAT does not match the base and the rate.',
  },
  'expense.vatRate': { fr: 'Taux de TVA inconnu.', en: 'Unknown VAT rate.' },
  'expense.rateTwice': { fr: 'Un même taux figure deux fois.', en: 'The same rate appears twice.' },
  'expense.dueBeforeIssue': {
    fr: 'L’échéance précède la date de la facture.',
    en: 'The due date is before the invoice date.',
  },
  'iban.invalid': { fr: 'IBAN invalide (clé de contrôle incorrecte).', en: 'Invalid IBAN (wrong checksum).' },
  'bic.invalid': { fr: 'BIC invalide.', en: 'Invalid BIC.' },
  'postalCode.invalid': { fr: 'Code postal invalide (5 chiffres).', en: 'Invalid postal code (5 digits).' },
  'fiscalYearEnd.invalid': {
    fr: 'Date de clôture invalide (jour et mois, par exemple 31/12).',
    en: 'Invalid year-end date (day and month, e.g. 31/12).',
  },
  'password.tooShort': {
    fr: 'Le mot de passe doit compter au moins 12 caractères.',
    en: 'The password must be at least 12 characters long.',
  },
  'search.tooShort': {
    fr: 'Tapez au moins 2 caractères.',
    en: 'Type at least 2 characters.',
  },
  'password.tooLong': {
    fr: 'Le mot de passe ne peut dépasser 256 caractères.',
    en: 'The password cannot exceed 256 characters.',
  },
  'email.invalid': { fr: 'Adresse e-mail invalide.', en: 'Invalid e-mail address.' },
  'name.required': { fr: 'Le nom est obligatoire.', en: 'The name is required.' },
  'roles.required': { fr: 'Choisissez au moins un rôle.', en: 'Choose at least one role.' },
  'role.unknown': { fr: "Ce rôle n'existe pas.", en: 'This role does not exist.' },
  'logo.type': {
    fr: 'Le logo doit être une image PNG, JPEG ou SVG.',
    en: 'The logo must be a PNG, JPEG or SVG image.',
  },
  'logo.size': { fr: 'Le logo ne doit pas dépasser 512 Ko.', en: 'The logo must not exceed 512 KB.' },
  'date.invalid': {
    fr: 'Date invalide (attendue : une vraie date, AAAA-MM-JJ ou JJ/MM/AAAA).',
    en: 'Invalid date (expected a real date, YYYY-MM-DD or DD/MM/YYYY).',
  },
  'nir.invalid': {
    fr: 'Numéro de sécurité sociale invalide (15 caractères, clé de contrôle incorrecte).',
    en: 'Invalid social security number (15 characters, wrong check key).',
  },
  'value.required': { fr: 'Cette valeur est obligatoire.', en: 'This value is required.' },
  'amount.invalid': {
    fr: 'Montant invalide (en euros, par exemple 1 250,50).',
    en: 'Invalid amount (in euros, for example 1250.50).',
  },
  'share.invalid': {
    fr: 'Part invalide (un pourcentage entre 0,01 et 100).',
    en: 'Invalid share (a percentage between 0.01 and 100).',
  },
  'naf.invalid': {
    fr: 'Code NAF invalide (par exemple 74.10Z).',
    en: 'Invalid NAF code (for example 74.10Z).',
  },
  'value.tooLong': { fr: 'Cette valeur est trop longue.', en: 'This value is too long.' },
  'journey.kindFixed': {
    fr: 'Une correction garde la nature de l’entrée et son contrat ; supprimez-la et enregistrez-en une autre.',
    en: 'A correction keeps the entry’s kind and contract; delete it and record another one.',
  },
  'activityCode.invalid': {
    fr: 'Code d’activité invalide (2 à 20 lettres majuscules, chiffres ou tirets).',
    en: 'Invalid activity code (2 to 20 capital letters, digits or dashes).',
  },
  // Sales (issue 5).
  'quantity.invalid': {
    fr: 'Quantité invalide (nombre positif, 12 chiffres et 4 décimales au plus).',
    en: 'Invalid quantity (a positive number, at most 12 digits and 4 decimals).',
  },
  'amountCents.invalid': {
    fr: 'Montant invalide (en centimes entiers).',
    en: 'Invalid amount (whole cents).',
  },
  'amount.negative': { fr: 'Le montant ne peut pas être négatif.', en: 'The amount cannot be negative.' },
  'amount.tooLarge': {
    fr: 'Montant trop élevé (12 chiffres au plus avant la virgule).',
    en: 'Amount too large (at most 12 digits before the decimal point).',
  },
  'vatRate.unknown': { fr: 'Taux de TVA inconnu.', en: 'Unknown VAT rate.' },
  'exemption.reasonRequired': {
    fr: 'Indiquez le motif de l’exonération de TVA.',
    en: 'Give the reason for the VAT exemption.',
  },
  'description.required': { fr: 'La désignation est obligatoire.', en: 'The description is required.' },
  'lines.required': { fr: 'Ajoutez au moins une ligne.', en: 'Add at least one line.' },
  'paymentTerms.tooLong': {
    fr: 'Délai de paiement trop long : 60 jours au plus, ou 45 jours fin de mois (C. com. L441-10).',
    en: 'Payment terms too long: at most 60 days, or 45 days end of month (C. com. L441-10).',
  },
  'numberingTemplate.unsafe': {
    fr: 'Ce modèle de numérotation pourrait produire deux fois le même numéro.',
    en: 'This numbering template could produce the same number twice.',
  },
  'siret.invalid': {
    fr: 'Numéro SIRET invalide (14 chiffres, clé de contrôle incorrecte).',
    en: 'Invalid SIRET number (14 digits, wrong check digit).',
  },
  'siret.sirenMismatch': {
    fr: 'Le SIRET ne commence pas par le SIREN.',
    en: 'The SIRET does not start with the SIREN.',
  },
  'siren.required': {
    fr: 'Le SIREN d’un client professionnel français est obligatoire.',
    en: 'A French business client needs its SIREN.',
  },
  'siren.individual': {
    fr: 'Un particulier n’a ni SIREN ni SIRET.',
    en: 'An individual has no SIREN or SIRET.',
  },
  'amount.positive': { fr: 'Le montant doit être positif.', en: 'The amount must be positive.' },
  'reminderDays.duplicate': {
    fr: 'Chaque délai de relance ne peut figurer qu’une fois.',
    en: 'Each reminder delay can appear only once.',
  },
  'ecbRate.semester': {
    fr: 'Un taux de la BCE s’applique à un semestre : il commence le 1er janvier ou le 1er juillet.',
    en: 'An ECB rate applies to a half-year: it starts on 1 January or 1 July.',
  },
  'salesAccount.invalid': {
    fr: 'Compte de vente invalide : un compte de la classe 70 (par exemple 706000).',
    en: 'Invalid sales account: a class 70 account (for example 706000).',
  },
  // Ledger (issue 4).
  'ledger.date': { fr: 'Date invalide (AAAA-MM-JJ).', en: 'Invalid date (YYYY-MM-DD).' },
  'ledger.cents': {
    fr: 'Montant invalide : un nombre entier de centimes.',
    en: 'Invalid amount: a whole number of cents.',
  },
  'ledger.accountNumber': {
    fr: 'Numéro de compte invalide (3 à 10 chiffres du plan comptable, classe 1 à 8).',
    en: 'Invalid account number (3 to 10 digits of the French chart, class 1 to 8).',
  },
  'ledger.journalCode': {
    fr: 'Code journal invalide (2 à 6 lettres ou chiffres en majuscules).',
    en: 'Invalid journal code (2 to 6 upper-case letters or digits).',
  },
  'ledger.flatText': {
    fr: 'Ce texte ne peut contenir ni tabulation ni retour à la ligne.',
    en: 'This text cannot contain a tab or a line break.',
  },
  'ledger.lockDateFuture': {
    fr: "La date de verrouillage ne peut pas être postérieure à aujourd'hui.",
    en: 'The lock date cannot be later than today.',
  },
  'ledger.sourceType': { fr: "Type de pièce d'origine invalide.", en: 'Invalid source document type.' },
  // Payroll (issue 10).
  'bank.ledgerAccount': {
    fr: 'Le compte de banque doit être un compte 512 (512000, 512100…).',
    en: 'The bank account must be a 512 account (512000, 512100…).',
  },
  'bank.invoiceTwice': {
    fr: 'Une même facture ne peut figurer deux fois dans la répartition.',
    en: 'The same invoice cannot appear twice in the split.',
  },
  'payroll.month': { fr: 'Mois invalide (AAAA-MM).', en: 'Invalid month (YYYY-MM).' },
  'payroll.healthEmployerShare': {
    fr: "L'employeur paie au moins la moitié de la complémentaire santé (50 % ou plus).",
    en: 'The employer pays at least half of the health plan (50% or more).',
  },
  'payroll.exitBeforeStart': {
    fr: 'La date de sortie est avant le premier mois de paie.',
    en: 'The exit date is before the first payroll month.',
  },
  'payroll.daysPaidInMonth': {
    fr: 'Le mois n’a pas autant de jours.',
    en: 'The month does not have that many days.',
  },
  'payroll.exitTooFar': {
    fr: 'Un plan de sortie couvre au plus 60 mois.',
    en: 'An exit plan covers at most 60 months.',
  },
  'payroll.siret': { fr: 'SIRET invalide (14 chiffres).', en: 'Invalid SIRET (14 digits).' },
  'payroll.ape': { fr: 'Code APE invalide (ex. 70.22Z).', en: 'Invalid APE code (e.g. 70.22Z).' },
  'payroll.settingsFirstOfMonth': {
    fr: 'Une version des paramètres de paie commence le premier jour d’un mois.',
    en: 'A version of the payroll settings starts on the first day of a month.',
  },
  // Contribution (issue 6).
  'contribution.amount': { fr: 'Montant invalide (en centimes).', en: 'Invalid amount (in cents).' },
  'contribution.rate': { fr: 'Taux invalide (en points de base).', en: 'Invalid rate (in basis points).' },
  'contribution.negative': { fr: 'Ne peut pas être négatif.', en: 'Cannot be negative.' },
  'contribution.rateAbove100': { fr: 'Un taux ne peut dépasser 100 %.', en: 'A rate cannot exceed 100%.' },
  'contribution.bracketsRequired': { fr: 'Indiquez au moins une tranche.', en: 'Give at least one bracket.' },
  'contribution.firstBracket': {
    fr: 'La première tranche commence à 0 €.',
    en: 'The first bracket starts at €0.',
  },
  'contribution.bracketsIncreasing': {
    fr: 'Chaque tranche commence au-dessus de la précédente.',
    en: 'Each bracket starts above the previous one.',
  },
  'contribution.marginAccounts': {
    fr: 'La marge brute demande au moins un compte d’achats déduit.',
    en: 'A gross-margin base needs at least one purchase account.',
  },
  'contribution.purchaseAccount': {
    fr: 'Compte d’achats invalide (classe 6, par exemple 604 ou 611).',
    en: 'Invalid purchase account (class 6, e.g. 604 or 611).',
  },
  'contribution.duplicate': { fr: 'Déjà indiqué plus haut.', en: 'Already given above.' },
  'contribution.shareInvalid': {
    fr: 'Part invalide (1 à 10 000 points).',
    en: 'Invalid share (1 to 10,000 bp).',
  },
  'contribution.splitAbove100': {
    fr: 'Les parts reversées dépassent 100 %.',
    en: 'The shares paid on exceed 100%.',
  },
  'contribution.monthStart': {
    fr: 'Une version commence le 1er d’un mois.',
    en: 'A version starts on the first day of a month.',
  },
  'contribution.validToBeforeFrom': {
    fr: 'La fin est antérieure au début.',
    en: 'The end is before the start.',
  },
  'contribution.reasonRequired': {
    fr: 'Indiquez le motif de l’exonération.',
    en: 'Give the reason for the exemption.',
  },
  'contribution.month': { fr: 'Mois invalide (AAAA-MM).', en: 'Invalid month (YYYY-MM).' },
  // Governance (issue 8).
  'fraction.invalid': { fr: 'Fraction invalide (entre 0 et 1).', en: 'Invalid fraction (between 0 and 1).' },
  'college.key': {
    fr: 'Code de collège invalide (lettres minuscules, chiffres, tirets).',
    en: 'Invalid college code (lower-case letters, digits, dashes).',
  },
  'shares.sharesOrAmount': {
    fr: 'Indiquez un nombre de parts ou un montant, pas les deux.',
    en: 'Give a number of shares or an amount, not both.',
  },
  'time.invalid': { fr: 'Heure invalide (HH:MM).', en: 'Invalid time (HH:MM).' },
  'assembly.placeRequired': {
    fr: 'Indiquez un lieu, un lien de réunion en ligne, ou les deux.',
    en: 'Give a place, an online meeting link, or both.',
  },
  'assembly.firstCallRequired': {
    fr: 'Une deuxième convocation indique la première (et seulement elle).',
    en: 'A second call names the first call (and only a second call does).',
  },
  'attendance.holderRequired': {
    fr: 'Une personne représentée l’est par un·e associé·e nommé·e (et seulement elle).',
    en: 'A represented associate is represented by a named associate (and only then).',
  },
  'document.pdf': {
    fr: 'Le document doit être un PDF de 10 Mo au plus.',
    en: 'The document must be a PDF of at most 10 MB.',
  },
  'postal.resolution': {
    fr: 'Chaque choix porte sur une résolution de cette assemblée, une seule fois.',
    en: 'Each choice is about a resolution of this assembly, once.',
  },
  'consultation.option': { fr: 'Cette option n’existe pas.', en: 'This option does not exist.' },
} as const satisfies Record<string, Record<Locale, string>>;

export type FieldMessageKey = keyof typeof fieldMessages;

export function isFieldMessageKey(key: string): key is FieldMessageKey {
  return Object.hasOwn(fieldMessages, key);
}
