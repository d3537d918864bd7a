import type { FormErrors } from '@mantine/form';
import type { z } from 'zod';
import { describeIssue } from '../../core/validation/describe-issue.ts';
import { ApiError } from './api-client.ts';
import { currentLocale, i18n } from './i18n.ts';

/** Our shared keys (core) first, then keys only the web's forms use ("validation.<key>" in the locales). */
function message(issue: z.core.$ZodIssue): string {
  const webKey = `validation.${issue.message}`;
  if (i18n.exists(webKey)) return i18n.t(webKey);
  return describeIssue(issue, currentLocale());
}

/**
 * Validates a Mantine form with the same zod schema as the API, with messages in the UI's language
 * (our own message keys from core, zod's French or English messages otherwise). Errors are keyed by
 * dotted path, as Mantine expects ("address.city").
 */
export function zodFormResolver<T extends z.ZodType>(schema: T) {
  return (values: unknown): FormErrors => {
    const result = schema.safeParse(values);
    if (result.success) return {};
    const errors: FormErrors = {};
    for (const issue of result.error.issues) {
      const path = issue.path.map(String).join('.');
      if (errors[path] === undefined) errors[path] = message(issue);
    }
    return errors;
  };
}

/** The server's field errors (problem.errors) as Mantine form errors. */
export function toFormErrors(fieldErrors: { path: string; message: string }[]): FormErrors {
  const errors: FormErrors = {};
  for (const e of fieldErrors) if (errors[e.path] === undefined) errors[e.path] = e.message;
  return errors;
}

/** Puts the server's field errors beside the fields (the alert above the form keeps the summary). */
export function showServerErrors(form: { setErrors: (errors: FormErrors) => void }, error: unknown) {
  if (error instanceof ApiError && error.fieldErrors.length > 0)
    form.setErrors(toFormErrors(error.fieldErrors));
}
