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
    fr: 'Trop de tentatives de connexion. Réessayez dans {minutes} minutes.',
    en: 'Too many log-in attempts. Try again in {minutes} minutes.',
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
