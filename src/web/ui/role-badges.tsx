import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const colors: Record<string, string> = {
  member: 'blue',
  support: 'grape',
  accountant: 'orange',
  manager: 'cyan',
  admin: 'red',
};

/** Roles as badges with words (never colour alone). */
export function RoleBadges({ roles }: { roles: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {roles.map((role) => (
        <Badge key={role} color={colors[role] ?? 'gray'} variant="light" size="sm">
          {t(`roles.${role}`)}
        </Badge>
      ))}
    </Group>
  );
}
