import type { Locale } from '../i18n/locale.ts';

type Entry = { status: number; fr: string; en: string };

/**
 * Every refusal Mutua can answer, with its HTTP status and its message in each language.
 * Messages may use {placeholders} filled from the error's details.
 */
export const errorCatalog = {
  VALIDATION_FAILED: {
    status: 422,
    fr: 'Certaines informations sont invalides.',
    en: 'Some of the information is invalid.',
  },
  MALFORMED_JSON: {
    status: 400,
    fr: "Le corps de la requête n'est pas un JSON valide.",
    en: 'The request body is not valid JSON.',
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    fr: 'La requête est trop volumineuse (maximum {limit}).',
    en: 'The request is too large (at most {limit}).',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    fr: 'Type de contenu non pris en charge.',
    en: 'Unsupported content type.',
  },
  NOT_FOUND: { status: 404, fr: 'Introuvable.', en: 'Not found.' },
  METHOD_NOT_ALLOWED: { status: 405, fr: 'Méthode non autorisée.', en: 'Method not allowed.' },
  UNAUTHENTICATED: {
    status: 401,
    fr: 'Veuillez vous connecter.',
    en: 'Please log in.',
  },
  FORBIDDEN: {
    status: 403,
    fr: "Vous n'avez pas le droit de faire cela.",
    en: 'You are not allowed to do this.',
  },
  CSRF_FAILED: {
    status: 403,
    fr: 'La vérification de sécurité de la requête a échoué. Rechargez la page et réessayez.',
    en: 'The request failed its security check. Reload the page and try again.',
  },
  INVALID_CREDENTIALS: {
    status: 401,
    fr: 'Adresse e-mail ou mot de passe incorrect.',
    en: 'Wrong e-mail address or password.',
  },
  TOO_MANY_ATTEMPTS: {
    status: 429,
    fr: 'Trop de tentatives de connexion. Réessayez dans {minutes} min.',
    en: 'Too many log-in attempts. Try again in {minutes} min.',
  },
  TOKEN_INVALID: {
    status: 400,
    fr: "Ce lien n'est pas valide, a expiré ou a déjà été utilisé.",
    en: 'This link is invalid, has expired or has already been used.',
  },
  EMAIL_ALREADY_USED: {
    status: 409,
    fr: 'Cette adresse e-mail est déjà utilisée.',
    en: 'This e-mail address is already in use.',
  },
  INVITATION_PENDING: {
    status: 409,
    fr: 'Une invitation est déjà en attente pour cette adresse.',
    en: 'An invitation is already pending for this address.',
  },
  WRONG_PASSWORD: {
    status: 422,
    fr: 'Le mot de passe actuel est incorrect.',
    en: 'The current password is wrong.',
  },
  LAST_ADMIN: {
    status: 409,
    fr: 'Il doit rester au moins un administrateur actif.',
    en: 'At least one active administrator must remain.',
  },
  // Member journey rules (issue 3, cae-domain.md §1): each refusal names the rule it enforces.
  JOURNEY_DATES_OUT_OF_ORDER: {
    status: 422,
    fr: 'Parcours refusé : la date du {date} précède celle du {after}, dont elle dépend.',
    en: 'Journey refused: the date {date} comes before {after}, which it depends on.',
  },
  JOURNEY_CAPE_TOO_LONG: {
    status: 422,
    fr: 'Parcours refusé : un CAPE, comme chacun de ses renouvellements, dure au plus 12 mois (C. com. L127-2) ; fin au plus tard le {maxEnd}.',
    en: 'Journey refused: a CAPE, like each of its renewals, lasts at most 12 months (C. com. L127-2); it must end by {maxEnd}.',
  },
  JOURNEY_CAPE_TOO_MANY_RENEWALS: {
    status: 422,
    fr: 'Parcours refusé : un CAPE ne peut être renouvelé que deux fois (C. com. L127-2).',
    en: 'Journey refused: a CAPE can be renewed only twice (C. com. L127-2).',
  },
  JOURNEY_CAPE_RENEWAL_AFTER_TERM: {
    status: 422,
    fr: 'Parcours refusé : le renouvellement d’un CAPE est un avenant écrit signé avant son terme, le {end} (C. com. L127-2).',
    en: 'Journey refused: a CAPE renewal is a written amendment signed before its term, {end} (C. com. L127-2).',
  },
  JOURNEY_TRIAL_TOO_LONG: {
    status: 422,
    fr: 'Parcours refusé : la période d’essai dure au plus 8 mois renouvellement compris, moins les {priorDays} jours de contrats antérieurs ; fin au plus tard le {maxEnd} (C. trav. L7332-1).',
    en: 'Journey refused: the trial period lasts at most 8 months including renewal, minus the {priorDays} days of earlier contracts; it must end by {maxEnd} (C. trav. L7332-1).',
  },
  JOURNEY_TRIAL_RENEWED_AFTER_END: {
    status: 422,
    fr: 'Parcours refusé : une période d’essai ne se renouvelle qu’avant son terme, le {trialEnd} (C. trav. L1221-21).',
    en: 'Journey refused: a trial period can be renewed only before it ends, on {trialEnd} (C. trav. L1221-21).',
  },
  JOURNEY_CONTRACTS_OVERLAP: {
    status: 422,
    fr: 'Parcours refusé : deux contrats se chevauchent à partir du {date} ; un contrat doit prendre fin avant que le suivant commence.',
    en: 'Journey refused: two contracts overlap from {date}; a contract must end before the next one starts.',
  },
  JOURNEY_ASSOCIATE_BEFORE_CONTRACT: {
    status: 422,
    fr: 'Parcours refusé : on devient associé·e en tant qu’entrepreneur·e salarié·e, donc pas avant le début d’un CESA (C. trav. L7331-2).',
    en: 'Journey refused: one becomes an associate as a salaried entrepreneur, so not before a CESA starts (C. trav. L7331-2).',
  },
  JOURNEY_CONTRACT_ENDED_TWICE: {
    status: 422,
    fr: 'Parcours refusé : ce contrat a déjà pris fin le {endedOn} ; un contrat ne prend fin qu’une fois.',
    en: 'Journey refused: this contract already ended on {endedOn}; a contract ends only once.',
  },
  JOURNEY_ENTRY_AFTER_EXIT: {
    status: 422,
    fr: 'Parcours refusé : rien ne peut suivre la sortie de la coopérative, le {exitOn}.',
    en: 'Journey refused: nothing can follow the exit from the cooperative on {exitOn}.',
  },
  JOURNEY_DUPLICATE_ENTRY: {
    status: 422,
    fr: 'Parcours refusé : une sortie ou une date d’entrée au sociétariat ne figure qu’une fois dans un parcours.',
    en: 'Journey refused: an exit or an associate date appears only once in a journey.',
  },
  JOURNEY_AMENDMENT_NUMBERING: {
    status: 422,
    fr: 'Parcours refusé : les avenants d’un contrat sont numérotés 1, 2, 3… dans l’ordre de leurs dates.',
    en: 'Journey refused: the amendments of a contract are numbered 1, 2, 3… in date order.',
  },
  JOURNEY_AMENDMENT_AFTER_END: {
    status: 422,
    fr: 'Parcours refusé : un avenant ne peut suivre la fin du contrat, le {endedOn}.',
    en: 'Journey refused: an amendment cannot follow the end of the contract on {endedOn}.',
  },
  JOURNEY_UNKNOWN_CONTRACT: {
    status: 422,
    fr: 'Parcours refusé : cet avenant ou cette fin se rapporte à un contrat absent du parcours, ou d’un autre type.',
    en: 'Journey refused: this amendment or end refers to a contract missing from the journey, or of another kind.',
  },
  // Members, activities and import (issue 3).
  MEMBER_EMAIL_TAKEN: {
    status: 409,
    fr: 'Une fiche d’entrepreneur·e utilise déjà l’adresse {email}.',
    en: 'A member file already uses the address {email}.',
  },
  MEMBER_ACCOUNT_TAKEN: {
    status: 409,
    fr: 'Ce compte est déjà relié à une autre fiche d’entrepreneur·e.',
    en: 'This account is already linked to another member file.',
  },
  REFERENT_NOT_SUPPORT: {
    status: 422,
    fr: 'La personne référente doit être un compte actif de l’équipe d’accompagnement.',
    en: 'The referent must be an active support staff account.',
  },
  ACTIVITY_CODE_TAKEN: {
    status: 409,
    fr: 'Le code d’activité {code} est déjà pris.',
    en: 'The activity code {code} is already taken.',
  },
  ACTIVITY_STRUCTURE_EXISTS: {
    status: 409,
    fr: 'La coopérative a déjà son activité de structure.',
    en: 'The cooperative already has its structure activity.',
  },
  ACTIVITY_REFERENT_REQUIRED: {
    status: 422,
    fr: 'Une activité d’entrepreneur·e a toujours une personne référente de l’accompagnement.',
    en: 'A member activity always has a support referent.',
  },
  ACTIVITY_SHARES_INVALID: {
    status: 422,
    fr: 'Les parts des membres d’une activité doivent totaliser 100 % à chaque date (le {date} : {percent} %).',
    en: 'The shares of an activity’s members must add up to 100% at every date ({date}: {percent}%).',
  },
  ACTIVITY_SHARES_DATE: {
    status: 422,
    fr: 'Un changement de parts prend effet au plus tôt le {earliest}, après le dernier changement enregistré.',
    en: 'A change of shares takes effect on {earliest} at the earliest, after the last recorded change.',
  },
  ACTIVITY_SHARES_KIND: {
    status: 422,
    fr: 'Seule une activité d’entrepreneur·e a des membres ; la structure et les fonds n’en ont pas.',
    en: 'Only a member activity has members; the structure and funds have none.',
  },
  IMPORT_REJECTED: {
    status: 422,
    fr: 'Le fichier contient {count} ligne(s) en erreur : rien n’a été importé.',
    en: 'The file has {count} line(s) in error: nothing was imported.',
  },
  IMPORT_ENCODING: {
    status: 422,
    fr: 'Le fichier n’est pas encodé en UTF-8 (un export Excel « CSV UTF-8 » convient) : rien n’a été importé.',
    en: 'The file is not UTF-8 encoded (an Excel “CSV UTF-8” export works): nothing was imported.',
  },
  IMPORT_COLUMNS_MISSING: {
    status: 422,
    fr: 'Colonnes introuvables dans le fichier : {columns}. Rien n’a été importé.',
    en: 'Columns not found in the file: {columns}. Nothing was imported.',
  },
  IMPORT_EMAIL_DUPLICATE: {
    status: 422,
    fr: 'Cette adresse e-mail figure déjà ligne {firstLine} du fichier.',
    en: 'This e-mail address already appears on line {firstLine} of the file.',
  },
  IMPORT_ROW_COLUMNS: {
    status: 422,
    fr: 'La ligne compte {found} colonnes au lieu de {expected} (séparateur ou guillemets mal placés ?).',
    en: 'The line has {found} columns instead of {expected} (misplaced separator or quotes?).',
  },
  LEDGER_JOURNAL_UNKNOWN: {
    status: 422,
    fr: "Le journal {journal} n'existe pas.",
    en: 'Journal {journal} does not exist.',
  },
  LEDGER_JOURNAL_INACTIVE: {
    status: 422,
    fr: 'Le journal {journal} est désactivé.',
    en: 'Journal {journal} is disabled.',
  },
  LEDGER_JOURNAL_NOT_MANUAL: {
    status: 422,
    fr: "Le journal {journal} n'accepte pas de saisie manuelle.",
    en: 'Journal {journal} does not take manual entries.',
  },
  LEDGER_ENTRY_TOO_FEW_LINES: {
    status: 422,
    fr: 'Une écriture compte au moins deux lignes.',
    en: 'An entry has at least two lines.',
  },
  LEDGER_LINE_AMOUNT_INVALID: {
    status: 422,
    fr: 'Ligne {line} : indiquez un montant positif en centimes entiers, au débit ou au crédit, pas les deux.',
    en: 'Line {line}: give a positive amount in whole cents, as a debit or a credit, not both.',
  },
  LEDGER_ENTRY_UNBALANCED: {
    status: 422,
    fr: "L'écriture n'est pas équilibrée : le total des débits doit égaler celui des crédits.",
    en: 'The entry does not balance: total debits must equal total credits.',
  },
  LEDGER_ACCOUNT_UNKNOWN: {
    status: 422,
    fr: "Ligne {line} : le compte {account} n'existe pas.",
    en: 'Line {line}: account {account} does not exist.',
  },
  LEDGER_ACCOUNT_INACTIVE: {
    status: 422,
    fr: 'Ligne {line} : le compte {account} est désactivé.',
    en: 'Line {line}: account {account} is disabled.',
  },
  LEDGER_THIRD_PARTY_REQUIRED: {
    status: 422,
    fr: 'Ligne {line} : le compte {account} demande un tiers (client, fournisseur, salarié…).',
    en: 'Line {line}: account {account} needs a third party (client, supplier, employee…).',
  },
  LEDGER_ACTIVITY_UNKNOWN: {
    status: 422,
    fr: "Ligne {line} : l'activité indiquée n'existe pas.",
    en: 'Line {line}: the activity does not exist.',
  },
  LEDGER_FISCAL_YEAR_MISSING: {
    status: 422,
    fr: 'Aucun exercice comptable ne couvre le {date}.',
    en: 'No fiscal year covers {date}.',
  },
  LEDGER_FISCAL_YEAR_CLOSED: {
    status: 409,
    fr: "L'exercice qui contient le {date} est clôturé.",
    en: 'The fiscal year containing {date} is closed.',
  },
  LEDGER_DATE_LOCKED: {
    status: 409,
    fr: 'Les écritures sont verrouillées jusqu’au {lockDate} inclus.',
    en: 'Entries are locked up to and including {lockDate}.',
  },
  LEDGER_ENTRY_ALREADY_REVERSED: {
    status: 409,
    fr: 'Cette écriture a déjà été contrepassée.',
    en: 'This entry has already been reversed.',
  },
  LEDGER_IDEMPOTENCY_KEY_REUSED: {
    status: 409,
    fr: 'Une autre écriture a déjà été passée pour cet événement ({key}).',
    en: 'A different entry was already posted for this event ({key}).',
  },
  LEDGER_JOURNAL_EXISTS: {
    status: 409,
    fr: 'Le journal {journal} existe déjà.',
    en: 'Journal {journal} already exists.',
  },
  LEDGER_LETTERING_INVALID: {
    status: 422,
    fr: 'Ces lignes ne peuvent pas être lettrées ensemble : {reason}.',
    en: 'These lines cannot be lettered together: {reason}.',
  },
  LEDGER_ACCOUNT_EXISTS: {
    status: 409,
    fr: 'Le compte {account} existe déjà.',
    en: 'Account {account} already exists.',
  },
  LEDGER_ACCOUNT_HAS_LINES: {
    status: 409,
    fr: 'Le compte {account} a des écritures : désactivez-le plutôt que de le supprimer.',
    en: 'Account {account} has entries: disable it instead of removing it.',
  },
  LEDGER_FISCAL_YEAR_INVALID: {
    status: 422,
    fr: "Cet exercice n'est pas valable : {reason}",
    en: 'This fiscal year is not valid: {reason}',
  },
  LEDGER_FISCAL_YEAR_NOT_CLOSABLE: {
    status: 409,
    fr: "L'exercice ne peut pas être clôturé : {reason}",
    en: 'The fiscal year cannot be closed: {reason}',
  },
  LEDGER_DRAFT_NOT_EDITABLE: {
    status: 409,
    fr: 'Ce brouillon a déjà été validé ou abandonné.',
    en: 'This draft was already posted or discarded.',
  },
  LEDGER_LOCK_DATE_BACKWARDS: {
    status: 409,
    fr: 'La date de verrouillage ne peut pas reculer (actuellement le {lockDate}).',
    en: 'The lock date cannot move back (currently {lockDate}).',
  },
  LEDGER_POST_FORBIDDEN: {
    status: 403,
    fr: 'Seule la comptabilité peut passer une écriture manuelle.',
    en: 'Only accounting staff can post a manual entry.',
  },
  DATABASE_UNAVAILABLE: {
    status: 503,
    fr: 'La base de données ne répond pas.',
    en: 'The database is not answering.',
  },
  INTERNAL: {
    status: 500,
    fr: 'Une erreur inattendue est survenue. Elle a été enregistrée.',
    en: 'An unexpected error occurred. It has been logged.',
  },
  // Sales (issue 5, cae-domain.md §4–5).
  STATUS_TRANSITION_REFUSED: {
    status: 409,
    fr: 'Ce document ne peut pas passer de l’état « {from} » à l’état « {to} ».',
    en: 'This document cannot go from “{from}” to “{to}”.',
  },
  SALES_ACCOUNT_UNKNOWN: {
    status: 422,
    fr: 'Le compte de ventes {account} n’existe pas dans le plan comptable (ou est désactivé) : demandez au service comptable de le créer.',
    en: 'Sales account {account} is not in the chart of accounts (or is disabled): ask the accountants to add it.',
  },
  INVOICE_ALREADY_ISSUED: {
    status: 409,
    fr: 'Ce document est déjà émis : il ne peut plus être modifié. Corrigez-le par un avoir.',
    en: 'This document is already issued and cannot change any more. Correct it with a credit note.',
  },
  DOCUMENT_HAS_NO_LINES: {
    status: 422,
    fr: 'Le document doit comporter au moins une ligne.',
    en: 'The document needs at least one line.',
  },
  AMOUNT_TOO_LARGE: {
    status: 422,
    fr: 'Montant trop élevé (au plus 12 chiffres avant la virgule).',
    en: 'Amount too large (at most 12 digits before the decimal point).',
  },
  LINE_DISCOUNT_TOO_LARGE: {
    status: 422,
    fr: 'La remise de la ligne {line} dépasse son montant.',
    en: 'The discount of line {line} exceeds its amount.',
  },
  DOCUMENT_DISCOUNT_TOO_LARGE: {
    status: 422,
    fr: 'La remise globale dépasse le total des lignes.',
    en: 'The overall discount exceeds the total of the lines.',
  },
  VAT_RATE_UNKNOWN: {
    status: 422,
    fr: 'Taux de TVA inconnu à cette date : {rate}.',
    en: 'Unknown VAT rate on this date: {rate}.',
  },
  VAT_EXEMPTIONS_MIXED: {
    status: 422,
    fr: 'Un document ne peut porter qu’un seul motif d’exonération par catégorie de TVA (EN 16931).',
    en: 'A document can carry only one exemption reason per VAT category (EN 16931).',
  },
  NUMBERING_TEMPLATE_UNSAFE: {
    status: 422,
    fr: 'Ce modèle de numérotation pourrait produire deux fois le même numéro ({problem}).',
    en: 'This numbering template could produce the same number twice ({problem}).',
  },
  CREDIT_NOTE_EXCEEDS_REMAINING: {
    status: 409,
    fr: 'L’avoir dépasse ce qui reste de la facture.',
    en: 'The credit note exceeds what remains of the invoice.',
  },
  QUOTE_OVERINVOICED: {
    status: 409,
    fr: 'Cette facture dépasserait le montant du devis.',
    en: 'This invoice would exceed the amount of the quote.',
  },
  ECB_RATE_MISSING: {
    status: 422,
    fr: 'Le taux de la BCE du semestre commençant le {semester} n’est pas renseigné.',
    en: 'The ECB rate of the half-year starting on {semester} is not set.',
  },
  INVOICE_NEEDS_VALIDATION: {
    status: 409,
    fr: 'Cette facture doit être soumise à la validation de l’équipe d’accompagnement avant d’être émise.',
    en: 'This invoice must be submitted to the support team for validation before it is issued.',
  },
  INVOICE_AWAITING_VALIDATION: {
    status: 409,
    fr: 'Cette facture attend la validation de l’équipe d’accompagnement.',
    en: 'This invoice is waiting for the support team’s validation.',
  },
  ISSUE_DATE_BEFORE_LAST: {
    status: 409,
    fr: 'La date d’émission précéderait celle de la dernière facture de la série ({last}).',
    en: 'The issue date would precede that of the last invoice of the series ({last}).',
  },
  INVOICE_NOT_ISSUED: {
    status: 409,
    fr: 'Cette opération demande une facture émise.',
    en: 'This needs an issued invoice.',
  },
  PAYMENT_EXCEEDS_DUE: {
    status: 409,
    fr: 'Le paiement dépasse ce qui reste dû ({dueCents} centimes).',
    en: 'The payment exceeds what is still due ({dueCents} cents).',
  },
  QUOTE_NOT_SENT: {
    status: 409,
    fr: 'Ce devis est encore un brouillon : envoyez-le d’abord (il reçoit alors son numéro et son PDF).',
    en: 'This quote is still a draft: send it first (it then gets its number and PDF).',
  },
  QUOTE_VALIDITY_PAST: {
    status: 422,
    fr: 'La date de validité du devis est déjà passée.',
    en: 'The validity date of the quote has already passed.',
  },
  QUOTE_EXPIRED: {
    status: 409,
    fr: 'Ce devis a expiré le {validityDate} : il ne peut plus être accepté ni facturé.',
    en: 'This quote expired on {validityDate}: it can no longer be accepted or invoiced.',
  },
  QUOTE_STILL_VALID: {
    status: 409,
    fr: 'Ce devis est valable jusqu’au {validityDate} : il n’a pas expiré.',
    en: 'This quote is valid until {validityDate}: it has not expired.',
  },
  QUOTE_FULLY_INVOICED: {
    status: 409,
    fr: 'La facture de solde de ce devis existe déjà.',
    en: 'The balance invoice of this quote already exists.',
  },
  QUOTE_PART_NOT_ISSUED: {
    status: 409,
    fr: 'Émettez d’abord les factures d’acompte et intermédiaires de ce devis : la facture de solde les déduit.',
    en: 'Issue the deposit and intermediate invoices of this quote first: the balance invoice deducts them.',
  },
  CLIENT_EMAIL_MISSING: {
    status: 422,
    fr: 'Ce client n’a pas d’adresse e-mail : indiquez-en une.',
    en: 'This client has no e-mail address: give one.',
  },
  CLIENT_HAS_DOCUMENTS: {
    status: 409,
    fr: 'Ce client a des documents ({invoices} factures ou avoirs, {quotes} devis) : archivez-le plutôt que de le supprimer.',
    en: 'This client has documents ({invoices} invoices or credit notes, {quotes} quotes): archive it instead of deleting it.',
  },
  // Governance (issue 8): assemblies, proxies, votes, share capital.
  GOVERNANCE_SETTINGS_LOOSER: {
    status: 422,
    fr: 'Les statuts peuvent renforcer les règles légales, jamais les assouplir : {paths}.',
    en: 'The statutes may tighten the legal rules, never loosen them: {paths}.',
  },
  NOTICE_TOO_LATE: {
    status: 422,
    fr: 'Convocation trop tardive : il faut {required} jours avant l’assemblée, il en reste {given} (envoi au plus tard le {latestOn}).',
    en: 'Notice too late: {required} days are required before the assembly, {given} are left (send by {latestOn} at the latest).',
  },
  PROXY_TO_SELF: {
    status: 422,
    fr: 'Un·e associé·e ne peut pas se donner pouvoir à soi-même.',
    en: 'An associate cannot give a proxy to themselves.',
  },
  PROXY_HOLDER_NOT_ASSOCIATE: {
    status: 422,
    fr: 'Un pouvoir ne peut être donné qu’à un·e autre associé·e.',
    en: 'A proxy can only be given to another associate.',
  },
  PROXY_HOLDER_ABSENT: {
    status: 422,
    fr: 'Cette personne ne participe pas elle-même à l’assemblée (représentée ou par correspondance) : elle ne peut pas recevoir de pouvoir.',
    en: 'This person does not take part in the assembly themselves (represented or by post): they cannot hold a proxy.',
  },
  PROXY_CAP_EXCEEDED: {
    status: 422,
    fr: 'Cette personne détient déjà {held} pouvoir(s) ; le maximum est {cap}.',
    en: 'This person already holds {held} proxies; the maximum is {cap}.',
  },
  VOTER_NOT_ASSOCIATE: {
    status: 403,
    fr: 'Seul·es les associé·es peuvent voter.',
    en: 'Only associates can vote.',
  },
  SHARES_NOT_WHOLE: {
    status: 422,
    fr: 'On ne souscrit que des parts entières.',
    en: 'Only whole shares can be subscribed.',
  },
  SHARES_BELOW_MINIMUM: {
    status: 422,
    fr: 'Les statuts demandent au moins {minimum} part(s).',
    en: 'The statutes require at least {minimum} shares.',
  },
  REFUND_NOT_FIXED: {
    status: 409,
    fr: 'Le montant de ce remboursement n’est pas encore fixé : il l’est à la clôture de l’exercice du départ.',
    en: 'This refund’s amount is not fixed yet: it is fixed at the close of the year of departure.',
  },
  REFUND_CAPITAL_FLOOR: {
    status: 409,
    fr: 'Ce remboursement ferait passer le capital sous la moitié du capital le plus élevé atteint : il attend de nouvelles souscriptions.',
    en: 'This refund would take the capital below half of the highest capital reached: it waits for new subscriptions.',
  },
  REFUND_OUT_OF_ORDER: {
    status: 409,
    fr: 'Les remboursements se font dans l’ordre des départs : un départ plus ancien attend encore.',
    en: 'Refunds are paid in the order of departure: an earlier departure is still waiting.',
  },
  RESOLUTION_MAJORITY_REQUIRED: {
    status: 422,
    fr: 'Chaque résolution doit indiquer sa règle de majorité.',
    en: 'Every resolution must state its majority rule.',
  },
  RESOLUTION_MAJORITY_TOO_LOW: {
    status: 422,
    fr: 'La majorité de cette résolution est plus faible que celle exigée ({required}).',
    en: 'This resolution’s majority is lower than the one required ({required}).',
  },
  COOPERATIVE_REQUIRED: {
    status: 409,
    fr: 'Renseignez d’abord l’identité de la coopérative (forme juridique, clôture de l’exercice).',
    en: 'Set up the cooperative’s identity first (legal form, year end).',
  },
  ADMISSION_RESOLUTION_INVALID: {
    status: 422,
    fr: 'Cette résolution n’a pas été adoptée par une assemblée close.',
    en: 'This resolution was not adopted by a closed assembly.',
  },
  ASSOCIATE_ALREADY_ACTIVE: {
    status: 409,
    fr: 'Cette personne est déjà inscrite au registre des associé·es.',
    en: 'This person is already in the associates register.',
  },
  ASSOCIATE_COLLEGE_INVALID: {
    status: 422,
    fr: 'Collège inconnu (collèges des statuts : {colleges}).',
    en: 'Unknown college (colleges in the statutes: {colleges}).',
  },
  ASSOCIATE_EXITED: {
    status: 409,
    fr: 'Cette personne n’est plus associée.',
    en: 'This person is no longer an associate.',
  },
  ASSOCIATE_EXIT_BEFORE_ADMISSION: {
    status: 422,
    fr: 'La date de sortie précède la date d’admission.',
    en: 'The exit date is before the admission date.',
  },
  SUBSCRIPTION_PAID_BEFORE: {
    status: 422,
    fr: 'La libération ne peut précéder la souscription.',
    en: 'The payment cannot precede the subscription.',
  },
  REFUND_CLOSE_DATE_INVALID: {
    status: 422,
    fr: 'La date doit être une clôture d’exercice passée (fin d’exercice : {fiscalYearEnd}).',
    en: 'The date must be a past year-end close (year end: {fiscalYearEnd}).',
  },
  REFUND_LOSSES_ABOVE_CAPITAL: {
    status: 422,
    fr: 'Les pertes imputées dépassent le capital à la clôture.',
    en: 'The losses charged exceed the capital at the close.',
  },
  REFUND_PAID_BEFORE_EXIT: {
    status: 422,
    fr: 'Un remboursement ne peut précéder le départ.',
    en: 'A refund cannot precede the departure.',
  },
  ASSEMBLY_FIRST_CALL_INVALID: {
    status: 422,
    fr: 'Une deuxième convocation suit une première convocation antérieure, du même type d’assemblée.',
    en: 'A second call follows an earlier first call of the same assembly type.',
  },
  ASSEMBLY_NOT_DRAFT: {
    status: 409,
    fr: 'La convocation est partie : l’assemblée ne peut plus être modifiée.',
    en: 'The notice has been sent: the assembly can no longer be changed.',
  },
  ASSEMBLY_NO_ASSOCIATES: {
    status: 409,
    fr: 'Le registre ne compte aucun·e associé·e à convoquer.',
    en: 'The register has no associate to convene.',
  },
  ASSEMBLY_NOT_CONVENED: {
    status: 409,
    fr: 'L’assemblée n’est pas convoquée ou est déjà close.',
    en: 'The assembly is not convened or is already closed.',
  },
  ASSEMBLY_NOT_YET: {
    status: 409,
    fr: 'L’assemblée se tient le {meetingOn} : la séance ne peut pas s’ouvrir avant.',
    en: 'The assembly meets on {meetingOn}: the session cannot open before.',
  },
  ASSEMBLY_NOT_IN_SESSION: {
    status: 409,
    fr: 'L’assemblée n’est pas en séance.',
    en: 'The assembly is not in session.',
  },
  ASSEMBLY_VOTES_NOT_CLOSED: {
    status: 409,
    fr: '{count} vote(s) ne sont pas clos : clôturez chaque résolution avant l’assemblée.',
    en: '{count} votes are not closed: close each resolution before the assembly.',
  },
  REMOTE_ATTENDANCE_NOT_ALLOWED: {
    status: 422,
    fr: 'Les statuts ne prévoient pas la participation à distance.',
    en: 'The statutes do not provide for remote participation.',
  },
  REMOTE_EXCLUDED_FOR_ACCOUNTS: {
    status: 403,
    fr: 'Dans une SARL, la participation à distance ne vaut pas pour l’approbation des comptes.',
    en: 'In a SARL, remote participation does not count for approving the accounts.',
  },
  POSTAL_VOTING_NOT_ALLOWED: {
    status: 422,
    fr: 'Les statuts ne prévoient pas le vote par correspondance.',
    en: 'The statutes do not provide for postal voting.',
  },
  POSTAL_VOTE_TOO_LATE: {
    status: 409,
    fr: 'Le vote par correspondance se fait avant la séance.',
    en: 'Postal votes are sent before the session.',
  },
  ATTENDANCE_REQUIRED: {
    status: 409,
    fr: 'Faites enregistrer votre présence avant de voter.',
    en: 'Have your attendance recorded before voting.',
  },
  ATTENDANCE_LOCKED_BY_BALLOT: {
    status: 409,
    fr: 'Un vote a déjà été exprimé par ou pour cette personne : sa participation ne peut plus changer.',
    en: 'A vote has already been cast by or for this person: their attendance can no longer change.',
  },
  VOTER_NOT_ATTENDING: {
    status: 403,
    fr: 'Vous avez voté par correspondance ou donné pouvoir : vous ne votez pas en séance.',
    en: 'You voted by post or gave a proxy: you do not vote in session.',
  },
  PROXY_NOT_HELD: {
    status: 403,
    fr: 'Vous ne détenez pas le pouvoir de cette personne.',
    en: 'You do not hold this person’s proxy.',
  },
  VOTE_NOT_OPEN: {
    status: 409,
    fr: 'Ce vote n’est pas ouvert.',
    en: 'This vote is not open.',
  },
  VOTE_CLOSED: {
    status: 409,
    fr: 'Ce vote est clos.',
    en: 'This vote is closed.',
  },
  VOTE_ALREADY_OPEN: {
    status: 409,
    fr: 'Un autre vote est déjà ouvert dans cette assemblée.',
    en: 'Another vote is already open in this assembly.',
  },
  VOTE_ALREADY_CAST: {
    status: 409,
    fr: 'Ce vote a déjà été exprimé.',
    en: 'This vote has already been cast.',
  },
  CONSULTATION_CLOSES_IN_PAST: {
    status: 422,
    fr: 'La date de clôture est déjà passée.',
    en: 'The closing date has already passed.',
  },
  CONSULTATION_NOT_OPEN: {
    status: 409,
    fr: 'Cette consultation n’est pas ouverte.',
    en: 'This consultation is not open.',
  },
  CONSULTATION_STILL_RUNNING: {
    status: 409,
    fr: 'La consultation court jusqu’au {closesAt}.',
    en: 'The consultation runs until {closesAt}.',
  },
  // Payroll (issue 10).
  PAYROLL_RULES_UNKNOWN: {
    status: 422,
    fr: 'Les règles de paie de {month} ne sont pas connues du simulateur (mois de {from} à {to}).',
    en: 'The simulator does not know the payroll rules of {month} (months from {from} to {to}).',
  },
  // Contribution (issue 6).
  CONTRIBUTION_VERSION_OVERLAP: {
    status: 409,
    fr: 'Cette version chevauche celle du {validFrom} au {validTo} : deux versions ne peuvent s’appliquer le même jour.',
    en: 'This version overlaps the one from {validFrom} to {validTo}: two versions cannot apply on the same day.',
  },
  CONTRIBUTION_VERSION_IN_FORCE: {
    status: 409,
    fr: 'La version du {validFrom} est (ou a été) en vigueur : elle ne se modifie pas. Créez une nouvelle version qui commence plus tard.',
    en: 'The version of {validFrom} is (or was) in force: it is never edited. Start a new version at a later date.',
  },
  CONTRIBUTION_VERSION_AFTER_RUNS: {
    status: 409,
    fr: 'Les contributions sont déjà calculées jusqu’en {month} : une nouvelle version commence après ce mois.',
    en: 'Contributions are already charged up to {month}: a new version starts after that month.',
  },
  CONTRIBUTION_UNKNOWN_ACTIVITY: {
    status: 422,
    fr: 'L’activité {activityId} n’existe pas.',
    en: 'Activity {activityId} does not exist.',
  },
  CONTRIBUTION_SPLIT_NOT_FUND: {
    status: 422,
    fr: 'Une part de la contribution ne peut être reversée qu’à un fonds mutualisé.',
    en: 'A share of the contribution can only be paid on to a mutual fund.',
  },
  CONTRIBUTION_EXEMPTION_OUTSIDE_CONTRACT: {
    status: 422,
    fr: 'L’exonération du {fromOn} au {toOn} dépasse le contrat de la personne (CAPE, CESA ou associé·e).',
    en: 'The exemption from {fromOn} to {toOn} goes beyond the member’s contract (CAPE, CESA or associate).',
  },
  CONTRIBUTION_EXEMPTION_REVOKED: {
    status: 409,
    fr: 'Cette exonération est déjà révoquée depuis le {revokedFrom}.',
    en: 'This exemption is already revoked from {revokedFrom}.',
  },
  CONTRIBUTION_REVOCATION_OUTSIDE: {
    status: 422,
    fr: 'La révocation prend effet entre le premier et le dernier jour de l’exonération (du {fromOn} au {toOn}).',
    en: 'A revocation takes effect between the exemption’s first and last days ({fromOn} to {toOn}).',
  },
  CONTRIBUTION_REVOCATION_CLOSED_YEAR: {
    status: 409,
    fr: 'Le {revokedFrom} appartient à un exercice clôturé : aucun calcul ne pourrait plus régulariser la contribution.',
    en: '{revokedFrom} belongs to a closed fiscal year: no run could correct the contribution any more.',
  },
  CONTRIBUTION_MONTH_NOT_OVER: {
    status: 422,
    fr: 'Le mois {month} n’est pas terminé : sa contribution se calcule une fois le mois fini.',
    en: 'The month {month} is not over: its contribution is computed once the month has ended.',
  },
  CONTRIBUTION_YEAR_CLOSED: {
    status: 409,
    fr: 'Le mois {month} appartient à un exercice clôturé : plus aucune contribution n’y est passée.',
    en: 'The month {month} belongs to a closed fiscal year: no contribution can be posted there any more.',
  },
  CONTRIBUTION_MONTH_LOCKED: {
    status: 409,
    fr: 'Le mois {month} est dans une période verrouillée (jusqu’au {lockDate} inclus).',
    en: 'The month {month} is in a locked period (up to and including {lockDate}).',
  },
  CONTRIBUTION_MONTH_SUPERSEDED: {
    status: 409,
    fr: 'Le mois {latest} a déjà été calculé : relancez ce mois-là, il régularise les mois précédents.',
    en: 'The month {latest} has already been run: run that month again, it corrects the earlier ones.',
  },
  CONTRIBUTION_NO_STRUCTURE: {
    status: 409,
    fr: 'Aucune activité « structure » ne peut recevoir la contribution.',
    en: 'No structure activity can receive the contribution.',
  },
  SALARY_TARGET_UNREACHABLE: {
    status: 422,
    fr: "Aucun salaire brut jusqu'à 1 000 000 € par mois ne donne ce montant.",
    en: 'No gross salary up to €1,000,000 a month gives this amount.',
  },
  SALARY_PLAN_UNDER_CAPE: {
    status: 422,
    fr: "Pas de salaire en {month} : un CAPE n'est pas un contrat de travail (C. com. L127-3).",
    en: 'No salary in {month}: a CAPE is not an employment contract (C. com. L127-3).',
  },
  SALARY_PLAN_NO_CESA: {
    status: 422,
    fr: "Pas de contrat d'entrepreneur salarié (CESA) en cours en {month}.",
    en: 'No employee-entrepreneur contract (CESA) running in {month}.',
  },
  SALARY_PLAN_BELOW_FIXED_PART: {
    status: 422,
    fr: 'Le salaire ne peut être inférieur à la partie fixe du contrat en {month} ({fixed} € brut par mois).',
    en: "The salary cannot be below the contract's fixed part in {month} (€{fixed} gross a month).",
  },
  SALARY_PLAN_ALREADY_DECIDED: {
    status: 409,
    fr: 'Ce plan de salaire a déjà été traité ({status}).',
    en: 'This salary plan has already been dealt with ({status}).',
  },
  PAYROLL_MONTH_FUTURE: {
    status: 422,
    fr: 'La paie de {month} ne peut pas être faite avant le début du mois.',
    en: 'The payroll of {month} cannot be run before the month begins.',
  },
  PAYROLL_MONTH_CLOSED: {
    status: 409,
    fr: "La paie de {month} tomberait dans un exercice clôturé : aucune écriture n'y est plus possible.",
    en: 'The payroll of {month} would fall in a closed fiscal year: nothing can be posted there any more.',
  },
  PAYROLL_MONTH_LOCKED: {
    status: 409,
    fr: 'La paie de {month} tomberait dans une période verrouillée (jusqu’au {lockDate} inclus).',
    en: 'The payroll of {month} would fall in a locked period (up to and including {lockDate}).',
  },
  PAYROLL_MONTH_ALREADY_RUN: {
    status: 409,
    fr: 'La paie de {month} a déjà été faite pour chaque personne.',
    en: 'The payroll of {month} has already been run for everyone.',
  },
  PAYROLL_NOBODY_TO_PAY: {
    status: 422,
    fr: 'Personne n’a de contrat (CAPE ou CESA) en {month} : rien à enregistrer.',
    en: 'Nobody has a contract (CAPE or CESA) in {month}: nothing to record.',
  },
  PAYROLL_NO_ACTIVITY: {
    status: 422,
    fr: 'Aucune activité à laquelle imputer ce salaire en {month}.',
    en: 'No activity to charge this salary to in {month}.',
  },
  PAYROLL_TREASURY_SHORT: {
    status: 422,
    fr: 'La trésorerie disponible de {code} ({treasury} €) ne couvre pas le coût employeur ({cost} €) : il manque {shortfall} €. Une avance validée par la direction est nécessaire.',
    en: 'The available treasury of {code} (€{treasury}) does not cover the employer cost (€{cost}): €{shortfall} is missing. A manager must approve an advance.',
  },
  PAYROLL_ADVANCE_NOT_SALARIED: {
    status: 422,
    fr: 'Pas de salaire à avancer : aucun CESA en cours en {month}.',
    en: 'No salary to advance: no CESA running in {month}.',
  },
  PAYROLL_ADVANCE_EXISTS: {
    status: 409,
    fr: 'Une avance est déjà accordée pour {month}.',
    en: 'An advance has already been approved for {month}.',
  },
  PAYROLL_FUND_NOT_FOUND: {
    status: 422,
    fr: 'Ce fonds mutualisé n’existe pas.',
    en: 'No such mutual fund.',
  },
  PAYROLL_NOTHING_TO_PAY: {
    status: 409,
    fr: 'Aucun salaire net de {month} n’attend de virement.',
    en: 'No net salary of {month} is waiting to be transferred.',
  },
  PAYROLL_DEBTOR_ACCOUNT_MISSING: {
    status: 422,
    fr: 'Renseignez l’IBAN et le BIC de la coopérative dans les paramètres avant de préparer un virement.',
    en: "Enter the cooperative's IBAN and BIC in the settings before preparing a transfer.",
  },
  PAYROLL_PAYMENT_CONFIRMED: {
    status: 409,
    fr: 'Ce virement a déjà été confirmé.',
    en: 'This transfer has already been confirmed.',
  },
  PAYROLL_CREDITOR_IBAN_INVALID: {
    status: 422,
    fr: 'Le compte bancaire de {name} est absent ou invalide (IBAN ou BIC).',
    en: 'The bank account of {name} is missing or invalid (IBAN or BIC).',
  },
  PAYROLL_ASSEMBLY_BEFORE_YEAR_END: {
    status: 422,
    fr: 'L’assemblée qui approuve les comptes se tient après la fin de l’exercice ({endDate}).',
    en: 'The assembly approving the accounts is held after the end of the fiscal year ({endDate}).',
  },
  PAYROLL_EXECUTION_DATE_INVALID: {
    status: 422,
    fr: 'La date d’exécution ne peut précéder le mois payé ({month}) ni être passée.',
    en: 'The execution date can be neither before the month paid ({month}) nor in the past.',
  },
  PAYROLL_SETTINGS_MONTH_RUN: {
    status: 409,
    fr: 'La paie de {month} est déjà calculée : une nouvelle version des paramètres de paie commence après ce mois.',
    en: 'The payroll of {month} is already run: a new version of the payroll settings starts after that month.',
  },
  PAYROLL_FUND_SHORT: {
    status: 422,
    fr: 'Le fonds {code} ne couvre pas l’avance : {balance} € disponibles pour {needed} € à avancer.',
    en: 'The fund {code} does not cover the advance: €{balance} available for €{needed} to advance.',
  },
  PAYROLL_TRUE_UP_NOTHING: {
    status: 422,
    fr: 'Aucune part variable à régulariser pour cet exercice.',
    en: 'No variable part to true up for this fiscal year.',
  },
  PAYROLL_TRUE_UP_ALREADY_ACCRUED: {
    status: 409,
    fr: 'La part variable de l’exercice est déjà provisionnée pour {name}.',
    en: 'The fiscal year’s variable part is already accrued for {name}.',
  },
  PAYROLL_TRUE_UP_NOT_ACCRUED: {
    status: 409,
    fr: 'La part variable doit être provisionnée (4286) avant d’être payée.',
    en: 'The variable part must be accrued (4286) before it is paid.',
  },
  PAYROLL_TRUE_UP_PAID: {
    status: 409,
    fr: 'La régularisation de l’exercice est déjà payée.',
    en: 'The fiscal year’s true-up is already paid.',
  },
  // Bank statements and reconciliation (issue 9).
  BANK_FILE_NOT_STATEMENT: {
    status: 422,
    fr: "Ce fichier n'est pas un relevé bancaire lisible ({format}).",
    en: 'This file is not a readable bank statement ({format}).',
  },
  BANK_FILE_TRUNCATED: {
    status: 422,
    fr: 'Le fichier XML est incomplet ou mal formé (ligne {line}) : il a peut-être été tronqué.',
    en: 'The XML file is incomplete or malformed (line {line}): it may have been truncated.',
  },
  BANK_STATEMENT_OTHER_ACCOUNT: {
    status: 422,
    fr: "Ce relevé est celui d'un autre compte ({found}), pas de {expected}.",
    en: 'This statement belongs to another account ({found}), not {expected}.',
  },
  BANK_CSV_MAPPING_INVALID: {
    status: 422,
    fr: 'Le fichier CSV ne correspond pas au paramétrage des colonnes : {problem}.',
    en: 'The CSV file does not fit the column mapping: {problem}.',
  },
  BANK_AMOUNT_INVALID: {
    status: 422,
    fr: 'Montant illisible ligne {line} : « {value} ».',
    en: 'Unreadable amount on line {line}: "{value}".',
  },
  BANK_DATE_INVALID: {
    status: 422,
    fr: 'Date inexistante ou illisible ligne {line} : « {value} ».',
    en: 'Date that does not exist or cannot be read on line {line}: "{value}".',
  },
  BANK_STATEMENT_EMPTY: {
    status: 422,
    fr: 'Ce relevé ne contient aucune opération comptabilisée.',
    en: 'This statement holds no booked transaction.',
  },
  BANK_IBAN_INVALID: {
    status: 422,
    fr: "Cet IBAN n'est pas valide.",
    en: 'This IBAN is not valid.',
  },
  BANK_ACCOUNT_EXISTS: {
    status: 409,
    fr: 'Un compte bancaire porte déjà cet IBAN.',
    en: 'A bank account already has this IBAN.',
  },
  BANK_LEDGER_ACCOUNT_INVALID: {
    status: 422,
    fr: 'Le compte {accountNumber} doit être un compte de banque 512 du plan comptable, et le journal {journalCode} doit exister.',
    en: 'Account {accountNumber} must be a 512 bank account of the chart, and journal {journalCode} must exist.',
  },
  BANK_UPLOAD_UNKNOWN: {
    status: 404,
    fr: 'Ce téléversement est introuvable ou déjà importé.',
    en: 'This upload cannot be found or was already imported.',
  },
  BANK_LINE_ALREADY_MATCHED: {
    status: 409,
    fr: 'Cette ligne de relevé est déjà rapprochée.',
    en: 'This statement line is already matched.',
  },
  BANK_LINE_NOT_IN_SUSPENSE: {
    status: 409,
    fr: "Cette ligne de relevé n'est pas en compte d'attente.",
    en: 'This statement line is not in the suspense account.',
  },
  BANK_LINE_MATCHED_NOT_DELETABLE: {
    status: 409,
    fr: "Une ligne rapprochée ou passée en compte d'attente ne peut pas être supprimée.",
    en: 'A line that is matched or posted to suspense cannot be deleted.',
  },
  BANK_ALLOCATION_UNBALANCED: {
    status: 422,
    fr: 'La répartition ({allocatedCents} centimes) ne fait pas le montant de la ligne ({lineCents} centimes).',
    en: 'The split ({allocatedCents} cents) does not add up to the line ({lineCents} cents).',
  },
  BANK_ALLOCATION_DIRECTION: {
    status: 422,
    fr: "Un encaissement se rapproche de factures, un décaissement d'un virement groupé.",
    en: 'A credit is matched to invoices, a debit to a transfer batch.',
  },
  BANK_BATCH_AMOUNT_MISMATCH: {
    status: 422,
    fr: 'Le virement groupé fait {batchCents} centimes, la ligne {lineCents}.',
    en: 'The transfer batch is {batchCents} cents, the line {lineCents}.',
  },
  // Expenses and purchases (issue 7).
  EXPENSE_STATUS_REFUSED: {
    status: 409,
    fr: 'Impossible dans l’état actuel ({status}).',
    en: 'Not possible in the current state ({status}).',
  },
  EXPENSE_SELF_APPROVAL: {
    status: 403,
    fr: 'Personne ne valide sa propre dépense.',
    en: 'Nobody approves their own expense.',
  },
  EXPENSE_ALREADY_APPROVED_BY_YOU: {
    status: 409,
    fr: 'Vous avez déjà validé cette dépense : une seconde personne doit la valider.',
    en: 'You have already approved this expense: a second person must approve it.',
  },
  EXPENSE_REJECT_REASON_REQUIRED: {
    status: 422,
    fr: 'Un refus doit être motivé.',
    en: 'A rejection needs a reason.',
  },
  EXPENSE_DATE_IN_FUTURE: {
    status: 422,
    fr: 'La date d’une dépense ne peut être dans le futur ({date}).',
    en: 'An expense cannot be dated in the future ({date}).',
  },
  EXPENSE_DATE_CLOSED_YEAR: {
    status: 422,
    fr: 'La date {date} tombe dans un exercice clôturé.',
    en: 'The date {date} falls in a closed fiscal year.',
  },
  EXPENSE_CATEGORY_UNKNOWN: {
    status: 422,
    fr: 'Cette catégorie de dépense n’existe pas dans la coopérative.',
    en: 'This expense category does not exist in the cooperative.',
  },
  EXPENSE_RECEIPT_TYPE: {
    status: 415,
    fr: 'Le justificatif doit être une photo (JPEG, PNG, WebP, HEIC) ou un PDF.',
    en: 'The receipt must be a photo (JPEG, PNG, WebP, HEIC) or a PDF.',
  },
  EXPENSE_RECEIPT_TOO_LARGE: {
    status: 413,
    fr: 'Le justificatif dépasse {limit}.',
    en: 'The receipt exceeds {limit}.',
  },
  EXPENSE_RECEIPT_MISSING: {
    status: 422,
    fr: 'Chaque dépense a besoin de son justificatif (ligne {line}).',
    en: 'Every expense needs its receipt (line {line}).',
  },
  EXPENSE_PDF_REQUIRED: {
    status: 422,
    fr: 'La facture fournisseur doit être jointe en PDF.',
    en: 'The supplier invoice must be attached as a PDF.',
  },
  EXPENSE_MILEAGE_SCALE_MISSING: {
    status: 422,
    fr: 'Aucun barème kilométrique en vigueur au {date}.',
    en: 'No mileage scale in force on {date}.',
  },
  SUPPLIER_INVOICE_DUPLICATE: {
    status: 409,
    fr: 'La facture {number} de ce fournisseur est déjà enregistrée.',
    en: 'Invoice {number} from this supplier is already recorded.',
  },
  EXPENSE_ALREADY_PAID: {
    status: 409,
    fr: 'Cette dépense est déjà payée ou dans un lot de paiement en cours.',
    en: 'This expense is already paid or in a payment batch under way.',
  },
  EXPENSE_AMOUNT_ABOVE_OWED: {
    status: 422,
    fr: 'Le montant dépasse ce qui reste dû ({owed}).',
    en: 'The amount exceeds what is still owed ({owed}).',
  },
  EXPENSE_PAYEE_IBAN_MISSING: {
    status: 422,
    fr: 'Pas d’IBAN valide pour {name} : impossible de virer.',
    en: 'No valid IBAN for {name}: no transfer possible.',
  },
  EXPENSE_BATCH_CONFIRMED: {
    status: 409,
    fr: 'Ce lot de paiement a déjà été confirmé.',
    en: 'This payment batch has already been confirmed.',
  },
  EXPENSE_BATCH_LINE_UNKNOWN: {
    status: 422,
    fr: 'Cette ligne n’appartient pas au lot de paiement.',
    en: 'This line does not belong to the payment batch.',
  },
  EXPENSE_EXECUTION_DATE_PAST: {
    status: 422,
    fr: 'La date d’exécution d’un lot de paiement ne peut être passée.',
    en: 'A payment batch cannot be executed on a past date.',
  },
  EXPENSE_NO_MEMBER_FILE: {
    status: 422,
    fr: 'Vous n’êtes pas membre de cette activité.',
    en: 'You are not a member of this activity.',
  },
} as const satisfies Record<string, Entry>;

export type ErrorCode = keyof typeof errorCatalog;

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(errorCatalog, code);
}

/** The message for a code in a language, with {placeholders} filled from details. */
export function describeError(
  code: ErrorCode,
  locale: Locale,
  details: Record<string, unknown> = {},
): string {
  const template = errorCatalog[code][locale];
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    details[key] === undefined ? whole : String(details[key]),
  );
}
