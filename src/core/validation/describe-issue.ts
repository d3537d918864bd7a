import { z } from 'zod';
import type { Locale } from '../i18n/locale.ts';
import { fieldMessages, isFieldMessageKey } from './field-messages.ts';

const zodLocales = { fr: z.locales.fr(), en: z.locales.en() } as const;

export type FieldError = { path: string; message: string };

/** Translates one zod issue: our own message keys first, zod's built-in messages otherwise. */
export function describeIssue(issue: z.core.$ZodIssue, locale: Locale): string {
  if (isFieldMessageKey(issue.message)) return fieldMessages[issue.message][locale];
  const translated = zodLocales[locale].localeError?.(issue as never);
  if (typeof translated === 'string') return translated;
  if (translated && typeof translated === 'object' && 'message' in translated)
    return String(translated.message);
  return issue.message;
}

/** The field errors of a failed parse, as the problem document lists them. */
export function describeIssues(error: z.ZodError, locale: Locale): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: describeIssue(issue, locale),
  }));
}
