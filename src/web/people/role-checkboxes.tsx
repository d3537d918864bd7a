import { Checkbox, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { roles } from '../../core/access/roles.ts';

/** The five roles, each with what it opens; a person may hold several. */
export function RoleCheckboxes(props: {
  value?: string[];
  onChange: (value: string[]) => void;
  error?: unknown;
}) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group
      label={t('people.roles')}
      description={t('people.rolesHint')}
      required
      value={props.value ?? []}
      onChange={props.onChange}
      error={props.error as string | undefined}
    >
      <Stack gap="xs" mt="xs">
        {roles.map((role) => (
          <Checkbox
            key={role}
            value={role}
            label={t(`roles.${role}`)}
            description={
              <Text span size="xs" c="dimmed">
                {t(`roleHints.${role}`)}
              </Text>
            }
          />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}
