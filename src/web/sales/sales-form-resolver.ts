import type { FormErrors } from '@mantine/form';
import type { z } from 'zod';
import { describeIssue } from '../../core/validation/describe-issue.ts';
import { currentLocale, i18n } from '../app/i18n.ts';
import './sales-i18n.ts';

/**
 * The sales forms' message for a zod issue: core's messages, except the two zod's own wording makes
 * obscure to a member ("too small: >=1 characters" for an empty required field, whole cents for a price).
 */
export function salesIssueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) === 1)
    return i18n.t('sal.field.required');
  if (issue.message === 'amountCents.invalid') return i18n.t('sal.field.amountInvalid');
  return describeIssue(issue, currentLocale());
}

/** A Mantine form validated by the API's zod schema, with the messages above. */
export function salesFormResolver<T extends z.ZodType>(schema: T) {
  return (values: unknown): FormErrors => {
    const result = schema.safeParse(values);
    if (result.success) return {};
    const errors: FormErrors = {};
    for (const issue of result.error.issues) {
      const path = issue.path.map(String).join('.');
      if (errors[path] === undefined) errors[path] = salesIssueMessage(issue);
    }
    return errors;
  };
}
