import { useTranslation } from 'react-i18next';

type Labels = Record<string, string>;

/**
 * Labels of the audit log in the reader's language. Action keys are dotted ("member.update.self"), so they
 * are read from a flat table rather than through i18next's dotted paths; an action not yet translated
 * shows as recorded. Families and object types are the ones the locale names.
 */
export function useAuditLabels() {
  const { t } = useTranslation();
  const actions = t('auditAction', { returnObjects: true }) as Labels;
  const families = t('auditFamily', { returnObjects: true }) as Labels;
  const objects = t('auditObject', { returnObjects: true }) as Labels;
  return {
    action: (action: string) => actions[action] ?? action,
    objectType: (type: string) => objects[type] ?? type,
    familyOptions: Object.entries(families).map(([value, label]) => ({ value, label })),
    objectOptions: Object.entries(objects).map(([value, label]) => ({ value, label })),
  };
}
