import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError } from '../../core/errors/app-error.ts';
import { describeError, type ErrorCode, errorCatalog } from '../../core/errors/error-catalog.ts';
import type { Locale } from '../../core/i18n/locale.ts';
import { describeIssues, type FieldError } from '../../core/validation/describe-issue.ts';
import { fieldMessages, isFieldMessageKey } from '../../core/validation/field-messages.ts';

export type Problem = {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  errors?: FieldError[];
};

/** RFC 9457 problem document for an AppError, translated into the caller's language. */
export function toProblem(error: AppError, locale: Locale): Problem {
  const { status } = errorCatalog[error.code];
  const message = describeError(error.code, locale, error.details);
  const problem: Problem = {
    type: `https://mutua.coop/problems/${error.code.toLowerCase().replace(/_/g, '-')}`,
    title: error.code,
    status,
    code: error.code,
    detail: message,
  };
  const zodError = error.details.zodError as z.ZodError | undefined;
  if (zodError) problem.errors = describeIssues(zodError, locale);
  const fields = error.details.fields as { path: string; key: string }[] | undefined;
  if (fields) {
    problem.errors = fields.map((f) => ({
      path: f.path,
      message: isFieldMessageKey(f.key) ? fieldMessages[f.key][locale] : f.key,
    }));
  }
  return problem;
}

export function problemResponse(c: Context, error: AppError, locale: Locale) {
  const problem = toProblem(error, locale);
  return c.body(JSON.stringify(problem), problem.status as 400, {
    'content-type': 'application/problem+json; charset=utf-8',
    'content-language': locale,
  });
}

export { AppError };
